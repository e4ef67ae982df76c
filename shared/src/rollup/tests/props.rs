//! Property tests of the roll-up invariants.

use super::*;
use proptest::prelude::*;

fn arb_status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL)
}

fn arb_gezondheid() -> impl Strategy<Value = Option<Gezondheid>> {
    prop::option::of(prop::sample::select(Gezondheid::ALL))
}

fn arb_voortgang() -> impl Strategy<Value = Option<Voortgang>> {
    prop::option::of((0i64..=100).prop_map(vg))
}

fn arb_stand() -> impl Strategy<Value = ActieStand> {
    (arb_status(), arb_gezondheid(), arb_voortgang()).prop_map(|(status, gezondheid, voortgang)| ActieStand {
        status,
        gezondheid,
        voortgang,
    })
}

fn arb_acties() -> impl Strategy<Value = Vec<ActieStand>> {
    prop::collection::vec(arb_stand(), 0..40)
}

/// Acties with a given status but otherwise arbitrary.
fn arb_stand_met(status: Status) -> impl Strategy<Value = ActieStand> {
    (arb_gezondheid(), arb_voortgang()).prop_map(move |(gezondheid, voortgang)| ActieStand {
        status,
        gezondheid,
        voortgang,
    })
}

proptest! {
    #[test]
    fn shares_and_average_are_percentages(acties in arb_acties()) {
        let r = rollup(acties.iter().copied());
        prop_assert!(is_percentage(r.aandeel_afgerond()), "aandeel_afgerond {}", r.aandeel_afgerond());
        prop_assert!(
            is_percentage(r.aandeel_in_uitvoering()),
            "aandeel_in_uitvoering {}",
            r.aandeel_in_uitvoering()
        );
        // Afgerond and in uitvoering are disjoint parts of the relevant acties.
        prop_assert!(r.aandeel_afgerond() + r.aandeel_in_uitvoering() <= 100.0 + 1e-9);
        if let Some(g) = r.gemiddelde_voortgang() {
            prop_assert!(is_percentage(g), "gemiddelde {}", g);
        }
    }

    #[test]
    fn counts_add_up(acties in arb_acties()) {
        let r = rollup(acties.iter().copied());
        let n = u32::try_from(acties.len()).unwrap();
        prop_assert_eq!(r.totaal(), n);
        prop_assert_eq!(r.per_status.iter().sum::<u32>(), n);
        for &s in Status::ALL {
            let verwacht = acties.iter().filter(|a| a.status == s).count();
            prop_assert_eq!(r.aantal(s) as usize, verwacht, "status {}", s);
        }
        let gestopt = acties.iter().filter(|a| a.status == Status::Gestopt).count();
        prop_assert_eq!(r.relevant() as usize, acties.len() - gestopt);
        for &g in Gezondheid::ALL {
            let verwacht = acties
                .iter()
                .filter(|a| a.status.is_actief() && a.gezondheid == Some(g))
                .count();
            prop_assert_eq!(r.aantal_gezondheid(g) as usize, verwacht, "gezondheid {}", g);
        }
        prop_assert!(r.per_gezondheid.iter().sum::<u32>() <= r.totaal());
    }

    #[test]
    fn figures_match_a_direct_computation(acties in arb_acties()) {
        let r = rollup(acties.iter().copied());
        let relevant: Vec<_> = acties.iter().filter(|a| a.status != Status::Gestopt).collect();
        let afgerond = relevant.iter().filter(|a| a.status == Status::Afgerond).count();
        let bezig = relevant.iter().filter(|a| a.status.is_actief()).count();
        if relevant.is_empty() {
            prop_assert_eq!(r.aandeel_afgerond(), 0.0);
            prop_assert_eq!(r.aandeel_in_uitvoering(), 0.0);
        } else {
            let d = relevant.len() as f64;
            prop_assert!((r.aandeel_afgerond() - afgerond as f64 * 100.0 / d).abs() < 1e-9);
            prop_assert!((r.aandeel_in_uitvoering() - bezig as f64 * 100.0 / d).abs() < 1e-9);
        }
        // Average: afgerond counts 100, gepland without figure 0, others their figure if any, gestopt never.
        let mut som = 0u64;
        let mut aantal = 0u64;
        for a in &acties {
            let p = match (a.status, a.voortgang) {
                (Status::Gestopt, _) => None,
                (Status::Afgerond, _) => Some(100),
                (Status::Gepland, None) => Some(0),
                (_, v) => v.map(|v| u64::from(v.procent())),
            };
            if let Some(p) = p {
                som += p;
                aantal += 1;
            }
        }
        match r.gemiddelde_voortgang() {
            None => prop_assert_eq!(aantal, 0),
            Some(g) => {
                prop_assert!(aantal > 0);
                prop_assert!((g - som as f64 / aantal as f64).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn merge_of_rollups_is_rollup_of_concatenation(a in arb_acties(), b in arb_acties()) {
        let ra = rollup(a.iter().copied());
        let rb = rollup(b.iter().copied());
        let beide = rollup(a.iter().chain(&b).copied());
        prop_assert_eq!(ra.merge(&rb), beide);
        // Commutative.
        prop_assert_eq!(rb.merge(&ra), beide);
        // The derived figures agree too.
        prop_assert_eq!(ra.merge(&rb).gemiddelde_voortgang(), beide.gemiddelde_voortgang());
        prop_assert_eq!(ra.merge(&rb).slechtste_gezondheid(), beide.slechtste_gezondheid());
    }

    #[test]
    fn merge_is_associative_with_empty_as_identity(
        a in arb_acties(),
        b in arb_acties(),
        c in arb_acties(),
    ) {
        let (ra, rb, rc) = (rollup(a), rollup(b), rollup(c));
        prop_assert_eq!(ra.merge(&rb).merge(&rc), ra.merge(&rb.merge(&rc)));
        prop_assert_eq!(ra.merge(&Rollup::default()), ra);
        prop_assert_eq!(Rollup::default().merge(&ra), ra);
    }

    #[test]
    fn rollup_ignores_order(
        (acties, geschud) in arb_acties().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        prop_assert_eq!(rollup(acties.iter().copied()), rollup(geschud));
        let mut omgekeerd = acties.clone();
        omgekeerd.reverse();
        prop_assert_eq!(rollup(acties), rollup(omgekeerd));
    }

    #[test]
    fn add_extends_the_rollup_by_one(acties in arb_acties(), extra in arb_stand()) {
        let mut r = rollup(acties.iter().copied());
        r.add(&extra);
        prop_assert_eq!(r, rollup(acties.iter().copied().chain([extra])));
        prop_assert_eq!(r.totaal() as usize, acties.len() + 1);
    }

    #[test]
    fn gestopt_acties_do_not_change_shares_or_average(
        acties in arb_acties(),
        gestopt in prop::collection::vec(arb_stand_met(Status::Gestopt), 1..5),
    ) {
        let zonder = rollup(acties.iter().copied());
        let met = rollup(acties.iter().chain(&gestopt).copied());
        prop_assert_eq!(met.totaal(), zonder.totaal() + u32::try_from(gestopt.len()).unwrap());
        prop_assert_eq!(met.relevant(), zonder.relevant());
        prop_assert_eq!(met.aandeel_afgerond(), zonder.aandeel_afgerond());
        prop_assert_eq!(met.aandeel_in_uitvoering(), zonder.aandeel_in_uitvoering());
        prop_assert_eq!(met.gemiddelde_voortgang(), zonder.gemiddelde_voortgang());
        prop_assert_eq!(met.slechtste_gezondheid(), zonder.slechtste_gezondheid());
    }

    #[test]
    fn worst_health_is_the_max_over_actief_acties(acties in arb_acties()) {
        let r = rollup(acties.iter().copied());
        let verwacht = acties
            .iter()
            .filter(|a| a.status.is_actief())
            .filter_map(|a| a.gezondheid)
            .max();
        prop_assert_eq!(r.slechtste_gezondheid(), verwacht);
    }

    #[test]
    fn health_on_non_actief_acties_is_ignored(
        acties in arb_acties(),
        status in prop::sample::select(vec![Status::Gepland, Status::Afgerond, Status::Gestopt]),
        g in prop::sample::select(Gezondheid::ALL),
        voortgang in arb_voortgang(),
    ) {
        let zonder = rollup(acties.iter().copied());
        let met = rollup(acties.iter().copied().chain([ActieStand { status, gezondheid: Some(g), voortgang }]));
        prop_assert_eq!(met.per_gezondheid, zonder.per_gezondheid);
        prop_assert_eq!(met.slechtste_gezondheid(), zonder.slechtste_gezondheid());
    }

    #[test]
    fn all_afgerond_gives_100_percent(
        acties in prop::collection::vec(arb_stand_met(Status::Afgerond), 1..30),
    ) {
        let r = rollup(acties);
        prop_assert_eq!(r.aandeel_afgerond(), 100.0);
        prop_assert_eq!(r.aandeel_in_uitvoering(), 0.0);
        prop_assert_eq!(r.gemiddelde_voortgang(), Some(100.0));
        prop_assert_eq!(r.slechtste_gezondheid(), None);
    }

    #[test]
    fn all_afgerond_plus_gestopt_still_gives_100_percent(
        afgerond in prop::collection::vec(arb_stand_met(Status::Afgerond), 1..20),
        gestopt in prop::collection::vec(arb_stand_met(Status::Gestopt), 0..20),
    ) {
        let r = rollup(afgerond.into_iter().chain(gestopt));
        prop_assert_eq!(r.aandeel_afgerond(), 100.0);
        prop_assert_eq!(r.gemiddelde_voortgang(), Some(100.0));
    }

    #[test]
    fn procent_tekst_of_a_whole_number_is_exact(n in 0i64..=100) {
        prop_assert_eq!(procent_tekst(n as f64), format!("{n} %"));
    }

    #[test]
    fn procent_tekst_rounds_to_the_nearest_whole_percent(p in 0.0f64..=100.0) {
        let tekst = procent_tekst(p);
        let getal = tekst.strip_suffix(" %").unwrap_or_else(|| panic!("geen ' %' in {tekst:?}"));
        let n: i64 = getal.parse().unwrap();
        prop_assert!((n as f64 - p).abs() <= 0.5, "{} -> {}", p, tekst);
        prop_assert!((0..=100).contains(&n));
    }
}
