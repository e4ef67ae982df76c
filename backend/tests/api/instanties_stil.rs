//! A listener connection that breaks without a word (a dead network path, a NAT that forgot it, a database
//! failover behind one address): the instance notices that its pings to itself go unheard, listens again on a
//! new connection and makes its sockets reload. PostgreSQL only.

use crate::helpers::TestApp;
use crate::wsclient::{Event, Sock};
use serde_json::json;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// A TCP relay to PostgreSQL. [`Relais::bevries`] makes every connection open at that moment stop passing bytes
/// while it stays open; connections made after it pass.
struct Relais {
    port: u16,
    bevroren: watch::Sender<u64>,
}

async fn doorgeven(
    mut van: tokio::net::tcp::OwnedReadHalf,
    mut naar: tokio::net::tcp::OwnedWriteHalf,
    bevroren: watch::Receiver<u64>,
    generatie: u64,
) {
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = match van.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        if *bevroren.borrow() > generatie {
            // Hold both ends open and pass nothing, as a broken path does.
            std::future::pending::<()>().await;
        }
        if naar.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}

impl Relais {
    async fn start(doel: String) -> Relais {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (bevroren, rx) = watch::channel(0u64);
        tokio::spawn(async move {
            while let Ok((klant, _)) = listener.accept().await {
                let Ok(server) = TcpStream::connect(&doel).await else {
                    continue;
                };
                let generatie = *rx.borrow();
                let (kl_r, kl_w) = klant.into_split();
                let (sv_r, sv_w) = server.into_split();
                tokio::spawn(doorgeven(kl_r, sv_w, rx.clone(), generatie));
                tokio::spawn(doorgeven(sv_r, kl_w, rx.clone(), generatie));
            }
        });
        Relais { port, bevroren }
    }

    fn bevries(&self) {
        self.bevroren.send_modify(|g| *g += 1);
    }
}

#[tokio::test]
async fn a_listener_connection_that_broke_silently_is_noticed_and_its_sockets_reload() {
    let Ok(url) = std::env::var("KOERS_TEST_DATABASE_URL") else {
        eprintln!("stille breuk: overgeslagen, dit vraagt PostgreSQL (KOERS_TEST_DATABASE_URL)");
        return;
    };
    if !url.starts_with("postgres") {
        eprintln!("stille breuk: overgeslagen, dit vraagt PostgreSQL (KOERS_TEST_DATABASE_URL)");
        return;
    }
    let a = TestApp::spawn().await;
    // B reaches the same database through the relay: postgres://user@host:port/db → …@127.0.0.1:relay/db.
    let (voor, rest) = a.database_url.split_once('@').unwrap();
    let (host_port, db) = rest.split_once('/').unwrap();
    let relais = Relais::start(host_port.to_string()).await;
    let via_relais = format!("{voor}@127.0.0.1:{}/{db}", relais.port);
    let b = TestApp::spawn_on(via_relais, None, |_| {}).await;
    let mut sock = Sock::ready(&b, &[], json!({})).await;
    sock.subscribe(
        "1",
        "subscription { actieGewijzigd { opgave { id } } }",
        json!({}),
    )
    .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while b.services.events.receiver_count() < 1 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "subscription did not start"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    relais.bevries();
    let wacht = koers_backend::service::luisteraar::PING * 6;
    let (e, _) = sock.until_closed(wacht).await;
    assert_eq!(e.close_code(), 1012, "reload after a silent break: {e:?}");
}

/// A plan changed through one instance reaches a `beheerGewijzigd` subscriber on the other (PostgreSQL).
#[tokio::test]
async fn a_plan_changed_on_one_instance_reaches_beheer_subscribers_on_the_other() {
    if !std::env::var("KOERS_TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres")) {
        eprintln!("beheer over instanties: overgeslagen, twee instanties vragen PostgreSQL");
        return;
    }
    let a = TestApp::spawn().await;
    let b = TestApp::spawn_on(a.database_url.clone(), None, |_| {}).await;
    let beheer = a
        .sign_in_new("beheer", koers_backend::toegang::Rol::Beheerder, &[])
        .await;
    let mh = crate::beheer_hulp::thema_id(&a, "mensenhandel").await;
    let mut sock = Sock::ready(&b, &[], json!({})).await;
    sock.send(json!({ "id": "1", "type": "subscribe", "payload": {
        "query": "subscription($t: ID) { beheerGewijzigd(thema: $t) { soort id versie } }",
        "variables": { "t": mh } } }))
        .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while b.services.beheer_events.receiver_count() < 1 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the subscription did not start"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let p = crate::beheer_hulp::plan(&a, &beheer, &mh, "Beleidskader 2027-2030").await;
    match sock.next(Duration::from_secs(10)).await {
        Event::Msg(m) if m["type"] == "next" => {
            let ev = &m["payload"]["data"]["beheerGewijzigd"];
            assert_eq!(ev["soort"], "actieplan", "{m:#}");
            assert_eq!(ev["id"], p.as_str());
            assert_eq!(ev["versie"], 1);
        }
        other => panic!("expected the plan on the other instance, got {other:?}"),
    }
}
