//! The `graphql-transport-ws` protocol as Koers speaks it: close codes for every breach, the sub-protocol,
//! and the limits (rate, message size, running operations, connection-init timeout) over the socket.

use crate::helpers::{TestApp, plan_ids};
use crate::subscriptions::listeners;
use crate::wsclient::{Event, Sock};
use koers_backend::config::RateLimit;
use serde_json::{Value, json};
use std::time::Duration;
use tokio::time::Instant;

const TYPENAME: &str = "{ __typename }";

#[tokio::test]
async fn protocol_breaches_close_with_4400() {
    let app = TestApp::spawn().await;
    let cases: Vec<(&str, Value)> = vec![
        ("bad JSON", json!("{ niet json")),
        (
            "missing id",
            json!({ "type": "subscribe", "payload": { "query": TYPENAME } }),
        ),
        ("missing payload", json!({ "type": "subscribe", "id": "1" })),
        (
            "unknown type",
            json!({ "type": "start", "id": "1", "payload": { "query": TYPENAME } }),
        ),
        ("server type", json!({ "type": "next", "id": "1", "payload": {} })),
        ("no type", json!({ "id": "1" })),
    ];
    for (wat, msg) in cases {
        let mut s = Sock::ready(&app, &[], json!({})).await;
        match msg {
            Value::String(raw) => s.text(&raw).await,
            m => s.send(m).await,
        }
        let e = s.next(Duration::from_secs(10)).await;
        assert_eq!(e.close_code(), 4400, "{wat}: {e:?}");
    }
    let mut s = Sock::ready(&app, &[], json!({})).await;
    s.binary(b"{\"type\":\"ping\"}".to_vec()).await;
    assert_eq!(s.next(Duration::from_secs(10)).await.close_code(), 4400, "binary");
    for payload in [json!([1, 2]), json!("tekst"), json!(7)] {
        let mut s = Sock::open(&app, &[]).await;
        s.send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        let e = s.next(Duration::from_secs(10)).await;
        assert_eq!(e.close_code(), 4400, "init payload {payload}: {e:?}");
    }
}

#[tokio::test]
async fn handshake_breaches_have_their_own_codes() {
    let app = TestApp::spawn_with(|s| s.websocket.init_timeout = Duration::from_secs(1)).await;
    // Subscribe before connection_init: 4401.
    let mut s = Sock::open(&app, &[]).await;
    s.subscribe("1", TYPENAME, json!({})).await;
    let e = s.next(Duration::from_secs(10)).await;
    assert_eq!(e, Event::Closed(4401, "Unauthorized".into()));
    // A bad token in connection_init: 4403.
    let mut s = Sock::open(&app, &[]).await;
    s.send(json!({ "type": "connection_init", "payload": { "authorization": "Bearer koers_nep_nep" } }))
        .await;
    assert_eq!(s.next(Duration::from_secs(10)).await.close_code(), 4403);
    // A second connection_init: 4429.
    let mut s = Sock::ready(&app, &[], json!({})).await;
    s.send(json!({ "type": "connection_init" })).await;
    assert_eq!(s.next(Duration::from_secs(10)).await.close_code(), 4429);
    // No connection_init in time: 4408, after the timeout and not long after.
    let start = Instant::now();
    let mut s = Sock::open(&app, &[]).await;
    let (e, t) = s.until_closed(Duration::from_secs(15)).await;
    assert_eq!(e.close_code(), 4408, "{e:?}");
    assert!(t - start >= Duration::from_millis(900) && t - start < Duration::from_secs(10));
    // Pings are answered with the same payload, before and after the handshake.
    let mut s = Sock::open(&app, &[]).await;
    s.send(json!({ "type": "ping", "payload": { "n": 1 } })).await;
    let e = s.next(Duration::from_secs(10)).await;
    assert_eq!(e, Event::Msg(json!({ "type": "pong", "payload": { "n": 1 } })));
}

#[tokio::test]
async fn a_running_operation_id_cannot_be_reused_and_a_close_reason_fits_its_frame() {
    let app = TestApp::spawn().await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let sub = "subscription($p: ID) { actieGewijzigd(actieplan: $p) { opgave { id } } }";
    let mut s = Sock::ready(&app, &[], json!({})).await;
    s.subscribe("a", sub, json!({ "p": plan })).await;
    listeners(&app, 1).await;
    s.subscribe("a", sub, json!({ "p": plan })).await;
    let e = s.next(Duration::from_secs(10)).await;
    assert_eq!(e, Event::Closed(4409, "Subscriber for a already exists".into()));

    // An id of 300 multi-byte characters: the reason is cut to 123 bytes, on a character boundary.
    let id = "é".repeat(300);
    let mut s = Sock::ready(&app, &[], json!({})).await;
    s.subscribe(&id, sub, json!({ "p": plan })).await;
    s.subscribe(&id, sub, json!({ "p": plan })).await;
    match s.next(Duration::from_secs(10)).await {
        Event::Closed(4409, reason) => {
            assert!(reason.len() <= 123, "{} bytes", reason.len());
            assert!(reason.starts_with("Subscriber for éé"), "{reason}");
        }
        other => panic!("expected 4409, got {other:?}"),
    }
    // A finished operation's id may be used again.
    let mut s = Sock::ready(&app, &[], json!({})).await;
    for _ in 0..2 {
        s.subscribe("q", TYPENAME, json!({})).await;
        assert_eq!(
            s.next(Duration::from_secs(10)).await,
            Event::Msg(
                json!({ "type": "next", "id": "q", "payload": { "data": { "__typename": "Query" } } })
            )
        );
        assert_eq!(
            s.next(Duration::from_secs(10)).await,
            Event::Msg(json!({ "type": "complete", "id": "q" }))
        );
    }
}

#[tokio::test]
async fn only_graphql_transport_ws_is_spoken() {
    let app = TestApp::spawn().await;
    let r = Sock::open_as(&app, "graphql-ws", &[]).await;
    assert!(r.as_ref().is_err_and(|e| e.contains("400")), "{:?}", r.err());
    let r = Sock::open_as(&app, "graphql-transport-ws", &[]).await;
    assert!(r.is_ok());
}

#[tokio::test]
async fn a_validation_error_is_an_error_message_with_a_code() {
    let app = TestApp::spawn().await;
    let mut s = Sock::ready(&app, &[], json!({})).await;
    s.subscribe("v", "{ bestaatNiet }", json!({})).await;
    let Event::Msg(m) = s.next(Duration::from_secs(10)).await else {
        panic!("an answer")
    };
    assert_eq!(m["type"], "error", "{m}");
    assert_eq!(m["id"], "v", "{m}");
    assert_eq!(
        m["payload"][0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED",
        "{m}"
    );
    // The socket stays usable.
    s.subscribe("w", TYPENAME, json!({})).await;
    let Event::Msg(m) = s.next(Duration::from_secs(10)).await else {
        panic!("an answer")
    };
    assert_eq!(m["type"], "next", "{m}");
}

#[tokio::test]
async fn operations_per_socket_and_per_address_are_rate_limited() {
    let app = TestApp::spawn_with(|s| {
        s.websocket.operaties = RateLimit {
            per_second: 1,
            burst: 3,
        };
    })
    .await;
    let mut s = Sock::ready(&app, &[], json!({})).await;
    for i in 0..10 {
        s.subscribe(&format!("q{i}"), TYPENAME, json!({})).await;
    }
    let (mut next, mut limited) = (0, 0);
    while next + limited < 10 {
        let Event::Msg(m) = s.next(Duration::from_secs(10)).await else {
            panic!("an answer for each")
        };
        match m["type"].as_str() {
            Some("next") => next += 1,
            Some("error") => {
                assert_eq!(m["payload"][0]["extensions"]["code"], "RATE_LIMITED", "{m}");
                assert!(
                    m["payload"][0]["extensions"]["retryAfter"].as_u64() >= Some(1),
                    "{m}"
                );
                limited += 1;
            }
            _ => {}
        }
    }
    assert!((3..=5).contains(&next), "{next} ran");

    // The per-address bucket is shared by every socket of an address.
    let app = TestApp::spawn_with(|s| {
        s.rate_limit = Some(RateLimit {
            per_second: 1,
            burst: 6,
        });
    })
    .await;
    let mut limited = 0;
    for _ in 0..4 {
        let mut s = Sock::ready(&app, &[], json!({})).await;
        for i in 0..3 {
            s.subscribe(&format!("q{i}"), TYPENAME, json!({})).await;
            loop {
                let Event::Msg(m) = s.next(Duration::from_secs(10)).await else {
                    panic!("an answer")
                };
                if m["type"] == "error" {
                    assert_eq!(m["payload"][0]["extensions"]["code"], "RATE_LIMITED", "{m}");
                    limited += 1;
                }
                if m["type"] != "next" {
                    break;
                }
            }
        }
    }
    assert!(
        limited >= 4,
        "12 operations from one address, burst 6: {limited} refused"
    );
}

#[tokio::test]
async fn a_message_over_the_size_limit_is_not_executed() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let voor = app.acties_total().await;
    let mut s = Sock::ready(
        &app,
        &[],
        json!({ "authorization": format!("Bearer {}", app.token) }),
    )
    .await;
    let query = format!(
        "mutation($i: ActieAanmakenInvoer!) {{ actieAanmaken(invoer: $i) {{ id }} }}{}",
        " ".repeat(10 * 1024 * 1024)
    );
    let i =
        json!({ "opgave": opgaven[0], "titel": "Tien megabyte", "jaar": 2026, "status": "IN_UITVOERING" });
    s.subscribe("groot", &query, json!({ "i": i })).await;
    let (e, _) = s.until_closed(Duration::from_secs(30)).await;
    assert!(matches!(e, Event::Closed(1009, _) | Event::Gone), "{e:?}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(app.acties_total().await, voor, "the 10 MB mutation did not run");
}

#[tokio::test]
async fn one_anonymous_socket_cannot_hold_a_thousand_subscriptions() {
    let app = TestApp::spawn_with(|s| {
        s.websocket.operaties = RateLimit {
            per_second: 10_000,
            burst: 10_000,
        };
        s.rate_limit = None;
    })
    .await;
    let max = app_max();
    let sub = "subscription { actieGewijzigd { opgave { id } } }";
    let mut s = Sock::ready(&app, &[], json!({})).await;
    for i in 0..1000 {
        s.subscribe(&format!("s{i}"), sub, json!({})).await;
    }
    let mut refused = 0;
    while refused < 1000 - max {
        let Event::Msg(m) = s.next(Duration::from_secs(20)).await else {
            panic!("refusals in time")
        };
        assert_eq!(m["type"], "error", "{m}");
        assert_eq!(
            m["payload"][0]["extensions"]["code"], "TOO_MANY_SUBSCRIPTIONS",
            "{m}"
        );
        refused += 1;
    }
    listeners(&app, max).await;
    assert_eq!(app.services.events.receiver_count(), max);
    // Ending one makes room for another.
    s.send(json!({ "type": "complete", "id": "s0" })).await;
    s.subscribe("nieuw", sub, json!({})).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(s.next(Duration::from_millis(500)).await, Event::Silence);
    assert_eq!(app.services.events.receiver_count(), max);
}

fn app_max() -> usize {
    koers_backend::config::WebSocket::default().max_abonnementen
}
