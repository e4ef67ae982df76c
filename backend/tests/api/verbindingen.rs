//! Slow and greedy clients: header reads time out, connections are bounded in all and per address (a
//! WebSocket included), and a stop has a deadline.

use crate::helpers::TestApp;
use serde_json::json;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Waits until the server closes `s` (EOF or reset), at most `within`; true when it did.
async fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 1024];
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, s.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            // A 408 answer before the close counts as closing too.
            Ok(Ok(_)) => continue,
        }
    }
}

/// A connection that started a request and never finishes its headers.
async fn slow_client(app: &TestApp) -> TcpStream {
    let mut s = TcpStream::connect(app.addr).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: koers\r\nX-Langzaam: ")
        .await
        .unwrap();
    s
}

async fn healthz_ok(app: &TestApp) -> bool {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    client
        .get(app.url("/healthz"))
        .send()
        .await
        .is_ok_and(|r| r.status() == 200)
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let app = TestApp::spawn_with(|s| s.verbindingen.header_timeout = Duration::from_millis(500)).await;
    let mut slow = Vec::new();
    for _ in 0..50 {
        slow.push(slow_client(&app).await);
    }
    assert!(healthz_ok(&app).await, "the server answers others meanwhile");
    for s in &mut slow {
        assert!(
            closed_within(s, Duration::from_secs(20)).await,
            "the slow connection is closed after the header timeout"
        );
    }
}

#[tokio::test]
async fn connections_are_bounded_per_address_and_freed_when_closed() {
    let app = TestApp::spawn_with(|s| {
        s.verbindingen.max_per_adres = 5;
        s.verbindingen.header_timeout = Duration::from_secs(60);
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..5 {
        held.push(slow_client(&app).await);
    }
    // The server counts a connection once it has accepted it: wait until a sixth one is refused.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut refused = false;
    while !refused && Instant::now() < deadline {
        let mut extra = TcpStream::connect(app.addr).await.unwrap();
        refused = closed_within(&mut extra, Duration::from_millis(500)).await;
    }
    assert!(
        refused,
        "a sixth connection from the same address is closed at once"
    );
    assert!(
        !healthz_ok(&app).await,
        "no room for this address while five are held"
    );
    held.clear();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !healthz_ok(&app).await {
        assert!(Instant::now() < deadline, "closed connections free their place");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn connections_are_bounded_in_all() {
    let app = TestApp::spawn_with(|s| {
        s.verbindingen.max = 4;
        s.verbindingen.header_timeout = Duration::from_secs(60);
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(slow_client(&app).await);
    }
    let mut extra = TcpStream::connect(app.addr).await.unwrap();
    assert!(
        closed_within(&mut extra, Duration::from_secs(10)).await,
        "a connection beyond the bound is closed"
    );
}

#[tokio::test]
async fn a_slow_client_cannot_hold_a_shutdown_past_its_deadline() {
    let (database_url, _dir) = crate::helpers::fresh_database().await;
    let static_dir = tempfile::tempdir().unwrap();
    let mut settings = koers_backend::config::Settings::new(database_url);
    settings.addr = "127.0.0.1:0".parse().unwrap();
    settings.static_dir = static_dir.path().to_path_buf();
    settings.verbindingen.header_timeout = Duration::from_secs(120);
    settings.verbindingen.shutdown_timeout = Duration::from_secs(2);
    let app = koers_backend::startup::Application::build(settings)
        .await
        .unwrap();
    let addr = app.local_addr();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(app.run_until(async {
        let _ = stop_rx.await;
    }));
    // A request that has begun and never ends, and an idle kept-alive connection.
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: koers\r\nX-Langzaam: ")
        .await
        .unwrap();
    let client = reqwest::Client::new();
    let r = client.get(format!("http://{addr}/healthz")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let begun = Instant::now();
    stop_tx.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(30), running)
        .await
        .expect("the server stops although a client is still sending headers")
        .unwrap()
        .unwrap();
    let took = begun.elapsed();
    assert!(
        took < Duration::from_secs(10),
        "stopping took {took:?}; the deadline is 2 s"
    );
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "nothing listens any more"
    );
}

#[tokio::test]
async fn a_websocket_keeps_its_place_and_says_goodbye_when_the_server_stops() {
    use crate::wsclient::{Event, Sock};
    let mut app = TestApp::spawn_with(|s| {
        s.verbindingen.max_per_adres = 3;
        s.verbindingen.shutdown_timeout = Duration::from_secs(20);
    })
    .await;
    let mut socks = Vec::new();
    for _ in 0..3 {
        socks.push(Sock::ready(&app, &[], json!({})).await);
    }
    assert!(
        !healthz_ok(&app).await,
        "three open sockets hold the address's three places"
    );
    let begun = Instant::now();
    app.stop().await;
    assert!(
        begun.elapsed() < Duration::from_secs(15),
        "the sockets close at once instead of holding the stop"
    );
    for s in &mut socks {
        let (e, _) = s.until_closed(Duration::from_secs(10)).await;
        assert_eq!(e, Event::Closed(1001, "Server is shutting down".into()));
    }
}
