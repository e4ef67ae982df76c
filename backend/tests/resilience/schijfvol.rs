//! A full disk under a running `koers serve` (SQLite): its file-size limit is lowered so that every write to
//! the database fails as on a full disk. No write may be acknowledged while that lasts, `/readyz` says the
//! database cannot take writes, and once there is space again Koers takes writes without a restart; after a
//! restart every acknowledged write is there.

use crate::proces::{Api, Server, file_size_limit, on_postgres};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }";
const MELDEN: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { id versie } }";
const LEZEN: &str = "query($id: ID!) { actie(id: $id) { versie voortgang historie { versie } } }";

/// `/readyz`: its status and body.
async fn readyz(api: &Api) -> (u16, Value) {
    let r = api.client.get(api.url("/readyz")).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Polls `/readyz` until it answers `status`, within a generous deadline.
async fn readyz_until(api: &Api, status: u16) -> Value {
    let start = Instant::now();
    loop {
        let (s, body) = readyz(api).await;
        if s == status {
            return body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "/readyz still says {s} {body}, not {status}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_write_is_acknowledged_on_a_full_disk_and_koers_recovers_by_itself() {
    if on_postgres() {
        return; // The disk under PostgreSQL is PostgreSQL's.
    }
    let (url, _db_dir) = crate::helpers::fresh_database().await;
    let work = tempfile::tempdir().unwrap();
    let mut server = Server::start_with_limit(&url, work.path()).await;
    let api = server.api.clone();
    let d = api.data("{ actieplannen { opgaven { id } } }", json!({})).await;
    let opgave = d["actieplannen"][0]["opgaven"][0]["id"].clone();
    let invoer = json!({ "i": { "opgave": opgave, "titel": "Schijf vol", "jaar": 2026,
                                "status": "IN_UITVOERING", "voortgang": 5 } });
    let a = api.data(AANMAKEN, invoer).await["actieAanmaken"].clone();
    let id = a["id"].clone();
    let mut bevestigd = a["versie"].as_i64().unwrap();

    // The disk is full: every write to a file past its first byte fails.
    file_size_limit(server.pid(), Some(1));
    let mut antwoorden = Vec::new();
    for voortgang in 10..30 {
        let melding = json!({ "i": { "id": id, "versie": bevestigd, "voortgang": voortgang } });
        let (status, r) = api.gql(MELDEN, melding).await.unwrap();
        if let Some(v) = r["data"]["actieVoortgangRapporteren"]["versie"].as_i64() {
            bevestigd = v;
        }
        antwoorden.push(format!(
            "{status} {}",
            r["errors"][0]["extensions"]["code"]
                .as_str()
                .map_or_else(|| format!("acknowledged versie {bevestigd}"), str::to_string)
        ));
    }
    let (status, body) = readyz(&api).await;
    file_size_limit(server.pid(), None);
    assert!(
        antwoorden.iter().all(|a| a.ends_with(" DATABASE_WRITE_FAILED")),
        "on a full disk every write fails with DATABASE_WRITE_FAILED: {antwoorden:#?}\n{}",
        server.log()
    );
    assert_eq!(status, 503, "/readyz on a full disk: {body}");
    assert_eq!(body["database"], "kan niet schrijven", "{body}");
    assert!(body["reden"].as_str().is_some_and(|r| !r.is_empty()), "{body}");

    // Space again: Koers recovers without a restart.
    let body = readyz_until(&api, 200).await;
    assert_eq!(body["status"], "ready");
    let melding = json!({ "i": { "id": id, "versie": bevestigd, "voortgang": 60 } });
    let a = api.data(MELDEN, melding).await["actieVoortgangRapporteren"].clone();
    bevestigd = a["versie"].as_i64().unwrap();
    let gelezen = api.data(LEZEN, json!({ "id": id })).await["actie"].clone();
    assert_eq!(
        gelezen["versie"], bevestigd,
        "another request reads the acknowledged write"
    );

    // After a restart every acknowledged write is there, with its whole history.
    server.kill().await;
    let server = Server::start(&url, work.path()).await;
    let a = server.api.data(LEZEN, json!({ "id": id })).await["actie"].clone();
    assert_eq!(
        a["versie"], bevestigd,
        "acknowledged versie {bevestigd}, stored after restart: {a:#}"
    );
    assert_eq!(a["voortgang"], 60);
    let historie: Vec<i64> = a["historie"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["versie"].as_i64().unwrap())
        .collect();
    assert_eq!(historie.len() as i64, bevestigd, "{a:#}");
}
