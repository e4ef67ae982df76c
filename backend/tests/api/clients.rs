//! Popular GraphQL clients, unmodified (npm, `backend/tests/clients/`), against a served Koers: urql with its
//! default exchanges (once by POST, once with queries by GET) and Apollo Client with `useGETForQueries` and its
//! persisted-query link.

use crate::helpers::TestApp;
use crate::node;
use serde_json::Value;

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[tokio::test]
async fn urql_queries_by_post_and_by_get_and_reads_the_error_codes() {
    let dir = node::folder("clients").await;
    let app = TestApp::spawn().await;
    let out = lines(&node::run(&dir, "urql.mjs", &[&app.url("/graphql")]).await);
    assert_eq!(out.len(), 2, "{out:?}");
    for (r, methods) in out.iter().zip([["POST", "POST", "POST"], ["GET", "GET", "POST"]]) {
        assert_eq!(r["methods"], serde_json::json!(methods), "{r}");
        assert_eq!(r["themas"], 5, "{r}");
        assert!(r["totalCount"].as_u64() > Some(0), "{r}");
        assert_eq!(
            r["mutationCode"], "UNAUTHENTICATED",
            "an anonymous change is refused: {r}"
        );
    }
}

#[tokio::test]
async fn apollo_client_uses_get_and_persisted_queries() {
    let dir = node::folder("clients").await;
    let app = TestApp::spawn().await;
    let out = lines(&node::run(&dir, "apollo.mjs", &[&app.url("/graphql")]).await);
    let r = &out[0];
    assert_eq!(r["eerste"], 5, "{r}");
    assert_eq!(r["tweede"], 5, "{r}");
    // First the hash alone (unknown), then the text, then the hash alone again — all by GET.
    assert_eq!(
        r["requests"],
        serde_json::json!([
            { "method": "GET", "hashOnly": true },
            { "method": "GET", "hashOnly": false },
            { "method": "GET", "hashOnly": true }
        ]),
        "{r}"
    );
}
