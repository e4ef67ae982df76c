//! The SQLite file deleted under a running `koers serve`: no connection recreates it empty, `/readyz` reports
//! the missing file and a write is refused instead of acknowledged into a file that is gone.

use crate::proces::{Server, on_postgres};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }";
const MELDEN: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { id versie } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_database_file_is_reported_and_never_recreated_empty() {
    if on_postgres() {
        return;
    }
    let (url, db_dir) = crate::helpers::fresh_database().await;
    let bestand = db_dir.as_ref().unwrap().path().join("koers.db");
    let work = tempfile::tempdir().unwrap();
    let server = Server::start(&url, work.path()).await;
    let api = server.api.clone();
    let d = api.data("{ actieplannen { opgaven { id } } }", json!({})).await;
    let invoer = json!({ "i": { "opgave": d["actieplannen"][0]["opgaven"][0]["id"], "titel": "Verdwenen",
                                "jaar": 2026, "status": "IN_UITVOERING", "voortgang": 5 } });
    let actie = api.data(AANMAKEN, invoer).await["actieAanmaken"].clone();

    for naam in ["koers.db", "koers.db-wal", "koers.db-shm"] {
        let _ = std::fs::remove_file(db_dir.as_ref().unwrap().path().join(naam));
    }
    // Reads in parallel make the reader pool open connections of its own.
    let lezers: Vec<_> = (0..8)
        .map(|_| {
            let api = api.clone();
            tokio::spawn(async move { api.gql("{ themas { id naam } }", json!({})).await })
        })
        .collect();
    for l in lezers {
        let _ = l.await.unwrap();
    }
    let start = Instant::now();
    let body = loop {
        let r = api.client.get(api.url("/readyz")).send().await.unwrap();
        let status = r.status().as_u16();
        let body: Value = r.json().await.unwrap_or(Value::Null);
        if status == 503 {
            break body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "/readyz still says {status} {body} without a database file"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(body["database"], "bestand ontbreekt", "{body}");

    let melding = json!({ "i": { "id": actie["id"], "versie": actie["versie"], "voortgang": 50 } });
    let (_, r) = api.gql(MELDEN, melding).await.unwrap();
    assert_eq!(
        r["errors"][0]["extensions"]["code"], "DATABASE_WRITE_FAILED",
        "a write into a deleted file is refused: {r:#}"
    );
    assert!(
        !bestand.exists(),
        "a connection recreated the deleted database file:\n{}",
        server.log()
    );
}
