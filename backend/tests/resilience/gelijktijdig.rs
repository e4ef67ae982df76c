//! A second process writing to the same SQLite file while `koers serve` runs (as the `koers` CLI does): the
//! server's write transactions begin immediately and wait for the other writer up to the busy timeout,
//! instead of failing once the other commits between their first read and their first write. The `koers` CLI
//! writes at the same time, and does not fail either.

use crate::proces::{Server, koers, on_postgres, text};
use sea_orm::sqlx::{Connection, SqliteConnection};
use serde_json::json;
use std::time::Duration;

const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }";
const MELDEN: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { id versie } }";

/// The other process: write transactions that hold the write lock for a while, `rondes` times.
async fn andere_schrijver(url: String, rondes: usize) {
    let mut conn = SqliteConnection::connect(&url).await.unwrap();
    for _ in 0..rondes {
        sea_orm::sqlx::raw_sql("BEGIN IMMEDIATE")
            .execute(&mut conn)
            .await
            .unwrap();
        sea_orm::sqlx::raw_sql("UPDATE organisatie SET naam = naam")
            .execute(&mut conn)
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(40)).await;
        sea_orm::sqlx::raw_sql("COMMIT").execute(&mut conn).await.unwrap();
        // Long enough for a waiting writer's busy handler to find the lock free.
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_wait_for_another_process_instead_of_failing() {
    if on_postgres() {
        return;
    }
    let (url, _db_dir) = crate::helpers::fresh_database().await;
    let work = tempfile::tempdir().unwrap();
    let server = Server::start(&url, work.path()).await;
    let api = server.api.clone();
    let d = api.data("{ actieplannen { opgaven { id } } }", json!({})).await;
    let invoer = json!({ "i": { "opgave": d["actieplannen"][0]["opgaven"][0]["id"], "titel": "Twee schrijvers",
                                "jaar": 2026, "status": "IN_UITVOERING", "voortgang": 5 } });
    let actie = api.data(AANMAKEN, invoer).await["actieAanmaken"].clone();
    let mut versie = actie["versie"].as_i64().unwrap();

    let ander = tokio::spawn(andere_schrijver(url.clone(), 30));
    // And the `koers` CLI as a third writer, at the same time.
    let cli = {
        let (url, work) = (url.clone(), work.path().to_path_buf());
        tokio::spawn(async move {
            let args = ["token", "create", "--naam", "CLI", "--dagen", "1"];
            koers(&url, &work, &args).await
        })
    };
    let mut geschreven = 0;
    while !ander.is_finished() {
        let melding =
            json!({ "i": { "id": actie["id"], "versie": versie, "voortgang": 1 + geschreven % 98 } });
        let (status, r) = api.gql(MELDEN, melding).await.unwrap();
        assert!(
            status.is_success() && r.get("errors").is_none(),
            "write {geschreven} failed while another process wrote: {status} {r:#}"
        );
        versie = r["data"]["actieVoortgangRapporteren"]["versie"].as_i64().unwrap();
        geschreven += 1;
    }
    ander.await.unwrap();
    let out = cli.await.unwrap();
    assert!(
        out.status.success(),
        "koers token create while the server wrote: {}",
        text(&out)
    );
    assert!(
        geschreven >= 2,
        "only {geschreven} writes during the other process' writes"
    );
}
