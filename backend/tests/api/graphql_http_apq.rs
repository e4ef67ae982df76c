//! GraphQL over HTTP, continued: automatic persisted queries (Apollo's APQ), compressed answers and the
//! `Cache-Control` of answers and static files.

use crate::graphql_http::{GRAPHQL_RESPONSE, content_type, get, post};
use crate::helpers::{TestApp, code};
use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, IF_MODIFIED_SINCE, LAST_MODIFIED, VARY,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::io::Read;

fn sha256(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

fn persisted(hash: &str) -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } })
}

#[tokio::test]
async fn a_persisted_query_is_run_by_its_hash_after_it_was_sent_once() {
    let app = TestApp::spawn().await;
    let query = "{ themas { naam } }";
    let hash = sha256(query);
    let ext = persisted(&hash);
    // Unknown hash: the code Apollo's link looks for, then it sends the text with the hash.
    let r = post(&app, &json!({ "extensions": ext }), "application/json").await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    assert_eq!(code(&body), "PERSISTED_QUERY_NOT_FOUND", "{body}");
    assert_eq!(body["errors"][0]["message"], "PersistedQueryNotFound");
    let r = post(
        &app,
        &json!({ "query": query, "extensions": ext }),
        "application/json",
    )
    .await;
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["data"]["themas"].as_array().unwrap().len(), 5, "{body}");
    // Now the hash alone will do, over POST and over GET (which a proxy can cache).
    let r = post(&app, &json!({ "extensions": ext }), "application/json").await;
    let by_hash: Value = r.json().await.unwrap();
    assert_eq!(by_hash, body);
    let r = get(&app, &[("extensions", &ext.to_string())], Some(GRAPHQL_RESPONSE)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[CACHE_CONTROL], "public, max-age=10");
    assert_eq!(r.json::<Value>().await.unwrap(), body);
    // A hash that is not the query's is refused, and runs nothing.
    let other = json!({ "query": "{ themas { id } }", "extensions": ext });
    let r = post(&app, &other, GRAPHQL_RESPONSE).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let body: Value = r.json().await.unwrap();
    assert_eq!(code(&body), "PERSISTED_QUERY_HASH_MISMATCH", "{body}");
    assert!(body.get("data").is_none());
    // Only version 1.
    let v2 = json!({ "extensions": { "persistedQuery": { "version": 2, "sha256Hash": hash } } });
    let r = post(&app, &v2, "application/json").await;
    assert_eq!(code(&r.json().await.unwrap()), "PERSISTED_QUERY_NOT_SUPPORTED");
}

#[tokio::test]
async fn the_document_guard_checks_persisted_queries_and_refused_texts_are_not_kept() {
    let app = TestApp::spawn_with(|s| s.limits.nesting = 8).await;
    // The guard's text scan refuses it before it is parsed, and it is not kept.
    let deep = format!("{{ themas {} id {} }}", "{".repeat(10), "}".repeat(10));
    let hash = sha256(&deep);
    let r = post(
        &app,
        &json!({ "query": deep, "extensions": persisted(&hash) }),
        "application/json",
    )
    .await;
    assert_eq!(code(&r.json().await.unwrap()), "NESTING_TOO_DEEP");
    let r = post(
        &app,
        &json!({ "extensions": persisted(&hash) }),
        "application/json",
    )
    .await;
    assert_eq!(code(&r.json().await.unwrap()), "PERSISTED_QUERY_NOT_FOUND");
    // A kept query sent by hash is checked like one sent in full: its required variable is missing.
    let query = "query($id: ID!) { thema(id: $id) { naam } }";
    let id = app.data("{ themas { id } }", json!({})).await["themas"][0]["id"].clone();
    let ext = persisted(&sha256(query));
    let r = post(
        &app,
        &json!({ "query": query, "variables": { "id": id }, "extensions": ext }),
        "application/json",
    )
    .await;
    assert!(r.json::<Value>().await.unwrap()["data"]["thema"]["naam"].is_string());
    let r = post(&app, &json!({ "extensions": ext }), GRAPHQL_RESPONSE).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let body: Value = r.json().await.unwrap();
    assert_eq!(code(&body), "BAD_USER_INPUT", "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "id");
}

#[tokio::test]
async fn the_persisted_query_cache_is_bounded() {
    let app = TestApp::spawn_with(|s| s.limits.persisted_queries = 1).await;
    let (a, b) = ("{ themas { id } }", "{ themas { naam } }");
    for q in [a, b] {
        let r = post(
            &app,
            &json!({ "query": q, "extensions": persisted(&sha256(q)) }),
            "application/json",
        )
        .await;
        assert!(r.json::<Value>().await.unwrap().get("errors").is_none());
    }
    let r = post(
        &app,
        &json!({ "extensions": persisted(&sha256(a)) }),
        "application/json",
    )
    .await;
    assert_eq!(
        code(&r.json().await.unwrap()),
        "PERSISTED_QUERY_NOT_FOUND",
        "the oldest went"
    );
    let r = post(
        &app,
        &json!({ "extensions": persisted(&sha256(b)) }),
        "application/json",
    )
    .await;
    assert!(
        r.json::<Value>().await.unwrap().get("errors").is_none(),
        "the newest stayed"
    );
}

#[tokio::test]
async fn api_answers_are_compressed_for_clients_that_accept_it() {
    let app = TestApp::spawn().await;
    let query = json!({ "query": "{ themas { id naam } }" });
    let send = |encoding: Option<&'static str>| {
        let mut req = app.client.post(app.url("/graphql")).json(&query);
        if let Some(e) = encoding {
            req = req.header(ACCEPT_ENCODING, e);
        }
        req.send()
    };
    let plain = send(None).await.unwrap();
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    let plain: Value = plain.json().await.unwrap();
    let gz = send(Some("gzip")).await.unwrap();
    assert_eq!(gz.headers()[CONTENT_ENCODING], "gzip");
    let bytes = gz.bytes().await.unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), plain);
    let br = send(Some("br")).await.unwrap();
    assert_eq!(br.headers()[CONTENT_ENCODING], "br");
    let r = get(&app, &[("query", "{ themas { id naam } }")], None).await;
    assert!(r.headers().get(CONTENT_ENCODING).is_none());
}

#[tokio::test]
async fn graphql_answers_are_not_stored_except_anonymous_gets() {
    let app = TestApp::spawn().await;
    let r = post(&app, &json!({ "query": "{ themas { id } }" }), "application/json").await;
    assert_eq!(r.headers()[CACHE_CONTROL], "no-store");
    let vary = r.headers()[VARY].to_str().unwrap().to_ascii_lowercase();
    for h in ["accept", "accept-encoding", "cookie", "authorization"] {
        assert!(vary.contains(h), "{vary}");
    }
    let r = get(&app, &[("query", "{ themas { id } }")], None).await;
    assert_eq!(r.headers()[CACHE_CONTROL], "public, max-age=10");
    assert!(r.headers()[VARY].to_str().unwrap().contains("Authorization"));
    let r = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", "{ themas { id } }")])
        .bearer_auth(&app.token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()[CACHE_CONTROL],
        "no-store",
        "an answer for a token is its own"
    );
    let r = get(&app, &[("query", "{ bestaatNiet }")], None).await;
    assert_eq!(r.headers()[CACHE_CONTROL], "no-store", "errors are not cached");
}

#[tokio::test]
async fn static_files_are_revalidated_since_their_names_carry_no_hash() {
    let app = TestApp::spawn().await;
    std::fs::write(app.static_dir.path().join("koers.js"), "console.log(1)").unwrap();
    for path in ["/koers.js", "/", "/plannen/een-route"] {
        let r = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(r.headers()[CACHE_CONTROL], "no-cache", "{path}");
        assert!(!content_type(&r).is_empty());
    }
    let r = app.client.get(app.url("/koers.js")).send().await.unwrap();
    let modified = r.headers()[LAST_MODIFIED].clone();
    let r = app
        .client
        .get(app.url("/koers.js"))
        .header(IF_MODIFIED_SINCE, modified)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn a_batch_of_persisted_queries_keeps_to_the_complexity_limit() {
    // One page of 100 acties costs 2902 (see guards::the_complexity_limit_is_applied_as_configured).
    let app = TestApp::spawn_with(|s| s.limits.complexity = 3_000).await;
    let query = "{ acties(first: 100) { edges { node { id historie { versie door } trekkers { naam } } } } }";
    let ext = persisted(&sha256(query));
    let r = post(
        &app,
        &json!({ "query": query, "extensions": ext }),
        "application/json",
    )
    .await;
    assert!(r.json::<Value>().await.unwrap().get("errors").is_none());
    let one = json!({ "extensions": ext });
    let r = post(&app, &json!([one, one]), "application/json").await;
    let body: Value = r.json().await.unwrap();
    assert_eq!(code(&body), "QUERY_TOO_COMPLEX", "{body}");
}
