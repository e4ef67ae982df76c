//! Hostile input: rate limiting, alias bombs, introspection switched off, and generated garbage that must
//! never cause a 5xx, a panic or a write.

use crate::helpers::{TestApp, code};
use koers_backend::config::RateLimit;
use proptest::prelude::*;
use serde_json::{Value, json};

/// `{ themas { id } }` posted without credentials.
async fn themas(app: &TestApp) -> reqwest::Response {
    app.client
        .post(app.url("/graphql"))
        .json(&json!({ "query": "{ themas { id } }" }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_api_is_rate_limited_per_address_with_a_clear_code() {
    let app = TestApp::spawn_with(|s| {
        s.rate_limit = Some(RateLimit {
            per_second: 1,
            burst: 3,
        })
    })
    .await;
    let mut statuses = Vec::new();
    let mut refused = None;
    for _ in 0..6 {
        let r = themas(&app).await;
        statuses.push(r.status().as_u16());
        if r.status() == 429 && refused.is_none() {
            let retry = r
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
            refused = Some((retry, r.json::<Value>().await.unwrap()));
        }
    }
    assert_eq!(
        &statuses[..3],
        &[200, 200, 200],
        "the burst is served: {statuses:?}"
    );
    assert!(
        statuses[3..].contains(&429),
        "then the address is limited: {statuses:?}"
    );
    let (retry, body) = refused.unwrap();
    assert!(
        retry.is_some_and(|r| r.parse::<u64>().is_ok()),
        "Retry-After says when"
    );
    assert_eq!(code(&body), "RATE_LIMITED");
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200, "health checks are not rate limited");
}

#[tokio::test]
async fn retry_after_is_never_zero() {
    // Four requests a second, a burst of one: the next place is less than a second away, which rounded down
    // would read `Retry-After: 0`.
    let app = TestApp::spawn_with(|s| {
        s.rate_limit = Some(RateLimit {
            per_second: 4,
            burst: 1,
        })
    })
    .await;
    for _ in 0..50 {
        let r = themas(&app).await;
        if r.status() == 429 {
            let retry: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
            let body: Value = r.json().await.unwrap();
            assert_eq!(code(&body), "RATE_LIMITED");
            assert!(retry >= 1, "Retry-After is at least one second, not {retry}");
            assert!(body["errors"][0]["extensions"]["retryAfter"].as_u64() >= Some(1));
            return;
        }
    }
    panic!("fifty requests in a row were never limited");
}

#[tokio::test]
async fn alias_bombs_are_refused_also_through_fragments() {
    let app = TestApp::spawn().await;
    let fifty: String = (0..50).map(|i| format!("a{i}: themas {{ id }} ")).collect();
    app.data(&format!("{{ {fifty} }}"), json!({})).await;
    let r = app
        .gql(&format!("{{ {fifty} extra: themas {{ id }} }}"), json!({}))
        .await;
    assert_eq!(code(&r), "TOO_MANY_ALIASES");
    assert!(r["data"].is_null());
    let spreads: String = (0..10).map(|_| "...F ").collect();
    let frag: String = (0..10).map(|i| format!("f{i}: themas {{ id }} ")).collect();
    let r = app
        .gql(
            &format!("{{ {spreads} }} fragment F on Query {{ {frag} }}"),
            json!({}),
        )
        .await;
    assert_eq!(code(&r), "TOO_MANY_ALIASES", "100 aliases through ten spreads");
}

#[tokio::test]
async fn introspection_and_the_explorer_can_be_switched_off() {
    let app = TestApp::spawn_with(|s| s.introspection = false).await;
    let r = app
        .gql(
            "{ __schema { types { name } } t: __type(name: \"Actie\") { name } }",
            json!({}),
        )
        .await;
    assert!(r["data"]["__schema"].is_null(), "the schema is not revealed: {r}");
    assert!(r["data"]["t"].is_null(), "nor any type: {r}");
    let explorer = app
        .client
        .get(app.url("/graphql"))
        .header(reqwest::header::ACCEPT, "text/html");
    let explorer = explorer.send().await.unwrap();
    assert_eq!(explorer.status(), 404);
    let d = app.data("{ themas { naam } }", json!({})).await;
    assert_eq!(
        d["themas"].as_array().unwrap().len(),
        5,
        "ordinary queries still work"
    );
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    ":",
    "$x",
    "...",
    "@skip",
    "!",
    "[",
    "]",
    "\"",
    ",",
    "=",
    "query",
    "mutation",
    "subscription",
    "fragment",
    "on",
    "Query",
    "themas",
    "acties",
    "actieplan",
    "opgave",
    "node",
    "id",
    "naam",
    "first",
    "after",
    "last",
    "filter",
    "edges",
    "rollup",
    "actieAanmaken",
    "actieWijzigen",
    "actieVoortgangRapporteren",
    "invoer",
    "versie",
    "voortgang",
    "__schema",
    "__typename",
    "100",
    "-1",
    "99999999999999999999",
    "1e400",
    "\"QWN0aWU6MQ\"",
    "null",
    "true",
    "\u{0}",
    "🦀",
    "#",
];

fn document() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,300}",
        prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|t| t.join(" ")),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (document(), json_value())
            .prop_map(|(q, v)| json!({ "query": q, "variables": v }).to_string().into_bytes()),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..200),
    ]
}

#[test]
fn generated_garbage_never_causes_a_5xx_or_a_write() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let app = rt.block_on(TestApp::spawn_with(|s| s.rate_limit = None));
    let before = rt.block_on(app.acties_total());
    let config = ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(b in body())| {
        let (status, reply) = rt.block_on(app.post_raw(b));
        prop_assert!(status.as_u16() < 500, "status {status} for a generated request: {reply}");
        prop_assert!(reply.is_object() || reply.is_array(), "the answer is JSON: {reply}");
    });
    assert_eq!(
        rt.block_on(app.acties_total()),
        before,
        "no refused or garbage request wrote anything"
    );
}

#[tokio::test]
async fn a_request_over_the_time_limit_is_cut_off_with_a_code() {
    let app = TestApp::spawn_with(|s| s.request_timeout = std::time::Duration::from_millis(1)).await;
    let tree = "{ themas { actieplannen { opgaven { acties { historie { versie } trekkers { naam } } rollup { totaal } } } } }";
    let (status, body) = app.post_raw(json!({ "query": tree }).to_string()).await;
    assert_eq!(status, 408, "{body}");
    assert_eq!(code(&body), "REQUEST_TIMEOUT");
}
