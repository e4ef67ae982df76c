//! Unit tests of the roll-up rules on hand-made examples.

use super::*;

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
