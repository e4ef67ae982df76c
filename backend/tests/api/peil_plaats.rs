//! `peilmoment` and the opgave: an actie as of a moment is in the opgave it was in then — moved by an edit or by
//! the beheer move to a successor plan — in `Opgave.acties`, the roll-ups and `actie(id)`.

use crate::beheer_hulp::{PLAN_WIJZIGEN, VERPLAATSEN, ok, opgave, plan, thema_id};
use crate::helpers::{TestApp, new_actie};
use crate::peil::{nu_na, rapporteer};
use chrono::{DateTime, Utc};
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
            "as of {t} every opgave and roll-up has the acties it had then"
        );
    }
    let now_explicit = app.data(&plaats_query(true), vars(Some(Utc::now()))).await;
    assert_eq!(now_explicit, now, "peilmoment now is the current state");

    // The history says where each version was.
    let h = app
        .data(
            "query($id: ID!) { actie(id: $id) { historie { versie velden } } }",
            json!({ "id": a2 }),
        )
        .await;
    assert_eq!(h["actie"]["historie"].as_array().unwrap().len(), 4, "{h:#}");
}
