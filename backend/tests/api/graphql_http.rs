//! GraphQL over HTTP as the spec (graphql-over-http) and its clients expect: queries over GET, media types by
//! `Accept` with the spec's status codes, 406 and 415.

use crate::helpers::{TestApp, code, new_actie, plan_ids};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, ALLOW, CONTENT_TYPE};
use serde_json::{Value, json};

pub const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// `GET /graphql` with the query string `params`, asking for `accept` (no `Accept` header when `None`).
pub async fn get(app: &TestApp, params: &[(&str, &str)], accept: Option<&str>) -> reqwest::Response {
    let mut req = app.client.get(app.url("/graphql")).query(params);
    if let Some(a) = accept {
        req = req.header(ACCEPT, a);
    }
    req.send().await.expect("request")
}

/// `POST /graphql` of `body` (anonymous), asking for `accept`.
pub async fn post(app: &TestApp, body: &Value, accept: &str) -> reqwest::Response {
    app.client
        .post(app.url("/graphql"))
        .header(ACCEPT, accept)
        .json(body)
        .send()
        .await
        .expect("request")
}

pub fn content_type(r: &reqwest::Response) -> String {
    r.headers()
        .get(CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

#[tokio::test]
async fn get_executes_a_query_with_variables_and_operation_name() {
    let app = TestApp::spawn().await;
    let themas = app.data("{ themas { id naam } }", json!({})).await;
    let eerste = &themas["themas"][0];
    let query = "query Een($id: ID!) { thema(id: $id) { naam } } query Alle { themas { id } }";
    let variables = json!({ "id": eerste["id"] }).to_string();
    let params = [
        ("query", query),
        ("variables", variables.as_str()),
        ("operationName", "Een"),
    ];
    let r = get(&app, &params, Some("application/json")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        content_type(&r).starts_with("application/json"),
        "{}",
        content_type(&r)
    );
    let body: Value = r.json().await.unwrap();
    assert_eq!(body, json!({ "data": { "thema": { "naam": eerste["naam"] } } }));
    // Without Accept, too (curl, urql's defaults send one that names JSON first).
    let r = get(&app, &[("query", "{ themas { id } }")], None).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["data"]["themas"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn a_mutation_over_get_is_405_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    new_actie(&app, &opgaven[0], "bestaat").await;
    let voor = app.acties_total().await;
    let query = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }";
    let variables = json!({ "i": { "opgave": opgaven[0], "titel": "via GET", "jaar": 2026,
                                   "status": "IN_UITVOERING", "voortgang": 10 } })
    .to_string();
    for accept in ["application/json", GRAPHQL_RESPONSE] {
        let r = app
            .client
            .get(app.url("/graphql"))
            .query(&[("query", query), ("variables", variables.as_str())])
            .header(ACCEPT, accept)
            .bearer_auth(&app.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED, "{accept}");
        assert_eq!(r.headers()[ALLOW], "POST");
        let body: Value = r.json().await.unwrap();
        assert_eq!(code(&body), "METHOD_NOT_ALLOWED", "{body}");
        assert!(body.get("data").is_none(), "{body}");
    }
    assert_eq!(app.acties_total().await, voor, "nothing was written");
}

#[tokio::test]
async fn the_explorer_is_only_for_a_browser_asking_for_html() {
    let app = TestApp::spawn().await;
    let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    let r = get(&app, &[], Some(browser)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(content_type(&r).starts_with("text/html"));
    // A client asking for JSON gets JSON, also without a query: 400 with a code.
    for accept in [
        None,
        Some("application/json"),
        Some(GRAPHQL_RESPONSE),
        Some("*/*"),
    ] {
        let r = get(&app, &[], accept).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{accept:?}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(code(&body), "BAD_REQUEST", "{body}");
    }
    // Variables that are not JSON: 400 with a code.
    let params = [("query", "{ themas { id } }"), ("variables", "{nee")];
    let r = get(&app, &params, Some("application/json")).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(code(&r.json().await.unwrap()), "BAD_REQUEST");
}

#[tokio::test]
async fn graphql_response_json_gets_its_type_and_400_without_data_for_requests_that_cannot_run() {
    let app = TestApp::spawn().await;
    let ok = post(&app, &json!({ "query": "{ themas { id } }" }), GRAPHQL_RESPONSE).await;
    assert_eq!(ok.status(), StatusCode::OK);
    assert!(
        content_type(&ok).starts_with(GRAPHQL_RESPONSE),
        "{}",
        content_type(&ok)
    );
    let bad = [
        (json!({ "query": "{ themas { id " }), "GRAPHQL_PARSE_FAILED"),
        (json!({ "query": "{ bestaatNiet }" }), "GRAPHQL_VALIDATION_FAILED"),
        (
            json!({ "query": "query($id: ID!) { thema(id: $id) { naam } }", "variables": { "id": [[1]] } }),
            "BAD_USER_INPUT",
        ),
        // A refusal of the document guard: a required variable missing.
        (
            json!({ "query": "query($id: ID!) { thema(id: $id) { naam } }" }),
            "BAD_USER_INPUT",
        ),
    ];
    for (body, expected) in &bad {
        let r = post(&app, body, GRAPHQL_RESPONSE).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body}");
        assert!(content_type(&r).starts_with(GRAPHQL_RESPONSE));
        let answer: Value = r.json().await.unwrap();
        assert!(answer.get("data").is_none(), "no data: {answer}");
        assert_eq!(code(&answer), *expected, "{answer}");
        // The same over GET.
        let mut params = vec![("query", body["query"].as_str().unwrap().to_string())];
        if let Some(v) = body.get("variables") {
            params.push(("variables", v.to_string()));
        }
        let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = get(&app, &params, Some(GRAPHQL_RESPONSE)).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "GET {body}");
        // application/json keeps 200 for them, as clients of that type expect.
        let r = post(&app, body, "application/json").await;
        assert_eq!(r.status(), StatusCode::OK, "{body}");
        assert!(content_type(&r).starts_with("application/json"));
        assert_eq!(code(&r.json().await.unwrap()), *expected);
    }
    // The preferred one of several wins; application/json by quality.
    let r = post(
        &app,
        &json!({ "query": "{ themas { id } }" }),
        "application/graphql-response+json;q=0.5, application/json",
    )
    .await;
    assert!(
        content_type(&r).starts_with("application/json"),
        "{}",
        content_type(&r)
    );
}

#[tokio::test]
async fn an_accept_koers_cannot_serve_is_406_and_a_body_that_is_not_json_is_415() {
    let app = TestApp::spawn().await;
    let query = json!({ "query": "{ themas { id } }" });
    for accept in [
        "text/plain",
        "image/png",
        "application/json;q=0",
        "application/xml",
    ] {
        let r = post(&app, &query, accept).await;
        assert_eq!(r.status(), StatusCode::NOT_ACCEPTABLE, "{accept}");
        assert_eq!(code(&r.json().await.unwrap()), "NOT_ACCEPTABLE");
        let r = get(&app, &[("query", "{ themas { id } }")], Some(accept)).await;
        assert_eq!(r.status(), StatusCode::NOT_ACCEPTABLE, "GET {accept}");
    }
    let send = |ct: Option<&'static str>| {
        let mut req = app.client.post(app.url("/graphql")).body(query.to_string());
        if let Some(ct) = ct {
            req = req.header(CONTENT_TYPE, ct);
        }
        req.send()
    };
    for ct in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("application/json; charset=latin1"),
    ] {
        let r = send(ct).await.unwrap();
        assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "{ct:?}");
        assert_eq!(code(&r.json().await.unwrap()), "UNSUPPORTED_MEDIA_TYPE");
    }
    for ct in [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON;charset=UTF-8",
        GRAPHQL_RESPONSE,
    ] {
        let r = send(Some(ct)).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{ct}");
    }
}
