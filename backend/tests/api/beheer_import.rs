//! Import of one plan as TOML (the seed's format): a dry run lists what would be created and every problem by
//! line and writes nothing; applying creates it all in one transaction; a file with problems creates nothing.

use crate::beheer_hulp::*;
use crate::helpers::{Als, TestApp, code};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

const IMPORT: &str = "mutation($t: String!, $d: Boolean) { actieplanImporteren(toml: $t, droogoefenen: $d) { toegepast teMaken { soort sleutel regel } problemen { regel melding } actieplan { id titel opgaven { titel acties { titel trekkers { sleutel } } } } } }";

const PLAN: &str = r#"
[[document]]
bestand = "ap-mh-2027.txt"
titel = "Beleidskader en Actieplan Mensenhandel 2027-2030"

[[organisatie]]
sleutel = "gemeente-krimpen"
naam = "Gemeente Krimpen aan den IJssel"
soort = "gemeente"
bron = "ap-mh-2027.txt — deelnemers"

[[actieplan]]
sleutel = "mh-2027-2030"
thema = "mensenhandel"
titel = "Actieplan Mensenhandel 2027-2030"
soort = "actieplan"
periode_van = 2027
periode_tot = 2030
status = "vastgesteld"
bron = "ap-mh-2027.txt — hoofdstuk 1"

[[opgave]]
sleutel = "mh27-preventie"
actieplan = "mh-2027-2030"
volgorde = 1
titel = "Preventie"
bron = "ap-mh-2027.txt — hoofdstuk 2"

[[opgave]]
sleutel = "mh27-signalering"
actieplan = "mh-2027-2030"
volgorde = 2
titel = "Signalering"
bron = "ap-mh-2027.txt — hoofdstuk 3"

[[actie]]
sleutel = "mh27-a1"
opgave = "mh27-preventie"
titel = "Voorlichting op scholen"
trekkers = ["gemeente-krimpen"]
jaar = 2027
status = "gepland"
bron = "ap-mh-2027.txt — 2.1"

[[actie]]
sleutel = "mh27-a2"
opgave = "mh27-signalering"
titel = "Training signalen"
jaar = 2027
kwartaal = 2
status = "gepland"
bron = "ap-mh-2027.txt — 3.1"
"#;

async fn importeer(app: &TestApp, als: &Als<'_>, t: &str, droog: bool) -> Value {
    app.gql_as(als, IMPORT, json!({ "t": t, "d": droog })).await
}

#[tokio::test]
async fn a_dry_run_lists_what_would_be_created_and_writes_nothing_then_it_applies() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let voor = app
        .data("{ actieplannen { id } organisaties { id } }", json!({}))
        .await;
    let r = importeer(&app, &Als::Sessie(&b), PLAN, true).await;
    let v = &r["data"]["actieplanImporteren"];
    assert_eq!(v["problemen"], json!([]), "{r:#}");
    assert_eq!(v["toegepast"], false);
    let soorten: Vec<&str> = v["teMaken"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["soort"].as_str().unwrap())
        .collect();
    assert_eq!(
        soorten,
        ["actieplan", "organisatie", "opgave", "opgave", "actie", "actie"]
    );
    assert_eq!(v["teMaken"][0]["regel"], 12);
    assert_eq!(
        app.data("{ actieplannen { id } organisaties { id } }", json!({}))
            .await,
        voor
    );

    let r = importeer(&app, &Als::Sessie(&b), PLAN, false).await;
    let v = &r["data"]["actieplanImporteren"];
    assert_eq!(v["toegepast"], true, "{r:#}");
    let p = &v["actieplan"];
    assert_eq!(
        p["opgaven"][0]["acties"][0]["trekkers"],
        json!([{ "sleutel": "gemeente-krimpen" }])
    );
    assert_eq!(p["opgaven"][1]["acties"][0]["titel"], "Training signalen");
    let d = app
        .data(
            "query($id: ID!) { actieplan(id: $id) { bron } }",
            json!({ "id": p["id"] }),
        )
        .await;
    assert_eq!(
        d["actieplan"]["bron"],
        "Beleidskader en Actieplan Mensenhandel 2027-2030 — hoofdstuk 1"
    );
    // The same file again: every record exists now, each problem named by its line; nothing is written.
    let r = importeer(&app, &Als::Sessie(&b), PLAN, false).await;
    let v = &r["data"]["actieplanImporteren"];
    assert_eq!(v["toegepast"], false);
    let regels: Vec<i64> = v["problemen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["regel"].as_i64().unwrap())
        .collect();
    assert!(
        regels.contains(&12) && regels.contains(&29) && regels.contains(&45),
        "{v:#}"
    );
    let log = ok(
        &app,
        &b,
        "{ auditLog(handeling: \"actieplanImporteren\") { totalCount } }",
        json!({}),
    )
    .await;
    assert_eq!(log["auditLog"]["totalCount"], 1);
}

#[tokio::test]
async fn every_problem_is_reported_by_line_and_nothing_is_created() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let fout = PLAN
        .replace("thema = \"mensenhandel\"", "thema = \"onbekend\"")
        .replace("opgave = \"mh27-signalering\"", "opgave = \"mh27-elders\"")
        .replace(
            "status = \"gepland\"\nbron = \"ap-mh-2027.txt — 2.1\"",
            "status = \"bijna\"\nbron = \"ap-mh-2027.txt — 2.1\"",
        );
    let voor = app.data("{ actieplannen { id } }", json!({})).await;
    let r = importeer(&app, &Als::Sessie(&b), &fout, false).await;
    let v = &r["data"]["actieplanImporteren"];
    assert_eq!(v["toegepast"], false, "{r:#}");
    let problemen = v["problemen"].as_array().unwrap();
    let op = |regel: i64, woord: &str| {
        problemen
            .iter()
            .any(|p| p["regel"] == regel && p["melding"].as_str().unwrap().contains(woord))
    };
    assert!(op(12, "onbekend"), "{v:#}");
    assert!(op(36, "bijna"), "{v:#}");
    assert!(op(45, "mh27-elders"), "{v:#}");
    assert_eq!(app.data("{ actieplannen { id } }", json!({})).await, voor);
    // Broken TOML: the parser's line.
    let r = importeer(&app, &Als::Sessie(&b), "[[actieplan]]\nsleutel = \n", true).await;
    assert_eq!(
        r["data"]["actieplanImporteren"]["problemen"][0]["regel"], 2,
        "{r:#}"
    );
}

#[tokio::test]
async fn only_who_manages_the_thema_imports_and_only_a_beheerder_adds_organisaties() {
    let app = TestApp::spawn().await;
    let red_dv = app
        .sign_in_new("red-dv", Rol::Redacteur, &["digitale-veiligheid"])
        .await;
    let red_mh = app.sign_in_new("red-mh", Rol::Redacteur, &["mensenhandel"]).await;
    let lezer = app.sign_in_new("lezer", Rol::Lezer, &[]).await;
    for als in [Als::Sessie(&red_dv), Als::Sessie(&lezer), Als::Token(&app.token)] {
        let r = importeer(&app, &als, PLAN, true).await;
        assert_eq!(code(&r), "FORBIDDEN", "{r:#}");
    }
    let r = importeer(&app, &Als::Anoniem, PLAN, true).await;
    assert_eq!(code(&r), "UNAUTHENTICATED");
    let r = importeer(&app, &Als::Sessie(&red_mh), PLAN, false).await;
    let v = &r["data"]["actieplanImporteren"];
    assert_eq!(v["toegepast"], false);
    assert!(
        v["problemen"][0]["melding"]
            .as_str()
            .unwrap()
            .contains("beheerder"),
        "{v:#}"
    );
    let zonder_org = PLAN
        .replace("trekkers = [\"gemeente-krimpen\"]\n", "")
        .replace("[[organisatie]]\nsleutel = \"gemeente-krimpen\"\nnaam = \"Gemeente Krimpen aan den IJssel\"\nsoort = \"gemeente\"\nbron = \"ap-mh-2027.txt — deelnemers\"\n", "");
    let r = importeer(&app, &Als::Sessie(&red_mh), &zonder_org, false).await;
    assert_eq!(r["data"]["actieplanImporteren"]["toegepast"], true, "{r:#}");
}
