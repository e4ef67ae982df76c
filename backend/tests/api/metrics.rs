//! `/metrics`: Prometheus text on its own address only, with requests and latency per operation, errors per
//! code, open WebSockets and their operations, and the database pools; operation names are bounded labels.

use crate::helpers::TestApp;
use crate::wsclient::Sock;
use serde_json::json;
use std::time::{Duration, Instant};

async fn metrics(app: &TestApp) -> String {
    let addr = app.metrics_addr.expect("metrics are on");
    let r = reqwest::get(format!("http://{addr}/metrics")).await.unwrap();
    assert_eq!(r.status(), 200);
    let ct = r.headers()["content-type"].to_str().unwrap().to_string();
    assert!(ct.starts_with("application/openmetrics-text"), "{ct}");
    r.text().await.unwrap()
}

/// The value of the sample `name` (with its labels as written), if present.
fn sample(text: &str, name: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
}

async fn spawn_with_metrics() -> TestApp {
    TestApp::spawn_with(|s| s.metrics_addr = Some("127.0.0.1:0".parse().unwrap())).await
}

#[tokio::test]
async fn metrics_are_off_unless_an_address_is_given_and_never_on_the_public_one() {
    let off = TestApp::spawn().await;
    assert!(off.metrics_addr.is_none());
    let on = spawn_with_metrics().await;
    for (app, wanneer) in [(&off, "when they are off"), (&on, "even when they are on")] {
        let body = app
            .client
            .get(app.url("/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !body.contains("koers_graphql"),
            "no metrics on the public address {wanneer}: {body}"
        );
    }
}

#[tokio::test]
async fn requests_errors_sockets_and_pools_are_counted() {
    let app = spawn_with_metrics().await;
    for _ in 0..2 {
        app.data("query Overzicht { themas { id } }", json!({})).await;
    }
    let (_, r) = app.post_raw(r#"{"query": "{ themas { "}"#).await;
    assert_eq!(r["errors"][0]["extensions"]["code"], "GRAPHQL_PARSE_FAILED");
    let mut ws = Sock::ready(&app, &[], json!({})).await;
    ws.subscribe(
        "1",
        "subscription Live { actieGewijzigd { opgave { id } } }",
        json!({}),
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let text = loop {
        let text = metrics(&app).await;
        if sample(&text, "koers_websocket_operations") == Some(1.0) || Instant::now() > deadline {
            break text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(
        sample(&text, "koers_graphql_requests_total{operatie=\"Overzicht\"}"),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        sample(
            &text,
            "koers_graphql_request_duration_seconds_count{operatie=\"Overzicht\"}"
        ),
        Some(2.0),
        "{text}"
    );
    assert!(
        sample(&text, "koers_graphql_errors_total{code=\"GRAPHQL_PARSE_FAILED\"}") >= Some(1.0),
        "{text}"
    );
    assert_eq!(sample(&text, "koers_websocket_connections"), Some(1.0), "{text}");
    assert_eq!(sample(&text, "koers_websocket_operations"), Some(1.0), "{text}");
    assert!(
        sample(
            &text,
            "koers_db_pool_connections{pool=\"lezen\",toestand=\"open\"}"
        ) >= Some(1.0),
        "{text}"
    );
    drop(ws);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = metrics(&app).await;
        if sample(&text, "koers_websocket_connections") == Some(0.0)
            && sample(&text, "koers_websocket_operations") == Some(0.0)
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "a closed socket is no longer counted: {text}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn operation_names_are_bounded_labels() {
    let app = spawn_with_metrics().await;
    let batch: Vec<usize> = (0..10).collect();
    for ronde in 0..25 {
        let body: Vec<_> = batch
            .iter()
            .map(|i| json!({ "query": format!("query Naam{ronde}x{i} {{ themas {{ id }} }}") }))
            .collect();
        let (status, _) = app.post_raw(serde_json::to_vec(&body).unwrap()).await;
        assert_eq!(status, 200);
    }
    let text = metrics(&app).await;
    let labels = text
        .lines()
        .filter(|l| l.starts_with("koers_graphql_requests_total{"))
        .count();
    assert!(
        labels <= 201,
        "250 names give at most 200 labels and `overig`: {labels}"
    );
    assert_eq!(
        sample(&text, "koers_graphql_requests_total{operatie=\"overig\"}"),
        Some(50.0),
        "{text}"
    );
}
