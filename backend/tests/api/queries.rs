//! Reading the seeded plans: themas, plans and opgaven, node lookups, the acties connection and roll-ups.

use crate::helpers::{TestApp, code, field, plan_ids};
use serde_json::{Value, json};

#[tokio::test]
async fn the_seed_holds_the_five_portefeuilles_and_the_real_plans() {
    let app = TestApp::spawn().await;
    let d = app
        .data(
            "{ themas { naam actieplannen { sleutel opgaven { titel } } } }",
            json!({}),
        )
        .await;
    let namen: Vec<&str> = d["themas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["naam"].as_str().unwrap())
        .collect();
    for naam in [
        "Digitale Veiligheid",
        "Mensenhandel",
        "Zorg en Veiligheid",
        "Jeugd en Veiligheid",
        "Maatschappelijk Ongenoegen",
    ] {
        assert!(namen.contains(&naam), "{naam} missing from {namen:?}");
    }
    let (_, mh) = plan_ids(&app, "mh-2024-2026").await;
    assert_eq!(mh.len(), 5, "Mensenhandel 2024–2026 has five opgaven");
    let (_, dv) = plan_ids(&app, "dv-2025-2027").await;
    assert_eq!(dv.len(), 4, "Digitale Veiligheid 2025–2027 has four themes");
    let (_, zv) = plan_ids(&app, "zv-2025-2026").await;
    assert_eq!(zv.len(), 3, "Zorg en Veiligheid 2025–2026 has three themes");
}

#[tokio::test]
async fn every_seeded_actie_names_its_source_and_has_no_invented_progress() {
    let app = TestApp::spawn().await;
    let d = app
        .data(
            "{ acties(first: 100) { totalCount edges { node { bron voortgang status gezondheid } } } }",
            json!({}),
        )
        .await;
    let edges = d["acties"]["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        let n = &e["node"];
        assert!(
            n["bron"].as_str().unwrap().starts_with("VAR"),
            "bron names a source document by its title: {n}"
        );
        assert!(n["gezondheid"].is_null(), "no health is invented: {n}");
        if n["status"] != "AFGEROND" {
            assert!(n["voortgang"].is_null(), "no progress figure is invented: {n}");
        }
    }
}

#[tokio::test]
async fn node_resolves_every_kind_and_rejects_garbage() {
    let app = TestApp::spawn().await;
    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let d = app
        .data(
            "query($p: ID!, $o: ID!) { p: node(id: $p) { __typename id ... on Actieplan { titel } }
                                      o: node(id: $o) { __typename ... on Opgave { volgorde } } }",
            json!({ "p": plan, "o": opgaven[0] }),
        )
        .await;
    assert_eq!(d["p"]["__typename"], "Actieplan");
    assert_eq!(d["p"]["id"], plan.as_str());
    assert_eq!(d["o"]["__typename"], "Opgave");
    assert_eq!(d["o"]["volgorde"], 1);

    let r = app.gql("{ node(id: \"niet-een-id\") { id } }", json!({})).await;
    assert_eq!(code(&r), "BAD_USER_INPUT");
    assert_eq!(field(&r), "id");
    let r = app
        .gql("query($id: ID!) { actie(id: $id) { id } }", json!({ "id": plan }))
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "a plan id is no actie id");
}

fn ids(conn: &Value) -> Vec<String> {
    conn["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_connection_pages_forward_and_backward_without_gaps() {
    let app = TestApp::spawn().await;
    let q = "query($f: Int, $a: String, $l: Int, $b: String) {
        acties(first: $f, after: $a, last: $l, before: $b) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }";
    let all = app.data(q, json!({ "f": 100 })).await["acties"].clone();
    let total = all["totalCount"].as_u64().unwrap() as usize;
    let all_ids = ids(&all);
    assert_eq!(all_ids.len(), total.min(100));

    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = app.data(q, json!({ "f": 7, "a": after })).await["acties"].clone();
        assert_eq!(page["totalCount"].as_u64().unwrap() as usize, total);
        assert_eq!(page["pageInfo"]["hasPreviousPage"], after.is_some());
        seen.extend(ids(&page));
        if page["pageInfo"]["hasNextPage"] == false {
            break;
        }
        after = page["pageInfo"]["endCursor"].as_str().map(str::to_string);
    }
    assert_eq!(seen.len(), total);
    assert_eq!(seen[..all_ids.len()], all_ids[..]);

    let last = app.data(q, json!({ "l": 5 })).await["acties"].clone();
    assert_eq!(ids(&last), seen[total - 5..]);
    assert_eq!(last["pageInfo"]["hasPreviousPage"], true);
    let before = last["pageInfo"]["startCursor"].as_str().unwrap();
    let prev = app.data(q, json!({ "l": 5, "b": before })).await["acties"].clone();
    assert_eq!(ids(&prev), seen[total - 10..total - 5]);
    assert_eq!(prev["pageInfo"]["hasNextPage"], true);
}

#[tokio::test]
async fn first_above_100_and_bad_cursors_are_refused_by_name() {
    let app = TestApp::spawn().await;
    let r = app.gql("{ acties(first: 101) { totalCount } }", json!({})).await;
    assert_eq!(code(&r), "BAD_USER_INPUT");
    assert_eq!(field(&r), "first");
    let r = app
        .gql("{ acties(first: 5, after: \"xyz\") { totalCount } }", json!({}))
        .await;
    assert_eq!(field(&r), "after");
    let r = app
        .gql("{ acties(first: 5, last: 5) { totalCount } }", json!({}))
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT");
}

#[tokio::test]
async fn filters_narrow_the_acties_consistently_with_the_roll_up() {
    let app = TestApp::spawn().await;
    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let q = "query($f: ActieFilter) { acties(first: 100, filter: $f) { totalCount edges { node { status jaar titel beschrijving opgave { id } } } } }";
    let d = app.data(q, json!({ "f": { "actieplan": plan } })).await;
    let plan_total = d["acties"]["totalCount"].as_u64().unwrap();
    let roll = app
        .data(
            "query($id: ID!) { actieplan(id: $id) { rollup { totaal aantalPerStatus { status aantal } } } }",
            json!({ "id": plan }),
        )
        .await;
    assert_eq!(
        roll["actieplan"]["rollup"]["totaal"].as_u64().unwrap(),
        plan_total
    );

    let afgerond = app
        .data(q, json!({ "f": { "actieplan": plan, "status": ["AFGEROND"] } }))
        .await;
    let n_afgerond = roll["actieplan"]["rollup"]["aantalPerStatus"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["status"] == "AFGEROND")
        .unwrap()["aantal"]
        .as_u64()
        .unwrap();
    assert_eq!(afgerond["acties"]["totalCount"].as_u64().unwrap(), n_afgerond);
    for e in afgerond["acties"]["edges"].as_array().unwrap() {
        assert_eq!(e["node"]["status"], "AFGEROND");
    }

    let per_opgave = app.data(q, json!({ "f": { "opgave": opgaven[0] } })).await;
    for e in per_opgave["acties"]["edges"].as_array().unwrap() {
        assert_eq!(e["node"]["opgave"]["id"], opgaven[0].as_str());
    }

    let jaar = app.data(q, json!({ "f": { "jaar": 2026 } })).await;
    assert!(jaar["acties"]["totalCount"].as_u64().unwrap() > 0);
    for e in jaar["acties"]["edges"].as_array().unwrap() {
        assert_eq!(e["node"]["jaar"], 2026);
    }

    let tekst = app.data(q, json!({ "f": { "tekst": "MONITOR" } })).await;
    assert!(
        tekst["acties"]["totalCount"].as_u64().unwrap() > 0,
        "case-insensitive text search finds the monitor"
    );
    for e in tekst["acties"]["edges"].as_array().unwrap() {
        let hay = format!("{} {}", e["node"]["titel"], e["node"]["beschrijving"]).to_lowercase();
        assert!(hay.contains("monitor"));
    }
    let none = app
        .data(q, json!({ "f": { "tekst": "100%_geen_treffer" } }))
        .await;
    assert_eq!(
        none["acties"]["totalCount"], 0,
        "LIKE wildcards in the search text are literal"
    );
}

#[tokio::test]
async fn organisatie_and_updated_since_filters() {
    let app = TestApp::spawn().await;
    let orgs = app.data("{ organisaties { id sleutel } }", json!({})).await;
    let essm = orgs["organisaties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["sleutel"] == "essm")
        .unwrap()["id"]
        .clone();
    let q = "query($f: ActieFilter) { acties(first: 100, filter: $f) { totalCount edges { node { trekkers { id } partners { id } } } } }";
    let d = app.data(q, json!({ "f": { "organisatie": essm } })).await;
    assert!(d["acties"]["totalCount"].as_u64().unwrap() > 0);
    for e in d["acties"]["edges"].as_array().unwrap() {
        let n = &e["node"];
        let all: Vec<&Value> = n["trekkers"]
            .as_array()
            .unwrap()
            .iter()
            .chain(n["partners"].as_array().unwrap())
            .collect();
        assert!(
            all.iter().any(|o| o["id"] == essm),
            "every result involves the ESSM"
        );
    }
    let future = app
        .data(q, json!({ "f": { "gewijzigdSinds": "2100-01-01T00:00:00Z" } }))
        .await;
    assert_eq!(future["acties"]["totalCount"], 0);
    let past = app
        .data(q, json!({ "f": { "gewijzigdSinds": "2000-01-01T00:00:00Z" } }))
        .await;
    assert!(past["acties"]["totalCount"].as_u64().unwrap() > 0);
}
