//! Every beheer mutation × every kind of caller: who may change plans, opgaven, thema's, organisaties, RVO
//! meetings and users, with the exact refusal code, and nothing written by a refusal.

use crate::beheer_hulp::*;
use crate::helpers::{Als, Sessie, TestApp, new_actie};
use koers_backend::entities::{beheer_historie, gebruiker, rvo_vergadering, voortgangsupdate};
use koers_backend::toegang::Rol;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy, PartialEq)]
enum M {
    PlanAanmaken,
    PlanWijzigen,
    OpgaveAanmaken,
    OpgaveWijzigen,
    Ordenen,
    Verplaatsen,
    ThemaAanmaken,
    ThemaWijzigen,
    OrgAanmaken,
    OrgWijzigen,
    Samenvoegen,
    RvoAanmaken,
    RvoWijzigen,
    RvoVerwijderen,
    GebruikerWijzigen,
    Herstellen,
}

const ALLE: [M; 16] = [
    M::PlanAanmaken,
    M::PlanWijzigen,
    M::OpgaveAanmaken,
    M::OpgaveWijzigen,
    M::Ordenen,
    M::Verplaatsen,
    M::ThemaAanmaken,
    M::ThemaWijzigen,
    M::OrgAanmaken,
    M::OrgWijzigen,
    M::Samenvoegen,
    M::RvoAanmaken,
    M::RvoWijzigen,
    M::RvoVerwijderen,
    M::GebruikerWijzigen,
    M::Herstellen,
];

/// The expected outcome of a mutation for one caller.
type Verwacht = fn(M) -> &'static str;

/// Plan mutations, which a redacteur may do in its own thema.
fn is_plan(m: M) -> bool {
    matches!(
        m,
        M::PlanAanmaken
            | M::PlanWijzigen
            | M::OpgaveAanmaken
            | M::OpgaveWijzigen
            | M::Ordenen
            | M::Verplaatsen
    )
}

async fn org(app: &TestApp, b: &Sessie, naam: String) -> String {
    let d = ok(
        app,
        b,
        "mutation($i: OrganisatieAanmakenInvoer!) { organisatieAanmaken(invoer: $i) { id } }",
        json!({ "i": { "naam": naam, "soort": "PARTNER" } }),
    )
    .await;
    d["organisatieAanmaken"]["id"].as_str().unwrap().to_string()
}

async fn rvo(app: &TestApp, b: &Sessie, n: usize) -> String {
    let datum = chrono::NaiveDate::from_ymd_opt(2040, 1, 1).unwrap() + chrono::Days::new(n as u64);
    let d = ok(
        app,
        b,
        "mutation($i: RvoVergaderingAanmakenInvoer!) { rvoVergaderingAanmaken(invoer: $i) { id } }",
        json!({ "i": { "datum": datum.to_string(), "omschrijving": format!("RVO {n}") } }),
    )
    .await;
    d["rvoVergaderingAanmaken"]["id"].as_str().unwrap().to_string()
}

/// Prepares what `m` changes (as the beheerder) and returns the request to try.
async fn poging(app: &TestApp, b: &Sessie, mh: &str, m: M, n: usize) -> (&'static str, Value) {
    let gebruiker = |v: &Value| {
        v["gebruikers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["gebruikersnaam"] == "doel")
            .unwrap()
            .clone()
    };
    match m {
        M::PlanAanmaken => (
            PLAN_AANMAKEN,
            json!({ "i": { "thema": mh, "titel": format!("Poging {n}"), "soort": "JAARPLAN", "periodeVan": 2027, "periodeTot": 2027 } }),
        ),
        M::PlanWijzigen => {
            let p = plan(app, b, mh, &format!("Doel {n}")).await;
            (
                PLAN_WIJZIGEN,
                json!({ "i": { "id": p, "versie": 1, "titel": format!("Gewijzigd {n}") } }),
            )
        }
        M::OpgaveAanmaken => {
            let p = plan(app, b, mh, &format!("Doel {n}")).await;
            (
                OPGAVE_AANMAKEN,
                json!({ "i": { "actieplan": p, "titel": "Nieuw" } }),
            )
        }
        M::OpgaveWijzigen => {
            let p = plan(app, b, mh, &format!("Doel {n}")).await;
            let o = opgave(app, b, &p, "Oud").await;
            (
                OPGAVE_WIJZIGEN,
                json!({ "i": { "id": o, "versie": 1, "titel": "Nieuw" } }),
            )
        }
        M::Ordenen => {
            let p = plan(app, b, mh, &format!("Doel {n}")).await;
            let o1 = opgave(app, b, &p, "Een").await;
            let o2 = opgave(app, b, &p, "Twee").await;
            (
                ORDENEN,
                json!({ "p": p, "o": [{ "id": o2, "versie": 1 }, { "id": o1, "versie": 1 }] }),
            )
        }
        M::Verplaatsen => {
            let oud = plan(app, b, mh, &format!("Oud {n}")).await;
            let o = opgave(app, b, &oud, "Zelfde").await;
            new_actie(app, &o, "Open").await;
            let nieuw = plan(app, b, mh, &format!("Nieuw {n}")).await;
            opgave(app, b, &nieuw, "Zelfde").await;
            ok(
                app,
                b,
                PLAN_WIJZIGEN,
                json!({ "i": { "id": oud, "versie": 1, "opvolger": nieuw } }),
            )
            .await;
            (VERPLAATSEN, json!({ "p": oud }))
        }
        M::ThemaAanmaken => (
            "mutation($i: ThemaAanmakenInvoer!) { themaAanmaken(invoer: $i) { id } }",
            json!({ "i": { "naam": format!("Thema {n}") } }),
        ),
        M::ThemaWijzigen => {
            let d = ok(
                app,
                b,
                "query($id: ID!) { thema(id: $id) { versie } }",
                json!({ "id": mh }),
            )
            .await;
            (
                "mutation($i: ThemaWijzigenInvoer!) { themaWijzigen(invoer: $i) { id } }",
                json!({ "i": { "id": mh, "versie": d["thema"]["versie"], "portefeuillehouder": format!("P{n}") } }),
            )
        }
        M::OrgAanmaken => (
            "mutation($i: OrganisatieAanmakenInvoer!) { organisatieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "naam": format!("Org {n}"), "soort": "PARTNER" } }),
        ),
        M::OrgWijzigen => {
            let o = org(app, b, format!("Doel {n}")).await;
            (
                "mutation($i: OrganisatieWijzigenInvoer!) { organisatieWijzigen(invoer: $i) { id } }",
                json!({ "i": { "id": o, "versie": 1, "naam": format!("Gewijzigd {n}") } }),
            )
        }
        M::Samenvoegen => {
            let van = org(app, b, format!("Van {n}")).await;
            let naar = org(app, b, format!("Naar {n}")).await;
            (
                "mutation($v: OrganisatieVersie!, $n: OrganisatieVersie!) { organisatiesSamenvoegen(van: $v, naar: $n) { id } }",
                json!({ "v": { "id": van, "versie": 1 }, "n": { "id": naar, "versie": 1 } }),
            )
        }
        M::RvoAanmaken => {
            let datum = chrono::NaiveDate::from_ymd_opt(2050, 1, 1).unwrap() + chrono::Days::new(n as u64);
            (
                "mutation($i: RvoVergaderingAanmakenInvoer!) { rvoVergaderingAanmaken(invoer: $i) { id } }",
                json!({ "i": { "datum": datum.to_string(), "omschrijving": "Poging" } }),
            )
        }
        M::RvoWijzigen => {
            let r = rvo(app, b, n).await;
            (
                "mutation($i: RvoVergaderingWijzigenInvoer!) { rvoVergaderingWijzigen(invoer: $i) { id } }",
                json!({ "i": { "id": r, "versie": 1, "omschrijving": "Gewijzigd" } }),
            )
        }
        M::RvoVerwijderen => {
            let r = rvo(app, b, n).await;
            (
                "mutation($id: ID!) { rvoVergaderingVerwijderen(id: $id, versie: 1) { id } }",
                json!({ "id": r }),
            )
        }
        M::GebruikerWijzigen => {
            let g = gebruiker(&ok(app, b, "{ gebruikers { id gebruikersnaam versie } }", json!({})).await);
            (
                "mutation($i: GebruikerWijzigenInvoer!) { gebruikerWijzigen(invoer: $i) { id } }",
                json!({ "i": { "id": g["id"], "versie": g["versie"], "naam": format!("Doel {n}") } }),
            )
        }
        M::Herstellen => {
            let g = gebruiker(&ok(app, b, "{ gebruikers { id gebruikersnaam versie } }", json!({})).await);
            (
                "mutation($id: ID!, $v: Int!) { wachtwoordHerstellen(id: $id, versie: $v, wachtwoord: \"een nieuw wachtwoord\") { versie } }",
                json!({ "id": g["id"], "v": g["versie"] }),
            )
        }
    }
}

/// What a beheer mutation writes: history rows of every kind, meetings, and users' versions.
async fn stand(app: &TestApp) -> (u64, u64, u64, Vec<i32>) {
    let db = &app.services.db.reader;
    let versies = gebruiker::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|g| g.versie)
        .collect();
    (
        beheer_historie::Entity::find().count(db).await.unwrap(),
        voortgangsupdate::Entity::find().count(db).await.unwrap(),
        rvo_vergadering::Entity::find().count(db).await.unwrap(),
        versies,
    )
}

#[tokio::test]
async fn every_beheer_mutation_for_every_role() {
    let app = TestApp::spawn().await;
    let mh = thema_id(&app, "mensenhandel").await;
    let beheer = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    app.sign_in_new("doel", Rol::Lezer, &[]).await;
    let lezer = app.sign_in_new("lezer", Rol::Lezer, &[]).await;
    let red_mh = app.sign_in_new("red-mh", Rol::Redacteur, &["mensenhandel"]).await;
    let red_dv = app
        .sign_in_new("red-dv", Rol::Redacteur, &["digitale-veiligheid"])
        .await;
    let token = app.new_token("schrijf-alles", true, true, None).await;
    let gevallen: Vec<(&str, Als<'_>, Verwacht)> = vec![
        ("anoniem", Als::Anoniem, |_| "UNAUTHENTICATED"),
        ("lezer", Als::Sessie(&lezer), |_| "FORBIDDEN"),
        ("redacteur mensenhandel", Als::Sessie(&red_mh), |m| {
            if is_plan(m) { "OK" } else { "FORBIDDEN" }
        }),
        (
            "redacteur digitale veiligheid",
            Als::Sessie(&red_dv),
            |_| "FORBIDDEN",
        ),
        ("beheerder", Als::Sessie(&beheer), |_| "OK"),
        (
            "beheerder zonder CSRF-token",
            Als::SessieZonderCsrf(&beheer),
            |_| "CSRF_REQUIRED",
        ),
        ("schrijftoken voor alles", Als::Token(&token), |_| "FORBIDDEN"),
    ];
    let mut n = 0;
    for (wie, als, verwacht) in &gevallen {
        for m in ALLE {
            n += 1;
            let (q, v) = poging(&app, &beheer, &mh, m, n).await;
            let voor = stand(&app).await;
            let r = app.gql_as(als, q, v).await;
            let uitkomst = match r.get("errors") {
                None => "OK",
                Some(_) => r["errors"][0]["extensions"]["code"].as_str().unwrap_or("?"),
            };
            assert_eq!(uitkomst, verwacht(m), "{wie} × {m:?}: {r:#}");
            if uitkomst != "OK" {
                assert_eq!(
                    stand(&app).await,
                    voor,
                    "{wie} × {m:?} was refused but changed something"
                );
            }
        }
    }
    let log = ok(
        &app,
        &beheer,
        "{ auditLog(handeling: \"actieplanAanmaken\", first: 200) { edges { node { actor } } } }",
        json!({}),
    )
    .await;
    let actors: Vec<&str> = log["auditLog"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["actor"].as_str().unwrap())
        .collect();
    assert!(
        actors.contains(&"Naam red-mh") && actors.contains(&"Naam beheer"),
        "{actors:?}"
    );
}
