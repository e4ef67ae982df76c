//! Beheer of plans and opgaven: create, change and close with versions, history and audit; a successor and the
//! one-step move of open acties to it; reordering and retiring opgaven; the field errors.

use crate::beheer_hulp::*;
use crate::helpers::{Als, TestApp, code, field, new_actie};
use koers_backend::toegang::Rol;
use serde_json::json;

#[tokio::test]
async fn a_plan_is_created_changed_and_closed_with_versions_history_and_audit() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let d = ok(
        &app,
        &b,
        PLAN_AANMAKEN,
        json!({ "i": { "thema": mh, "titel": "Beleidskader en Actieplan Mensenhandel 2027–2030", "soort": "ACTIEPLAN",
                       "periodeVan": 2027, "periodeTot": 2030, "vastgesteldDoor": "RVO", "vastgesteldOp": "2026-12" } }),
    )
    .await;
    let p = &d["actieplanAanmaken"];
    assert_eq!(p["versie"], 1);
    assert_eq!(p["sleutel"], "beleidskader-en-actieplan-mensenhandel-2027-2030");
    assert_eq!(p["status"], "VASTGESTELD");
    let id = p["id"].as_str().unwrap().to_string();
    let o1 = opgave(&app, &b, &id, "Preventie").await;
    let o2 = opgave(&app, &b, &id, "Signalering").await;
    let plan = app
        .data(
            "query($id: ID!) { actieplan(id: $id) { thema { sleutel } opgaven { id volgorde titel } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(plan["actieplan"]["thema"]["sleutel"], "mensenhandel");
    assert_eq!(plan["actieplan"]["opgaven"][0]["id"], o1.as_str());
    assert_eq!(plan["actieplan"]["opgaven"][1]["id"], o2.as_str());
    assert_eq!(plan["actieplan"]["opgaven"][1]["volgorde"], 2);

    let w = ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": id, "versie": 1, "titel": "Actieplan Mensenhandel 2027–2030", "status": "IN_UITVOERING",
                       "toelichting": "vastgesteld in het RVO" } }),
    )
    .await;
    assert_eq!(w["actieplanWijzigen"]["versie"], 2);
    // A second writer still holding version 1 gets a conflict with the current version, and changes nothing.
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            PLAN_WIJZIGEN,
            json!({ "i": { "id": id, "versie": 1, "titel": "Oud" } }),
        )
        .await;
    assert_eq!(code(&r), "CONFLICT", "{r:#}");
    assert_eq!(huidige_versie(&r), 2);
    // Closing is status afgerond.
    let w = ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": id, "versie": 2, "status": "AFGEROND" } }),
    )
    .await;
    assert_eq!(w["actieplanWijzigen"]["status"], "AFGEROND");
    assert_eq!(w["actieplanWijzigen"]["versie"], 3);
    // A change that changes nothing keeps the version.
    let w = ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": id, "versie": 3, "status": "AFGEROND" } }),
    )
    .await;
    assert_eq!(w["actieplanWijzigen"]["versie"], 3);

    let h = ok(&app, &b, HISTORIE, json!({ "id": id })).await;
    let h = h["beheerHistorie"].as_array().unwrap();
    assert_eq!(h.len(), 3, "{h:#?}");
    assert_eq!(h[0]["velden"], json!(["aangemaakt"]));
    assert_eq!(h[1]["door"], "Naam beheer");
    assert_eq!(h[1]["toelichting"], "vastgesteld in het RVO");
    assert_eq!(h[1]["uitBron"], false);
    assert!(h[1]["wijzigingen"].as_array().unwrap().contains(&json!({
        "veld": "titel", "van": "Beleidskader en Actieplan Mensenhandel 2027–2030", "naar": "Actieplan Mensenhandel 2027–2030" })));
    assert!(h[2]["wijzigingen"].as_array().unwrap().contains(&json!({
        "veld": "status", "van": "in_uitvoering", "naar": "afgerond" })));
    let log = ok(
        &app,
        &b,
        "{ auditLog(first: 50) { edges { node { handeling object actor } } } }",
        json!({}),
    )
    .await;
    let handelingen: Vec<&str> = log["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["handeling"].as_str().unwrap())
        .collect();
    assert_eq!(
        handelingen.iter().filter(|h| **h == "actieplanWijzigen").count(),
        2,
        "{handelingen:?}"
    );
    assert_eq!(handelingen.iter().filter(|h| **h == "opgaveAanmaken").count(), 2);
    assert!(handelingen.contains(&"actieplanAanmaken"));
}

#[tokio::test]
async fn plan_input_errors_name_their_field_and_write_nothing() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let basis =
        json!({ "thema": mh, "titel": "Plan", "soort": "JAARPLAN", "periodeVan": 2027, "periodeTot": 2027 });
    let gevallen = [
        (json!({ "periodeTot": 2026 }), "periodeTot"),
        (json!({ "periodeVan": 1999 }), "periodeVan"),
        (json!({ "vastgesteldOp": "maart 2026" }), "vastgesteldOp"),
        (json!({ "titel": "  " }), "titel"),
        (json!({ "titel": "x".repeat(301) }), "titel"),
        (json!({ "sleutel": "Met Spaties" }), "sleutel"),
        (json!({ "sleutel": "mh-2024-2026" }), "sleutel"),
        (json!({ "thema": "bm9wZQ" }), "thema"),
        (json!({ "bron": "a\u{0}b" }), "bron"),
    ];
    let voor = app.data("{ actieplannen { id } }", json!({})).await;
    for (extra, veld) in gevallen {
        let mut i = basis.clone();
        for (k, v) in extra.as_object().unwrap() {
            i[k] = v.clone();
        }
        let r = app
            .gql_as(&Als::Sessie(&b), PLAN_AANMAKEN, json!({ "i": i }))
            .await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{extra}: {r:#}");
        assert_eq!(field(&r), veld, "{extra}: {r:#}");
    }
    assert_eq!(app.data("{ actieplannen { id } }", json!({})).await, voor);
    let (mh_plan, _) = crate::helpers::plan_ids(&app, "mh-2024-2026").await;
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            PLAN_WIJZIGEN,
            json!({ "i": { "id": mh_plan, "versie": 1, "opvolger": mh_plan } }),
        )
        .await;
    assert_eq!(field(&r), "opvolger", "{r:#}");
    let nieuw = plan(&app, &b, &mh, "Opvolger").await;
    ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": mh_plan, "versie": 1, "opvolger": nieuw } }),
    )
    .await;
    // A cycle through the successor chain is refused too.
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            PLAN_WIJZIGEN,
            json!({ "i": { "id": nieuw, "versie": 1, "opvolger": mh_plan } }),
        )
        .await;
    assert_eq!(field(&r), "opvolger", "{r:#}");
}

#[tokio::test]
async fn open_acties_move_to_the_successor_in_one_step_keeping_their_history() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let oud = plan(&app, &b, &mh, "Oud plan").await;
    let oud_a = opgave(&app, &b, &oud, "Preventie").await;
    let oud_b = opgave(&app, &b, &oud, "Iets anders").await;
    let a1 = new_actie(&app, &oud_a, "Loopt door").await;
    let a2 = new_actie(&app, &oud_b, "Zonder gelijke opgave").await;
    let klaar = new_actie(&app, &oud_a, "Klaar").await;
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": klaar, "versie": 1, "status": "AFGEROND" } }),
    )
    .await;
    let nieuw = plan(&app, &b, &mh, "Nieuw plan").await;
    let nieuw_a = opgave(&app, &b, &nieuw, "preventie ").await;
    let nieuw_c = opgave(&app, &b, &nieuw, "Overig").await;
    // Without a successor there is nothing to move to.
    let r = app.gql_as(&Als::Sessie(&b), VOORBEELD, json!({ "p": oud })).await;
    assert_eq!(field(&r), "actieplan", "{r:#}");
    ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": oud, "versie": 1, "opvolger": nieuw } }),
    )
    .await;

    let v = ok(&app, &b, VOORBEELD, json!({ "p": oud })).await;
    let v = &v["verplaatsingNaarOpvolger"];
    assert_eq!(v["zonderOpgave"], 1, "{v:#}");
    let regels = v["regels"].as_array().unwrap();
    assert_eq!(regels.len(), 2, "the finished actie stays: {v:#}");
    assert_eq!(regels[0]["actie"]["id"], a1.as_str());
    assert_eq!(regels[0]["naar"]["id"], nieuw_a.as_str());
    assert!(regels[1]["naar"].is_null());
    // Refused while one actie has nowhere to go: nothing moves.
    let r = app
        .gql_as(&Als::Sessie(&b), VERPLAATSEN, json!({ "p": oud }))
        .await;
    assert_eq!(field(&r), "naarOpgave", "{r:#}");
    let a1_nu = app
        .data(
            "query($id: ID!) { actie(id: $id) { versie opgave { id } } }",
            json!({ "id": a1 }),
        )
        .await;
    assert_eq!(a1_nu["actie"]["opgave"]["id"], oud_a.as_str());

    let d = ok(&app, &b, VERPLAATSEN, json!({ "p": oud, "n": nieuw_c })).await;
    let regels = d["actiesNaarOpvolger"]["regels"].as_array().unwrap().clone();
    assert_eq!(regels[0]["actie"]["opgave"]["id"], nieuw_a.as_str());
    assert_eq!(regels[1]["actie"]["opgave"]["id"], nieuw_c.as_str());
    assert_eq!(regels[1]["actie"]["versie"], 2);
    let h = app
        .data(
            "query($id: ID!) { actie(id: $id) { versie opgave { id } historie { versie velden toelichting door } } }",
            json!({ "id": a2 }),
        )
        .await;
    let hist = h["actie"]["historie"].as_array().unwrap();
    assert_eq!(hist.len(), 2, "{h:#}");
    let laatste = hist.iter().find(|r| r["versie"] == 2).unwrap();
    assert_eq!(laatste["velden"], json!(["opgave"]));
    assert_eq!(laatste["door"], "Naam beheer");
    assert!(laatste["toelichting"].as_str().unwrap().contains("Nieuw plan"));
    let k = app
        .data(
            "query($id: ID!) { actie(id: $id) { versie opgave { id } } }",
            json!({ "id": klaar }),
        )
        .await;
    assert_eq!(k["actie"]["opgave"]["id"], oud_a.as_str());

    // The emptied opgave can now be retired; one with acties left cannot; a retired one takes no new acties.
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            OPGAVE_WIJZIGEN,
            json!({ "i": { "id": oud_a, "versie": 1, "vervallen": true } }),
        )
        .await;
    assert_eq!(field(&r), "vervallen", "{r:#}");
    let w = ok(
        &app,
        &b,
        OPGAVE_WIJZIGEN,
        json!({ "i": { "id": oud_b, "versie": 1, "vervallen": true } }),
    )
    .await;
    assert_eq!(w["opgaveWijzigen"]["vervallen"], true);
    let r = app
        .gql(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": oud_b, "titel": "x", "jaar": 2027, "status": "GEPLAND" } }),
        )
        .await;
    assert_eq!(field(&r), "opgave", "{r:#}");
    let log = ok(
        &app,
        &b,
        "{ auditLog(handeling: \"actiesNaarOpvolger\") { totalCount } }",
        json!({}),
    )
    .await;
    assert_eq!(log["auditLog"]["totalCount"], 1);
}

#[tokio::test]
async fn opgaven_are_reordered_only_as_a_whole_and_at_the_versions_read() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let p = plan(&app, &b, &mh, "Plan").await;
    let o1 = opgave(&app, &b, &p, "Een").await;
    let o2 = opgave(&app, &b, &p, "Twee").await;
    let o3 = opgave(&app, &b, &p, "Drie").await;
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            ORDENEN,
            json!({ "p": p, "o": [{ "id": o3, "versie": 1 }, { "id": o1, "versie": 1 }] }),
        )
        .await;
    assert_eq!(field(&r), "opgaven", "{r:#}");
    let d = ok(
        &app,
        &b,
        ORDENEN,
        json!({ "p": p, "o": [{ "id": o3, "versie": 1 }, { "id": o1, "versie": 1 }, { "id": o2, "versie": 1 }] }),
    )
    .await;
    assert_eq!(d["opgavenOrdenen"][0]["volgorde"], 1);
    assert_eq!(d["opgavenOrdenen"][0]["versie"], 2);
    let plan = app
        .data(
            "query($id: ID!) { actieplan(id: $id) { opgaven { id } } }",
            json!({ "id": p }),
        )
        .await;
    let volgorde: Vec<&str> = plan["actieplan"]["opgaven"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(volgorde, [o3.as_str(), o1.as_str(), o2.as_str()]);
    // Reordering with a version read before the last change conflicts, and nothing moves.
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            ORDENEN,
            json!({ "p": p, "o": [{ "id": o1, "versie": 2 }, { "id": o2, "versie": 2 }, { "id": o3, "versie": 1 }] }),
        )
        .await;
    assert_eq!(code(&r), "CONFLICT", "{r:#}");
    assert_eq!(opgave_versie(&app, &b, &o1).await, 2);
    let h = ok(&app, &b, HISTORIE, json!({ "id": o3 })).await;
    assert!(
        h["beheerHistorie"][1]["wijzigingen"]
            .as_array()
            .unwrap()
            .contains(&json!({ "veld": "volgorde", "van": "3", "naar": "1" }))
    );
}

#[tokio::test]
async fn a_redacteur_manages_plans_only_in_its_own_themas() {
    let app = TestApp::spawn().await;
    let red = app.sign_in_new("red", Rol::Redacteur, &["mensenhandel"]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let dv = thema_id(&app, "digitale-veiligheid").await;
    let p = plan(&app, &red, &mh, "Eigen plan").await;
    let r = app
        .gql_as(
            &Als::Sessie(&red),
            PLAN_AANMAKEN,
            json!({ "i": { "thema": dv, "titel": "Ander", "soort": "JAARPLAN", "periodeVan": 2027, "periodeTot": 2027 } }),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "{r:#}");
    // Nor may it move its own plan into a thema that is not its own.
    let r = app
        .gql_as(
            &Als::Sessie(&red),
            PLAN_WIJZIGEN,
            json!({ "i": { "id": p, "versie": 1, "thema": dv } }),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "{r:#}");
    assert_eq!(plan_versie(&app, &red, &p).await, 1);
}
