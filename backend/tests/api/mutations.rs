//! Writing: create, change and report progress; typed errors that change nothing; history in step.

use crate::helpers::{TestApp, code, field, new_actie, plan_ids};
use serde_json::{Value, json};

const REPORT: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { id versie status gezondheid gezondheidReden voortgang } }";

const HISTORY: &str = "query($id: ID!) { actie(id: $id) { versie status voortgang
    historie { versie door statusVan statusNaar voortgangVan voortgangNaar gezondheidNaar gezondheidRedenVan gezondheidRedenNaar toelichting velden } } }";

async fn history(app: &TestApp, id: &str) -> Value {
    app.data(HISTORY, json!({ "id": id })).await["actie"].clone()
}

#[tokio::test]
async fn reporting_progress_bumps_the_version_and_writes_history() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let id = new_actie(&app, &opgaven[0], "Pilot meldroute").await;
    let d = app
        .data(
            REPORT,
            json!({ "i": { "id": id, "versie": 1, "voortgang": 60, "gezondheid": "AANDACHT",
                                      "gezondheidReden": "capaciteit", "toelichting": "halverwege" } }),
        )
        .await;
    let a = &d["actieVoortgangRapporteren"];
    assert_eq!(a["versie"], 2);
    assert_eq!(a["voortgang"], 60);
    assert_eq!(a["gezondheid"], "AANDACHT");

    let h = history(&app, &id).await;
    let rows = h["historie"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["versie"], 1);
    assert_eq!(rows[0]["statusVan"], Value::Null);
    assert_eq!(rows[1]["versie"], 2);
    assert_eq!(rows[1]["door"], "Testbeheer (API-token)");
    assert_eq!(rows[1]["voortgangVan"], 10);
    assert_eq!(rows[1]["voortgangNaar"], 60);
    assert_eq!(rows[1]["gezondheidRedenVan"], Value::Null);
    assert_eq!(rows[1]["gezondheidRedenNaar"], "capaciteit");
    assert_eq!(rows[1]["toelichting"], "halverwege");

    let done = app
        .data(
            REPORT,
            json!({ "i": { "id": id, "versie": 2, "status": "AFGEROND" } }),
        )
        .await;
    let a = &done["actieVoortgangRapporteren"];
    assert_eq!(a["status"], "AFGEROND");
    assert_eq!(a["voortgang"], 100, "afgerond means 100 %");
    assert_eq!(
        a["gezondheid"],
        Value::Null,
        "health lapses when the work is done"
    );
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "dv-2025-2027").await;
    let id = new_actie(&app, &opgaven[0], "Oefening").await;
    app.data(REPORT, json!({ "i": { "id": id, "versie": 1, "voortgang": 30 } }))
        .await;
    let r = app
        .gql(REPORT, json!({ "i": { "id": id, "versie": 1, "voortgang": 90 } }))
        .await;
    assert_eq!(code(&r), "CONFLICT");
    assert_eq!(r["errors"][0]["extensions"]["huidigeVersie"], 2);
    let h = history(&app, &id).await;
    assert_eq!(h["versie"], 2);
    assert_eq!(h["voortgang"], 30);
    assert_eq!(h["historie"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn invalid_reports_name_the_field_and_change_nothing() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "zv-2025-2026").await;
    let id = new_actie(&app, &opgaven[0], "Straattriage").await;
    let cases = [
        (json!({ "voortgang": 140 }), "voortgang"),
        (json!({ "voortgang": -1 }), "voortgang"),
        (json!({ "gezondheid": "RISICO" }), "gezondheidReden"),
        (
            json!({ "gezondheid": "RISICO", "gezondheidReden": "   " }),
            "gezondheidReden",
        ),
        (
            json!({ "status": "GEPLAND", "gezondheid": "OP_KOERS" }),
            "gezondheid",
        ),
        (json!({ "status": "AFGEROND", "voortgang": 50 }), "voortgang"),
        (json!({ "toelichting": "x".repeat(10_001) }), "toelichting"),
    ];
    for (extra, veld) in cases {
        let mut i = json!({ "id": id, "versie": 1 });
        for (k, v) in extra.as_object().unwrap() {
            i[k] = v.clone();
        }
        let r = app.gql(REPORT, json!({ "i": i })).await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{i}: {r}");
        assert_eq!(field(&r), veld, "{i}: {r}");
    }
    let h = history(&app, &id).await;
    assert_eq!(h["versie"], 1, "no refused report changed the actie");
    assert_eq!(h["historie"].as_array().unwrap().len(), 1);

    let r = app
        .gql(REPORT, json!({ "i": { "id": "QWN0aWU6OTk5OTk", "versie": 1 } }))
        .await;
    assert_eq!(code(&r), "NOT_FOUND");
}

#[tokio::test]
async fn creating_validates_every_field_and_writes_nothing_on_error() {
    let app = TestApp::spawn().await;
    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app
        .data(
            "query($p: ID!) { actieplan(id: $p) { rollup { totaal } } }",
            json!({ "p": plan }),
        )
        .await;
    let m = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }";
    let base = json!({ "opgave": opgaven[1], "titel": "Nieuw", "jaar": 2026, "status": "GEPLAND" });
    let cases = [
        ("titel", json!("  ")),
        ("jaar", json!(1999)),
        ("kwartaal", json!(5)),
        ("datum", json!("2025-03-01")),
        ("opgave", json!(plan)),
        ("trekkers", json!(["T3JnYW5pc2F0aWU6OTk5OQ"])),
    ];
    for (veld, value) in cases {
        let mut i = base.clone();
        i[veld] = value;
        let r = app.gql(m, json!({ "i": i })).await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{veld}: {r}");
        assert_eq!(field(&r), veld, "{r}");
    }
    let after = app
        .data(
            "query($p: ID!) { actieplan(id: $p) { rollup { totaal } } }",
            json!({ "p": plan }),
        )
        .await;
    assert_eq!(before, after, "refused creations wrote nothing");

    let ok = app.data(m, json!({ "i": base })).await;
    let id = ok["actieAanmaken"]["id"].as_str().unwrap();
    let h = history(&app, id).await;
    assert_eq!(h["historie"][0]["velden"], json!(["aangemaakt"]));
}

#[tokio::test]
async fn changing_an_actie_replaces_owners_and_records_the_fields() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let id = new_actie(&app, &opgaven[0], "Oud").await;
    let orgs = app.data("{ organisaties { id sleutel } }", json!({})).await;
    let org = |k: &str| {
        orgs["organisaties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["sleutel"] == k)
            .unwrap()["id"]
            .clone()
    };
    let m = "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) {
        versie titel kwartaal opgave { id } trekkers { sleutel } partners { sleutel } } }";
    let d = app
        .data(
            m,
            json!({ "i": { "id": id, "versie": 1, "titel": "Nieuw", "opgave": opgaven[2], "kwartaal": 3,
                                "trekkers": [org("var")], "partners": [org("essm")] } }),
        )
        .await;
    let a = &d["actieWijzigen"];
    assert_eq!(a["versie"], 2);
    assert_eq!(a["titel"], "Nieuw");
    assert_eq!(a["kwartaal"], 3);
    assert_eq!(a["opgave"]["id"], opgaven[2].as_str());
    assert_eq!(a["trekkers"], json!([{ "sleutel": "var" }]));
    assert_eq!(a["partners"], json!([{ "sleutel": "essm" }]));
    let d = app
        .data(m, json!({ "i": { "id": id, "versie": 2, "kwartaal": null } }))
        .await;
    assert_eq!(
        d["actieWijzigen"]["kwartaal"],
        Value::Null,
        "null clears the quarter"
    );
    assert_eq!(
        d["actieWijzigen"]["trekkers"],
        json!([{ "sleutel": "var" }]),
        "omitted owners stay"
    );
    let h = history(&app, &id).await;
    let velden = &h["historie"][1]["velden"];
    for v in ["titel", "opgave", "kwartaal", "trekkers", "partners"] {
        assert!(
            velden.as_array().unwrap().contains(&json!(v)),
            "{v} recorded in {velden}"
        );
    }
    let r = app
        .gql(m, json!({ "i": { "id": id, "versie": 1, "titel": "X" } }))
        .await;
    assert_eq!(code(&r), "CONFLICT");
}

#[tokio::test]
async fn the_opgave_roll_up_follows_reported_progress() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let q = "query($o: ID!) { opgave(id: $o) { rollup { totaal aandeelAfgerond aantalPerGezondheid { gezondheid aantal } slechtsteGezondheid } } }";
    let before = app.data(q, json!({ "o": opgaven[4] })).await["opgave"]["rollup"].clone();
    let id = new_actie(&app, &opgaven[4], "Zorgcoördinatie").await;
    app.data(
        REPORT,
        json!({ "i": { "id": id, "versie": 1, "gezondheid": "RISICO", "gezondheidReden": "geen budget" } }),
    )
    .await;
    let after = app.data(q, json!({ "o": opgaven[4] })).await["opgave"]["rollup"].clone();
    assert_eq!(
        after["totaal"].as_u64().unwrap(),
        before["totaal"].as_u64().unwrap() + 1
    );
    assert_eq!(after["slechtsteGezondheid"], "RISICO");
}
