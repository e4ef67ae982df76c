//! People: the user list, role and thema changes that take effect at once, switching off, resetting a password,
//! one's own password, and the last active beheerder who cannot be removed.

use crate::beheer_hulp::*;
use crate::helpers::{Als, TestApp, code, field};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

const LIJST: &str = "{ gebruikers { id gebruikersnaam rol actief versie themas { sleutel } } }";
const WIJZIGEN: &str = "mutation($i: GebruikerWijzigenInvoer!) { gebruikerWijzigen(invoer: $i) { id versie rol actief themas { sleutel } } }";
const HERSTELLEN: &str = "mutation($id: ID!, $v: Int!, $w: String!) { wachtwoordHerstellen(id: $id, versie: $v, wachtwoord: $w) { versie } }";
const EIGEN: &str =
    "mutation($h: String!, $n: String!) { wachtwoordWijzigen(huidigWachtwoord: $h, nieuwWachtwoord: $n) }";

async fn gebruiker(app: &TestApp, b: &crate::helpers::Sessie, naam: &str) -> Value {
    let d = ok(app, b, LIJST, json!({})).await;
    d["gebruikers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["gebruikersnaam"] == naam)
        .unwrap_or_else(|| panic!("{naam} in {d:#}"))
        .clone()
}

#[tokio::test]
async fn a_new_user_signs_in_and_role_changes_take_effect_at_once() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    ok(
        &app,
        &b,
        "mutation($i: GebruikerAanmakenInvoer!) { gebruikerAanmaken(invoer: $i) }",
        json!({ "i": { "gebruikersnaam": "piet", "naam": "Piet", "wachtwoord": "een lang wachtwoord", "rol": "LEZER" } }),
    )
    .await;
    let piet = app
        .sign_in("piet", "een lang wachtwoord")
        .await
        .expect("piet signs in");
    let g = gebruiker(&app, &b, "piet").await;
    assert_eq!(g["rol"], "LEZER");
    let mh = thema_id(&app, "mensenhandel").await;
    // Piet may not create a plan as lezer; as redacteur of Mensenhandel he may, in the same session.
    let r = app
        .gql_as(
            &Als::Sessie(&piet),
            PLAN_AANMAKEN,
            json!({ "i": { "thema": mh, "titel": "P", "soort": "JAARPLAN", "periodeVan": 2027, "periodeTot": 2027 } }),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN");
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            WIJZIGEN,
            json!({ "i": { "id": g["id"], "versie": 1, "rol": "LEZER", "themas": [mh] } }),
        )
        .await;
    assert_eq!(field(&r), "themas", "{r:#}");
    let w = ok(
        &app,
        &b,
        WIJZIGEN,
        json!({ "i": { "id": g["id"], "versie": 1, "rol": "REDACTEUR", "themas": [mh] } }),
    )
    .await;
    assert_eq!(
        w["gebruikerWijzigen"]["themas"],
        json!([{ "sleutel": "mensenhandel" }])
    );
    assert_eq!(w["gebruikerWijzigen"]["versie"], 2);
    plan(&app, &piet, &mh, "Plan van Piet").await;
    let h = ok(&app, &b, HISTORIE, json!({ "id": g["id"] })).await;
    assert_eq!(h["beheerHistorie"][0]["velden"], json!(["aangemaakt"]), "{h:#}");
    assert_eq!(h["beheerHistorie"][0]["door"], "Naam beheer");
    let w = &h["beheerHistorie"].as_array().unwrap().last().unwrap()["wijzigingen"];
    assert!(
        w.as_array()
            .unwrap()
            .contains(&json!({ "veld": "rol", "van": "lezer", "naar": "redacteur" })),
        "{w:#}"
    );
    // Switched off: the session ends and signing in fails.
    ok(
        &app,
        &b,
        WIJZIGEN,
        json!({ "i": { "id": g["id"], "versie": 2, "actief": false } }),
    )
    .await;
    let r = app
        .gql_as(&Als::Sessie(&piet), "{ ik { soort } }", json!({}))
        .await;
    assert_eq!(r["data"]["ik"]["soort"], "anoniem", "{r:#}");
    assert!(app.sign_in("piet", "een lang wachtwoord").await.is_err());
    // A lezer never sees the list.
    let lezer = app.sign_in_new("lezer", Rol::Lezer, &[]).await;
    let r = app.gql_as(&Als::Sessie(&lezer), LIJST, json!({})).await;
    assert_eq!(code(&r), "FORBIDDEN");
}

#[tokio::test]
async fn the_last_active_beheerder_cannot_be_demoted_or_switched_off() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let g = gebruiker(&app, &b, "beheer").await;
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            WIJZIGEN,
            json!({ "i": { "id": g["id"], "versie": 1, "rol": "LEZER" } }),
        )
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "{r:#}");
    assert_eq!(field(&r), "rol");
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            WIJZIGEN,
            json!({ "i": { "id": g["id"], "versie": 1, "actief": false } }),
        )
        .await;
    assert_eq!(field(&r), "actief", "{r:#}");
    assert_eq!(gebruiker(&app, &b, "beheer").await["versie"], 1);
    // With a second beheerder, the first may step down.
    app.sign_in_new("tweede", Rol::Beheerder, &[]).await;
    let w = ok(
        &app,
        &b,
        WIJZIGEN,
        json!({ "i": { "id": g["id"], "versie": 1, "rol": "LEZER" } }),
    )
    .await;
    assert_eq!(w["gebruikerWijzigen"]["rol"], "LEZER");
}

#[tokio::test]
async fn passwords_are_reset_by_a_beheerder_and_changed_by_their_owner() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let jan = app.sign_in_new("jan", Rol::Lezer, &[]).await;
    let r = app
        .gql_as(
            &Als::Sessie(&jan),
            EIGEN,
            json!({ "h": "fout wachtwoord!", "n": "nieuw wachtwoord 1" }),
        )
        .await;
    assert_eq!(field(&r), "huidigWachtwoord", "{r:#}");
    let r = app
        .gql_as(
            &Als::Sessie(&jan),
            EIGEN,
            json!({ "h": "wachtwoord-van-jan", "n": "kort" }),
        )
        .await;
    assert_eq!(field(&r), "nieuwWachtwoord", "{r:#}");
    ok(
        &app,
        &jan,
        EIGEN,
        json!({ "h": "wachtwoord-van-jan", "n": "nieuw wachtwoord 1" }),
    )
    .await;
    assert!(app.sign_in("jan", "wachtwoord-van-jan").await.is_err());
    app.sign_in("jan", "nieuw wachtwoord 1")
        .await
        .expect("new password works");
    // A token has no password of its own.
    let r = app
        .gql(EIGEN, json!({ "h": "x", "n": "nieuw wachtwoord 2" }))
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "{r:#}");
    let g = gebruiker(&app, &b, "jan").await;
    ok(
        &app,
        &b,
        HERSTELLEN,
        json!({ "id": g["id"], "v": g["versie"], "w": "hersteld wachtwoord" }),
    )
    .await;
    let r = app
        .gql_as(&Als::Sessie(&jan), "{ ik { soort } }", json!({}))
        .await;
    assert_eq!(
        r["data"]["ik"]["soort"], "anoniem",
        "a reset ends the sessions: {r:#}"
    );
    app.sign_in("jan", "hersteld wachtwoord")
        .await
        .expect("reset password works");
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            HERSTELLEN,
            json!({ "id": g["id"], "v": g["versie"], "w": "nog een wachtwoord" }),
        )
        .await;
    assert_eq!(code(&r), "CONFLICT", "{r:#}");
}
