//! Unit tests of `wijzigingen`.

use super::*;
use crate::model::organisatie::tests::actie;

fn regel(
    versie: i32,
    tijdstip: &str,
    status: (Option<Status>, Status),
    gezondheid: (Option<Gezondheid>, Option<Gezondheid>),
) -> Voortgangsupdate {
    Voortgangsupdate {
        id: Some(format!("u{versie}")),
        versie,
        tijdstip: tijdstip.to_string(),
        door: "test".to_string(),
        status_van: status.0,
        status_naar: status.1,
        gezondheid_van: gezondheid.0,
        gezondheid_naar: gezondheid.1,
        gezondheid_reden_van: None,
        gezondheid_reden_naar: None,
        voortgang_van: None,
        voortgang_naar: None,
        toelichting: None,
        velden: None,
        uit_bron: None,
    }
}

#[test]
fn dates_round_trip() {
    for d in [
        "1970-01-01",
        "2000-02-29",
        "2024-12-31",
        "2026-03-01",
        "1999-01-10",
    ] {
        let n = dagnummer(d).expect("valid");
        assert_eq!(datum_van(n), d);
    }
    assert_eq!(dagnummer("1970-01-02"), Some(1));
    assert_eq!(dagnummer("2025-02-29"), None);
    assert_eq!(dagnummer("2025-13-01"), None);
    assert_eq!(dagnummer("nope"), None);
    assert_eq!(dagnummer("2026-11-16T09:30:00Z"), dagnummer("2026-11-16"));
    assert!(!is_datum("2026-11-16T09:30:00Z"));
}

#[test]
fn weeks_before_cross_months_and_years() {
    assert_eq!(weken_ervoor("2026-03-23", 4).as_deref(), Some("2026-02-23"));
    assert_eq!(weken_ervoor("2026-01-10", 2).as_deref(), Some("2025-12-27"));
    assert_eq!(weken_ervoor("2024-03-07", 1).as_deref(), Some("2024-02-29"));
}

#[test]
fn previous_and_next_meeting() {
    let datums: Vec<String> = ["2026-07-06", "2020-11-20", "2026-11-16", "2026-03-23"]
        .map(String::from)
        .to_vec();
    assert_eq!(vorige_vergadering(&datums, "2026-11-23"), Some("2026-11-16"));
    assert_eq!(volgende_vergadering(&datums, "2026-11-23"), None);
    assert_eq!(vorige_vergadering(&datums, "2026-07-06"), Some("2026-03-23"));
    assert_eq!(volgende_vergadering(&datums, "2026-07-06"), Some("2026-07-06"));
    assert_eq!(vorige_vergadering(&datums, "2019-01-01"), None);
}

#[test]
fn weeks_from_the_query() {
    assert_eq!(weken_uit_query(None), 4);
    assert_eq!(weken_uit_query(Some("6")), 6);
    assert_eq!(weken_uit_query(Some("0")), 4);
    assert_eq!(weken_uit_query(Some("x")), 4);
}

#[test]
fn classifies_history_rows() {
    let aangemaakt = regel(1, "2026-01-01T00:00:00Z", (None, Status::Gepland), (None, None));
    assert!(SoortWijziging::van(&aangemaakt).is_empty());
    let af = regel(
        2,
        "2026-01-01T00:00:00Z",
        (Some(Status::InUitvoering), Status::Afgerond),
        (Some(Gezondheid::OpKoers), None),
    );
    assert_eq!(SoortWijziging::van(&af), [SoortWijziging::Afgerond]);
    let risico = regel(
        3,
        "2026-01-01T00:00:00Z",
        (Some(Status::Gepland), Status::InUitvoering),
        (None, Some(Gezondheid::Risico)),
    );
    assert_eq!(
        SoortWijziging::van(&risico),
        [SoortWijziging::Status, SoortWijziging::Gezondheid]
    );
    let beter = regel(
        4,
        "2026-01-01T00:00:00Z",
        (Some(Status::InUitvoering), Status::InUitvoering),
        (Some(Gezondheid::Risico), Some(Gezondheid::OpKoers)),
    );
    assert!(SoortWijziging::van(&beter).is_empty());
}

#[test]
fn changes_since_a_date_keep_the_latest_of_each_kind() {
    let mut a = actie("a", "p", "o", 1);
    a.historie = Some(vec![
        regel(1, "2026-01-01T10:00:00Z", (None, Status::Gepland), (None, None)),
        // Before the date: not counted.
        regel(
            2,
            "2026-03-22T23:59:59Z",
            (Some(Status::Gepland), Status::InUitvoering),
            (None, None),
        ),
        regel(
            3,
            "2026-03-23T08:00:00Z",
            (Some(Status::InUitvoering), Status::InUitvoering),
            (None, Some(Gezondheid::Aandacht)),
        ),
        regel(
            4,
            "2026-04-01T08:00:00Z",
            (Some(Status::InUitvoering), Status::InUitvoering),
            (Some(Gezondheid::Aandacht), Some(Gezondheid::Risico)),
        ),
    ]);
    let mut b = actie("b", "p", "o", 1);
    b.historie = Some(vec![regel(
        1,
        "2026-05-01T00:00:00Z",
        (None, Status::Gepland),
        (None, None),
    )]);
    let w = wijzigingen(&[a, b], "2026-03-23");
    let vorm: Vec<_> = w
        .iter()
        .map(|w| (w.actie.id.as_str(), w.soort, w.regel.versie))
        .collect();
    assert_eq!(vorm, [("a", SoortWijziging::Gezondheid, 4)]);
}

#[test]
fn changes_are_grouped_per_plan_by_title() {
    let mut a = actie("a", "z", "o", 1);
    let mut b = actie("b", "y", "o", 1);
    let r = regel(
        2,
        "2026-04-01T00:00:00Z",
        (Some(Status::InUitvoering), Status::Afgerond),
        (None, None),
    );
    a.historie = Some(vec![r.clone()]);
    b.historie = Some(vec![r]);
    let plannen = per_plan(wijzigingen(&[a, b], "2026-01-01"));
    let ids: Vec<_> = plannen.iter().map(|(id, _, w)| (id.as_str(), w.len())).collect();
    assert_eq!(ids, [("y", 1), ("z", 1)]);
}

#[test]
fn acties_without_a_recent_update_are_flagged() {
    let met = |id: &str, status, tijdstip: &str| {
        let mut a = actie(id, "p", "o", 1);
        a.status = status;
        a.historie = Some(vec![regel(1, tijdstip, (None, status), (None, None))]);
        a
    };
    let acties = [
        met("oud", Status::InUitvoering, "2026-01-01T12:00:00Z"),
        met("heel-oud", Status::Doorlopend, "2025-06-01T12:00:00Z"),
        met("recent", Status::InUitvoering, "2026-06-20T12:00:00Z"),
        met("grens", Status::InUitvoering, "2026-06-08T00:00:00Z"),
        met("af", Status::Afgerond, "2025-01-01T12:00:00Z"),
        met("gepland", Status::Gepland, "2025-01-01T12:00:00Z"),
    ];
    // Next meeting 2026-07-06, four weeks: the limit is 2026-06-08.
    let ids: Vec<String> = zonder_update(&acties, "2026-07-06", 4)
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, ["heel-oud", "oud"]);
}
