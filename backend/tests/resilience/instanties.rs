//! More than one server: two `koers serve` processes on one PostgreSQL database behave as one — a subscriber
//! on B sees a report made on A within a second, SIGKILL of A mid-burst loses no acknowledged write while B
//! keeps serving, SIGTERM of B closes its sockets with 1001 and its clients carry on at A, and the scheduled
//! job runs once per period across both. On SQLite a second `koers serve` on the same file is refused.

use crate::helpers::fresh_database;
use crate::proces::{Api, Server, koers, on_postgres, text};
use crate::sigkill::{Bevestigd, schrijver};
use futures_util::{SinkExt, StreamExt};
use koers_backend::db::Db;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

const LIVE: &str = "subscription { actieGewijzigd { actie { id versie voortgang } } }";
const MELDEN: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { id versie } }";
const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }";

/// A subscriber over `graphql-transport-ws`.
struct Abonnee(WebSocketStream<MaybeTlsStream<TcpStream>>);

/// What came next on a socket.
#[derive(Debug)]
enum Binnen {
    Wijziging(Value),
    Dicht(u16),
    Stil,
}

impl Abonnee {
    /// Connects to `api` with its token and subscribes to every change.
    async fn start(api: &Api) -> Abonnee {
        let mut req = format!("ws://{}/graphql/ws", api.addr)
            .into_client_request()
            .unwrap();
        req.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_static("graphql-transport-ws"),
        );
        let (s, _) = tokio_tungstenite::connect_async(req).await.expect("upgrade");
        let mut a = Abonnee(s);
        a.stuur(json!({ "type": "connection_init", "payload": { "authorization": format!("Bearer {}", api.token) } }))
            .await;
        match a.0.next().await {
            Some(Ok(Message::Text(t))) => assert!(t.contains("connection_ack"), "{t}"),
            other => panic!("no ack: {other:?}"),
        }
        a.stuur(json!({ "type": "subscribe", "id": "1", "payload": { "query": LIVE } }))
            .await;
        a
    }

    async fn stuur(&mut self, v: Value) {
        self.0.send(Message::Text(v.to_string().into())).await.unwrap();
    }

    async fn volgende(&mut self, wacht: Duration) -> Binnen {
        let deadline = tokio::time::Instant::now() + wacht;
        loop {
            match tokio::time::timeout_at(deadline, self.0.next()).await {
                Err(_) => return Binnen::Stil,
                Ok(Some(Ok(Message::Text(t)))) => {
                    let v: Value = serde_json::from_str(t.as_str()).unwrap();
                    if v["type"] == "next" {
                        return Binnen::Wijziging(v["payload"]["data"]["actieGewijzigd"]["actie"].clone());
                    }
                }
                Ok(Some(Ok(Message::Close(Some(c))))) => return Binnen::Dicht(u16::from(c.code)),
                Ok(None | Some(Ok(Message::Close(None)) | Err(_))) => return Binnen::Dicht(0),
                Ok(Some(Ok(_))) => {}
            }
        }
    }

    /// Waits for the change of actie `id` to version `versie` (skipping others).
    async fn tot(&mut self, id: &str, versie: i64, wacht: Duration) -> bool {
        let deadline = Instant::now() + wacht;
        while let Some(rest) = deadline.checked_duration_since(Instant::now()) {
            match self.volgende(rest).await {
                Binnen::Wijziging(a) if a["id"] == id && a["versie"] == versie => return true,
                Binnen::Wijziging(_) => {}
                _ => return false,
            }
        }
        false
    }
}

/// Reports progress on `id` at `versie`; returns the new version.
async fn melden(api: &Api, id: &str, versie: i64, voortgang: i64) -> i64 {
    let d = api
        .data(
            MELDEN,
            json!({ "i": { "id": id, "versie": versie, "voortgang": voortgang } }),
        )
        .await;
    d["actieVoortgangRapporteren"]["versie"].as_i64().unwrap()
}

async fn getal(db: &Db, sql: &str) -> i64 {
    let r = db
        .reader
        .query_one_raw(Statement::from_string(db.backend(), sql))
        .await
        .unwrap()
        .unwrap();
    r.try_get_by_index::<i64>(0).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_postgresql_behave_as_one() {
    if !on_postgres() {
        eprintln!("twee instanties: overgeslagen, dit vraagt PostgreSQL (KOERS_TEST_DATABASE_URL)");
        return;
    }
    let (url, _) = fresh_database().await;
    let work = tempfile::tempdir().unwrap();
    let env = [("KOERS_JOB_INTERVAL", "1"), ("KOERS_JOB_LEASE", "5")];
    let mut a = Server::start_with(&url, work.path(), &env).await;
    let mut b = Server::start_with(&url, work.path(), &env).await;
    let d = a.api.data("{ actieplannen { opgaven { id } } }", json!({})).await;
    let opgave = d["actieplannen"][0]["opgaven"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let invoer = json!({ "i": { "opgave": opgave, "titel": "Over twee servers", "jaar": 2026,
                                "status": "IN_UITVOERING", "voortgang": 1 } });
    let id = a.api.data(AANMAKEN, invoer).await["actieAanmaken"]["id"]
        .as_str()
        .unwrap()
        .to_string();

    // A subscriber on B: once its subscription runs (reports on A until one arrives), a report on A arrives
    // at B within a second.
    let mut op_b = Abonnee::start(&b.api).await;
    let mut versie = 1;
    let begin = Instant::now();
    loop {
        versie = melden(&a.api, &id, versie, versie + 1).await;
        if op_b.tot(&id, versie, Duration::from_millis(500)).await {
            break;
        }
        assert!(
            begin.elapsed() < Duration::from_secs(30),
            "B's subscriber never heard of A"
        );
    }
    versie = melden(&a.api, &id, versie, 50).await;
    let gemeld = Instant::now();
    assert!(
        op_b.tot(&id, versie, Duration::from_secs(5)).await,
        "B hears of A's report"
    );
    let na = gemeld.elapsed();
    assert!(na < Duration::from_secs(1), "B heard of A's report after {na:?}");

    // SIGKILL of A mid-burst: every write A acknowledged is there through B, and B keeps serving.
    let bevestigd = Bevestigd::default();
    let workers: Vec<_> = (0..3)
        .map(|n| tokio::spawn(schrijver(a.api.clone(), opgave.clone(), n, bevestigd.clone())))
        .collect();
    let t = Instant::now();
    while bevestigd.lock().unwrap().len() < 20 {
        assert!(t.elapsed() < Duration::from_secs(60), "the burst is too slow");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    a.kill().await;
    for w in workers {
        tokio::time::timeout(Duration::from_secs(60), w)
            .await
            .unwrap()
            .unwrap();
    }
    let bevestigd = bevestigd.lock().unwrap().clone();
    let q = "query($id: ID!) { actie(id: $id) { versie } }";
    for (aid, v) in &bevestigd {
        let opgeslagen = b.api.data(q, json!({ "id": aid })).await["actie"]["versie"].as_i64();
        assert!(
            opgeslagen >= Some(*v),
            "{aid}: acknowledged {v} by A, B has {opgeslagen:?}"
        );
    }
    versie = melden(&b.api, &id, versie, 60).await;
    assert!(
        op_b.tot(&id, versie, Duration::from_secs(5)).await,
        "B's own change"
    );

    // Rolling restart: A' comes up; SIGTERM of B closes its socket with 1001; the client reconnects to A',
    // reloads (nothing acknowledged is missing) and hears of the next change.
    let a2 = Server::start_with(&url, work.path(), &env).await;
    let b_stopt = tokio::spawn(async move {
        let tijd = b.terminate(Duration::from_secs(30)).await;
        (b, tijd)
    });
    // (Changes still under way from the burst may come first.)
    let dicht = loop {
        match op_b.volgende(Duration::from_secs(30)).await {
            Binnen::Wijziging(_) => {}
            anders => break anders,
        }
    };
    assert!(
        matches!(dicht, Binnen::Dicht(1001)),
        "B says goodbye with 1001: {dicht:?}"
    );
    let versie_tijdens = melden(&a2.api, &id, versie, 70).await;
    let mut op_a2 = Abonnee::start(&a2.api).await;
    let herladen = a2.api.data(q, json!({ "id": id })).await["actie"]["versie"].as_i64();
    assert_eq!(
        herladen,
        Some(versie_tijdens),
        "the reload sees the change made during the switch"
    );
    let begin = Instant::now();
    let mut versie = versie_tijdens;
    loop {
        versie = melden(&a2.api, &id, versie, versie % 100).await;
        if op_a2.tot(&id, versie, Duration::from_millis(500)).await {
            break;
        }
        assert!(
            begin.elapsed() < Duration::from_secs(30),
            "the client never heard of A' again"
        );
    }
    let (_b, tijd) = b_stopt.await.unwrap();
    assert!(tijd.is_some(), "B stopped on SIGTERM");

    // The scheduled job ran once per period, whichever instance claimed it.
    let db = Db::connect(&url).await.unwrap();
    let begin = Instant::now();
    let klaar = loop {
        let klaar = getal(&db, "SELECT COUNT(*) FROM taak_run WHERE klaar_op IS NOT NULL").await;
        if klaar >= 2 {
            break klaar;
        }
        assert!(
            begin.elapsed() < Duration::from_secs(30),
            "the job ran in one period only"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let dubbel =
        "SELECT COUNT(*) FROM (SELECT periode FROM taak_run GROUP BY naam, periode HAVING COUNT(*) > 1) d";
    assert_eq!(getal(&db, dubbel).await, 0, "never twice in one period");
    let instanties = getal(&db, "SELECT COUNT(DISTINCT instantie) FROM taak_run").await;
    eprintln!(
        "twee instanties: {klaar} runs by {instanties} instances, {} writes acknowledged",
        bevestigd.len()
    );
}

#[tokio::test]
async fn a_second_server_on_the_same_sqlite_file_is_refused() {
    if on_postgres() {
        return;
    }
    let (url, _dir) = fresh_database().await;
    let work = tempfile::tempdir().unwrap();
    let mut eerste = Server::start(&url, work.path()).await;
    let tweede = tokio::process::Command::new(env!("CARGO_BIN_EXE_koers"))
        .current_dir(work.path())
        .env("DATABASE_URL", &url)
        .env("KOERS_ADDR", format!("127.0.0.1:{}", crate::proces::free_port()))
        .env("KOERS_LOG", "warn")
        .arg("serve")
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(60), tweede)
        .await
        .expect("refused at once")
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("al in gebruik door een andere `koers serve`"),
        "{}",
        text(&out)
    );
    assert!(
        stderr.contains("PostgreSQL"),
        "says what to use instead: {stderr}"
    );
    // Other commands still work beside the server.
    let list = koers(&url, work.path(), &["token", "list"]).await;
    assert!(list.status.success(), "{}", text(&list));
    // The lock ends with the process, also on SIGKILL: a new server starts.
    eerste.kill().await;
    let opnieuw = Server::start(&url, work.path()).await;
    opnieuw.api.data("{ actieplannen { id } }", json!({})).await;
}

#[tokio::test]
async fn a_stopping_server_first_says_so_on_readyz_and_serves_on_for_the_drain() {
    let (url, _dir) = fresh_database().await;
    let work = tempfile::tempdir().unwrap();
    let mut server = Server::start_with(&url, work.path(), &[("KOERS_SHUTDOWN_DRAIN", "3")]).await;
    let api = server.api.clone();
    let stopt = tokio::spawn(async move { server.terminate(Duration::from_secs(60)).await });
    let begin = Instant::now();
    loop {
        let r = api.client.get(api.url("/readyz")).send().await.unwrap();
        if r.status().as_u16() == 503 {
            assert_eq!(r.json::<Value>().await.unwrap()["status"], "stopping");
            break;
        }
        assert!(
            begin.elapsed() < Duration::from_secs(20),
            "/readyz never said it stops"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Meanwhile it still answers: a load balancer has time to take it out.
    api.data("{ themas { naam } }", json!({})).await;
    let tijd = stopt.await.unwrap().expect("it stops after the drain");
    assert!(
        tijd >= Duration::from_millis(2500),
        "stopped after {tijd:?}, before the drain ended"
    );
}
