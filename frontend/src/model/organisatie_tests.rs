//! Unit tests of `organisatie`.

use super::*;
use crate::model::actie::{OpgaveNaam, PlanNaam};
use crate::model::actie_regel::Organisatie;
use koers_shared::Status;

/// An actie of plan `plan` and opgave `opgave` (volgorde `volgorde`) for the tests.
pub(crate) fn actie(id: &str, plan: &str, opgave: &str, volgorde: i32) -> ActieRegel {
    ActieRegel {
        gewijzigd_op: Some("2025-01-01T00:00:00Z".to_string()),
        opgave: Some(OpgaveNaam {
            id: opgave.to_string(),
            volgorde: Some(volgorde),
            titel: format!("Opgave {opgave}"),
            actieplan: Some(PlanNaam {
                id: plan.to_string(),
                titel: format!("Plan {plan}"),
                thema: None,
            }),
        }),
        ..ActieRegel::voor_test(id, &format!("Actie {id}"), Status::InUitvoering, 2025)
    }
}

fn org(id: &str) -> Organisatie {
    Organisatie {
        id: id.to_string(),
        naam: id.to_uppercase(),
        afkorting: None,
    }
}

#[test]
fn groups_by_plan_then_opgave_in_volgorde() {
    let acties = vec![
        actie("1", "b", "b2", 2),
        actie("2", "a", "a1", 1),
        actie("3", "b", "b1", 1),
        actie("4", "b", "b2", 2),
    ];
    let plannen = groepeer_per_plan(acties);
    type Opgaven = Vec<(String, Vec<String>)>;
    let vorm: Vec<(String, Opgaven)> = plannen
        .into_iter()
        .map(|p| {
            let opgaven = p
                .opgaven
                .into_iter()
                .map(|o| (o.id, o.acties.into_iter().map(|a| a.id).collect()))
                .collect();
            (p.id, opgaven)
        })
        .collect();
    assert_eq!(
        vorm,
        vec![
            ("a".to_string(), vec![("a1".to_string(), vec!["2".to_string()])]),
            (
                "b".to_string(),
                vec![
                    ("b1".to_string(), vec!["3".to_string()]),
                    ("b2".to_string(), vec!["1".to_string(), "4".to_string()]),
                ]
            ),
        ]
    );
}

#[test]
fn trekker_wins_over_partner() {
    let mut a = actie("1", "p", "o", 1);
    a.trekkers = vec![org("x")];
    a.partners = vec![org("x"), org("y")];
    assert_eq!(Rol::van(&a, "x"), Some(Rol::Trekker));
    assert_eq!(Rol::van(&a, "y"), Some(Rol::Partner));
    assert_eq!(Rol::van(&a, "z"), None);
}

#[test]
fn organisations_per_kind_in_order() {
    let o = |id: &str, naam: &str, soort| OrganisatieInfo {
        id: id.to_string(),
        sleutel: id.to_string(),
        naam: naam.to_string(),
        afkorting: None,
        soort,
    };
    let groepen = per_soort(&[
        o("1", "Partner B", OrganisatieSoort::Partner),
        o("2", "Schiedam", OrganisatieSoort::Gemeente),
        o("3", "Partner A", OrganisatieSoort::Partner),
    ]);
    let soorten: Vec<_> = groepen.iter().map(|(s, g)| (*s, g.len())).collect();
    assert_eq!(
        soorten,
        [(OrganisatieSoort::Gemeente, 1), (OrganisatieSoort::Partner, 2)]
    );
    assert_eq!(groepen[1].1[0].naam, "Partner A");
}

#[test]
fn filter_sends_empty_fields_as_null() {
    let f = ActieFilterInvoer {
        organisatie: Some("o1".to_string()),
        ..ActieFilterInvoer::default()
    };
    assert_eq!(
        miniserde::json::to_string(&f),
        r#"{"organisatie":"o1","gewijzigdSinds":null,"status":null}"#
    );
}
