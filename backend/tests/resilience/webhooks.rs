//! Webhook deliveries survive a SIGKILL: the real `koers serve` is killed while its deliveries wait for a
//! receiver that is down; after a restart on the same database the receiver, now up, gets every one of them.
//! SQLite and PostgreSQL.

use crate::helpers::fresh_database;
use crate::ontvanger::Ontvanger;
use crate::proces::{Server, free_port};
use koers_backend::db::Db;
use koers_backend::entities::webhook_levering::Gebeurtenis;
use koers_backend::entities::webhook_levering::{self as levering, Toestand};
use koers_backend::service::Services;
use koers_backend::service::webhooks::beheer::NieuweWebhook;
use koers_backend::toegang::Kijker;
use sea_orm::EntityTrait;
use serde_json::json;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

const SNEL: [(&str, &str); 4] = [
    ("KOERS_WEBHOOK_ALLOW_INTERNAL", "true"),
    ("KOERS_WEBHOOK_RETRY_BASE_MS", "50"),
    ("KOERS_WEBHOOK_RETRY_MAX_SECONDS", "1"),
    ("KOERS_WEBHOOK_POLL_MS", "50"),
];

/// The outbox rows, straight from the database.
async fn rijen(db: &Db) -> Vec<levering::Model> {
    levering::Entity::find().all(&db.reader).await.unwrap()
}

#[tokio::test]
async fn deliveries_waiting_for_a_receiver_survive_sigkill_and_arrive_after_a_restart() {
    let (url, _db_dir) = fresh_database().await;
    let work = tempfile::tempdir().unwrap();
    let mut server = Server::start_with(&url, work.path(), &SNEL).await;
    let port = free_port();
    let db = Db::connect(&url).await.unwrap();
    let mut services = Services::new(db.clone());
    services.webhooks.instellingen.lokale_doelen = true;
    services
        .webhook_aanmaken(
            &Kijker::systeem("test"),
            NieuweWebhook {
                naam: "Partner".into(),
                url: format!("http://127.0.0.1:{port}/hook"),
                geheim: None,
                gebeurtenissen: vec![Gebeurtenis::ActieAangemaakt],
                themas: None,
                vertrouwelijk: false,
            },
        )
        .await
        .unwrap();
    let d = server
        .api
        .data("{ actieplannen { sleutel opgaven { id } } }", json!({}))
        .await;
    let opgave = d["actieplannen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["sleutel"] == "mh-2024-2026")
        .unwrap()["opgaven"][0]["id"]
        .clone();
    let mut titels = BTreeSet::new();
    for i in 0..3 {
        let titel = format!("Na de crash {i}");
        server
            .api
            .data(
                "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
                json!({ "i": { "opgave": opgave, "titel": titel, "jaar": 2026, "status": "GEPLAND" } }),
            )
            .await;
        titels.insert(titel);
    }
    // Every row has been tried and failed (nobody listens yet): they are pending when the server dies.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let r = rijen(&db).await;
        if r.len() == 3
            && r.iter()
                .all(|l| l.pogingen >= 1 && l.toestand == Toestand::Wachtend)
        {
            break;
        }
        assert!(Instant::now() < deadline, "{r:#?}\n{}", server.log());
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    server.kill().await;

    let ontvanger = Ontvanger::start_op(format!("127.0.0.1:{port}").parse().unwrap(), 0).await;
    let server = Server::start_with(&url, work.path(), &SNEL).await;
    let bezorgd = ontvanger.wacht_op(3).await;
    let ontvangen: BTreeSet<String> = bezorgd
        .iter()
        .map(|o| o.json()["data"]["titel"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ontvangen, titels);
    let ids: BTreeSet<&str> = bezorgd.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "three messages, each with its own webhook-id");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let r = rijen(&db).await;
        if r.iter().all(|l| l.toestand == Toestand::Bezorgd) {
            assert!(
                r.iter().all(|l| l.pogingen >= 2 && l.laatste_status == Some(200)),
                "{r:#?}"
            );
            break;
        }
        assert!(Instant::now() < deadline, "{r:#?}\n{}", server.log());
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}
