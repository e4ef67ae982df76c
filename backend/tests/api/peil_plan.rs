//! `peilmoment` on plans: `actieplan(id, peilmoment)` and `actieplannen(…, peilmoment)` answer the plan's own
//! fields as the beheer history recorded them then, with its opgaven, roll-ups and acties of that moment; a plan
//! that did not exist yet is absent, one moved between thema's shows only to who may see both.

use crate::beheer_hulp::{OPGAVE_WIJZIGEN, PLAN_WIJZIGEN, ok, opgave, plan, thema_id};
use crate::helpers::{Als, TestApp, code, field, new_actie};
use crate::peil::{nu_na, rapporteer};
use chrono::{DateTime, TimeDelta, Utc};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

/// One plan with everything that follows its moment; `{P}` becomes `, peilmoment: $t` or nothing, `{T}` the
/// variable.
const PLAN: &str = "query($p: ID!{T}) { actieplan(id: $p{P}) { id titel status periodeTot
    vastgesteldOp versie thema { id } rollup { totaal aantalPerStatus { status aantal } }
    opgaven { id titel volgorde versie rollup { totaal } acties { id status versie } actieplan { titel } } } }";

const LIJST: &str = "query($th: ID, $t: DateTime) { actieplannen(thema: $th, peilmoment: $t) { id titel } }";

fn plan_query(peil: bool) -> String {
    let (p, t) = match peil {
        true => (", peilmoment: $t", ", $t: DateTime"),
        false => ("", ""),
    };
    PLAN.replace("{P}", p).replace("{T}", t)
}

/// The ids and titles of `actieplannen` in `d`.
fn lijst(d: &Value) -> Vec<(String, String)> {
    d["actieplannen"]
        .as_array()
        .unwrap_or_else(|| panic!("{d:#}"))
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["titel"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_plan_as_of_a_moment_is_exactly_what_was_read_then() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let t0 = nu_na();
    let p = plan(&app, &b, &mh, "Plan toen").await;
    let o1 = opgave(&app, &b, &p, "Eerste").await;
    let a = new_actie(&app, &o1, "A").await;
    let recorded = app.data(&plan_query(false), json!({ "p": p })).await;
    let t1 = nu_na();

    // Later: the plan's own fields, an opgave renamed, a new opgave, a report, a new actie.
    ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": p, "versie": 1, "titel": "Plan nu", "periodeTot": 2031, "vastgesteldOp": "2027-03" } }),
    )
    .await;
    ok(
        &app,
        &b,
        OPGAVE_WIJZIGEN,
        json!({ "i": { "id": o1, "versie": 1, "titel": "Eerste nu" } }),
    )
    .await;
    opgave(&app, &b, &p, "Tweede").await;
    rapporteer(&app, &a, 1, "AFGEROND", None).await;
    new_actie(&app, &o1, "B").await;

    let now = app.data(&plan_query(false), json!({ "p": p })).await;
    assert_eq!(now["actieplan"]["titel"], "Plan nu", "{now:#}");
    assert_eq!(now["actieplan"]["opgaven"].as_array().unwrap().len(), 2);
    assert_ne!(now, recorded, "the changes show now");
    let then = app.data(&plan_query(true), json!({ "p": p, "t": t1 })).await;
    assert_eq!(
        then, recorded,
        "as of the recorded moment the plan, its opgaven, roll-ups and acties are exactly as read then"
    );
    let now_explicit = app
        .data(&plan_query(true), json!({ "p": p, "t": Utc::now() }))
        .await;
    assert_eq!(now_explicit, now, "peilmoment now is the current state");

    // Before it existed: null, and absent from the list; the list says the title of then.
    let early = app.data(&plan_query(true), json!({ "p": p, "t": t0 })).await;
    assert_eq!(early["actieplan"], Value::Null, "{early:#}");
    let ids = |d: &Value| lijst(d).into_iter().map(|(id, _)| id).collect::<Vec<_>>();
    let l0 = app.data(LIJST, json!({ "th": mh, "t": t0 })).await;
    assert!(!ids(&l0).contains(&p), "{l0:#}");
    let l1 = app.data(LIJST, json!({ "th": mh, "t": t1 })).await;
    assert!(lijst(&l1).contains(&(p.clone(), "Plan toen".into())), "{l1:#}");
    let ln = app.data(LIJST, json!({ "th": mh })).await;
    assert!(lijst(&ln).contains(&(p.clone(), "Plan nu".into())), "{ln:#}");
    // The seeded plans existed at their source's date, and each existed before now.
    let alle_nu = app.data(LIJST, json!({})).await;
    let alle_toen = app.data(LIJST, json!({ "t": t1 })).await;
    assert_eq!(
        ids(&alle_toen),
        ids(&alle_nu),
        "every plan of now already existed at t1"
    );

    // The future cannot be reconstructed.
    let later = Utc::now() + TimeDelta::days(1);
    for (q, v) in [
        (plan_query(true), json!({ "p": p, "t": later })),
        (LIJST.to_string(), json!({ "t": later })),
    ] {
        let r = app.gql(&q, v).await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{r:#}");
        assert_eq!(field(&r), "peilmoment", "{r:#}");
    }
}

#[tokio::test]
async fn a_plan_moved_to_another_thema_shows_as_of_then_only_to_who_may_see_both() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let dv = thema_id(&app, "digitale-veiligheid").await;
    let p = plan(&app, &b, &mh, "Verhuisplan").await;
    let o = opgave(&app, &b, &p, "Opgave").await;
    new_actie(&app, &o, "Actie").await;
    let t1 = nu_na();
    ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": p, "versie": 1, "thema": dv } }),
    )
    .await;

    let alleen_mh = app.new_token("mh", false, false, Some(&["mensenhandel"])).await;
    let alleen_dv = app
        .new_token("dv", false, false, Some(&["digitale-veiligheid"]))
        .await;
    let beide = app
        .new_token(
            "beide",
            false,
            false,
            Some(&["mensenhandel", "digitale-veiligheid"]),
        )
        .await;
    let lees = |tok: String, q: String, v: Value| {
        let app = &app;
        async move {
            let r = app.gql_as(&Als::Token(&tok), &q, v).await;
            assert!(r.get("errors").is_none(), "{r:#}");
            r["data"].clone()
        }
    };
    let vars = |t: Option<DateTime<Utc>>| match t {
        Some(t) => json!({ "p": p, "t": t }),
        None => json!({ "p": p }),
    };
    let ids = |d: &Value| lijst(d).into_iter().map(|(id, _)| id).collect::<Vec<_>>();

    // Where it was then but not now, or now but not then: not there.
    for tok in [&alleen_mh, &alleen_dv] {
        let d = lees(tok.clone(), plan_query(true), vars(Some(t1))).await;
        assert_eq!(d["actieplan"], Value::Null, "{d:#}");
        let l = lees(tok.clone(), LIJST.into(), json!({ "t": t1 })).await;
        assert!(!ids(&l).contains(&p), "{l:#}");
    }
    let d = lees(alleen_dv.clone(), plan_query(false), vars(None)).await;
    assert_eq!(d["actieplan"]["id"], p.as_str(), "now it is in dv: {d:#}");

    // Who may see both sees it, in the thema of then.
    let d = lees(beide.clone(), plan_query(true), vars(Some(t1))).await;
    assert_eq!(d["actieplan"]["thema"]["id"], mh.as_str(), "{d:#}");
    assert_eq!(d["actieplan"]["rollup"]["totaal"], 1, "{d:#}");
    let l = lees(beide.clone(), LIJST.into(), json!({ "th": mh, "t": t1 })).await;
    assert!(ids(&l).contains(&p), "{l:#}");
    let l = lees(beide, LIJST.into(), json!({ "th": dv, "t": t1 })).await;
    assert!(
        !ids(&l).contains(&p),
        "the thema filter is the thema of then: {l:#}"
    );
}
