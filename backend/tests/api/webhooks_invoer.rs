//! Registering webhooks: only a beheerder (decided in the service layer, failing closed), every refusal with
//! its code and field and nothing written, internal targets refused unless allowed, the secret shown once.

use crate::helpers::{Als, TestApp, code, field, sleutel};
use crate::webhooks::AANMAKEN;
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

fn invoer(extra: Value) -> Value {
    let mut i = json!({ "naam": "Partner", "url": "https://partner.example.org/hook",
        "gebeurtenissen": ["ACTIE_GEWIJZIGD"] });
    i.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    json!({ "i": i })
}

#[tokio::test]
async fn only_a_beheerder_registers_and_reads_webhooks() {
    // Default settings: internal targets are refused.
    let app = TestApp::spawn().await;
    let beheer = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let redacteur = app
        .sign_in_new("redacteur", Rol::Redacteur, &["mensenhandel"])
        .await;
    let lijst = "{ webhooks { id } }";
    for (als, verwacht) in [
        (Als::Anoniem, "UNAUTHENTICATED"),
        (Als::Token(&app.token), "FORBIDDEN"),
        (Als::Sessie(&redacteur), "FORBIDDEN"),
    ] {
        assert_eq!(code(&app.gql_as(&als, lijst, json!({})).await), verwacht);
        assert_eq!(
            code(&app.gql_as(&als, AANMAKEN, invoer(json!({}))).await),
            verwacht
        );
    }
    let r = app
        .gql_as(&Als::SessieZonderCsrf(&beheer), AANMAKEN, invoer(json!({})))
        .await;
    assert_eq!(code(&r), "CSRF_REQUIRED");
    assert_eq!(
        app.gql_as(&Als::Sessie(&beheer), lijst, json!({})).await["data"]["webhooks"],
        json!([])
    );

    // Each refusal with its field and the key of its message.
    for (extra, veld, melding) in [
        (
            json!({ "url": "ftp://partner.example.org/" }),
            "url",
            "ALLEEN_HTTP",
        ),
        (
            json!({ "url": "partner.example.org/hook" }),
            "url",
            "GEEN_GELDIGE_URL",
        ),
        (
            json!({ "url": "http://user:pw@partner.example.org/" }),
            "url",
            "URL_MET_INLOG",
        ),
        (
            json!({ "url": "http://127.0.0.1:8080/hook" }),
            "url",
            "INTERN_ADRES",
        ),
        (json!({ "url": "http://localhost/hook" }), "url", "INTERN_ADRES"),
        (json!({ "url": "http://10.0.0.7/hook" }), "url", "INTERN_ADRES"),
        (
            json!({ "url": "http://169.254.169.254/latest/meta-data" }),
            "url",
            "INTERN_ADRES",
        ),
        (json!({ "url": "http://[::1]/hook" }), "url", "INTERN_ADRES"),
        (json!({ "geheim": "whsec_kort" }), "geheim", "GEHEIM_VORM"),
        (json!({ "geheim": "geen-whsec" }), "geheim", "GEHEIM_VORM"),
        (
            json!({ "gebeurtenissen": [] }),
            "gebeurtenissen",
            "MINSTENS_EEN_GEBEURTENIS",
        ),
        (json!({ "naam": "  " }), "naam", "LENGTE"),
        (json!({ "themas": [] }), "themas", "MINSTENS_EEN_THEMA"),
        (json!({ "themas": ["bm9wZQ"] }), "themas", "GEEN_GELDIG_ID"),
    ] {
        let r = app
            .gql_as(&Als::Sessie(&beheer), AANMAKEN, invoer(extra.clone()))
            .await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{extra}: {r:#}");
        assert_eq!(field(&r), veld, "{extra}: {r:#}");
        assert_eq!(sleutel(&r), melding, "{extra}: {r:#}");
    }
    assert_eq!(
        app.gql_as(&Als::Sessie(&beheer), lijst, json!({})).await["data"]["webhooks"],
        json!([])
    );

    // A partner's own secret is kept; the secret is in this answer only (a webhook has no such field).
    let eigen = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            AANMAKEN,
            invoer(json!({ "geheim": eigen })),
        )
        .await;
    assert_eq!(r["data"]["webhookAanmaken"]["geheim"], eigen, "{r:#}");
    let id = r["data"]["webhookAanmaken"]["webhook"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .gql_as(&Als::Sessie(&beheer), "{ webhooks { geheim } }", json!({}))
        .await;
    assert!(
        r["errors"][0]["message"].as_str().unwrap().contains("geheim"),
        "{r:#}"
    );

    // Changing it: thema's or all thema's, not both; then removing it.
    let wijzigen = "mutation($i: WebhookWijzigenInvoer!) { webhookWijzigen(invoer: $i) {
        naam url alleThemas themas { sleutel } vertrouwelijk gebeurtenissen } }";
    let mh = app.data("{ themas { id sleutel } }", json!({})).await["themas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["sleutel"] == "mensenhandel")
        .unwrap()["id"]
        .clone();
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            wijzigen,
            json!({ "i": { "id": id, "themas": [mh], "alleThemas": true } }),
        )
        .await;
    assert_eq!(field(&r), "alleThemas");
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            wijzigen,
            json!({ "i": { "id": id, "naam": "RIEC", "themas": [mh], "vertrouwelijk": true,
                "gebeurtenissen": ["ACTIE_VOORTGANG", "ACTIEPLAN_GEWIJZIGD"] } }),
        )
        .await;
    assert_eq!(
        r["data"]["webhookWijzigen"],
        json!({ "naam": "RIEC", "url": "https://partner.example.org/hook", "alleThemas": false,
            "themas": [{ "sleutel": "mensenhandel" }], "vertrouwelijk": true,
            "gebeurtenissen": ["ACTIE_VOORTGANG", "ACTIEPLAN_GEWIJZIGD"] }),
        "{r:#}"
    );
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            wijzigen,
            json!({ "i": { "id": id, "url": "http://192.168.1.1/" } }),
        )
        .await;
    assert_eq!(field(&r), "url");
    let r = app
        .gql_as(
            &Als::Token(&app.token),
            wijzigen,
            json!({ "i": { "id": id, "naam": "X" } }),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN");

    let weg = "mutation($id: ID!) { webhookVerwijderen(id: $id) }";
    let r = app.gql_as(&Als::Sessie(&beheer), weg, json!({ "id": id })).await;
    assert_eq!(r["data"]["webhookVerwijderen"], id.as_str(), "{r:#}");
    let r = app.gql_as(&Als::Sessie(&beheer), weg, json!({ "id": id })).await;
    assert_eq!(code(&r), "NOT_FOUND");
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            "query($id: ID!) { webhook(id: $id) { id } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(code(&r), "NOT_FOUND");
    let q = "query($h: String) { auditLog(handeling: $h) { totalCount } }";
    for h in ["webhookAanmaken", "webhookWijzigen", "webhookVerwijderen"] {
        let r = app.gql_as(&Als::Sessie(&beheer), q, json!({ "h": h })).await;
        assert_eq!(r["data"]["auditLog"]["totalCount"], 1, "{h}: {r:#}");
    }
}
