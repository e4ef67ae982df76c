//! Every mutation × every kind of caller: who may change what, with the exact refusal code, and nothing written
//! by a refusal.

use crate::helpers::{Als, Sessie, TestApp, plan_ids};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }";
const WIJZIGEN: &str = "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { id versie } }";
const MELDEN: &str =
    "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { id versie } }";
const TOKEN_AANMAKEN: &str =
    "mutation($i: ApiTokenAanmakenInvoer!) { apiTokenAanmaken(invoer: $i) { geheim token { id prefix } } }";
const TOKEN_INTREKKEN: &str = "mutation($id: ID!) { apiTokenIntrekken(id: $id) { id actief } }";
const GEBRUIKER_AANMAKEN: &str = "mutation($i: GebruikerAanmakenInvoer!) { gebruikerAanmaken(invoer: $i) }";

/// The six mutations.
#[derive(Debug, Clone, Copy)]
enum Mutatie {
    ActieAanmaken,
    ActieWijzigen,
    Voortgang,
    TokenAanmaken,
    TokenIntrekken,
    GebruikerAanmaken,
}

const ALLE: [Mutatie; 6] = [
    Mutatie::ActieAanmaken,
    Mutatie::ActieWijzigen,
    Mutatie::Voortgang,
    Mutatie::TokenAanmaken,
    Mutatie::TokenIntrekken,
    Mutatie::GebruikerAanmaken,
];

/// A fresh target for each attempt: an actie in Mensenhandel (made by the test's own token) and a token.
struct Doel {
    opgave: String,
    actie: String,
    token_id: String,
}

async fn doel(app: &TestApp, beheer: &Sessie, opgave: &str, n: usize) -> Doel {
    let d = app
        .data(
            AANMAKEN,
            json!({ "i": { "opgave": opgave, "titel": format!("Doel {n}"), "jaar": 2026, "status": "IN_UITVOERING" } }),
        )
        .await;
    let t = app
        .gql_as(
            &Als::Sessie(beheer),
            TOKEN_AANMAKEN,
            json!({ "i": { "naam": format!("doel {n}") } }),
        )
        .await;
    Doel {
        opgave: opgave.to_string(),
        actie: d["actieAanmaken"]["id"].as_str().unwrap().to_string(),
        token_id: t["data"]["apiTokenAanmaken"]["token"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{t:#}"))
            .to_string(),
    }
}

async fn probeer(app: &TestApp, als: &Als<'_>, m: Mutatie, d: &Doel, n: usize) -> Value {
    let (q, v) = match m {
        Mutatie::ActieAanmaken => (
            AANMAKEN,
            json!({ "i": { "opgave": d.opgave, "titel": format!("Poging {n}"), "jaar": 2026, "status": "GEPLAND" } }),
        ),
        Mutatie::ActieWijzigen => (
            WIJZIGEN,
            json!({ "i": { "id": d.actie, "versie": 1, "titel": format!("Gewijzigd {n}") } }),
        ),
        Mutatie::Voortgang => (
            MELDEN,
            json!({ "i": { "id": d.actie, "versie": 1, "voortgang": 40 } }),
        ),
        Mutatie::TokenAanmaken => (TOKEN_AANMAKEN, json!({ "i": { "naam": format!("poging {n}") } })),
        Mutatie::TokenIntrekken => (TOKEN_INTREKKEN, json!({ "id": d.token_id })),
        Mutatie::GebruikerAanmaken => (
            GEBRUIKER_AANMAKEN,
            json!({ "i": { "gebruikersnaam": format!("nieuw{n}"), "naam": "Nieuw", "wachtwoord": "een lang wachtwoord", "rol": "LEZER" } }),
        ),
    };
    app.gql_as(als, q, v).await
}

/// What the database holds that a mutation could have changed.
async fn stand(app: &TestApp, beheer: &Sessie, d: &Doel) -> Value {
    let a = app
        .gql_as(
            &Als::Sessie(beheer),
            "query($id: ID!) { actie(id: $id) { versie titel } acties { totalCount } apiTokens { id actief } }",
            json!({ "id": d.actie }),
        )
        .await;
    let gebruikers = koers_backend::entities::gebruiker::Entity::find()
        .count(&app.services.db.reader)
        .await
        .unwrap();
    assert!(a.get("errors").is_none(), "{a:#}");
    json!({ "a": a, "gebruikers": gebruikers })
}

use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn every_mutation_for_every_role() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let lezer = app.sign_in_new("lezer", Rol::Lezer, &[]).await;
    let red_mh = app.sign_in_new("red-mh", Rol::Redacteur, &["mensenhandel"]).await;
    let red_dv = app
        .sign_in_new("red-dv", Rol::Redacteur, &["digitale-veiligheid"])
        .await;
    let beheer = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let t_lees = app.new_token("lees", false, true, None).await;
    let t_mh = app
        .new_token("schrijf-mh", true, false, Some(&["mensenhandel"]))
        .await;
    let t_dv = app
        .new_token("schrijf-dv", true, true, Some(&["digitale-veiligheid"]))
        .await;

    const OK: &str = "OK";
    // Expected outcome per caller, in the order of ALLE.
    let gevallen: Vec<(&str, Als<'_>, [&str; 6])> = vec![
        ("anoniem", Als::Anoniem, ["UNAUTHENTICATED"; 6]),
        ("lezer", Als::Sessie(&lezer), ["FORBIDDEN"; 6]),
        (
            "redacteur mensenhandel",
            Als::Sessie(&red_mh),
            [OK, OK, OK, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
        ),
        (
            "redacteur digitale veiligheid",
            Als::Sessie(&red_dv),
            ["FORBIDDEN"; 6],
        ),
        ("beheerder", Als::Sessie(&beheer), [OK; 6]),
        (
            "beheerder zonder CSRF-token",
            Als::SessieZonderCsrf(&beheer),
            ["CSRF_REQUIRED"; 6],
        ),
        ("leestoken", Als::Token(&t_lees), ["FORBIDDEN"; 6]),
        (
            "schrijftoken mensenhandel",
            Als::Token(&t_mh),
            [OK, OK, OK, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
        ),
        // It cannot see Mensenhandel at all: its acties do not exist for it.
        (
            "schrijftoken digitale veiligheid",
            Als::Token(&t_dv),
            [
                "FORBIDDEN",
                "NOT_FOUND",
                "NOT_FOUND",
                "FORBIDDEN",
                "FORBIDDEN",
                "FORBIDDEN",
            ],
        ),
    ];
    let mut n = 0;
    for (wie, als, verwacht) in &gevallen {
        for (m, verwacht) in ALLE.iter().zip(verwacht) {
            n += 1;
            let d = doel(&app, &beheer, &opgaven[0], n).await;
            let voor = stand(&app, &beheer, &d).await;
            let r = probeer(&app, als, *m, &d, n).await;
            let uitkomst = match r.get("errors") {
                None => OK,
                Some(_) => r["errors"][0]["extensions"]["code"].as_str().unwrap_or("?"),
            };
            assert_eq!(uitkomst, *verwacht, "{wie} × {m:?}: {r:#}");
            if uitkomst != OK {
                assert_eq!(
                    stand(&app, &beheer, &d).await,
                    voor,
                    "{wie} × {m:?} was refused but changed something"
                );
            }
        }
    }
    // Which acties these callers changed is in the audit log with their name.
    let log = app
        .gql_as(
            &Als::Sessie(&beheer),
            "{ auditLog(handeling: \"actieVoortgangRapporteren\", first: 200) { totalCount edges { node { actor sessie token } } } }",
            json!({}),
        )
        .await;
    let log = &log["data"];
    let actors: Vec<&str> = log["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["actor"].as_str().unwrap())
        .collect();
    assert_eq!(log["auditLog"]["totalCount"], 3, "{log:#}");
    for naam in ["Naam red-mh", "Naam beheer", "schrijf-mh (API-token)"] {
        assert!(actors.contains(&naam), "{naam} in {actors:?}");
    }
}

/// Who may do something is decided before the input is read: a caller who may not write learns nothing from
/// input errors (a bad id, a bad thema) and gets the refusal for who it is.
#[tokio::test]
async fn access_is_checked_before_the_input() {
    let app = TestApp::spawn().await;
    let schrijf = app.new_token("Schrijver", true, false, None).await;
    let lees = app.new_token("Lezer", false, false, None).await;
    let fout_id = "dit-is-geen-id";
    let acties = [
        (
            AANMAKEN,
            json!({ "i": { "opgave": fout_id, "titel": "x", "jaar": 2026, "status": "GEPLAND" } }),
        ),
        (
            WIJZIGEN,
            json!({ "i": { "id": fout_id, "versie": 1, "titel": "x" } }),
        ),
        (
            MELDEN,
            json!({ "i": { "id": fout_id, "versie": 1, "voortgang": 10 } }),
        ),
    ];
    let beheer = [
        (
            TOKEN_AANMAKEN,
            json!({ "i": { "naam": "x", "themas": [fout_id] } }),
        ),
        (TOKEN_INTREKKEN, json!({ "id": fout_id })),
        (
            GEBRUIKER_AANMAKEN,
            json!({ "i": { "gebruikersnaam": "x", "naam": "x", "wachtwoord": "kort", "rol": "LEZER", "themas": [fout_id] } }),
        ),
        (
            "query { auditLog(first: 5, after: \"geen-cursor\") { totalCount } }",
            json!({}),
        ),
    ];
    for (q, v) in acties.iter().chain(beheer.iter()) {
        let r = app.gql_as(&Als::Anoniem, q, v.clone()).await;
        assert_eq!(
            crate::helpers::code(&r),
            "UNAUTHENTICATED",
            "anonymous {q}: {r:#}"
        );
    }
    for (q, v) in &acties {
        let r = app.gql_as(&Als::Token(&lees), q, v.clone()).await;
        assert_eq!(crate::helpers::code(&r), "FORBIDDEN", "read token {q}: {r:#}");
        let r = app.gql_as(&Als::Token(&schrijf), q, v.clone()).await;
        assert_eq!(
            crate::helpers::code(&r),
            "BAD_USER_INPUT",
            "write token {q}: {r:#}"
        );
    }
    for (q, v) in &beheer {
        let r = app.gql_as(&Als::Token(&schrijf), q, v.clone()).await;
        assert_eq!(crate::helpers::code(&r), "FORBIDDEN", "write token {q}: {r:#}");
    }
}

/// With anonymous reading off, a read by nobody is refused as such before its id is read.
#[tokio::test]
async fn a_read_by_nobody_is_refused_before_its_id_is_read() {
    let app = TestApp::spawn_with(|s| s.toegang.anoniem_lezen = false).await;
    for q in [
        "{ thema(id: \"geen-id\") { id } }",
        "{ actieplan(id: \"geen-id\") { id } }",
        "{ opgave(id: \"geen-id\") { id } }",
        "{ actie(id: \"geen-id\") { id } }",
        "{ node(id: \"geen-id\") { id } }",
        "{ actieplannen(thema: \"geen-id\") { id } }",
        "{ acties(filter: { opgave: \"geen-id\" }) { totalCount } }",
    ] {
        let r = app.gql_as(&Als::Anoniem, q, json!({})).await;
        assert_eq!(crate::helpers::code(&r), "UNAUTHENTICATED", "{q}: {r:#}");
    }
}
