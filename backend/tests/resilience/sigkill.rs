//! SIGKILL during a burst of writes: the real `koers serve` is killed while clients create acties and report
//! progress; after a restart on the same database every acknowledged write is there and the data is consistent
//! (every history counts 1..=versie, the roll-ups count every actie). SQLite and PostgreSQL.

use crate::helpers::fresh_database;
use crate::proces::{Api, Server};
use koers_backend::db::Db;
use koers_backend::entities::{actie, voortgangsupdate};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }";
const MELDEN: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { id versie } }";
const WORKERS: usize = 4;
/// Acknowledged writes before the kill.
const VOOR_KILL: usize = 60;

/// Acknowledged writes: actie id → the highest version a response confirmed.
pub type Bevestigd = Arc<Mutex<BTreeMap<String, i64>>>;

/// One client: creates an actie, reports on it, and again, until the server is gone. Returns how many creations
/// it sent (acknowledged or not).
pub async fn schrijver(api: Api, opgave: String, n: usize, bevestigd: Bevestigd) -> usize {
    let mut verstuurd = 0;
    for i in 0.. {
        let invoer = json!({ "i": { "opgave": opgave, "titel": format!("Burst {n}.{i}"), "jaar": 2026,
                                    "status": "IN_UITVOERING", "voortgang": 5 } });
        verstuurd += 1;
        let Some(a) = write(&api, AANMAKEN, invoer, "actieAanmaken").await else {
            return verstuurd;
        };
        let id = a["id"].as_str().unwrap().to_string();
        bevestigd
            .lock()
            .unwrap()
            .insert(id.clone(), a["versie"].as_i64().unwrap());
        let mut versie = 1;
        for voortgang in [40, 80] {
            let melding = json!({ "i": { "id": id, "versie": versie, "voortgang": voortgang } });
            let Some(a) = write(&api, MELDEN, melding, "actieVoortgangRapporteren").await else {
                return verstuurd;
            };
            versie = a["versie"].as_i64().unwrap();
            bevestigd.lock().unwrap().insert(id.clone(), versie);
        }
    }
    verstuurd
}

/// Sends a mutation; `Some(result)` when acknowledged, `None` once the server is gone. Any other answer fails.
pub async fn write(api: &Api, query: &str, variables: Value, field: &str) -> Option<Value> {
    loop {
        match api.gql(query, variables.clone()).await {
            Err(_) => return None,
            Ok((status, _)) if status.as_u16() == 429 => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Ok((status, r)) => {
                assert!(
                    status.is_success() && r.get("errors").is_none(),
                    "a write failed while the server was up: {status} {r:#}"
                );
                return Some(r["data"][field].clone());
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_write_survives_sigkill() {
    let (url, _db_dir) = fresh_database().await;
    let work = tempfile::tempdir().unwrap();
    let mut server = Server::start(&url, work.path()).await;
    let d = server
        .api
        .data("{ actieplannen { opgaven { id } } }", json!({}))
        .await;
    let opgave = d["actieplannen"][0]["opgaven"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let db = Db::connect(&url).await.unwrap();
    let voor = actie::Entity::find().count(&db.reader).await.unwrap();

    let bevestigd = Bevestigd::default();
    let workers: Vec<_> = (0..WORKERS)
        .map(|n| {
            tokio::spawn(schrijver(
                server.api.clone(),
                opgave.clone(),
                n,
                bevestigd.clone(),
            ))
        })
        .collect();
    let t = Instant::now();
    while bevestigd.lock().unwrap().len() < VOOR_KILL {
        assert!(t.elapsed() < Duration::from_secs(60), "the burst is too slow");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // Mid-burst: every worker has a request in flight or about to go.
    server.kill().await;
    let mut verstuurd = 0;
    for w in workers {
        verstuurd += tokio::time::timeout(Duration::from_secs(60), w)
            .await
            .unwrap()
            .unwrap();
    }
    let bevestigd = bevestigd.lock().unwrap().clone();
    assert!(bevestigd.len() >= VOOR_KILL);

    // Restart on the same database.
    let server = Server::start(&url, work.path()).await;
    let q = "query($id: ID!) { actie(id: $id) { versie voortgang historie { versie } } }";
    for (id, versie) in &bevestigd {
        let a = server.api.data(q, json!({ "id": id })).await["actie"].clone();
        assert!(a.is_object(), "acknowledged actie {id} is missing after SIGKILL");
        let opgeslagen = a["versie"].as_i64().unwrap();
        assert!(
            opgeslagen >= *versie,
            "{id}: acknowledged version {versie}, stored {a:#}"
        );
        let historie: Vec<i64> = a["historie"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["versie"].as_i64().unwrap())
            .collect();
        assert_eq!(historie, (1..=opgeslagen).collect::<Vec<_>>(), "{id}: {a:#}");
    }

    // Every actie's history is complete, without gaps or strays.
    let acties = actie::Entity::find().all(&db.reader).await.unwrap();
    let nieuw = acties.len() as u64 - voor;
    eprintln!(
        "SIGKILL: {} acties acknowledged, {nieuw} stored, {verstuurd} creations sent",
        bevestigd.len()
    );
    assert!(
        nieuw >= bevestigd.len() as u64,
        "{nieuw} stored < {} acknowledged",
        bevestigd.len()
    );
    assert!(nieuw <= verstuurd as u64, "{nieuw} stored > {verstuurd} sent");
    let rows = voortgangsupdate::Entity::find()
        .order_by_asc(voortgangsupdate::Column::ActieId)
        .order_by_asc(voortgangsupdate::Column::Versie)
        .all(&db.reader)
        .await
        .unwrap();
    let mut per_actie: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for r in &rows {
        per_actie.entry(r.actie_id).or_default().push(r.versie);
    }
    assert_eq!(
        per_actie.len(),
        acties.len(),
        "every actie has history, no history without actie"
    );
    for a in &acties {
        assert_eq!(
            per_actie[&a.id],
            (1..=a.versie).collect::<Vec<_>>(),
            "actie {}",
            a.id
        );
    }

    // The roll-ups count every actie.
    let d = server
        .api
        .data(
            "query($o: ID!) { themas { rollup { totaal } } acties { totalCount }
                              opgave(id: $o) { rollup { totaal } } }",
            json!({ "o": opgave }),
        )
        .await;
    let som: i64 = d["themas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["rollup"]["totaal"].as_i64().unwrap())
        .sum();
    assert_eq!(
        som,
        acties.len() as i64,
        "the thema roll-ups count every actie: {d:#}"
    );
    assert_eq!(d["acties"]["totalCount"], acties.len() as i64);
    let burst_opgave = acties
        .iter()
        .find(|a| a.titel.starts_with("Burst "))
        .unwrap()
        .opgave_id;
    let in_opgave = actie::Entity::find()
        .filter(actie::Column::OpgaveId.eq(burst_opgave))
        .count(&db.reader)
        .await
        .unwrap();
    assert_eq!(d["opgave"]["rollup"]["totaal"], in_opgave as i64);
}
