//! Unit tests of `rvo_stand`.

use super::*;

fn toestand(status: Status, gezondheid: Option<Gezondheid>, voortgang: Option<u8>) -> StandToestand {
    StandToestand {
        status,
        gezondheid,
        gezondheid_reden: None,
        voortgang: voortgang.map(|v| Voortgang::try_from(i64::from(v)).unwrap()),
    }
}

fn verschil(
    plan: &str,
    actie: &str,
    voor: Option<StandToestand>,
    na: Option<StandToestand>,
) -> StandVerschil {
    StandVerschil {
        plan: plan.into(),
        actie: actie.into(),
        titel: format!("Actie {actie}"),
        voor,
        na,
    }
}

fn kop(id: Option<&str>, datum: &str) -> StandKop {
    StandKop {
        vergadering: id.map(|id| Id { id: id.into() }),
        datum: datum.into(),
        peilmoment: format!("{datum}T00:00:00Z"),
    }
}

#[test]
fn each_kind_of_difference_is_named() {
    let a = toestand(Status::InUitvoering, Some(Gezondheid::OpKoers), Some(40));
    let b = toestand(Status::InUitvoering, Some(Gezondheid::Risico), Some(60));
    let c = toestand(Status::Afgerond, None, None);
    use SoortVerschil as S;
    assert_eq!(verschil("p", "1", None, Some(a.clone())).soorten(), [S::Nieuw]);
    assert_eq!(verschil("p", "1", Some(a.clone()), None).soorten(), [S::Weg]);
    assert_eq!(
        verschil("p", "1", Some(a.clone()), Some(b)).soorten(),
        [S::Gezondheid, S::Voortgang]
    );
    assert_eq!(
        verschil("p", "1", Some(a.clone()), Some(c)).soorten(),
        [S::Status, S::Gezondheid, S::Voortgang]
    );
    let mut reden = a.clone();
    reden.gezondheid_reden = Some("krap".into());
    assert_eq!(
        verschil("p", "1", Some(a), Some(reden)).soorten(),
        [S::Gezondheid]
    );
}

#[test]
fn changes_are_grouped_per_plan_in_the_snapshots_order() {
    let t = toestand(Status::Gepland, None, None);
    let v = Vergelijking {
        van: VanStand {
            datum: "2026-11-01".into(),
            peilmoment: "2026-11-01T00:00:00Z".into(),
            plannen: vec![
                PlanKop {
                    id: "a".into(),
                    titel: "Plan A".into(),
                },
                PlanKop {
                    id: "b".into(),
                    titel: "Plan B".into(),
                },
            ],
        },
        met: None,
        verschillen: vec![
            verschil("b", "1", None, Some(t.clone())),
            verschil("n", "2", None, Some(t.clone())),
            verschil("a", "3", Some(t.clone()), None),
            verschil("b", "4", None, Some(t)),
        ],
    };
    let nu = vec![PlanKop {
        id: "n".into(),
        titel: "Nieuw plan".into(),
    }];
    let groepen: Vec<(String, String, Vec<String>)> = per_plan(&v, &nu)
        .into_iter()
        .map(|(id, titel, l)| (id, titel, l.into_iter().map(|d| d.actie).collect()))
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        groepen,
        vec![
            (s("a"), s("Plan A"), vec![s("3")]),
            (s("b"), s("Plan B"), vec![s("1"), s("4")]),
            (s("n"), s("Nieuw plan"), vec![s("2")]),
        ]
    );
}

#[test]
fn a_meeting_has_its_snapshot_and_later_ones_to_compare_with() {
    let standen = vec![
        kop(Some("v3"), "2026-12-01"),
        kop(Some("v1"), "2026-10-01"),
        kop(None, "2026-11-15"),
        kop(Some("v2"), "2026-11-01"),
    ];
    assert_eq!(
        stand_van(&standen, "v1").map(|s| s.datum.as_str()),
        Some("2026-10-01")
    );
    assert_eq!(stand_van(&standen, "v9"), None);
    assert_eq!(stand_van(&standen, ""), None);
    let later: Vec<String> = latere(&standen, "2026-10-01")
        .iter()
        .map(|s| s.vergadering_id().to_string())
        .collect();
    assert_eq!(
        later,
        ["v2", "v3"],
        "by date, a removed meeting's snapshot left out"
    );
}
