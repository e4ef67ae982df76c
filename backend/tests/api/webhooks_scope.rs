//! What a webhook may hear: only what an API token with the same scope may read, judged on the actie after the
//! change. Becoming confidential is not announced to a webhook without the confidential scope (not even that
//! something changed); becoming public is announced with the public content. A thema scope keeps other
//! thema's out. Checked on the outbox right after each change (it is written in the change's transaction).

use crate::helpers::{Als, TestApp, new_actie, plan_ids};
use crate::ontvanger::Ontvanger;
use crate::webhooks::{app_met_beheerder, lees, registreer, typen};
use serde_json::json;

const ALLE: [&str; 3] = ["ACTIE_AANGEMAAKT", "ACTIE_GEWIJZIGD", "ACTIE_VOORTGANG"];

async fn wijzig(app: &TestApp, id: &str, versie: i32, titel: &str, vertrouwelijk: bool) {
    app.data(
        "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { versie } }",
        json!({ "i": { "id": id, "versie": versie, "titel": titel, "vertrouwelijk": vertrouwelijk } }),
    )
    .await;
}

#[tokio::test]
async fn confidential_work_never_reaches_a_webhook_without_that_scope() {
    let (app, beheer) = app_met_beheerder(|_| {}).await;
    let ontvanger = Ontvanger::start(0).await;
    let open_ontvanger = Ontvanger::start(0).await;
    let dv = app.data("{ themas { id sleutel } }", json!({})).await["themas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["sleutel"] == "digitale-veiligheid")
        .unwrap()["id"]
        .clone();
    let (open, _) = registreer(
        &app,
        &beheer,
        json!({ "naam": "Open", "url": open_ontvanger.url(), "gebeurtenissen": ALLE }),
    )
    .await;
    let (vertrouwd, _) = registreer(
        &app,
        &beheer,
        json!({ "naam": "Vertrouwd", "url": ontvanger.url(), "gebeurtenissen": ALLE, "vertrouwelijk": true }),
    )
    .await;
    let (ander_thema, _) = registreer(
        &app,
        &beheer,
        json!({ "naam": "DV", "url": ontvanger.url(), "gebeurtenissen": ALLE, "vertrouwelijk": true,
            "themas": [dv] }),
    )
    .await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let check = |open_: &[&str], vertrouwd_: &[&str]| {
        let (app, beheer, open, vertrouwd, ander) = (&app, &beheer, &open, &vertrouwd, &ander_thema);
        let open_: Vec<String> = open_.iter().map(|s| s.to_string()).collect();
        let vertrouwd_: Vec<String> = vertrouwd_.iter().map(|s| s.to_string()).collect();
        async move {
            assert_eq!(typen(&lees(app, beheer, open).await), open_, "open webhook");
            assert_eq!(
                typen(&lees(app, beheer, vertrouwd).await),
                vertrouwd_,
                "confidential webhook"
            );
            assert!(typen(&lees(app, beheer, ander).await).is_empty(), "other thema");
        }
    };

    let a = new_actie(&app, &opgaven[0], "A").await;
    check(&["actie.aangemaakt A"], &["actie.aangemaakt A"]).await;

    let b = app
        .data(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": opgaven[0], "titel": "B geheim", "jaar": 2026, "status": "GEPLAND",
                "vertrouwelijk": true } }),
        )
        .await["actieAanmaken"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    check(
        &["actie.aangemaakt A"],
        &["actie.aangemaakt A", "actie.aangemaakt B geheim"],
    )
    .await;

    // A becomes confidential: its new content must not leak, so the open webhook hears nothing.
    wijzig(&app, &a, 1, "A nu geheim", true).await;
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": a, "versie": 2, "voortgang": 50 } }),
    )
    .await;
    let vertrouwd_tot_nu = [
        "actie.aangemaakt A",
        "actie.aangemaakt B geheim",
        "actie.gewijzigd A nu geheim",
        "actie.voortgang A nu geheim",
    ];
    check(&["actie.aangemaakt A"], &vertrouwd_tot_nu).await;

    // B becomes public: now anyone may read it, so the open webhook is told, with the public content.
    wijzig(&app, &b, 1, "B openbaar", false).await;
    let mut alle_vertrouwd = vertrouwd_tot_nu.to_vec();
    alle_vertrouwd.push("actie.gewijzigd B openbaar");
    check(
        &["actie.aangemaakt A", "actie.gewijzigd B openbaar"],
        &alle_vertrouwd,
    )
    .await;

    // What the open webhook heard, a token without the confidential scope may read now.
    let token = app.new_token("open", false, false, None).await;
    let r = app
        .gql_as(
            &Als::Token(&token),
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": b }),
        )
        .await;
    assert_eq!(r["data"]["node"]["id"], b.as_str());

    // And the receivers get exactly those: 2 for the open webhook, 5 for the confidential one.
    let open_bezorgd = open_ontvanger.wacht_op(2).await;
    assert_eq!(open_bezorgd.len(), 2);
    assert!(
        open_bezorgd.iter().all(|o| !o.body.contains("geheim")),
        "{open_bezorgd:#?}"
    );
    let bezorgd = ontvanger.wacht_op(5).await;
    assert_eq!(bezorgd.len(), 5);
    assert_eq!(bezorgd.iter().filter(|o| o.body.contains("geheim")).count(), 3);
}
