//! The guard rails on GraphQL requests: depth, complexity, syntax, batch size, body size and well-formed JSON.
//! Each refusal carries a stable `extensions.code`, and a refused request writes nothing.

use crate::helpers::{TestApp, code, plan_ids};
use koers_backend::config::GraphqlLimits;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const CREATE: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }";

/// Variables for a valid `actieAanmaken` under `opgave`.
fn create_vars(opgave: &str) -> Value {
    json!({ "i": { "opgave": opgave, "titel": "Mag niet bestaan", "jaar": 2026, "status": "GEPLAND" } })
}

/// A JSON request body that would create an actie.
fn create_request(opgave: &str) -> Value {
    json!({ "query": CREATE, "variables": create_vars(opgave) })
}

/// A selection `depth` fields deep: the given head fields, then `actieplannen { thema { … } }` alternating,
/// ending in `id`.
fn nested(head: &[&str], depth: usize) -> String {
    assert!(depth > head.len());
    let mut names: Vec<&str> = head.to_vec();
    // After a field that yields a plan, descend to its thema; after a thema, to its plans.
    let mut next_is_thema = matches!(head.last(), Some(&"actieplannen" | &"actieplan"));
    while names.len() < depth - 1 {
        names.push(if next_is_thema { "thema" } else { "actieplannen" });
        next_is_thema = !next_is_thema;
    }
    let mut q = String::from("id");
    for name in names.iter().rev() {
        q = format!("{name} {{ {q} }}");
    }
    q
}

/// A query `depth` fields deep: `themas { actieplannen { thema { … id } } }`.
fn deep_query(depth: usize) -> String {
    format!("{{ {} }}", nested(&["themas"], depth))
}

#[test]
fn the_nesting_helper_counts_fields_as_async_graphql_does() {
    assert_eq!(deep_query(2), "{ themas { id } }");
    assert_eq!(deep_query(4), "{ themas { actieplannen { thema { id } } } }");
}

#[tokio::test]
async fn a_query_deeper_than_the_limit_is_refused_and_one_at_the_limit_is_not() {
    let app = TestApp::spawn().await;
    let limit = GraphqlLimits::default().depth;

    let at_limit = app.gql(&deep_query(limit), json!({})).await;
    assert!(
        at_limit.get("errors").is_none(),
        "depth {limit} is allowed: {at_limit:#}"
    );
    assert!(!at_limit["data"]["themas"].as_array().unwrap().is_empty());

    let r = app.gql(&deep_query(limit + 1), json!({})).await;
    assert_eq!(code(&r), "QUERY_TOO_DEEP", "{r:#}");
    assert!(r["data"].is_null(), "nothing is executed: {r:#}");

    let r = app.gql(&deep_query(40), json!({})).await;
    assert_eq!(code(&r), "QUERY_TOO_DEEP", "{r:#}");
}

#[tokio::test]
async fn a_too_deep_mutation_is_refused_before_it_writes() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;
    let limit = GraphqlLimits::default().depth;
    let sel = nested(&["actieAanmaken(invoer: $i)", "opgave", "actieplan"], limit + 1);
    let q = format!("mutation($i: ActieAanmakenInvoer!) {{ {sel} }}");
    let r = app.gql(&q, create_vars(&opgaven[0])).await;
    assert_eq!(code(&r), "QUERY_TOO_DEEP", "{r:#}");
    assert_eq!(
        app.acties_total().await,
        before,
        "the refused mutation wrote nothing"
    );

    // The same mutation within the limit does write: the refusal above was the depth, not the input.
    let sel = nested(&["actieAanmaken(invoer: $i)", "opgave", "actieplan"], limit);
    let q = format!("mutation($i: ActieAanmakenInvoer!) {{ {sel} }}");
    app.data(&q, create_vars(&opgaven[0])).await;
    assert_eq!(app.acties_total().await, before + 1);
}

/// `n` aliases of a full page of acties with their history and owners.
fn alias_bomb(n: usize) -> String {
    let one = "acties(first: 100) { edges { node { id historie { versie door } trekkers { naam } } } }";
    let body: Vec<String> = (0..n).map(|i| format!("a{i}: {one}")).collect();
    format!("{{ {} }}", body.join(" "))
}

#[tokio::test]
async fn the_default_complexity_limit_refuses_an_alias_bomb() {
    let app = TestApp::spawn().await;
    // One page is an ordinary request …
    let d = app.data(&alias_bomb(1), json!({})).await;
    assert!(!d["a0"]["edges"].as_array().unwrap().is_empty());
    // … ten of them in one document (within the alias limit) are not.
    let r = app.gql(&alias_bomb(10), json!({})).await;
    assert_eq!(code(&r), "QUERY_TOO_COMPLEX", "{r:#}");
    assert!(r["data"].is_null(), "nothing is executed: {r:#}");
}

#[tokio::test]
async fn the_complexity_limit_is_applied_as_configured() {
    // One page costs 100 × (edges + node + id + historie (10 × 2 + 1) + trekkers (4 × 1 + 1)) + 2 = 2902: a
    // list counts its assumed size (`graphql::cost`) times its selection.
    // The alias limit is raised so that the complexity limit is what refuses.
    let app = TestApp::spawn_with(|s| {
        s.limits.complexity = 3_000;
        s.limits.aliases = 1_000;
    })
    .await;
    app.data(&alias_bomb(1), json!({})).await;
    let r = app.gql(&alias_bomb(2), json!({})).await;
    assert_eq!(code(&r), "QUERY_TOO_COMPLEX", "{r:#}");
    // `first` drives the cost: two small pages fit.
    let small = "{ a: acties(first: 10) { edges { node { id historie { versie door } trekkers { naam } } } }
                   b: acties(first: 10) { edges { node { id historie { versie door } trekkers { naam } } } } }";
    app.data(small, json!({})).await;

    // A mutation whose selection is too complex is refused before it writes.
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;
    let aliases: Vec<String> = (0..250)
        .map(|i| format!("h{i}: historie {{ versie door toelichting }}"))
        .collect();
    let q = format!(
        "mutation($i: ActieAanmakenInvoer!) {{ actieAanmaken(invoer: $i) {{ id {} }} }}",
        aliases.join(" ")
    );
    let r = app.gql(&q, create_vars(&opgaven[0])).await;
    assert_eq!(code(&r), "QUERY_TOO_COMPLEX", "{r:#}");
    assert_eq!(
        app.acties_total().await,
        before,
        "the refused mutation wrote nothing"
    );
}

#[tokio::test]
async fn a_syntax_error_is_graphql_parse_failed_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;
    // The closing brace is missing.
    let broken = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id }";
    let r = app.gql(broken, create_vars(&opgaven[0])).await;
    assert_eq!(code(&r), "GRAPHQL_PARSE_FAILED", "{r:#}");
    let r = app.gql("{ themas { naam ", json!({})).await;
    assert_eq!(code(&r), "GRAPHQL_PARSE_FAILED", "{r:#}");
    assert_eq!(app.acties_total().await, before);
}

#[tokio::test]
async fn a_batch_larger_than_the_limit_is_refused_whole() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;
    let max = GraphqlLimits::default().batch;
    assert_eq!(max, 10);

    let batch: Vec<Value> = (0..=max).map(|_| create_request(&opgaven[0])).collect();
    let (status, r) = app.post_raw(serde_json::to_vec(&batch).unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{r:#}");
    assert_eq!(code(&r), "BATCH_TOO_LARGE", "{r:#}");
    assert_eq!(
        app.acties_total().await,
        before,
        "no request of the refused batch ran"
    );

    let (status, r) = app.post_raw("[]").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{r:#}");
    assert_eq!(code(&r), "BATCH_TOO_LARGE", "an empty batch is refused: {r:#}");

    // A batch of exactly the limit is fine.
    let full: Vec<Value> = (0..max)
        .map(|_| json!({ "query": "{ themas { id } }" }))
        .collect();
    let (status, r) = app.post_raw(serde_json::to_vec(&full).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{r:#}");
    assert_eq!(r.as_array().map(Vec::len), Some(max), "{r:#}");
}

#[tokio::test]
async fn a_batch_of_two_answers_with_two_responses() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;
    let batch = json!([create_request(&opgaven[0]), { "query": "{ themas { sleutel } }" }]);
    let (status, r) = app.post_raw(serde_json::to_vec(&batch).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{r:#}");
    let responses = r.as_array().unwrap_or_else(|| panic!("an array: {r:#}"));
    assert_eq!(responses.len(), 2);
    assert!(responses.iter().all(|x| x.get("errors").is_none()), "{r:#}");
    assert!(responses[0]["data"]["actieAanmaken"]["id"].is_string(), "{r:#}");
    assert_eq!(responses[1]["data"]["themas"].as_array().unwrap().len(), 5);
    assert_eq!(app.acties_total().await, before + 1);
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_and_writes_nothing() {
    let app = TestApp::spawn_with(|s| s.body_limit = 1024).await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;

    // A valid mutation, padded to 2 KiB with insignificant whitespace.
    let mut req = create_request(&opgaven[0]);
    let padded = format!("{}{}", CREATE, " ".repeat(2048));
    req["query"] = json!(padded);
    let body = serde_json::to_vec(&req).unwrap();
    assert!(body.len() > 2048);
    let (status, r) = app.post_raw(body.clone()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{r:#}");
    assert_eq!(code(&r), "REQUEST_TOO_LARGE", "{r:#}");

    // The same without a Content-Length (chunked): the limit still holds.
    let (status, r) = post_chunked(&app, &body).await;
    assert_eq!(status, 413, "{r}");
    assert!(r.contains("REQUEST_TOO_LARGE"), "{r}");

    assert_eq!(app.acties_total().await, before, "no oversized request wrote");
    // Under the limit the same mutation goes through.
    let (status, r) = app
        .post_raw(serde_json::to_vec(&create_request(&opgaven[0])).unwrap())
        .await;
    assert_eq!(status, StatusCode::OK, "{r:#}");
    assert_eq!(app.acties_total().await, before + 1);
}

/// Posts `body` to `/graphql` with `Transfer-Encoding: chunked`; returns the status and the raw response.
async fn post_chunked(app: &TestApp, body: &[u8]) -> (u16, String) {
    let mut s = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        app.addr
    );
    s.write_all(head.as_bytes()).await.unwrap();
    for chunk in body.chunks(256) {
        s.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .await
            .unwrap();
        s.write_all(chunk).await.unwrap();
        s.write_all(b"\r\n").await.unwrap();
    }
    // The server may answer and close before it has read everything; a failed write is fine then.
    let _ = s.write_all(b"0\r\n\r\n").await;
    let mut out = Vec::new();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), s.read_to_end(&mut out)).await;
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP status in {text:?}"));
    (status, text)
}

#[tokio::test]
async fn a_body_that_is_not_json_is_bad_request_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;

    // The GraphQL document as plain text instead of a JSON request.
    let bare = format!(
        "mutation {{ actieAanmaken(invoer: {{ opgave: \"{}\", titel: \"x\", jaar: 2026, status: GEPLAND }}) {{ id }} }}",
        opgaven[0]
    );
    let (status, r) = app.post_raw(bare).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{r:#}");
    assert_eq!(code(&r), "BAD_REQUEST", "{r:#}");

    // Truncated JSON.
    let full = serde_json::to_string(&create_request(&opgaven[0])).unwrap();
    let (status, r) = app.post_raw(full[..full.len() - 2].to_string()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{r:#}");
    assert_eq!(code(&r), "BAD_REQUEST", "{r:#}");

    // JSON, but not a GraphQL request (nor a batch of them).
    for body in [
        r#"{"vraag": "{ themas { id } }"}"#.to_string(),
        r#"{"query": 42}"#.to_string(),
        r#"["{ themas { id } }"]"#.to_string(),
        "42".to_string(),
        format!(
            "[{}, 7]",
            serde_json::to_string(&create_request(&opgaven[0])).unwrap()
        ),
    ] {
        let (status, r) = app.post_raw(body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {r:#}");
        assert_eq!(code(&r), "BAD_REQUEST", "{body}: {r:#}");
    }

    assert_eq!(app.acties_total().await, before);
}
