//! Free text: a NUL byte (or another control character) in any text is a client error naming the field — on
//! PostgreSQL too, which cannot store it —, a title of only invisible characters is refused, and text search
//! folds case for all of Unicode, on SQLite too.

use crate::helpers::{Als, TestApp, code, plan_ids};
use serde_json::{Value, json};

const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie titel } }";
const WIJZIGEN: &str = "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { id versie } }";
const MELDEN: &str =
    "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { id versie } }";

fn field(r: &Value) -> &str {
    r["errors"][0]["extensions"]["field"].as_str().unwrap_or_default()
}

async fn nieuwe_actie(app: &TestApp, opgave: &str, titel: &str, beschrijving: &str) -> Value {
    let r = app
        .gql(
            AANMAKEN,
            json!({ "i": { "opgave": opgave, "titel": titel, "beschrijving": beschrijving, "jaar": 2026, "status": "IN_UITVOERING" } }),
        )
        .await;
    r["data"]["actieAanmaken"].clone()
}

#[tokio::test]
async fn a_nul_byte_in_any_text_is_bad_user_input_naming_the_field() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let opgave = opgaven[0].clone();
    let a = nieuwe_actie(&app, &opgave, "Doel", "").await;
    let id = a["id"].as_str().unwrap();
    let nul = "voor\u{0}na";
    let gevallen = [
        (
            AANMAKEN,
            json!({ "i": { "opgave": opgave, "titel": nul, "jaar": 2026, "status": "GEPLAND" } }),
            "titel",
        ),
        (
            AANMAKEN,
            json!({ "i": { "opgave": opgave, "titel": "t", "beschrijving": nul, "jaar": 2026, "status": "GEPLAND" } }),
            "beschrijving",
        ),
        (
            AANMAKEN,
            json!({ "i": { "opgave": opgave, "titel": "t", "bron": nul, "jaar": 2026, "status": "GEPLAND" } }),
            "bron",
        ),
        (
            AANMAKEN,
            json!({ "i": { "opgave": opgave, "titel": "t", "toelichting": nul, "jaar": 2026, "status": "GEPLAND" } }),
            "toelichting",
        ),
        (
            WIJZIGEN,
            json!({ "i": { "id": id, "versie": 1, "titel": nul } }),
            "titel",
        ),
        (
            WIJZIGEN,
            json!({ "i": { "id": id, "versie": 1, "beschrijving": nul } }),
            "beschrijving",
        ),
        (
            MELDEN,
            json!({ "i": { "id": id, "versie": 1, "gezondheid": "AANDACHT", "gezondheidReden": nul } }),
            "gezondheidReden",
        ),
        (
            MELDEN,
            json!({ "i": { "id": id, "versie": 1, "voortgang": 5, "toelichting": nul } }),
            "toelichting",
        ),
        (
            "mutation($i: ApiTokenAanmakenInvoer!) { apiTokenAanmaken(invoer: $i) { geheim } }",
            json!({ "i": { "naam": nul } }),
            "naam",
        ),
        (
            "query($f: ActieFilter) { acties(filter: $f) { totalCount } }",
            json!({ "f": { "tekst": nul } }),
            "filter.tekst",
        ),
    ];
    let beheer = app
        .sign_in_new("tekstbeheer", koers_backend::toegang::Rol::Beheerder, &[])
        .await;
    for (q, v, veld) in gevallen {
        let r = if q.contains("apiTokenAanmaken") {
            app.gql_as(&Als::Sessie(&beheer), q, v).await
        } else {
            app.gql(q, v).await
        };
        assert_eq!(code(&r), "BAD_USER_INPUT", "{veld}: {r:#}");
        assert_eq!(field(&r), veld, "{r:#}");
    }
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            "query($h: String) { auditLog(handeling: $h, first: 5) { totalCount } }",
            json!({ "h": nul }),
        )
        .await;
    assert!(
        r.get("errors").is_none() || code(&r) == "BAD_USER_INPUT",
        "a NUL in a filter is no internal error: {r:#}"
    );
    // Nothing was written: the actie is still at version 1.
    let d = app
        .data(
            "query($id: ID!) { actie(id: $id) { versie titel } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(d["actie"]["versie"], 1);
    // Signing in with a NUL in the name is a wrong name, not a server error.
    let (status, _) = app.sign_in(nul, "wat-dan-ook-lang-genoeg").await.unwrap_err();
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_title_of_only_invisible_characters_is_refused() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let a = nieuwe_actie(&app, &opgaven[0], "Zichtbaar", "").await;
    for titel in ["\u{200B}\u{200B}", " \u{FEFF}\u{2060} ", "\u{3164}", "\u{00AD}"] {
        let r = app
            .gql(
                AANMAKEN,
                json!({ "i": { "opgave": opgaven[0], "titel": titel, "jaar": 2026, "status": "GEPLAND" } }),
            )
            .await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{titel:?}: {r:#}");
        assert_eq!(field(&r), "titel");
        let r = app
            .gql(
                WIJZIGEN,
                json!({ "i": { "id": a["id"], "versie": 1, "titel": titel } }),
            )
            .await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{titel:?}: {r:#}");
    }
    let r = nieuwe_actie(&app, &opgaven[0], "\u{200B}Titel met rand\u{FEFF}", "").await;
    assert_eq!(
        r["titel"], "Titel met rand",
        "invisible characters at the ends are cut off"
    );
}

#[tokio::test]
async fn text_search_is_case_insensitive_for_all_of_unicode() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let a = nieuwe_actie(
        &app,
        &opgaven[0],
        "Évaluatie ÜBER Ĳsselmonde",
        "Straße en ΣΊΣΥΦΟΣ",
    )
    .await;
    let zoek = |tekst: &'static str| {
        let app = &app;
        async move {
            let d = app
                .data(
                    "query($f: ActieFilter) { acties(filter: $f, first: 50) { totalCount edges { node { id } } } }",
                    json!({ "f": { "tekst": tekst } }),
                )
                .await;
            d["acties"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["node"]["id"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    for t in ["évaluatie", "ÉVALUATIE", "über", "ĳssel", "STRAßE", "σίσυφος"] {
        let found = zoek(t).await;
        assert!(
            found.contains(&a["id"].as_str().unwrap().to_string()),
            "{t}: {found:?}"
        );
    }
    // A changed title is searchable at once, the old one no longer.
    app.data(
        WIJZIGEN,
        json!({ "i": { "id": a["id"], "versie": 1, "titel": "Ölverschmutzung" } }),
    )
    .await;
    assert!(zoek("évaluatie").await.is_empty());
    assert_eq!(zoek("ölverschmutzung").await.len(), 1);
}
