//! Beheer of thema's, organisaties (with merging) and RVO meetings: versions, history, audit and field errors.

use crate::beheer_hulp::*;
use crate::helpers::{Als, TestApp, code, field, plan_ids};
use koers_backend::toegang::Rol;
use serde_json::json;

const THEMA_AANMAKEN: &str =
    "mutation($i: ThemaAanmakenInvoer!) { themaAanmaken(invoer: $i) { id versie sleutel naam volgorde } }";
const THEMA_WIJZIGEN: &str = "mutation($i: ThemaWijzigenInvoer!) { themaWijzigen(invoer: $i) { id versie naam portefeuillehouder volgorde } }";
const ORG_AANMAKEN: &str =
    "mutation($i: OrganisatieAanmakenInvoer!) { organisatieAanmaken(invoer: $i) { id versie sleutel naam } }";
const ORG_WIJZIGEN: &str = "mutation($i: OrganisatieWijzigenInvoer!) { organisatieWijzigen(invoer: $i) { id versie naam afkorting } }";
const SAMENVOEGEN: &str = "mutation($van: OrganisatieVersie!, $naar: OrganisatieVersie!) { organisatiesSamenvoegen(van: $van, naar: $naar) { id } }";
const RVO_AANMAKEN: &str =
    "mutation($i: RvoVergaderingAanmakenInvoer!) { rvoVergaderingAanmaken(invoer: $i) { id versie datum } }";
const RVO_WIJZIGEN: &str =
    "mutation($i: RvoVergaderingWijzigenInvoer!) { rvoVergaderingWijzigen(invoer: $i) { id versie datum } }";
const RVO_VERWIJDEREN: &str =
    "mutation($id: ID!, $v: Int!) { rvoVergaderingVerwijderen(id: $id, versie: $v) { id datum } }";

#[tokio::test]
async fn themas_are_added_and_changed_with_versions() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let d = ok(
        &app,
        &b,
        THEMA_AANMAKEN,
        json!({ "i": { "naam": "Ondermijning" } }),
    )
    .await;
    let t = &d["themaAanmaken"];
    assert_eq!(t["sleutel"], "ondermijning");
    assert_eq!(t["versie"], 1);
    let id = t["id"].as_str().unwrap().to_string();
    let w = ok(
        &app,
        &b,
        THEMA_WIJZIGEN,
        json!({ "i": { "id": id, "versie": 1, "portefeuillehouder": "Burgemeester van Schiedam", "volgorde": 0 } }),
    )
    .await;
    assert_eq!(w["themaWijzigen"]["versie"], 2);
    assert_eq!(
        app.data("{ themas { naam } }", json!({})).await["themas"][0]["naam"],
        "Ondermijning"
    );
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            THEMA_WIJZIGEN,
            json!({ "i": { "id": id, "versie": 1, "naam": "X" } }),
        )
        .await;
    assert_eq!(code(&r), "CONFLICT");
    assert_eq!(huidige_versie(&r), 2);
    let w = ok(
        &app,
        &b,
        THEMA_WIJZIGEN,
        json!({ "i": { "id": id, "versie": 2, "portefeuillehouder": null } }),
    )
    .await;
    assert!(w["themaWijzigen"]["portefeuillehouder"].is_null());
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            THEMA_WIJZIGEN,
            json!({ "i": { "id": id, "versie": 3, "naam": "" } }),
        )
        .await;
    assert_eq!(field(&r), "naam", "{r:#}");
    let h = ok(&app, &b, HISTORIE, json!({ "id": id })).await;
    assert_eq!(h["beheerHistorie"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn merging_two_organisaties_moves_every_actie_link_with_history() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let a = ok(
        &app,
        &b,
        ORG_AANMAKEN,
        json!({ "i": { "naam": "Gemeente Krimpen", "soort": "GEMEENTE" } }),
    )
    .await;
    let van = a["organisatieAanmaken"]["id"].as_str().unwrap().to_string();
    let n = ok(
        &app,
        &b,
        ORG_AANMAKEN,
        json!({ "i": { "naam": "Gemeente Krimpenerwaard", "soort": "GEMEENTE", "afkorting": "KW" } }),
    )
    .await;
    let naar = n["organisatieAanmaken"]["id"].as_str().unwrap().to_string();
    let w = ok(
        &app,
        &b,
        ORG_WIJZIGEN,
        json!({ "i": { "id": naar, "versie": 1, "afkorting": null } }),
    )
    .await;
    assert_eq!(w["organisatieWijzigen"]["versie"], 2);
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let x = app
        .data(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": opgaven[0], "titel": "Met beide", "jaar": 2026, "status": "GEPLAND",
                           "trekkers": [van], "partners": [naar] } }),
        )
        .await;
    let x = x["actieAanmaken"]["id"].as_str().unwrap().to_string();
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            SAMENVOEGEN,
            json!({ "van": { "id": van, "versie": 1 }, "naar": { "id": naar, "versie": 1 } }),
        )
        .await;
    assert_eq!(code(&r), "CONFLICT", "{r:#}");
    ok(
        &app,
        &b,
        SAMENVOEGEN,
        json!({ "van": { "id": van, "versie": 1 }, "naar": { "id": naar, "versie": 2 } }),
    )
    .await;
    let d = app
        .data(
            "query($id: ID!) { actie(id: $id) { versie trekkers { id } partners { id } historie { versie velden toelichting } } }",
            json!({ "id": x }),
        )
        .await;
    assert_eq!(d["actie"]["trekkers"], json!([{ "id": naar }]), "{d:#}");
    assert_eq!(d["actie"]["partners"], json!([{ "id": naar }]));
    assert_eq!(d["actie"]["versie"], 2);
    let laatste = d["actie"]["historie"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["versie"] == 2)
        .unwrap()
        .clone();
    assert_eq!(laatste["velden"], json!(["trekkers"]));
    assert!(laatste["toelichting"].as_str().unwrap().contains("samengevoegd"));
    // The merged one is kept (history refers to it) but no longer listed.
    let lijst = app.data("{ organisaties { id } }", json!({})).await;
    assert!(
        !lijst["organisaties"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["id"] == van.as_str())
    );
    let o = app
        .data(
            "query($id: ID!) { node(id: $id) { ... on Organisatie { samengevoegdIn } } }",
            json!({ "id": van }),
        )
        .await;
    assert_eq!(o["node"]["samengevoegdIn"], naar.as_str());
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            SAMENVOEGEN,
            json!({ "van": { "id": naar, "versie": 2 }, "naar": { "id": naar, "versie": 2 } }),
        )
        .await;
    assert_eq!(field(&r), "naar");
}

#[tokio::test]
async fn rvo_meetings_are_added_moved_and_removed() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let voor = app.data("{ rvoVergaderingen { datum } }", json!({})).await["rvoVergaderingen"]
        .as_array()
        .unwrap()
        .len();
    let d = ok(
        &app,
        &b,
        RVO_AANMAKEN,
        json!({ "i": { "datum": "2027-02-11", "omschrijving": "RVO februari 2027" } }),
    )
    .await;
    let id = d["rvoVergaderingAanmaken"]["id"].as_str().unwrap().to_string();
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            RVO_AANMAKEN,
            json!({ "i": { "datum": "2027-02-11", "omschrijving": "dubbel" } }),
        )
        .await;
    assert_eq!(field(&r), "datum", "{r:#}");
    let w = ok(
        &app,
        &b,
        RVO_WIJZIGEN,
        json!({ "i": { "id": id, "versie": 1, "datum": "2027-02-18" } }),
    )
    .await;
    assert_eq!(w["rvoVergaderingWijzigen"]["datum"], "2027-02-18");
    let lijst = app.data("{ rvoVergaderingen { datum } }", json!({})).await;
    assert_eq!(lijst["rvoVergaderingen"].as_array().unwrap().len(), voor + 1);
    assert!(
        lijst["rvoVergaderingen"]
            .as_array()
            .unwrap()
            .contains(&json!({ "datum": "2027-02-18" }))
    );
    let r = app
        .gql_as(&Als::Sessie(&b), RVO_VERWIJDEREN, json!({ "id": id, "v": 1 }))
        .await;
    assert_eq!(code(&r), "CONFLICT");
    ok(&app, &b, RVO_VERWIJDEREN, json!({ "id": id, "v": 2 })).await;
    let lijst = app.data("{ rvoVergaderingen { datum } }", json!({})).await;
    assert_eq!(lijst["rvoVergaderingen"].as_array().unwrap().len(), voor);
    let h = ok(&app, &b, HISTORIE, json!({ "id": id })).await;
    let velden: Vec<_> = h["beheerHistorie"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["velden"][0].clone())
        .collect();
    assert_eq!(velden, [json!("aangemaakt"), json!("datum"), json!("verwijderd")]);
    let log = ok(
        &app,
        &b,
        "{ auditLog(handeling: \"rvoVergaderingVerwijderen\") { totalCount } }",
        json!({}),
    )
    .await;
    assert_eq!(log["auditLog"]["totalCount"], 1);
}
