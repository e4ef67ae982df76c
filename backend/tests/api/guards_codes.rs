//! Every error carries `extensions.code`, also those async-graphql raises itself; an input error names the
//! offending `field`.

use crate::helpers::{TestApp, code, field, plan_ids};
use serde_json::{Value, json};

async fn post(app: &TestApp, body: Value) -> Value {
    let (status, r) = app.post_raw(serde_json::to_vec(&body).unwrap()).await;
    assert_eq!(status, 200, "{r:#}");
    assert!(r["data"].is_null(), "nothing ran: {r:#}");
    r
}

#[tokio::test]
async fn input_errors_are_bad_user_input_and_name_the_field() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;
    let create = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }";
    let cases = [
        // Int out of range, as a literal and as a variable.
        (
            json!({ "query": "{ acties(first: 99999999999) { totalCount } }" }),
            "first",
        ),
        (
            json!({ "query": "query($n: Int) { acties(first: $n) { totalCount } }", "variables": { "n": 99999999999i64 } }),
            "n",
        ),
        (
            json!({ "query": create, "variables": { "i": {
                "opgave": opgaven[0], "titel": "x", "jaar": 99999999999i64, "status": "GEPLAND" } } }),
            "invoer.jaar",
        ),
        // A bad DateTime and a bad NaiveDate, as literals and in variables.
        (
            json!({ "query": "{ acties(filter: { gewijzigdSinds: \"gisteren\" }) { totalCount } }" }),
            "filter.gewijzigdSinds",
        ),
        (
            json!({ "query": "query($f: ActieFilter) { acties(filter: $f) { totalCount } }",
                    "variables": { "f": { "gewijzigdSinds": "2026-02-30T25:00:00Z" } } }),
            "filter.gewijzigdSinds",
        ),
        (
            json!({ "query": format!("mutation {{ actieAanmaken(invoer: {{ opgave: \"{}\", titel: \"x\", jaar: 2026, \
                     status: GEPLAND, datum: \"2026-13-45\" }}) {{ id }} }}", opgaven[0]) }),
            "invoer.datum",
        ),
        (
            json!({ "query": create, "variables": { "i": {
                "opgave": opgaven[0], "titel": "x", "jaar": 2026, "status": "GEPLAND", "datum": "morgen" } } }),
            "invoer.datum",
        ),
        // A required variable that is missing.
        (
            json!({ "query": "query($id: ID!) { actie(id: $id) { id } }" }),
            "id",
        ),
        (json!({ "query": create, "variables": {} }), "i"),
    ];
    for (body, expected) in cases {
        let r = post(&app, body.clone()).await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{body}: {r:#}");
        assert_eq!(field(&r), expected, "{body}: {r:#}");
    }
    assert_eq!(app.acties_total().await, before);
}

#[tokio::test]
async fn operation_errors_have_their_own_codes() {
    let app = TestApp::spawn().await;
    let two = "query A { themas { id } } query B { themas { naam } }";
    let cases = [
        (
            json!({ "query": "query A { themas { id } }", "operationName": "B" }),
            "OPERATION_NOT_FOUND",
        ),
        (
            json!({ "query": "{ themas { id } }", "operationName": "A" }),
            "OPERATION_NOT_FOUND",
        ),
        (json!({ "query": two }), "OPERATION_NAME_REQUIRED"),
        (
            json!({ "query": "subscription { actieGewijzigd { verborgen } }" }),
            "SUBSCRIPTION_OVER_HTTP",
        ),
        (
            json!({ "query": "{ actie(id: $id) { id } }" }),
            "GRAPHQL_VALIDATION_FAILED",
        ),
    ];
    for (body, expected) in cases {
        let r = post(&app, body.clone()).await;
        assert_eq!(code(&r), expected, "{body}: {r:#}");
    }
    // Naming one of the two runs it.
    let (_, r) = app
        .post_raw(serde_json::to_vec(&json!({ "query": two, "operationName": "B" })).unwrap())
        .await;
    assert_eq!(r["data"]["themas"].as_array().map(Vec::len), Some(5), "{r:#}");
}
