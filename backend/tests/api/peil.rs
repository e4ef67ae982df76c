//! `peilmoment`: the state as of a moment, reconstructed from the history, is exactly what was read then; and
//! `rollupReeks`, the trend, against hand-built history.

use crate::helpers::{Als, TestApp, code, field, new_actie, plan_ids};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};

const REPORT: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { versie } }";

/// Everything that shows state; `{P}` becomes `(peilmoment: $t)` or nothing, `{PA}` `, peilmoment: $t`
/// and `{T}` the variable.
const STAND: &str = "query($o: ID!, $p: ID!, $a: ID!{T}) {
    opgave(id: $o) { rollup{P} { ...R } acties{P} { id titel status gezondheid gezondheidReden voortgang versie gewijzigdOp } }
    actieplan(id: $p) { rollup{P} { ...R } opgaven { id rollup{P} { ...R } } thema { rollup{P} { ...R } } }
    actie(id: $a{PA}) { id status voortgang versie }
}
fragment R on Rollup { totaal aantalVerborgen aandeelAfgerond gemiddeldeVoortgang
    aantalPerStatus { status aantal } aantalPerGezondheid { gezondheid aantal } }";

fn stand_query(peil: bool) -> String {
    let (p, pa, t) = match peil {
        true => ("(peilmoment: $t)", ", peilmoment: $t", ", $t: DateTime"),
        false => ("", "", ""),
    };
    STAND.replace("{PA}", pa).replace("{P}", p).replace("{T}", t)
}

pub(crate) async fn rapporteer(
    app: &TestApp,
    id: &str,
    versie: i64,
    status: &str,
    voortgang: Option<i64>,
) -> i64 {
    let d = app
        .data(
            REPORT,
            json!({ "i": { "id": id, "versie": versie, "status": status, "voortgang": voortgang } }),
        )
        .await;
    d["actieVoortgangRapporteren"]["versie"].as_i64().unwrap()
}

/// A moment after everything written so far, with later writes strictly after it.
pub(crate) fn nu_na() -> DateTime<Utc> {
    let t = Utc::now();
    while Utc::now() <= t + TimeDelta::milliseconds(2) {
        std::hint::spin_loop();
    }
    t + TimeDelta::milliseconds(1)
}

#[tokio::test]
async fn peilmoment_gives_exactly_the_recorded_state() {
    let app = TestApp::spawn().await;
    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let o = opgaven[0].clone();
    let a = new_actie(&app, &o, "Peil A").await;
    let v = rapporteer(&app, &a, 1, "IN_UITVOERING", Some(40)).await;
    let vars = |t: Option<DateTime<Utc>>| match t {
        Some(t) => json!({ "o": o, "p": plan, "a": a, "t": t }),
        None => json!({ "o": o, "p": plan, "a": a }),
    };
    let recorded = app.data(&stand_query(false), vars(None)).await;
    let t1 = nu_na();

    // Changes after the recorded moment: a report, a new actie, a seeded actie moved on.
    rapporteer(&app, &a, v, "AFGEROND", None).await;
    new_actie(&app, &o, "Peil B").await;
    let seeded = recorded["opgave"]["acties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] != a.as_str())
        .expect("the opgave has a seeded actie")
        .clone();
    rapporteer(
        &app,
        seeded["id"].as_str().unwrap(),
        seeded["versie"].as_i64().unwrap(),
        "GESTOPT",
        None,
    )
    .await;

    let now = app.data(&stand_query(false), vars(None)).await;
    assert_ne!(now, recorded, "the changes show now");
    let then = app.data(&stand_query(true), vars(Some(t1))).await;
    assert_eq!(
        then, recorded,
        "as of the recorded moment the answer is exactly the recorded one"
    );
    let now_explicit = app.data(&stand_query(true), vars(Some(Utc::now()))).await;
    assert_eq!(
        now_explicit["opgave"], now["opgave"],
        "peilmoment now is the current state"
    );

    // Before any history: nothing existed yet.
    let early = app
        .data(
            &stand_query(true),
            vars(Some("1990-01-01T00:00:00Z".parse().unwrap())),
        )
        .await;
    assert_eq!(early["opgave"]["acties"], json!([]));
    assert_eq!(early["opgave"]["rollup"]["totaal"], 0);
    assert_eq!(early["actieplan"]["rollup"]["totaal"], 0);
    assert_eq!(early["actie"], Value::Null);

    // The future cannot be reconstructed.
    let r = app
        .gql(&stand_query(true), vars(Some(Utc::now() + TimeDelta::days(1))))
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "{r:#}");
    assert_eq!(field(&r), "peilmoment", "{r:#}");
}

#[tokio::test]
async fn peilmoment_never_shows_what_the_viewer_may_not_see_now() {
    let app = TestApp::spawn().await;
    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let o = opgaven[0].clone();
    let a = new_actie(&app, &o, "Later vertrouwelijk").await;
    let t1 = nu_na();
    let d = app
        .data(
            "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { versie } }",
            json!({ "i": { "id": a, "versie": 1, "vertrouwelijk": true } }),
        )
        .await;
    assert_eq!(d["actieWijzigen"]["versie"], 2);
    let open = app.new_token("open", false, false, None).await;
    let r = app
        .gql_as(
            &Als::Token(&open),
            &stand_query(true),
            json!({ "o": o, "p": plan, "a": a, "t": t1 }),
        )
        .await;
    assert!(r["errors"].is_null(), "{r:#}");
    let d = &r["data"];
    assert_eq!(
        d["actie"],
        Value::Null,
        "a confidential actie does not show, not even as it was: {d:#}"
    );
    let ids: Vec<&Value> = d["opgave"]["acties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| &x["id"])
        .collect();
    assert!(!ids.contains(&&json!(a)), "{ids:?}");
    assert!(
        d["opgave"]["rollup"]["aantalVerborgen"].as_i64().unwrap() >= 1,
        "{d:#}"
    );
}

const REEKS: &str = "query($o: ID!, $p: ID!, $van: DateTime!, $tot: DateTime, $i: ReeksInterval!) {
    opgave(id: $o) { rollupReeks(van: $van, tot: $tot, interval: $i) { moment rollup { totaal aandeelAfgerond
        aantalPerGezondheid { gezondheid aantal } } } }
    actieplan(id: $p) { rollupReeks(van: $van, tot: $tot, interval: $i) { moment rollup { totaal } } } }";

/// Sets the time of every history row of actie `id` (global id) at version `versie`, and the actie's own.
async fn dateer(app: &TestApp, id: &str, versie: i32, t: DateTime<Utc>) {
    use koers_backend::entities::{actie, voortgangsupdate};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let n = raw_id(id);
    let db = app.db().await;
    voortgangsupdate::Entity::update_many()
        .col_expr(voortgangsupdate::Column::Tijdstip, Expr::value(t))
        .filter(voortgangsupdate::Column::ActieId.eq(n))
        .filter(voortgangsupdate::Column::Versie.eq(versie))
        .exec(&db.writer)
        .await
        .unwrap();
    if versie == 1 {
        actie::Entity::update_many()
            .col_expr(actie::Column::AangemaaktOp, Expr::value(t))
            .filter(actie::Column::Id.eq(n))
            .exec(&db.writer)
            .await
            .unwrap();
    }
}

/// The number in a global id.
pub(crate) fn raw_id(id: &str) -> i32 {
    use base64::Engine;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(id)
        .unwrap();
    String::from_utf8(raw)
        .unwrap()
        .split_once(':')
        .unwrap()
        .1
        .parse()
        .unwrap()
}

#[tokio::test]
async fn rollup_reeks_follows_hand_built_history() {
    let app = TestApp::spawn().await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    // A fresh opgave of our own, so the seeded acties do not count.
    let b = app
        .sign_in_new("beheer", koers_backend::toegang::Rol::Beheerder, &[])
        .await;
    let r = app
        .gql_as(
            &Als::Sessie(&b),
            "mutation($i: OpgaveAanmakenInvoer!) { opgaveAanmaken(invoer: $i) { id } }",
            json!({ "i": { "actieplan": plan, "titel": "Trend" } }),
        )
        .await;
    let o = r["data"]["opgaveAanmaken"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{r:#}"))
        .to_string();
    let d = |s: &str| -> DateTime<Utc> { format!("{s}T12:00:00Z").parse().unwrap() };
    // x: created 3 Jan (in uitvoering), aandacht from 10 Jan, afgerond 20 Jan; y: created 15 Jan, risico.
    let x = new_actie(&app, &o, "x").await;
    let v = app
        .data(
            REPORT,
            json!({ "i": { "id": x, "versie": 1, "gezondheid": "AANDACHT", "gezondheidReden": "krap" } }),
        )
        .await;
    assert_eq!(v["actieVoortgangRapporteren"]["versie"], 2);
    rapporteer(&app, &x, 2, "AFGEROND", None).await;
    let y = new_actie(&app, &o, "y").await;
    app.data(
        REPORT,
        json!({ "i": { "id": y, "versie": 1, "gezondheid": "RISICO", "gezondheidReden": "geen geld" } }),
    )
    .await;
    dateer(&app, &x, 1, d("2026-01-03")).await;
    dateer(&app, &x, 2, d("2026-01-10")).await;
    dateer(&app, &x, 3, d("2026-01-20")).await;
    dateer(&app, &y, 1, d("2026-01-15")).await;
    dateer(&app, &y, 2, d("2026-01-15")).await;

    let vars = json!({ "o": o, "p": plan, "van": "2026-01-01T00:00:00Z", "tot": "2026-01-29T00:00:00Z",
                       "i": "WEEK" });
    let r = app.data(REEKS, vars).await;
    let punten = r["opgave"]["rollupReeks"].as_array().unwrap();
    let gez = |p: &Value, g: &str| {
        p["rollup"]["aantalPerGezondheid"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["gezondheid"] == g)
            .unwrap()["aantal"]
            .as_i64()
            .unwrap()
    };
    let zien: Vec<(String, i64, f64, i64, i64, i64)> = punten
        .iter()
        .map(|p| {
            (
                p["moment"].as_str().unwrap()[..10].to_string(),
                p["rollup"]["totaal"].as_i64().unwrap(),
                p["rollup"]["aandeelAfgerond"].as_f64().unwrap(),
                gez(p, "OP_KOERS"),
                gez(p, "AANDACHT"),
                gez(p, "RISICO"),
            )
        })
        .collect();
    let s = |d: &str| d.to_string();
    assert_eq!(
        zien,
        vec![
            (s("2026-01-01"), 0, 0.0, 0, 0, 0),
            (s("2026-01-08"), 1, 0.0, 0, 0, 0),
            (s("2026-01-15"), 1, 0.0, 0, 1, 0),
            (s("2026-01-22"), 2, 50.0, 0, 0, 1),
            (s("2026-01-29"), 2, 50.0, 0, 0, 1),
        ],
        "{r:#}"
    );
    let plan_punten = r["actieplan"]["rollupReeks"].as_array().unwrap();
    assert_eq!(plan_punten.len(), 5);
    assert!(plan_punten[4]["rollup"]["totaal"].as_i64().unwrap() >= 2);

    // Bounded: too many points, an end before the start, an end in the future.
    let fout = |van: &str, tot: Value, i: &str| json!({ "o": o, "p": plan, "van": van, "tot": tot, "i": i });
    for (vars, veld) in [
        (
            fout("2000-01-01T00:00:00Z", json!("2026-01-01T00:00:00Z"), "DAG"),
            "interval",
        ),
        (
            fout("2026-01-02T00:00:00Z", json!("2026-01-01T00:00:00Z"), "DAG"),
            "tot",
        ),
        (
            fout("2026-01-01T00:00:00Z", json!("2999-01-01T00:00:00Z"), "MAAND"),
            "tot",
        ),
    ] {
        let r = app.gql(REEKS, vars).await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{r:#}");
        assert_eq!(field(&r), veld, "{r:#}");
    }
}
