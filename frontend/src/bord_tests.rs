//! Unit tests of `bord`.

use super::*;
use crate::model::actie_regel::Voortgangsupdate;
use crate::model::organisatie::tests::actie;

fn regel(
    versie: i32,
    tijdstip: &str,
    status: (Option<Status>, Status),
    gezondheid: (Option<Gezondheid>, Option<Gezondheid>),
) -> Voortgangsupdate {
    Voortgangsupdate {
        id: None,
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

/// An actie of opgave o1 (plan p1), created on 2026-01-01 in uitvoering/op koers, with later `regels`.
fn met_historie(id: &str, nu: (Status, Option<Gezondheid>), regels: Vec<Voortgangsupdate>) -> ActieRegel {
    let mut historie = vec![regel(
        1,
        "2026-01-01T10:00:00Z",
        (None, Status::InUitvoering),
        (None, Some(Gezondheid::OpKoers)),
    )];
    historie.extend(regels);
    ActieRegel {
        status: nu.0,
        gezondheid: nu.1,
        historie: Some(historie),
        ..actie(id, "p1", "o1", 1)
    }
}

#[test]
fn state_at_a_date_comes_from_the_first_later_row() {
    let a = met_historie(
        "a",
        (Status::Afgerond, None),
        vec![
            regel(
                2,
                "2026-11-20T08:00:00Z",
                (Some(Status::InUitvoering), Status::InUitvoering),
                (Some(Gezondheid::OpKoers), Some(Gezondheid::Risico)),
            ),
            regel(
                3,
                "2026-11-25T08:00:00Z",
                (Some(Status::InUitvoering), Status::Afgerond),
                (Some(Gezondheid::Risico), None),
            ),
        ],
    );
    let toen = stand_op(&a, "2026-11-16").expect("existed");
    assert_eq!(toen.status, Status::InUitvoering);
    assert_eq!(toen.gezondheid, Some(Gezondheid::OpKoers));
    // A row on the meeting's own day counts as after it.
    let toen = stand_op(&a, "2026-11-20").expect("existed");
    assert_eq!(toen.gezondheid, Some(Gezondheid::OpKoers));
    // Nothing since: as it is now.
    assert_eq!(
        stand_op(&a, "2026-12-01").map(|s| s.status),
        Some(Status::Afgerond)
    );
    // Created after the date: it did not exist.
    assert_eq!(stand_op(&a, "2025-06-01"), None);
}

#[test]
fn change_counts_completed_acties_and_health() {
    let afgerond = met_historie(
        "a",
        (Status::Afgerond, None),
        vec![regel(
            2,
            "2026-11-25T08:00:00Z",
            (Some(Status::InUitvoering), Status::Afgerond),
            (Some(Gezondheid::OpKoers), None),
        )],
    );
    let risico = met_historie(
        "b",
        (Status::InUitvoering, Some(Gezondheid::Risico)),
        vec![regel(
            2,
            "2026-11-30T08:00:00Z",
            (Some(Status::InUitvoering), Status::InUitvoering),
            (Some(Gezondheid::OpKoers), Some(Gezondheid::Risico)),
        )],
    );
    let stil = met_historie("c", (Status::InUitvoering, Some(Gezondheid::OpKoers)), vec![]);
    let nieuw = ActieRegel {
        historie: Some(vec![regel(
            1,
            "2026-11-28T08:00:00Z",
            (None, Status::Gepland),
            (None, None),
        )]),
        status: Status::Gepland,
        ..actie("d", "p1", "o2", 2)
    };
    let alle = vec![afgerond, risico, stil, nieuw];
    let v = verschil(van_opgave(&alle, "o1"), "2026-11-16");
    // Then 0 of 3 afgerond, now 1 of 3: +33 points.
    assert_eq!(v.afgerond, 1);
    assert_eq!(v.afgerond_punten, 33);
    assert_eq!(v.gezondheid(Gezondheid::OpKoers), -2);
    assert_eq!(v.gezondheid(Gezondheid::Risico), 1);
    assert_eq!(v.gezondheid(Gezondheid::Aandacht), 0);
    // The plan also holds the new gepland actie of o2: then 0 of 3, now 1 of 4 → 25 points.
    let p = verschil(van_plan(&alle, "p1"), "2026-11-16");
    assert_eq!(p.afgerond_punten, 25);
    assert!(!p.is_leeg());
    assert!(verschil(van_opgave(&alle, "o1"), "2026-12-01").is_leeg());
}

#[test]
fn overdue_counts_only_acties_in_progress_without_a_recent_update() {
    let oud = met_historie("a", (Status::InUitvoering, Some(Gezondheid::OpKoers)), vec![]);
    let klaar = met_historie("b", (Status::Afgerond, None), vec![]);
    let recent = met_historie(
        "c",
        (Status::InUitvoering, Some(Gezondheid::OpKoers)),
        vec![regel(
            2,
            "2026-11-30T08:00:00Z",
            (Some(Status::InUitvoering), Status::InUitvoering),
            (Some(Gezondheid::OpKoers), Some(Gezondheid::OpKoers)),
        )],
    );
    let alle = vec![oud, klaar, recent];
    assert_eq!(aantal_te_laat(van_opgave(&alle, "o1"), "2026-12-02", 4), 1);
    assert_eq!(aantal_te_laat(van_opgave(&alle, "o2"), "2026-12-02", 4), 0);
}
