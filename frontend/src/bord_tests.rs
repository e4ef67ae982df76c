//! Unit tests of `bord`.

use super::*;
use crate::model::{GezondheidAantal, StatusAantal};

/// A roll-up with these counts per status and per health (of the acties in progress), its share afgerond
/// computed as the API does (gestopt not counted).
fn rollup(per_status: &[(Status, u32)], per_gezondheid: &[(Gezondheid, u32)]) -> RollupCijfers {
    let telt: u32 = per_status
        .iter()
        .filter(|(s, _)| *s != Status::Gestopt)
        .map(|(_, n)| n)
        .sum();
    let afgerond: u32 = per_status
        .iter()
        .filter(|(s, _)| *s == Status::Afgerond)
        .map(|(_, n)| n)
        .sum();
    RollupCijfers {
        totaal: per_status.iter().map(|(_, n)| n).sum(),
        aantal_verborgen: Some(0),
        aandeel_afgerond: if telt == 0 {
            0.0
        } else {
            100.0 * f64::from(afgerond) / f64::from(telt)
        },
        aandeel_in_uitvoering: 0.0,
        gemiddelde_voortgang: None,
        aantal_met_voortgang: Some(0),
        slechtste_gezondheid: None,
        aantal_per_status: per_status
            .iter()
            .map(|&(status, aantal)| StatusAantal { status, aantal })
            .collect(),
        aantal_per_gezondheid: Some(
            per_gezondheid
                .iter()
                .map(|&(gezondheid, aantal)| GezondheidAantal { gezondheid, aantal })
                .collect(),
        ),
    }
}

#[test]
fn change_counts_completed_acties_and_health() {
    // Then 3 in progress on track; now 1 afgerond, 1 at risk, 1 on track.
    let toen = rollup(&[(Status::InUitvoering, 3)], &[(Gezondheid::OpKoers, 3)]);
    let nu = rollup(
        &[(Status::InUitvoering, 2), (Status::Afgerond, 1)],
        &[(Gezondheid::OpKoers, 1), (Gezondheid::Risico, 1)],
    );
    let v = verschil(&nu, &toen);
    // Then 0 of 3 afgerond, now 1 of 3: +33 points.
    assert_eq!(v.afgerond, 1);
    assert_eq!(v.afgerond_punten, 33);
    assert_eq!(v.gezondheid(Gezondheid::OpKoers), -2);
    assert_eq!(v.gezondheid(Gezondheid::Risico), 1);
    assert_eq!(v.gezondheid(Gezondheid::Aandacht), 0);
    assert!(!v.is_leeg());
    // The plan also holds a new gepland actie: then 0 of 3, now 1 of 4 → 25 points.
    let plan_nu = rollup(
        &[
            (Status::Gepland, 1),
            (Status::InUitvoering, 2),
            (Status::Afgerond, 1),
        ],
        &[(Gezondheid::OpKoers, 1), (Gezondheid::Risico, 1)],
    );
    assert_eq!(verschil(&plan_nu, &toen).afgerond_punten, 25);
    assert!(verschil(&nu, &nu).is_leeg());
}

#[test]
fn points_are_those_the_screen_shows() {
    // 2 of 3 is 66.7 %, shown as 67 %; 1 of 3 is 33 %: 34 points, not 33.3.
    let toen = rollup(&[(Status::InUitvoering, 2), (Status::Afgerond, 1)], &[]);
    let nu = rollup(&[(Status::InUitvoering, 1), (Status::Afgerond, 2)], &[]);
    assert_eq!(verschil(&nu, &toen).afgerond_punten, 34);
    // A stopped actie leaves the share: 1 of 2 afgerond is 50 %.
    let gestopt = rollup(
        &[
            (Status::InUitvoering, 1),
            (Status::Afgerond, 1),
            (Status::Gestopt, 1),
        ],
        &[],
    );
    assert_eq!(verschil(&gestopt, &toen).afgerond_punten, 50 - 33);
    assert_eq!(verschil(&gestopt, &toen).afgerond, 0);
}
