//! `aantalTeLaat` on plans and opgaven: the acties in progress whose last update lies more than `weken` weeks
//! before `peildatum`, counted by the shared rule over what the viewer may see (confidential work only for
//! those who may see it, never in the presentation mode), and BAD_USER_INPUT on bad `weken`.

use crate::helpers::{Als, TestApp, code, field, plan_ids};
use crate::lekken::geheim;
use chrono::{Days, NaiveDate, Utc};
use serde_json::{Value, json};

const TE_LAAT: &str = "query($d: NaiveDate!, $w: Int, $zonder: Boolean) { themas { actieplannen { id
    aantalTeLaat(peildatum: $d, weken: $w, zonderVertrouwelijk: $zonder)
    opgaven { id aantalTeLaat(peildatum: $d, weken: $w, zonderVertrouwelijk: $zonder) } } } }";

const ACTIES: &str = "query($o: ID!) { opgave(id: $o) { acties { id status versie gewijzigdOp historie { versie tijdstip } } } }";

/// `aantalTeLaat` per plan and opgave id as `als` sees it.
async fn tellingen(
    app: &TestApp,
    als: &Als<'_>,
    d: NaiveDate,
    w: Option<i64>,
    zonder: bool,
) -> Vec<(String, i64)> {
    let r = app
        .gql_as(als, TE_LAAT, json!({ "d": d, "w": w, "zonder": zonder }))
        .await;
    assert!(r.get("errors").is_none(), "{r:#}");
    let mut uit = Vec::new();
    for t in r["data"]["themas"].as_array().unwrap() {
        for p in t["actieplannen"].as_array().unwrap() {
            uit.push((
                p["id"].as_str().unwrap().to_string(),
                p["aantalTeLaat"].as_i64().unwrap(),
            ));
            for o in p["opgaven"].as_array().unwrap() {
                uit.push((
                    o["id"].as_str().unwrap().to_string(),
                    o["aantalTeLaat"].as_i64().unwrap(),
                ));
            }
        }
    }
    uit
}

fn van(t: &[(String, i64)], id: &str) -> i64 {
    t.iter()
        .find(|(i, _)| i == id)
        .map(|(_, n)| *n)
        .unwrap_or_else(|| panic!("{id} not counted"))
}

/// The acties of `opgave` overdue at `grens`, recomputed from their history as the board did in the browser.
fn opnieuw_geteld(acties: &Value, grens: NaiveDate) -> i64 {
    let grens = grens.to_string();
    acties
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "IN_UITVOERING" || a["status"] == "DOORLOPEND")
        .filter(|a| {
            let laatste = a["historie"]
                .as_array()
                .and_then(|h| h.iter().max_by_key(|r| r["versie"].as_i64()))
                .and_then(|r| r["tijdstip"].as_str())
                .or_else(|| a["gewijzigdOp"].as_str())
                .unwrap();
            laatste[..10] < *grens
        })
        .count() as i64
}

#[tokio::test]
async fn overdue_counts_follow_the_history_and_an_update_ends_them() {
    let app = TestApp::spawn().await;
    let vandaag = Utc::now().date_naive();
    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    // Far ahead every actie in progress is overdue, far back none is.
    let later = vandaag.checked_add_days(Days::new(400)).unwrap();
    let t = tellingen(&app, &Als::Token(&app.token), later, Some(4), false).await;
    let mut som = 0;
    for o in &opgaven {
        let d = app.data(ACTIES, json!({ "o": o })).await;
        let acties = &d["opgave"]["acties"];
        let verwacht = opnieuw_geteld(acties, later.checked_sub_days(Days::new(28)).unwrap());
        assert_eq!(van(&t, o), verwacht, "opgave {o}: {acties:#}");
        som += verwacht;
    }
    assert!(som > 0, "the plan has acties in progress");
    assert_eq!(van(&t, &plan), som, "the plan counts its opgaven together");
    let eerder = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let t = tellingen(&app, &Als::Token(&app.token), eerder, None, false).await;
    assert!(t.iter().all(|(_, n)| *n == 0), "{t:?}");

    // An update makes an overdue actie recent: one less overdue, in its opgave and its plan.
    let grens = vandaag.checked_sub_days(Days::new(7)).unwrap();
    let voor = tellingen(&app, &Als::Token(&app.token), vandaag, Some(1), false).await;
    let mut gevonden = None;
    for o in &opgaven {
        let d = app.data(ACTIES, json!({ "o": o })).await;
        let a = d["opgave"]["acties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| opnieuw_geteld(&json!([a]), grens) == 1)
            .cloned();
        if let Some(a) = a {
            gevonden = Some((o.clone(), a));
            break;
        }
    }
    let (o, a) = gevonden.expect("a seeded actie in progress without an update for a week");
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": a["id"], "versie": a["versie"], "voortgang": 55 } }),
    )
    .await;
    let na = tellingen(&app, &Als::Token(&app.token), vandaag, Some(1), false).await;
    for id in [&o, &plan] {
        assert_eq!(van(&na, id), van(&voor, id) - 1, "{id}");
    }
}

#[tokio::test]
async fn overdue_counts_only_what_the_viewer_may_see() {
    let app = TestApp::spawn().await;
    let g = geheim(&app).await;
    let crate::helpers::Kijkers {
        lezer,
        open_token,
        ander_thema,
        vertrouwd,
    } = crate::helpers::Kijkers::new(&app).await;
    // A year ahead the fresh confidential actie in progress is overdue too.
    let d = Utc::now().date_naive().checked_add_days(Days::new(365)).unwrap();
    let alles = tellingen(&app, &Als::Token(&app.token), d, None, false).await;
    assert!(van(&alles, &g.opgave) >= 1);
    let zonder_geheim = |wie: &str, t: &[(String, i64)]| {
        for id in [&g.opgave, &g.plan] {
            assert_eq!(van(t, id), van(&alles, id) - 1, "{wie} {id}");
        }
    };
    for (wie, als) in [
        ("anoniem", Als::Anoniem),
        ("token zonder vertrouwelijk", Als::Token(&open_token)),
    ] {
        zonder_geheim(wie, &tellingen(&app, &als, d, None, false).await);
    }
    for (wie, als) in [
        ("lezer", Als::Sessie(&lezer)),
        ("vertrouwelijk token", Als::Token(&vertrouwd)),
    ] {
        let t = tellingen(&app, &als, d, None, false).await;
        for id in [&g.opgave, &g.plan] {
            assert_eq!(van(&t, id), van(&alles, id), "{wie} {id}");
        }
        zonder_geheim(
            &format!("{wie} (presentatie)"),
            &tellingen(&app, &als, d, None, true).await,
        );
    }
    // Another thema's token sees neither the plan nor its count.
    let t = tellingen(&app, &Als::Token(&ander_thema), d, None, false).await;
    assert!(t.iter().all(|(id, _)| id != &g.plan && id != &g.opgave), "{t:?}");
}

#[tokio::test]
async fn weeks_outside_the_shared_limits_are_bad_user_input() {
    let app = TestApp::spawn().await;
    for w in [0, -1, 53] {
        let r = app
            .gql(TE_LAAT, json!({ "d": "2026-12-02", "w": w, "zonder": false }))
            .await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "weken {w}: {r:#}");
        assert_eq!(field(&r), "weken", "weken {w}");
    }
    let r = app.gql(TE_LAAT, json!({ "d": "2026-13-02" })).await;
    assert!(r.get("errors").is_some(), "{r:#}");
}
