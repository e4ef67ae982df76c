//! Webhooks end to end: a real receiver that fails first and then succeeds gets every event type, signed so
//! that the Standard Webhooks library verifies it; the delivery log and the metrics tell what happened.

use crate::helpers::{Als, Sessie, TestApp, new_actie, plan_ids};
use crate::ontvanger::{Ontvanger, verify_with_standardwebhooks};
use koers_backend::config::Settings;
use koers_backend::service::webhooks::{WebhookEvent, enqueue};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};
use std::time::Duration;

/// Settings for webhook tests: the receiver on 127.0.0.1 is allowed, retries are quick.
pub fn snel(s: &mut Settings) {
    s.webhooks.lokale_doelen = true;
    s.webhooks.basis_wachttijd = Duration::from_millis(20);
    s.webhooks.max_wachttijd = Duration::from_millis(200);
    s.webhooks.poll = Duration::from_millis(50);
}

/// Koers with quick webhooks and a signed-in beheerder.
pub async fn app_met_beheerder(f: impl FnOnce(&mut Settings)) -> (TestApp, Sessie) {
    let app = TestApp::spawn_with(|s| {
        snel(s);
        f(s);
    })
    .await;
    let beheer = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    (app, beheer)
}

pub const AANMAKEN: &str = "mutation($i: WebhookAanmakenInvoer!) {
    webhookAanmaken(invoer: $i) { geheim webhook { id naam url actief vertrouwelijk alleThemas gebeurtenissen } } }";

/// Registers a webhook as the beheerder; returns its id and secret.
pub async fn registreer(app: &TestApp, beheer: &Sessie, invoer: Value) -> (String, String) {
    let r = app
        .gql_as(&Als::Sessie(beheer), AANMAKEN, json!({ "i": invoer }))
        .await;
    assert!(r.get("errors").is_none(), "{r:#}");
    let n = &r["data"]["webhookAanmaken"];
    (
        n["webhook"]["id"].as_str().unwrap().to_string(),
        n["geheim"].as_str().unwrap().to_string(),
    )
}

/// A webhook's fields and its newest deliveries (as the beheerder).
pub async fn lees(app: &TestApp, beheer: &Sessie, id: &str) -> Value {
    let r = app
        .gql_as(
            &Als::Sessie(beheer),
            "query($id: ID!) { webhook(id: $id) { actief uitgeschakeldReden uitgeschakeldOp opeenvolgendeFouten
                leveringen(first: 100) { totalCount edges { node { id gebeurtenis berichtId toestand pogingen
                laatsteStatus laatsteAntwoord laatsteFout payload } } } } }",
            json!({ "id": id }),
        )
        .await;
    assert!(r.get("errors").is_none(), "{r:#}");
    r["data"]["webhook"].clone()
}

/// The event types in a webhook's outbox, oldest first.
pub fn typen(w: &Value) -> Vec<String> {
    let mut list: Vec<String> = w["leveringen"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let p: Value = serde_json::from_str(e["node"]["payload"].as_str().unwrap()).unwrap();
            format!(
                "{} {}",
                p["type"].as_str().unwrap(),
                p["data"]["titel"].as_str().unwrap_or("-")
            )
        })
        .collect();
    list.reverse();
    list
}

#[tokio::test]
async fn every_event_reaches_a_receiver_that_fails_first_signed_as_standard_webhooks_says() {
    let (app, beheer) = app_met_beheerder(|s| s.metrics_addr = Some("127.0.0.1:0".parse().unwrap())).await;
    let ontvanger = Ontvanger::start(2).await;
    let (id, geheim) = registreer(
        &app,
        &beheer,
        json!({ "naam": "Partner", "url": ontvanger.url(),
            "gebeurtenissen": ["ACTIE_AANGEMAAKT", "ACTIE_GEWIJZIGD", "ACTIE_VOORTGANG", "ACTIEPLAN_GEWIJZIGD"] }),
    )
    .await;
    assert!(geheim.starts_with("whsec_"), "{geheim}");

    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let actie = new_actie(&app, &opgaven[0], "Webhookactie").await;
    app.data(
        "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { versie } }",
        json!({ "i": { "id": actie, "versie": 1, "titel": "Webhookactie gewijzigd" } }),
    )
    .await;
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": actie, "versie": 2, "voortgang": 60 } }),
    )
    .await;
    // Plan changes come from the plan mutations (another part of Koers), through the same function.
    let thema = app.thema_ids(&["mensenhandel"]).await[0];
    let plan_nr =
        koers_backend::graphql::ids::decode(&plan, koers_backend::graphql::ids::Soort::Actieplan, "p")
            .unwrap();
    let txn = app.services.db.begin_write().await.unwrap();
    let n = enqueue(
        &txn,
        &WebhookEvent::actieplan(plan_nr, thema, json!({ "naam": "MH" })),
    )
    .await
    .unwrap();
    assert_eq!(n, 1);
    app.services.db.commit(txn).await.unwrap();
    app.services.webhooks.wek();

    let bezorgd = ontvanger.wacht_op(4).await;
    let mut types: Vec<String> = bezorgd
        .iter()
        .map(|o| o.json()["type"].as_str().unwrap().to_string())
        .collect();
    types.sort();
    assert_eq!(
        types,
        [
            "actie.aangemaakt",
            "actie.gewijzigd",
            "actie.voortgang",
            "actieplan.gewijzigd"
        ]
    );
    for o in &bezorgd {
        let body = o.json();
        assert!(o.id.starts_with("msg_"), "{o:?}");
        assert!(body["timestamp"].is_string(), "{body}");
        if body["type"] != "actieplan.gewijzigd" {
            assert_eq!(body["data"]["id"], actie.as_str(), "the API's global id: {body}");
        } else {
            assert_eq!(body["data"]["id"], plan.as_str());
            assert_eq!(body["data"]["naam"], "MH");
        }
    }
    let voortgang = bezorgd
        .iter()
        .find(|o| o.json()["type"] == "actie.voortgang")
        .unwrap();
    assert_eq!(voortgang.json()["data"]["voortgang"], 60);
    // The receiver failed twice: those messages came again with the same webhook-id.
    let alles = ontvanger.alles();
    assert_eq!(alles.len(), 6, "{alles:#?}");
    for mislukt in alles.iter().filter(|o| o.status == 500) {
        assert!(
            bezorgd
                .iter()
                .any(|b| b.id == mislukt.id && b.body == mislukt.body)
        );
    }
    verify_with_standardwebhooks(&geheim, &bezorgd).await;

    // The delivery log: all delivered, five tries for four messages… eventually (the worker records after the
    // answer, so wait for it).
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let w = loop {
        let w = lees(&app, &beheer, &id).await;
        let edges = w["leveringen"]["edges"].as_array().unwrap().clone();
        if edges.iter().all(|e| e["node"]["toestand"] == "BEZORGD") {
            break w;
        }
        assert!(std::time::Instant::now() < deadline, "{w:#}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    assert_eq!(w["leveringen"]["totalCount"], 4);
    let edges = w["leveringen"]["edges"].as_array().unwrap();
    let pogingen: i64 = edges
        .iter()
        .map(|e| e["node"]["pogingen"].as_i64().unwrap())
        .sum();
    assert_eq!(pogingen, 6);
    assert!(
        edges
            .iter()
            .all(|e| e["node"]["laatsteStatus"] == 200 && e["node"]["laatsteAntwoord"] == "dank je")
    );
    assert_eq!(w["actief"], true);
    assert_eq!(w["opeenvolgendeFouten"], 0);

    let metrics = app
        .client
        .get(format!("http://{}/metrics", app.metrics_addr.unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("koers_webhook_deliveries_total{result=\"ok\"} 4"),
        "{metrics}"
    );
    assert!(
        metrics.contains("koers_webhook_deliveries_total{result=\"failed\"} 2"),
        "{metrics}"
    );
}

#[tokio::test]
async fn enqueue_writes_nothing_for_events_a_webhook_did_not_choose() {
    let (app, beheer) = app_met_beheerder(|_| {}).await;
    let ontvanger = Ontvanger::start(0).await;
    let (id, _) = registreer(
        &app,
        &beheer,
        json!({ "naam": "Alleen voortgang", "url": ontvanger.url(), "gebeurtenissen": ["ACTIE_VOORTGANG"] }),
    )
    .await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let actie = new_actie(&app, &opgaven[0], "Stil").await;
    assert!(typen(&lees(&app, &beheer, &id).await).is_empty());
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": actie, "versie": 1, "voortgang": 20 } }),
    )
    .await;
    assert_eq!(typen(&lees(&app, &beheer, &id).await), ["actie.voortgang Stil"]);
    let b = ontvanger.wacht_op(1).await;
    assert_eq!(b[0].json()["data"]["voortgang"], 20);
    // A refused change writes no outbox row either (same transaction).
    let r = app
        .gql(
            "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
            json!({ "i": { "id": actie, "versie": 1, "voortgang": 30 } }),
        )
        .await;
    assert_eq!(crate::helpers::code(&r), "CONFLICT");
    assert_eq!(typen(&lees(&app, &beheer, &id).await), ["actie.voortgang Stil"]);
}

#[tokio::test]
async fn two_instances_on_one_database_deliver_each_message_once() {
    // One SQLite file serves one instance (a second is refused); instances share a PostgreSQL database.
    if !std::env::var("KOERS_TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres")) {
        eprintln!(
            "twee bezorgers: overgeslagen, twee instanties vragen PostgreSQL (KOERS_TEST_DATABASE_URL)"
        );
        return;
    }
    let (a, beheer) = app_met_beheerder(|_| {}).await;
    let b = TestApp::spawn_on(a.database_url.clone(), None, snel).await;
    let ontvanger = Ontvanger::start(0).await;
    registreer(
        &a,
        &beheer,
        json!({ "naam": "Gedeeld", "url": ontvanger.url(), "gebeurtenissen": ["ACTIE_AANGEMAAKT"] }),
    )
    .await;
    let (_, opgaven) = plan_ids(&a, "mh-2024-2026").await;
    for i in 0..10 {
        let app = if i % 2 == 0 { &a } else { &b };
        new_actie(app, &opgaven[0], &format!("Samen {i}")).await;
    }
    let bezorgd = ontvanger.wacht_op(10).await;
    let ids: std::collections::BTreeSet<&str> = bezorgd.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids.len(), 10);
    assert_eq!(
        ontvanger.alles().len(),
        10,
        "the leases keep the two workers apart"
    );
}
