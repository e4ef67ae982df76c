//! Documents that cost the server its stack or minutes of CPU before they are even validated: deeply nested
//! values, doubling and cyclic fragments. Each is refused at once with a code, and the server keeps answering.
//! The server runs on worker threads with tokio's 2 MiB stacks, as the release binary does, and on a runtime of
//! its own: a server stuck in a document cannot stall the test's clock, so the test fails instead of hanging.

use crate::helpers::{Als, TestApp, code};
use koers_backend::config::GraphqlLimits;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Koers on a runtime of its own (two workers, 2 MiB stacks) that lives until the test binary exits.
fn spawn_apart() -> TestApp {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_stack_size(2 * 1024 * 1024)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            tx.send(TestApp::spawn().await).unwrap();
            std::future::pending::<()>().await
        });
    });
    rx.recv_timeout(Duration::from_secs(120)).expect("Koers starts")
}

/// `/healthz` answers 200 within `within`.
async fn healthy(app: &TestApp, within: Duration) {
    let r = tokio::time::timeout(within, app.client.get(app.url("/healthz")).send())
        .await
        .unwrap_or_else(|_| panic!("/healthz did not answer within {within:?}"))
        .expect("the server is still there");
    assert_eq!(r.status(), 200);
}

/// Posts `body` and returns the answer, failing the test if it takes longer than `within`.
async fn post_within(app: &TestApp, body: &Value, within: Duration) -> (StatusCode, Value) {
    let bytes = serde_json::to_vec(body).unwrap();
    tokio::time::timeout(within, app.post_raw(bytes))
        .await
        .unwrap_or_else(|_| panic!("no answer within {within:?}"))
}

fn lists(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

fn objects(depth: usize) -> String {
    format!("{}jaar: 1{}", "{ a: ".repeat(depth), " }".repeat(depth))
}

#[tokio::test]
async fn deeply_nested_values_are_refused_before_they_are_parsed() {
    let app = spawn_apart();
    let documents = [
        format!(
            "{{ acties(filter: {{ status: {} }}) {{ totalCount }} }}",
            lists(2000)
        ),
        format!("{{ acties(filter: {}) {{ totalCount }} }}", objects(1500)),
        format!("{{ themas @include(if: {}) {{ id }} }}", lists(2000)),
        format!("{{ themas @skip(if: {}) {{ id }} }}", objects(1500)),
        format!(
            "query($f: ActieFilter = {}) {{ acties(filter: $f) {{ totalCount }} }}",
            objects(1500)
        ),
        format!("{}{}", "{ themas ".repeat(1500), "}".repeat(1500)),
    ];
    for doc in &documents {
        assert!(doc.len() < 16 * 1024, "a few kB: {}", doc.len());
        let (status, r) = post_within(&app, &json!({ "query": doc }), Duration::from_secs(20)).await;
        assert_eq!(status, 200, "{r:#}");
        assert_eq!(code(&r), "NESTING_TOO_DEEP", "{}: {r:#}", &doc[..60]);
        healthy(&app, Duration::from_secs(10)).await;
    }
    // The same in the variables: deeper than the limit, and deeper than JSON decoding allows.
    let limit = GraphqlLimits::default().nesting;
    for depth in [limit + 1, 2000] {
        let body = format!(
            "{{\"query\": \"query($f: ActieFilter) {{ acties(filter: $f) {{ totalCount }} }}\", \
             \"variables\": {{\"f\": {{\"status\": {}}}}}}}",
            lists(depth).replace('1', "\"GEPLAND\"")
        );
        let (_, r) = app.post_raw(body).await;
        assert_eq!(code(&r), "NESTING_TOO_DEEP", "variables {depth} deep: {r:#}");
    }
    healthy(&app, Duration::from_secs(10)).await;
    // Ordinary nesting still works.
    let d = app
        .data(
            "{ acties(filter: { status: [GEPLAND] }) { totalCount } }",
            json!({}),
        )
        .await;
    assert!(d["acties"]["totalCount"].is_i64());
}

/// Fragment `F{n}` spreads `F{n-1}` twice: the operation selects 2^levels copies of `themas { id }`.
fn doubling(levels: usize) -> String {
    let mut q = format!("query {{ ...F{levels} }} fragment F0 on Query {{ themas {{ id }} }}");
    for i in 1..=levels {
        q.push_str(&format!(
            " fragment F{i} on Query {{ ...F{} ...F{} }}",
            i - 1,
            i - 1
        ));
    }
    q
}

#[tokio::test]
async fn doubling_fragments_are_refused_at_once_and_health_keeps_answering() {
    let app = spawn_apart();
    let bomb = doubling(30);
    assert!(bomb.len() < 2048, "{}", bomb.len());
    let started = Instant::now();
    let body = json!({ "query": bomb });
    let (a, b) = tokio::join!(
        post_within(&app, &body, Duration::from_secs(20)),
        post_within(&app, &body, Duration::from_secs(20)),
    );
    for (status, r) in [a, b] {
        assert_eq!(status, 200, "{r:#}");
        assert_eq!(code(&r), "QUERY_TOO_LARGE", "{r:#}");
        assert!(r["data"].is_null(), "{r:#}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "refused in {:?}",
        started.elapsed()
    );
    healthy(&app, Duration::from_secs(2)).await;

    // A handful of levels is an ordinary document.
    let d = app.data(&doubling(3), json!({})).await;
    assert_eq!(d["themas"].as_array().map(Vec::len), Some(5));
}

#[tokio::test]
async fn cyclic_spreads_and_too_many_spreads_or_directives_are_refused_at_once() {
    let app = spawn_apart();
    let cases = [
        (
            "{ ...F } fragment F on Query { themas { id } ...F ...F }".to_string(),
            "GRAPHQL_VALIDATION_FAILED",
        ),
        (
            format!(
                "{{ {} }} fragment F on Query {{ themas {{ id }} }}",
                "...F ".repeat(GraphqlLimits::default().spreads + 1)
            ),
            "TOO_MANY_SPREADS",
        ),
        (
            format!(
                "{{ themas {} {{ id }} }}",
                "@include(if: true) ".repeat(GraphqlLimits::default().directives + 1)
            ),
            "TOO_MANY_DIRECTIVES",
        ),
        (
            format!(
                "{{ {} }}",
                "themas { id } ".repeat(GraphqlLimits::default().tokens / 4)
            ),
            "TOO_MANY_TOKENS",
        ),
    ];
    for (doc, expected) in &cases {
        let (_, r) = post_within(&app, &json!({ "query": doc }), Duration::from_secs(20)).await;
        assert_eq!(code(&r), *expected, "{r:#}");
        healthy(&app, Duration::from_secs(5)).await;
    }
    // Anonymous callers are refused the same way.
    let r = app.gql_as(&Als::Anoniem, &doubling(30), json!({})).await;
    assert_eq!(code(&r), "QUERY_TOO_LARGE", "{r:#}");
}
