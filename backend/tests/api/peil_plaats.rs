//! `peilmoment` and the opgave: an actie as of a moment is in the opgave it was in then — moved by an edit or by
//! the beheer move to a successor plan — in `Opgave.acties`, the roll-ups, `actie(id)` and the root `acties`.

use crate::beheer_hulp::{PLAN_WIJZIGEN, VERPLAATSEN, ok, opgave, plan, thema_id};
use crate::helpers::{Als, TestApp, code, field, new_actie};
use crate::peil::{nu_na, rapporteer, raw_id};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};

/// Where everything stands; `{P}` becomes `(peilmoment: $t)` or nothing, `{PA}` `, peilmoment: $t`, `{T}` the
/// variable.
const PLAATS: &str = "query($oa: ID!, $ob: ID!, $na: ID!, $oud: ID!, $nieuw: ID!, $a: ID!{T}) {
    oa: opgave(id: $oa) { acties{P} { id opgave { id } status } rollup{P} { totaal } }
    ob: opgave(id: $ob) { acties{P} { id opgave { id } status } rollup{P} { totaal } }
    na: opgave(id: $na) { acties{P} { id opgave { id } status } rollup{P} { totaal } }
    oud: actieplan(id: $oud) { rollup{P} { totaal } }
    nieuw: actieplan(id: $nieuw) { rollup{P} { totaal } thema { rollup{P} { totaal } } }
    actie(id: $a{PA}) { id opgave { id } versie }
    inOb: acties(filter: { opgave: $ob }{PA}) { totalCount edges { node { id opgave { id } } } }
}";

fn plaats_query(peil: bool) -> String {
    let (p, pa, t) = match peil {
        true => ("(peilmoment: $t)", ", peilmoment: $t", ", $t: DateTime"),
        false => ("", "", ""),
    };
    PLAATS.replace("{PA}", pa).replace("{P}", p).replace("{T}", t)
}

const WIJZIGEN: &str = "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { versie } }";

fn ids(v: &Value) -> Vec<&str> {
    v["acties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn an_actie_as_of_a_moment_is_in_the_opgave_it_was_in_then() {
    let app = TestApp::spawn().await;
    let b = app
        .sign_in_new("beheer", koers_backend::toegang::Rol::Beheerder, &[])
        .await;
    let mh = thema_id(&app, "mensenhandel").await;
    let oud = plan(&app, &b, &mh, "Oud plan").await;
    let oa = opgave(&app, &b, &oud, "Preventie").await;
    let ob = opgave(&app, &b, &oud, "Overig").await;
    let nieuw = plan(&app, &b, &mh, "Nieuw plan").await;
    let na = opgave(&app, &b, &nieuw, "Preventie").await;
    let a1 = new_actie(&app, &oa, "Blijft tot de opvolger").await;
    let a2 = new_actie(&app, &ob, "Verhuist twee keer").await;
    let vars = |t: Option<DateTime<Utc>>| {
        let mut v = json!({ "oa": oa, "ob": ob, "na": na, "oud": oud, "nieuw": nieuw, "a": a2 });
        if let Some(t) = t {
            v["t"] = json!(t);
        }
        v
    };
    let recorded1 = app.data(&plaats_query(false), vars(None)).await;
    assert_eq!(ids(&recorded1["ob"]), [a2.as_str()], "{recorded1:#}");
    let t1 = nu_na();

    // Moved by an edit of the actie, within the plan.
    let d = app
        .data(WIJZIGEN, json!({ "i": { "id": a2, "versie": 1, "opgave": oa } }))
        .await;
    assert_eq!(d["actieWijzigen"]["versie"], 2);
    let recorded2 = app.data(&plaats_query(false), vars(None)).await;
    assert_eq!(ids(&recorded2["oa"]), [a1.as_str(), a2.as_str()], "{recorded2:#}");
    let t2 = nu_na();

    // Moved by beheer to the successor plan (same title: Preventie).
    ok(
        &app,
        &b,
        PLAN_WIJZIGEN,
        json!({ "i": { "id": oud, "versie": 1, "opvolger": nieuw } }),
    )
    .await;
    let d = ok(&app, &b, VERPLAATSEN, json!({ "p": oud })).await;
    assert_eq!(
        d["actiesNaarOpvolger"]["regels"].as_array().unwrap().len(),
        2,
        "{d:#}"
    );
    // A later progress report: the actie stays where it is now.
    rapporteer(&app, &a2, 3, "AFGEROND", None).await;

    let now = app.data(&plaats_query(false), vars(None)).await;
    assert_eq!(ids(&now["na"]), [a1.as_str(), a2.as_str()], "{now:#}");
    assert_eq!(now["oud"]["rollup"]["totaal"], 0, "{now:#}");
    for (t, recorded) in [(t1, &recorded1), (t2, &recorded2)] {
        let then = app.data(&plaats_query(true), vars(Some(t))).await;
        assert_eq!(
            &then, recorded,
            "as of {t} every opgave, roll-up and search has the acties it had then"
        );
    }
    let now_explicit = app.data(&plaats_query(true), vars(Some(Utc::now()))).await;
    assert_eq!(now_explicit, now, "peilmoment now is the current state");

    // The snapshot's reconstruction (what the job freezes at a meeting's start) puts it where it was too.
    let db = app.db().await;
    let plek = |s: &koers_backend::service::peil::stand::Stand| {
        s.plannen
            .iter()
            .flat_map(|p| p.opgaven.iter())
            .find(|o| o.acties.iter().any(|a| a.id == raw_id(&a2)))
            .map(|o| o.id)
    };
    for (t, opgave) in [(t1, &ob), (t2, &oa), (Utc::now(), &na)] {
        let s = koers_backend::service::peil::stand::stand_op(&db.reader, t)
            .await
            .unwrap();
        assert_eq!(plek(&s), Some(raw_id(opgave)), "in the snapshot as of {t}");
    }

    // The history says where each version was.
    let h = app
        .data(
            "query($id: ID!) { actie(id: $id) { historie { versie opgave { id } } } }",
            json!({ "id": a2 }),
        )
        .await;
    let waar: Vec<(i64, &str)> = h["actie"]["historie"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["versie"].as_i64().unwrap(), r["opgave"]["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        waar,
        [
            (1, ob.as_str()),
            (2, oa.as_str()),
            (3, na.as_str()),
            (4, na.as_str())
        ],
        "{h:#}"
    );
}

const ZOEK: &str = "query($f: ActieFilter, $t: DateTime, $first: Int, $after: String) {
    acties(filter: $f, peilmoment: $t, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id titel status voortgang versie } } } }";

fn nodes(d: &Value) -> Vec<(String, String)> {
    d["acties"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["node"]["titel"].as_str().unwrap().to_string(),
                e["node"]["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn root_acties_as_of_a_moment_filter_and_page_on_the_state_then() {
    let app = TestApp::spawn().await;
    let b = app
        .sign_in_new("beheer", koers_backend::toegang::Rol::Beheerder, &[])
        .await;
    let mh = thema_id(&app, "mensenhandel").await;
    let p = plan(&app, &b, &mh, "Zoekplan").await;
    let o = opgave(&app, &b, &p, "Zoeken").await;
    let x = new_actie(&app, &o, "x").await;
    let y = new_actie(&app, &o, "y").await;
    new_actie(&app, &o, "z").await;
    let t1 = nu_na();
    rapporteer(&app, &x, 1, "AFGEROND", None).await;
    new_actie(&app, &o, "w").await;
    let d = app
        .data(
            WIJZIGEN,
            json!({ "i": { "id": y, "versie": 1, "vertrouwelijk": true } }),
        )
        .await;
    assert_eq!(d["actieWijzigen"]["versie"], 2);

    let f = |extra: Value| {
        let mut f = json!({ "opgave": o });
        f.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        f
    };
    let q = |f: Value, t: Option<DateTime<Utc>>, first: i64, after: Value| json!({ "f": f, "t": t, "first": first, "after": after });
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());

    // Status as it was: x was in uitvoering then, afgerond now.
    let then = app
        .data(
            ZOEK,
            q(f(json!({ "status": ["AFGEROND"] })), Some(t1), 10, Value::Null),
        )
        .await;
    assert_eq!(nodes(&then), vec![], "{then:#}");
    let now = app
        .data(
            ZOEK,
            q(f(json!({ "status": ["AFGEROND"] })), None, 10, Value::Null),
        )
        .await;
    assert_eq!(nodes(&now), vec![s("x", "AFGEROND")], "{now:#}");

    // Pages of the moment: w did not exist yet; the cursor of page one leads to page two.
    let p1 = app.data(ZOEK, q(f(json!({})), Some(t1), 2, Value::Null)).await;
    assert_eq!(
        nodes(&p1),
        vec![s("x", "IN_UITVOERING"), s("y", "IN_UITVOERING")],
        "{p1:#}"
    );
    assert_eq!(p1["acties"]["totalCount"], 3);
    assert_eq!(p1["acties"]["pageInfo"]["hasNextPage"], true);
    let after = p1["acties"]["pageInfo"]["endCursor"].clone();
    let p2 = app.data(ZOEK, q(f(json!({})), Some(t1), 2, after)).await;
    assert_eq!(nodes(&p2), vec![s("z", "IN_UITVOERING")], "{p2:#}");
    assert_eq!(p2["acties"]["pageInfo"]["hasNextPage"], false);
    let x_then = &p1["acties"]["edges"][0]["node"];
    assert_eq!(
        (x_then["versie"].clone(), x_then["voortgang"].clone()),
        (json!(1), json!(10))
    );

    // What the viewer may not see now it does not see as it was either: y is confidential now.
    let open = app.new_token("open", false, false, None).await;
    let r = app
        .gql_as(
            &Als::Token(&open),
            ZOEK,
            q(f(json!({})), Some(t1), 10, Value::Null),
        )
        .await;
    assert!(r["errors"].is_null(), "{r:#}");
    let zien: Vec<String> = nodes(&r["data"]).into_iter().map(|(t, _)| t).collect();
    assert_eq!(zien, ["x", "z"], "{r:#}");

    // The future cannot be reconstructed.
    let r = app
        .gql(
            ZOEK,
            q(
                f(json!({})),
                Some(Utc::now() + TimeDelta::days(1)),
                10,
                Value::Null,
            ),
        )
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "{r:#}");
    assert_eq!(field(&r), "peilmoment", "{r:#}");
}
