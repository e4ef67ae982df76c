//! Helpers of the beheer tests: requests as a session that must succeed, and the ids the seed gives.

use crate::helpers::{Als, Sessie, TestApp};
use serde_json::{Value, json};

pub const PLAN_AANMAKEN: &str = "mutation($i: ActieplanAanmakenInvoer!) { actieplanAanmaken(invoer: $i) { id versie sleutel titel status opvolger { id } } }";
pub const PLAN_WIJZIGEN: &str = "mutation($i: ActieplanWijzigenInvoer!) { actieplanWijzigen(invoer: $i) { id versie titel status periodeTot vastgesteldOp opvolger { id } } }";
pub const OPGAVE_AANMAKEN: &str = "mutation($i: OpgaveAanmakenInvoer!) { opgaveAanmaken(invoer: $i) { id versie volgorde titel vervallen } }";
pub const OPGAVE_WIJZIGEN: &str =
    "mutation($i: OpgaveWijzigenInvoer!) { opgaveWijzigen(invoer: $i) { id versie titel vervallen } }";
pub const ORDENEN: &str = "mutation($p: ID!, $o: [OpgavePlaats!]!) { opgavenOrdenen(actieplan: $p, opgaven: $o) { id versie volgorde } }";
pub const VOORBEELD: &str = "query($p: ID!, $n: ID) { verplaatsingNaarOpvolger(actieplan: $p, naarOpgave: $n) { zonderOpgave regels { actie { id } van { id } naar { id } } } }";
pub const VERPLAATSEN: &str = "mutation($p: ID!, $n: ID) { actiesNaarOpvolger(actieplan: $p, naarOpgave: $n) { zonderOpgave regels { actie { id versie opgave { id } } naar { id } } } }";
pub const HISTORIE: &str = "query($id: ID!) { beheerHistorie(id: $id) { versie door velden toelichting uitBron wijzigingen { veld van naar } } }";

/// Sends as `s`; the request must succeed; returns `data`.
pub async fn ok(app: &TestApp, s: &Sessie, q: &str, v: Value) -> Value {
    let r = app.gql_as(&Als::Sessie(s), q, v).await;
    assert!(r.get("errors").is_none(), "unexpected errors: {r:#}");
    r["data"].clone()
}

/// The global id of the thema with `sleutel`.
pub async fn thema_id(app: &TestApp, sleutel: &str) -> String {
    let d = app.data("{ themas { id sleutel } }", json!({})).await;
    d["themas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["sleutel"] == sleutel)
        .unwrap_or_else(|| panic!("thema {sleutel}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A new plan in `thema` (as `s`): its id.
pub async fn plan(app: &TestApp, s: &Sessie, thema: &str, titel: &str) -> String {
    let d = ok(
        app,
        s,
        PLAN_AANMAKEN,
        json!({ "i": { "thema": thema, "titel": titel, "soort": "ACTIEPLAN", "periodeVan": 2027, "periodeTot": 2030 } }),
    )
    .await;
    d["actieplanAanmaken"]["id"].as_str().unwrap().to_string()
}

/// A new opgave in `plan` (as `s`): its id.
pub async fn opgave(app: &TestApp, s: &Sessie, plan: &str, titel: &str) -> String {
    let d = ok(
        app,
        s,
        OPGAVE_AANMAKEN,
        json!({ "i": { "actieplan": plan, "titel": titel } }),
    )
    .await;
    d["opgaveAanmaken"]["id"].as_str().unwrap().to_string()
}

/// The version of any node-like object read by `q` at `pad`.
pub async fn versie(app: &TestApp, s: &Sessie, q: &str, id: &str, pad: &str) -> i64 {
    let d = ok(app, s, q, json!({ "id": id })).await;
    d[pad]["versie"]
        .as_i64()
        .unwrap_or_else(|| panic!("versie in {d:#}"))
}

/// The plan's version.
pub async fn plan_versie(app: &TestApp, s: &Sessie, id: &str) -> i64 {
    versie(
        app,
        s,
        "query($id: ID!) { actieplan(id: $id) { versie } }",
        id,
        "actieplan",
    )
    .await
}

/// The opgave's version.
pub async fn opgave_versie(app: &TestApp, s: &Sessie, id: &str) -> i64 {
    versie(
        app,
        s,
        "query($id: ID!) { opgave(id: $id) { versie } }",
        id,
        "opgave",
    )
    .await
}

/// The first error's `extensions.huidigeVersie`.
pub fn huidige_versie(r: &Value) -> i64 {
    r["errors"][0]["extensions"]["huidigeVersie"]
        .as_i64()
        .unwrap_or_else(|| panic!("no huidigeVersie in {r:#}"))
}
