//! Reading a frozen snapshot back after an actie moved to a plan in another thema: it shows only to a reader who
//! may see it both where it was (the plan's thema at freeze time) and where it is now.

use crate::beheer_hulp::{opgave, plan, thema_id};
use crate::helpers::{Als, TestApp, new_actie};
use crate::rvo_stand::{STAND, VASTLEGGEN, VERGELIJK, acties_van, vergadering};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

#[tokio::test]
async fn a_snapshot_hides_an_actie_moved_since_from_who_may_not_see_where_it_is_now() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let mh = thema_id(&app, "mensenhandel").await;
    let dv = thema_id(&app, "digitale-veiligheid").await;
    let oud = plan(&app, &b, &mh, "Oud plan").await;
    let oa = opgave(&app, &b, &oud, "Preventie").await;
    let nieuw = plan(&app, &b, &dv, "Nieuw plan").await;
    let na = opgave(&app, &b, &nieuw, "Preventie").await;
    let a = new_actie(&app, &oa, "Verhuist naar dv").await;
    let v = vergadering(&app, &b, "2026-06-01").await;
    let r = app.gql_as(&Als::Sessie(&b), VASTLEGGEN, json!({ "v": v })).await;
    assert!(r["errors"].is_null(), "{r:#}");

    let alleen_mh = app.new_token("mh", false, false, Some(&["mensenhandel"])).await;
    let beide = app
        .new_token(
            "beide",
            false,
            false,
            Some(&["mensenhandel", "digitale-veiligheid"]),
        )
        .await;
    let lees = |tok: &str, q: &str, vars: Value| {
        let (app, tok, q) = (&app, tok.to_string(), q.to_string());
        async move {
            let r = app.gql_as(&Als::Token(&tok), &q, vars).await;
            assert!(r.get("errors").is_none(), "{r:#}");
            r["data"].clone()
        }
    };
    let ziet = |d: &Value| acties_van(&d["rvoStand"]).iter().any(|x| x["id"] == a.as_str());
    let verborgen = |d: &Value| -> i64 {
        d["rvoStand"]["plannen"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == oud.as_str())
            .map(|p| p["rollup"]["aantalVerborgen"].as_i64().unwrap())
            .unwrap_or_else(|| panic!("the old plan in {d:#}"))
    };
    let d = lees(&alleen_mh, STAND, json!({ "v": v })).await;
    assert!(ziet(&d), "before the move the mh reader sees it: {d:#}");
    assert_eq!(verborgen(&d), 0);

    // Moved by an edit to an opgave of a plan in dv, a thema the mh reader may not read.
    let w = app
        .data(
            "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { versie opgave { id } } }",
            json!({ "i": { "id": a, "versie": 1, "opgave": na } }),
        )
        .await;
    assert_eq!(w["actieWijzigen"]["opgave"]["id"], na.as_str());

    let d = lees(&alleen_mh, STAND, json!({ "v": v })).await;
    assert!(!ziet(&d), "the mh reader no longer sees it where it was: {d:#}");
    assert_eq!(verborgen(&d), 1, "it counts as hidden: {d:#}");
    let d = lees(&alleen_mh, VERGELIJK, json!({ "van": v })).await;
    let vs = d["rvoVergelijking"]["verschillen"].as_array().unwrap();
    assert!(
        vs.iter().all(|x| x["actie"] != a.as_str()),
        "nor in the comparison with now: {d:#}"
    );

    let d = lees(&beide, STAND, json!({ "v": v })).await;
    assert!(ziet(&d), "who may see both still sees it: {d:#}");
    assert_eq!(verborgen(&d), 0);
    let d = app.data(STAND, json!({ "v": v })).await;
    assert!(ziet(&d), "so does a reader of everything: {d:#}");
}
