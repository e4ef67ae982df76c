//! The plan import (issue 13) also takes a CSV/XLSX file in the layout of the export: rows without id make a
//! new plan with its opgaven and acties, with a dry run by line and one transaction like the TOML import.

use crate::export::{csv_rows, download};
use crate::helpers::{Als, TestApp, plan_ids};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

const IMPORT: &str = "mutation($b: BestandInvoer!, $d: Boolean) { actieplanImporterenBestand(bestand: $b, droogoefenen: $d) {
    toegepast teMaken { soort sleutel regel } problemen { regel melding }
    actieplan { titel periodeVan periodeTot thema { sleutel } opgaven { titel acties { titel jaar status trekkers { naam } } } } } }";

#[tokio::test]
async fn a_new_plan_comes_from_a_file_in_the_export_layout() {
    let app = TestApp::spawn().await;
    let red = app.sign_in_new("red-mh", Rol::Redacteur, &["mensenhandel"]).await;
    let orgs = app.data("{ organisaties { naam } }", json!({})).await;
    let org = orgs["organisaties"][0]["naam"].as_str().unwrap().to_string();
    let file = format!(
        "thema;actieplan;opgave;actie;jaar;kwartaal;status;trekkers;partners;bron\n\
         Mensenhandel;Actieplan Mensenhandel 2027-2030;Preventie;Voorlichting op scholen;2027;;Gepland;{org};;AP MH 2027 — 2.1\n\
         Mensenhandel;Actieplan Mensenhandel 2027-2030;Preventie;'=Training signalen;2029;2;In uitvoering;;;AP MH 2027 — 2.2\n\
         Mensenhandel;Actieplan Mensenhandel 2027-2030;Signalering;;;;;;;\n"
    );
    let run = |droog: bool| {
        let (app, red, file) = (&app, &red, &file);
        async move {
            app.gql_as(
                &Als::Sessie(red),
                IMPORT,
                json!({ "b": { "formaat": "CSV", "inhoud": file }, "d": droog }),
            )
            .await
        }
    };
    let d = run(true).await;
    let v = &d["data"]["actieplanImporterenBestand"];
    assert_eq!(v["problemen"], json!([]), "{d:#}");
    assert_eq!(v["toegepast"], false);
    let soorten: Vec<(&str, i64)> = v["teMaken"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["soort"].as_str().unwrap(), r["regel"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        soorten,
        [
            ("actieplan", 2),
            ("opgave", 2),
            ("opgave", 4),
            ("actie", 2),
            ("actie", 3)
        ]
    );
    let voor = app.data("{ actieplannen { id } }", json!({})).await;

    let d = run(false).await;
    let v = &d["data"]["actieplanImporterenBestand"];
    assert_eq!(v["toegepast"], true, "{d:#}");
    let p = &v["actieplan"];
    assert_eq!(
        (
            &p["titel"],
            &p["periodeVan"],
            &p["periodeTot"],
            &p["thema"]["sleutel"]
        ),
        (
            &json!("Actieplan Mensenhandel 2027-2030"),
            &json!(2027),
            &json!(2029),
            &json!("mensenhandel")
        )
    );
    assert_eq!(p["opgaven"][0]["acties"][0]["trekkers"], json!([{ "naam": org }]));
    assert_eq!(p["opgaven"][0]["acties"][1]["titel"], "=Training signalen");
    assert_eq!(p["opgaven"][0]["acties"][1]["status"], "IN_UITVOERING");
    assert_eq!(p["opgaven"][1]["titel"], "Signalering");
    assert_eq!(p["opgaven"][1]["acties"], json!([]));
    let na = app.data("{ actieplannen { id } }", json!({})).await;
    assert_eq!(
        na["actieplannen"].as_array().unwrap().len(),
        voor["actieplannen"].as_array().unwrap().len() + 1
    );
    // The same file again: the plan exists now; nothing is written.
    let d = run(false).await;
    assert_eq!(d["data"]["actieplanImporterenBestand"]["toegepast"], false);
}

#[tokio::test]
async fn an_export_of_an_existing_plan_is_not_a_new_plan() {
    let app = TestApp::spawn().await;
    let beheer = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let (_, _, body) = download(
        &app,
        &Als::Sessie(&beheer),
        &format!("/export/actieplan/{plan}.csv"),
    )
    .await;
    let rows = csv_rows(&body);
    let d: Value = app
        .gql_as(
            &Als::Sessie(&beheer),
            IMPORT,
            json!({ "b": { "formaat": "CSV", "inhoud": String::from_utf8(body).unwrap() }, "d": true }),
        )
        .await;
    let p = d["data"]["actieplanImporterenBestand"]["problemen"]
        .as_array()
        .unwrap()
        .clone();
    let met_id = p
        .iter()
        .filter(|p| p["melding"].as_str().unwrap().contains("heeft een id"))
        .count();
    assert_eq!(
        met_id,
        rows[1..].iter().filter(|r| !r[15].is_empty()).count(),
        "{d:#}"
    );
    assert_eq!(d["data"]["actieplanImporterenBestand"]["toegepast"], false);
    // A lezer may not import plans at all.
    let lezer = app.sign_in_new("lees", Rol::Lezer, &[]).await;
    let d = app
        .gql_as(
            &Als::Sessie(&lezer),
            IMPORT,
            json!({ "b": { "formaat": "CSV", "inhoud": "thema" }, "d": true }),
        )
        .await;
    assert_eq!(crate::helpers::code(&d), "FORBIDDEN");
}
