//! Live updates of the records above acties: a plan change reaches the subscribers of its thema, an RVO date
//! everyone, and a change in another thema no one who filtered on this one.

use crate::beheer_hulp::*;
use crate::helpers::TestApp;
use crate::subscriptions::Ws;
use koers_backend::toegang::Rol;
use serde_json::json;
use std::time::Duration;

const SUB: &str = "subscription($t: ID) { beheerGewijzigd(thema: $t) { soort id versie thema } }";

#[tokio::test]
async fn plan_and_meeting_changes_reach_the_subscribers_who_may_see_them() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let dv = thema_id(&app, "digitale-veiligheid").await;
    let mut ws = Ws::connect(&app).await;
    ws.send(json!({ "id": "1", "type": "subscribe", "payload": { "query": SUB, "variables": { "t": mh } } }))
        .await;
    tokio::time::timeout(Duration::from_secs(10), async {
        while app.services.beheer_events.receiver_count() < 1 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the subscription listens in time");
    plan(&app, &b, &dv, "Elders").await;
    let p = plan(&app, &b, &mh, "Hier").await;
    let m = ws.recv(Duration::from_secs(10)).await.expect("an event");
    let ev = &m["payload"]["data"]["beheerGewijzigd"];
    assert_eq!(ev["soort"], "actieplan", "{m:#}");
    assert_eq!(
        ev["id"],
        p.as_str(),
        "the plan in another thema is not sent: {m:#}"
    );
    assert_eq!(ev["versie"], 1);
    assert_eq!(ev["thema"], mh.as_str());
    ok(
        &app,
        &b,
        "mutation($i: RvoVergaderingAanmakenInvoer!) { rvoVergaderingAanmaken(invoer: $i) { id } }",
        json!({ "i": { "datum": "2027-03-01", "omschrijving": "RVO maart 2027" } }),
    )
    .await;
    let m = ws.recv(Duration::from_secs(10)).await.expect("an event");
    let ev = &m["payload"]["data"]["beheerGewijzigd"];
    assert_eq!(ev["soort"], "rvo_vergadering", "{m:#}");
    assert!(ev["thema"].is_null());
}
