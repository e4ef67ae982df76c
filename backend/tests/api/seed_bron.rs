//! The seed tells the truth about time: seeded acties and records carry their source document's date, their
//! history says "uit de bron", "Sinds vorige RVO" (changed since a date) finds none of them recently changed, and
//! a re-seed neither overwrites beheer changes nor leaves acties seeded before dating undated.

use crate::beheer_hulp::*;
use crate::helpers::TestApp;
use koers_backend::entities::{actie, voortgangsupdate};
use koers_backend::seed::{self, BUILTIN};
use koers_backend::toegang::Rol;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

/// The dates the seed gives its documents.
const DATUMS: [&str; 5] = [
    "2021-01-01T00:00:00+00:00",
    "2023-04-04T00:00:00+00:00",
    "2023-09-29T00:00:00+00:00",
    "2024-01-01T00:00:00+00:00",
    "2026-01-01T00:00:00+00:00",
];

fn is_bron_datum(t: &str) -> bool {
    let t = t.replace('Z', "+00:00");
    DATUMS.iter().any(|d| t.starts_with(&d[..19]))
}

#[tokio::test]
async fn seeded_acties_carry_their_sources_date_and_say_so() {
    let app = TestApp::spawn().await;
    let d = app
        .data(
            "{ acties(first: 100) { totalCount edges { node { sleutel bron gewijzigdOp historie { tijdstip uitBron door } } } } }",
            json!({}),
        )
        .await;
    let edges = d["acties"]["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        let a = &e["node"];
        let t = a["gewijzigdOp"].as_str().unwrap();
        assert!(
            is_bron_datum(t),
            "{}: gewijzigdOp {t} is no source date",
            a["sleutel"]
        );
        let h = &a["historie"][0];
        assert_eq!(h["uitBron"], true, "{a:#}");
        assert_eq!(h["tijdstip"], a["gewijzigdOp"]);
        if a["bron"]
            .as_str()
            .unwrap()
            .starts_with("VAR Jaarverslag 2025 / Jaarplan 2026")
        {
            assert!(t.starts_with("2026-01-01"), "{a:#}");
        }
    }
    // Since an RVO meeting in 2026, nothing seeded counts as changed; a report in Koers does, and is no source.
    let sinds = "query { acties(filter: { gewijzigdSinds: \"2026-06-01T00:00:00Z\" }) { totalCount edges { node { id historie { uitBron } } } } }";
    assert_eq!(app.data(sinds, json!({})).await["acties"]["totalCount"], 0);
    let eerste = app
        .data("{ acties(first: 1) { edges { node { id versie } } } }", json!({}))
        .await;
    let node = &eerste["acties"]["edges"][0]["node"];
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": node["id"], "versie": node["versie"], "toelichting": "stand besproken" } }),
    )
    .await;
    let na = app.data(sinds, json!({})).await;
    assert_eq!(na["acties"]["totalCount"], 1);
    assert_eq!(na["acties"]["edges"][0]["node"]["historie"][1]["uitBron"], false);
}

#[tokio::test]
async fn seeded_plans_have_a_history_row_from_the_source() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let (plan, _) = crate::helpers::plan_ids(&app, "mh-2024-2026").await;
    let h = ok(
        &app,
        &b,
        "query($id: ID!) { beheerHistorie(id: $id) { versie tijdstip uitBron velden } }",
        json!({ "id": plan }),
    )
    .await;
    let rows = h["beheerHistorie"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{h:#}");
    assert_eq!(rows[0]["uitBron"], true);
    assert!(is_bron_datum(rows[0]["tijdstip"].as_str().unwrap()), "{h:#}");
}

#[tokio::test]
async fn a_reseed_keeps_beheer_changes_and_dates_acties_seeded_before() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let (plan, _) = crate::helpers::plan_ids(&app, "mh-2024-2026").await;
    ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": plan, "versie": 1, "titel": "Nieuwe titel" } }),
    )
    .await;
    // An actie as an older Koers seeded it: dated at the moment of seeding, not marked.
    let db = app.db().await;
    let a = actie::Entity::find()
        .filter(actie::Column::Sleutel.is_not_null())
        .one(&db.reader)
        .await
        .unwrap()
        .unwrap();
    let nu = chrono::Utc::now();
    actie::Entity::update_many()
        .col_expr(actie::Column::GewijzigdOp, Expr::value(nu))
        .filter(actie::Column::Id.eq(a.id))
        .exec(&db.writer)
        .await
        .unwrap();
    voortgangsupdate::Entity::update_many()
        .col_expr(voortgangsupdate::Column::Tijdstip, Expr::value(nu))
        .col_expr(voortgangsupdate::Column::UitBron, Expr::value(false))
        .filter(voortgangsupdate::Column::ActieId.eq(a.id))
        .exec(&db.writer)
        .await
        .unwrap();
    seed::load(&db, &seed::parse(BUILTIN).unwrap()).await.unwrap();
    let d = app
        .data(
            "query($id: ID!) { actieplan(id: $id) { titel versie } }",
            json!({ "id": plan }),
        )
        .await;
    assert_eq!(d["actieplan"]["titel"], "Nieuwe titel");
    assert_eq!(d["actieplan"]["versie"], 2);
    let na = actie::Entity::find_by_id(a.id)
        .one(&db.reader)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(na.gewijzigd_op, a.gewijzigd_op, "dated by its source again");
    let h = voortgangsupdate::Entity::find()
        .filter(voortgangsupdate::Column::ActieId.eq(a.id))
        .one(&db.reader)
        .await
        .unwrap()
        .unwrap();
    assert!(h.uit_bron);
}
