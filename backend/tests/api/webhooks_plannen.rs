//! Plan changes reach webhooks: `actieplan.gewijzigd` for a new plan, a change, its opgaven and acties moved to
//! its successor (which also announce each moved actie), written in the change's transaction and signed.

use crate::beheer_hulp::{OPGAVE_AANMAKEN, PLAN_WIJZIGEN, VERPLAATSEN, ok, opgave, plan, thema_id};
use crate::helpers::new_actie;
use crate::ontvanger::{Ontvanger, verify_with_standardwebhooks};
use crate::webhooks::{app_met_beheerder, registreer};
use serde_json::json;

#[tokio::test]
async fn plan_changes_reach_a_webhook_that_chose_them() {
    let (app, beheer) = app_met_beheerder(|_| {}).await;
    let ontvanger = Ontvanger::start(1).await;
    let (_, geheim) = registreer(
        &app,
        &beheer,
        json!({ "naam": "Plannen", "url": ontvanger.url(),
                "gebeurtenissen": ["ACTIEPLAN_GEWIJZIGD", "ACTIE_GEWIJZIGD"] }),
    )
    .await;
    let thema = thema_id(&app, "mensenhandel").await;
    let oud = plan(&app, &beheer, &thema, "Beleidskader Mensenhandel 2024").await;
    let nieuw = plan(&app, &beheer, &thema, "Beleidskader Mensenhandel 2027-2030").await;
    let van = opgave(&app, &beheer, &oud, "Bewustwording").await;
    ok(
        &app,
        &beheer,
        OPGAVE_AANMAKEN,
        json!({ "i": { "actieplan": nieuw, "titel": "Bewustwording" } }),
    )
    .await;
    let actie = new_actie(&app, &van, "Campagne").await;
    ok(
        &app,
        &beheer,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": oud, "versie": 1, "opvolger": nieuw } }),
    )
    .await;
    ok(&app, &beheer, VERPLAATSEN, json!({ "p": oud })).await;

    // Plan created ×2, opgave ×2, successor set, acties moved: 2 plan events and the moved actie.
    let verwacht = 2 + 2 + 1 + 2 + 1;
    let bezorgd = ontvanger.wacht_op(verwacht).await;
    let mut gezien: Vec<(String, String, String)> = bezorgd
        .iter()
        .map(|o| {
            let b = o.json();
            (
                b["type"].as_str().unwrap().to_string(),
                b["data"]["id"].as_str().unwrap().to_string(),
                b["data"]["wijziging"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    gezien.sort();
    let p = |t: &str, id: &str, w: &str| (t.to_string(), id.to_string(), w.to_string());
    let mut want = vec![
        p("actieplan.gewijzigd", &oud, "aangemaakt"),
        p("actieplan.gewijzigd", &nieuw, "aangemaakt"),
        p("actieplan.gewijzigd", &oud, "opgaven"),
        p("actieplan.gewijzigd", &nieuw, "opgaven"),
        p("actieplan.gewijzigd", &oud, "gewijzigd"),
        p("actieplan.gewijzigd", &oud, "acties"),
        p("actieplan.gewijzigd", &nieuw, "acties"),
        p("actie.gewijzigd", &actie, "-"),
    ];
    want.sort();
    assert_eq!(gezien, want);
    // The moved actie's event names its new plan; the first attempt failed and was tried again.
    let verplaatst = bezorgd
        .iter()
        .map(|o| o.json())
        .find(|b| b["type"] == "actie.gewijzigd")
        .unwrap();
    assert_eq!(verplaatst["data"]["actieplan"], nieuw.as_str());
    assert!(
        ontvanger.alles().len() > verwacht,
        "the first delivery failed and was sent again"
    );
    verify_with_standardwebhooks(&geheim, &bezorgd).await;
}
