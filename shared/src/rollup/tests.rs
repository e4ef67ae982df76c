//! Unit and property tests of the roll-up.

use super::*;
use proptest::prelude::*;

fn vg(p: i64) -> Voortgang {
    Voortgang::try_from(p).unwrap()
}

fn stand(status: Status, gezondheid: Option<Gezondheid>, voortgang: Option<i64>) -> ActieStand {
    ActieStand {
        status,
        gezondheid,
        voortgang: voortgang.map(vg),
    }
}

fn is_percentage(x: f64) -> bool {
    (0.0..=100.0).contains(&x)
}

// ---------------------------------------------------------------------------------------------------------
// Unit tests
// ---------------------------------------------------------------------------------------------------------

#[test]
fn empty_input_gives_zero_figures() {
    let r = rollup(Vec::new());
    assert_eq!(r, Rollup::default());
    assert_eq!(r.totaal(), 0);
    assert_eq!(r.relevant(), 0);
    assert_eq!(r.aandeel_afgerond(), 0.0);
    assert_eq!(r.aandeel_in_uitvoering(), 0.0);
    assert_eq!(r.gemiddelde_voortgang(), None);
    assert_eq!(r.slechtste_gezondheid(), None);
}

#[test]
fn effective_progress_follows_the_rules() {
    // Gestopt never counts, whatever was reported.
    assert_eq!(
        stand(Status::Gestopt, None, Some(80)).effectieve_voortgang(),
        None
    );
    assert_eq!(stand(Status::Gestopt, None, None).effectieve_voortgang(), None);
    // Afgerond is always 100.
    assert_eq!(
        stand(Status::Afgerond, None, None).effectieve_voortgang(),
        Some(100)
    );
    assert_eq!(
        stand(Status::Afgerond, None, Some(40)).effectieve_voortgang(),
        Some(100)
    );
    // Gepland without a figure is 0, with a figure that figure.
    assert_eq!(stand(Status::Gepland, None, None).effectieve_voortgang(), Some(0));
    assert_eq!(
        stand(Status::Gepland, None, Some(20)).effectieve_voortgang(),
        Some(20)
    );
    // Work in progress without a figure is left out: we never invent progress.
    assert_eq!(
        stand(Status::InUitvoering, None, None).effectieve_voortgang(),
        None
    );
    assert_eq!(stand(Status::Doorlopend, None, None).effectieve_voortgang(), None);
    assert_eq!(
        stand(Status::InUitvoering, None, Some(35)).effectieve_voortgang(),
        Some(35)
    );
    assert_eq!(
        stand(Status::Doorlopend, None, Some(70)).effectieve_voortgang(),
        Some(70)
    );
}

#[test]
fn a_mixed_set_rolls_up_to_the_expected_figures() {
    let r = rollup([
        stand(Status::Afgerond, None, None),
        stand(Status::InUitvoering, Some(Gezondheid::Aandacht), Some(50)),
        stand(Status::Gepland, None, None),
        stand(Status::Doorlopend, Some(Gezondheid::Risico), None),
        stand(Status::Gestopt, None, Some(30)),
    ]);
    assert_eq!(r.totaal(), 5);
    assert_eq!(r.relevant(), 4);
    assert_eq!(r.per_status, [1, 1, 1, 1, 1]);
    assert_eq!(r.per_gezondheid, [0, 1, 1]);
    assert_eq!(r.aandeel_afgerond(), 25.0);
    assert_eq!(r.aandeel_in_uitvoering(), 50.0);
    // Afgerond 100, in uitvoering 50, gepland 0; doorlopend without figure and gestopt are left out.
    assert_eq!(r.voortgang_aantal, 3);
    assert_eq!(r.voortgang_som, 150);
    assert_eq!(r.gemiddelde_voortgang(), Some(50.0));
    assert_eq!(r.slechtste_gezondheid(), Some(Gezondheid::Risico));
}

#[test]
fn all_afgerond_is_100_percent() {
    let r = rollup(vec![stand(Status::Afgerond, None, Some(10)); 7]);
    assert_eq!(r.totaal(), 7);
    assert_eq!(r.aandeel_afgerond(), 100.0);
    assert_eq!(r.aandeel_in_uitvoering(), 0.0);
    assert_eq!(r.gemiddelde_voortgang(), Some(100.0));
    assert_eq!(procent_tekst(r.aandeel_afgerond()), "100 %");
}

#[test]
fn only_gestopt_counts_in_total_but_nowhere_else() {
    let r = rollup(vec![
        stand(Status::Gestopt, Some(Gezondheid::Risico), Some(60));
        3
    ]);
    assert_eq!(r.totaal(), 3);
    assert_eq!(r.aantal(Status::Gestopt), 3);
    assert_eq!(r.relevant(), 0);
    assert_eq!(r.aandeel_afgerond(), 0.0);
    assert_eq!(r.aandeel_in_uitvoering(), 0.0);
    assert_eq!(r.gemiddelde_voortgang(), None);
    assert_eq!(r.slechtste_gezondheid(), None);
}

#[test]
fn progress_in_uitvoering_without_figure_gives_no_average() {
    let r = rollup([
        stand(Status::InUitvoering, Some(Gezondheid::OpKoers), None),
        stand(Status::Doorlopend, None, None),
    ]);
    assert_eq!(r.voortgang_aantal, 0);
    assert_eq!(r.gemiddelde_voortgang(), None);
    assert_eq!(r.aandeel_in_uitvoering(), 100.0);
    assert_eq!(r.slechtste_gezondheid(), Some(Gezondheid::OpKoers));
}

#[test]
fn health_of_acties_not_in_progress_is_ignored() {
    let r = rollup([
        stand(Status::Gepland, Some(Gezondheid::Risico), None),
        stand(Status::Afgerond, Some(Gezondheid::Risico), None),
        stand(Status::Gestopt, Some(Gezondheid::Risico), None),
        stand(Status::InUitvoering, Some(Gezondheid::Aandacht), Some(10)),
    ]);
    assert_eq!(r.per_gezondheid, [0, 1, 0]);
    assert_eq!(r.aantal_gezondheid(Gezondheid::Risico), 0);
    assert_eq!(r.slechtste_gezondheid(), Some(Gezondheid::Aandacht));
}

#[test]
fn worst_health_is_none_when_no_actief_actie_reports_one() {
    let r = rollup([
        stand(Status::InUitvoering, None, Some(10)),
        stand(Status::Gepland, Some(Gezondheid::Aandacht), None),
    ]);
    assert_eq!(r.slechtste_gezondheid(), None);
}

#[test]
fn shares_are_fractions_of_the_relevant_acties() {
    let r = rollup([
        stand(Status::Afgerond, None, None),
        stand(Status::Gepland, None, None),
        stand(Status::Gepland, None, None),
    ]);
    assert!((r.aandeel_afgerond() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(procent_tekst(r.aandeel_afgerond()), "33 %");
    assert!((r.gemiddelde_voortgang().unwrap() - 100.0 / 3.0).abs() < 1e-9);
}

#[test]
fn merge_with_the_empty_rollup_is_identity() {
    let r = rollup([
        stand(Status::Afgerond, None, None),
        stand(Status::Doorlopend, Some(Gezondheid::Risico), Some(30)),
    ]);
    assert_eq!(r.merge(&Rollup::default()), r);
    assert_eq!(Rollup::default().merge(&r), r);
}

#[test]
fn procent_tekst_rounds_to_whole_percents() {
    assert_eq!(procent_tekst(0.0), "0 %");
    assert_eq!(procent_tekst(100.0), "100 %");
    assert_eq!(procent_tekst(42.4), "42 %");
    assert_eq!(procent_tekst(42.5), "43 %");
    assert_eq!(procent_tekst(42.6), "43 %");
    assert_eq!(procent_tekst(66.666_666), "67 %");
    assert_eq!(procent_tekst(99.6), "100 %");
    assert_eq!(procent_tekst(0.4), "0 %");
}

#[test]
fn rollup_survives_a_json_round_trip() {
    let r = rollup([
        stand(Status::Afgerond, None, None),
        stand(Status::InUitvoering, Some(Gezondheid::Aandacht), Some(50)),
        stand(Status::Gestopt, None, None),
    ]);
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<Rollup>(&json).unwrap(), r);
}

// ---------------------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------------------

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
