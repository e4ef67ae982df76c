//! A webhook that keeps failing is switched off after the set number of failures in a row (with the reason and
//! the time, and an audit row); its waiting deliveries stop. A beheerder switches it on again and they go out;
//! a delivery can be sent again by hand, with the same `webhook-id`.

use crate::helpers::{Als, Sessie, TestApp, new_actie, plan_ids};
use crate::ontvanger::Ontvanger;
use crate::webhooks::{app_met_beheerder, lees, registreer};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Polls the webhook until `klaar` holds (at most a minute).
async fn wacht_tot(app: &TestApp, beheer: &Sessie, id: &str, klaar: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let w = lees(app, beheer, id).await;
        if klaar(&w) {
            return w;
        }
        assert!(Instant::now() < deadline, "{w:#}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// How many audit rows have `handeling`.
async fn audit(app: &TestApp, beheer: &Sessie, handeling: &str) -> i64 {
    let q = "query($h: String) { auditLog(handeling: $h) { totalCount } }";
    let r = app
        .gql_as(&Als::Sessie(beheer), q, json!({ "h": handeling }))
        .await;
    r["data"]["auditLog"]["totalCount"]
        .as_i64()
        .unwrap_or_else(|| panic!("{r:#}"))
}

#[tokio::test]
async fn a_failing_webhook_is_switched_off_and_on_again_and_a_delivery_can_be_sent_again() {
    let (app, beheer) = app_met_beheerder(|s| s.webhooks.max_fouten = 3).await;
    let ontvanger = Ontvanger::start(0).await;
    ontvanger.altijd_falen(true);
    let (id, _) = registreer(
        &app,
        &beheer,
        json!({ "naam": "Wankel", "url": ontvanger.url(), "gebeurtenissen": ["ACTIE_AANGEMAAKT"] }),
    )
    .await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    new_actie(&app, &opgaven[0], "Eerste").await;

    let w = wacht_tot(&app, &beheer, &id, |w| w["actief"] == false).await;
    let reden = w["uitgeschakeldReden"].as_str().unwrap();
    assert!(
        reden.contains("3 leveringen op rij mislukt") && reden.contains("HTTP 500"),
        "{reden}"
    );
    assert!(w["uitgeschakeldOp"].is_string());
    let levering = &w["leveringen"]["edges"][0]["node"];
    assert_eq!(levering["toestand"], "GESTOPT");
    assert_eq!(levering["pogingen"], 3);
    assert_eq!(levering["laatsteStatus"], 500);
    assert_eq!(levering["laatsteAntwoord"], "even niet");
    assert_eq!(ontvanger.alles().len(), 3);

    // While it is off, nothing is written for it, and sending again is refused.
    new_actie(&app, &opgaven[0], "Tijdens uit").await;
    assert_eq!(lees(&app, &beheer, &id).await["leveringen"]["totalCount"], 1);
    let opnieuw = "mutation($id: ID!) { leveringOpnieuw(id: $id) { id toestand berichtId } }";
    let lid = levering["id"].as_str().unwrap().to_string();
    let r = app
        .gql_as(&Als::Sessie(&beheer), opnieuw, json!({ "id": lid }))
        .await;
    assert_eq!(crate::helpers::code(&r), "BAD_USER_INPUT", "{r:#}");

    assert_eq!(audit(&app, &beheer, "webhookUitgeschakeld").await, 1);

    // Switched on again: the stopped delivery goes out at once.
    ontvanger.altijd_falen(false);
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            "mutation($id: ID!) { webhookAanzetten(id: $id) { actief uitgeschakeldReden opeenvolgendeFouten } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        r["data"]["webhookAanzetten"],
        json!({ "actief": true, "uitgeschakeldReden": null,
        "opeenvolgendeFouten": 0 }),
        "{r:#}"
    );
    let bezorgd = ontvanger.wacht_op(1).await;
    assert_eq!(bezorgd[0].json()["data"]["titel"], "Eerste");
    let w = wacht_tot(&app, &beheer, &id, |w| {
        w["leveringen"]["edges"][0]["node"]["toestand"] == "BEZORGD"
    })
    .await;
    assert_eq!(w["leveringen"]["edges"][0]["node"]["pogingen"], 4);

    // Send again by hand: the same message (same webhook-id) arrives a second time.
    let r = app
        .gql_as(&Als::Sessie(&beheer), opnieuw, json!({ "id": lid }))
        .await;
    assert_eq!(r["data"]["leveringOpnieuw"]["toestand"], "WACHTEND", "{r:#}");
    let twee = ontvanger.wacht_op(2).await;
    assert_eq!(twee[1].id, twee[0].id);
    assert_eq!(twee[1].body, twee[0].body);
    for h in ["webhookAanmaken", "webhookAanzetten", "leveringOpnieuw"] {
        assert_eq!(audit(&app, &beheer, h).await, 1, "{h}");
    }
}

#[tokio::test]
async fn a_receiver_that_is_down_gets_the_delivery_once_it_is_up() {
    let (app, beheer) = app_met_beheerder(|_| {}).await;
    // A port nobody listens on yet.
    let addr = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let (id, _) = registreer(
        &app,
        &beheer,
        json!({ "naam": "Later", "url": format!("http://{addr}/hook"), "gebeurtenissen": ["ACTIE_AANGEMAAKT"] }),
    )
    .await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    new_actie(&app, &opgaven[0], "Geduld").await;
    let w = wacht_tot(&app, &beheer, &id, |w| {
        w["leveringen"]["edges"][0]["node"]["pogingen"]
            .as_i64()
            .unwrap_or(0)
            >= 2
    })
    .await;
    let fout = w["leveringen"]["edges"][0]["node"]["laatsteFout"]
        .as_str()
        .unwrap();
    assert!(fout.contains("geen verbinding"), "{fout}");
    assert!(
        !fout.contains(&addr.to_string()),
        "the URL stays out of the log: {fout}"
    );
    let ontvanger = Ontvanger::start_op(addr, 0).await;
    let b = ontvanger.wacht_op(1).await;
    assert_eq!(b[0].json()["data"]["titel"], "Geduld");
}

#[tokio::test]
async fn delivered_messages_leave_the_log_after_the_retention_period() {
    let (app, beheer) = app_met_beheerder(|s| s.webhooks.bewaartermijn = Duration::from_millis(300)).await;
    let ontvanger = Ontvanger::start(1).await;
    let (id, _) = registreer(
        &app,
        &beheer,
        json!({ "naam": "Kort", "url": ontvanger.url(), "gebeurtenissen": ["ACTIE_AANGEMAAKT"] }),
    )
    .await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    new_actie(&app, &opgaven[0], "Vergeten").await;
    ontvanger.wacht_op(1).await;
    wacht_tot(&app, &beheer, &id, |w| w["leveringen"]["totalCount"] == 0).await;
}
