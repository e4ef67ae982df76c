//! Roll-ups never tell what a viewer may not see: the figures of an opgave, plan and thema (on the dashboard, in
//! the presentation mode and in a subscription) count only the acties that viewer may see, and say how many
//! others there are — nothing more.

use crate::helpers::{Als, TestApp};
use crate::lekken::{Geheim, geheim};
use crate::subscriptions::Ws;
use serde_json::{Value, json};
use std::time::Duration;

const ROLLUPS: &str = "query($o: ID!, $p: ID!, $zonder: Boolean) {
    opgave(id: $o) { rollup(zonderVertrouwelijk: $zonder) { ...R } acties(vertrouwelijk: false) { status gezondheid } }
    actieplan(id: $p) { rollup(zonderVertrouwelijk: $zonder) { ...R } thema { rollup(zonderVertrouwelijk: $zonder) { ...R } } } }
    fragment R on Rollup { totaal aantalVerborgen slechtsteGezondheid gemiddeldeVoortgang
        aantalPerStatus { status aantal } aantalPerGezondheid { gezondheid aantal } }";

/// The roll-ups of the confidential actie's opgave, plan and thema as `als` sees them.
async fn rollups(app: &TestApp, als: &Als<'_>, g: &Geheim, zonder: bool) -> Value {
    let r = app
        .gql_as(
            als,
            ROLLUPS,
            json!({ "o": g.opgave, "p": g.plan, "zonder": zonder }),
        )
        .await;
    assert!(r.get("errors").is_none(), "{r:#}");
    r["data"].clone()
}

/// The opgave, plan and thema roll-up of an answer of [`ROLLUPS`].
fn niveaus(d: &Value) -> [(&'static str, &Value); 3] {
    [
        ("opgave", &d["opgave"]["rollup"]),
        ("plan", &d["actieplan"]["rollup"]),
        ("thema", &d["actieplan"]["thema"]["rollup"]),
    ]
}

fn telling(r: &Value, lijst: &str, sleutel: &str, waarde: &str) -> i64 {
    r[lijst]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x[sleutel] == waarde)
        .and_then(|x| x["aantal"].as_i64())
        .unwrap()
}

fn risico(r: &Value) -> i64 {
    telling(r, "aantalPerGezondheid", "gezondheid", "RISICO")
}

fn in_uitvoering(r: &Value) -> i64 {
    telling(r, "aantalPerStatus", "status", "IN_UITVOERING")
}

/// The worst health among the active acties of a list, as the roll-up computes it.
fn slechtste(acties: &Value) -> Value {
    let rang = |g: &Value| ["OP_KOERS", "AANDACHT", "RISICO"].iter().position(|x| g == x);
    acties
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "IN_UITVOERING" || a["status"] == "DOORLOPEND")
        .filter_map(|a| rang(&a["gezondheid"]).map(|r| (r, a["gezondheid"].clone())))
        .max_by_key(|(r, _)| *r)
        .map(|(_, g)| g)
        .unwrap_or(Value::Null)
}

/// `d` counts the confidential actie (in progress, at risk) exactly when `alles` does, less one otherwise.
fn zonder_het_geheim(wie: &str, d: &Value, alles: &Value) {
    for ((niveau, r), (_, a)) in niveaus(d).into_iter().zip(niveaus(alles)) {
        assert_eq!(r["aantalVerborgen"], 1, "{wie} {niveau}: {r:#}");
        assert_eq!(
            r["totaal"].as_i64().unwrap(),
            a["totaal"].as_i64().unwrap() - 1,
            "{wie} {niveau}"
        );
        assert_eq!(in_uitvoering(r), in_uitvoering(a) - 1, "{wie} {niveau}");
        assert_eq!(
            risico(r),
            risico(a) - 1,
            "{wie} {niveau}: the hidden health shows"
        );
    }
    // The opgave's figures are exactly those of the acties the viewer is shown.
    let acties = &d["opgave"]["acties"];
    let r = &d["opgave"]["rollup"];
    assert_eq!(
        r["totaal"].as_u64().unwrap() as usize,
        acties.as_array().unwrap().len(),
        "{wie}"
    );
    assert_eq!(r["slechtsteGezondheid"], slechtste(acties), "{wie}: {d:#}");
}

#[tokio::test]
async fn roll_ups_count_only_what_the_viewer_may_see_and_say_how_many_are_hidden() {
    let app = TestApp::spawn().await;
    let g = geheim(&app).await;
    let crate::helpers::Kijkers {
        lezer,
        open_token,
        ander_thema,
        vertrouwd,
    } = crate::helpers::Kijkers::new(&app).await;
    let alles = rollups(&app, &Als::Token(&app.token), &g, false).await;
    for (niveau, r) in niveaus(&alles) {
        assert_eq!(r["aantalVerborgen"], 0, "{niveau}: {r:#}");
        assert!(risico(r) >= 1, "{niveau} counts the confidential risk: {r:#}");
    }

    for (wie, als) in [
        ("anoniem", Als::Anoniem),
        ("token zonder vertrouwelijk", Als::Token(&open_token)),
    ] {
        let d = rollups(&app, &als, &g, false).await;
        zonder_het_geheim(wie, &d, &alles);
    }
    // Who may see it, sees it counted; the presentation mode leaves it out even for them.
    for (wie, als) in [
        ("lezer", Als::Sessie(&lezer)),
        ("vertrouwelijk token", Als::Token(&vertrouwd)),
    ] {
        let d = rollups(&app, &als, &g, false).await;
        for ((niveau, r), (_, a)) in niveaus(&d).into_iter().zip(niveaus(&alles)) {
            assert_eq!(r, a, "{wie} {niveau}");
        }
        let d = rollups(&app, &als, &g, true).await;
        zonder_het_geheim(&format!("{wie} (presentatie)"), &d, &alles);
    }
    // A token of another thema sees neither the opgave nor the plan, and its own thema hides nothing.
    let r = app
        .gql_as(
            &Als::Token(&ander_thema),
            ROLLUPS,
            json!({ "o": g.opgave, "p": g.plan }),
        )
        .await;
    assert_eq!(r["data"]["opgave"], Value::Null, "{r:#}");
    assert_eq!(r["data"]["actieplan"], Value::Null, "{r:#}");
    let r = app
        .gql_as(
            &Als::Token(&ander_thema),
            "{ themas { naam rollup { aantalVerborgen } actieplannen { rollup { aantalVerborgen } } } }",
            json!({}),
        )
        .await;
    assert_eq!(r["data"]["themas"].as_array().unwrap().len(), 1, "{r:#}");
    assert!(!r.to_string().contains("\"aantalVerborgen\":1"), "{r:#}");
}

#[tokio::test]
async fn one_viewers_roll_up_never_serves_another_at_the_same_time() {
    let app = TestApp::spawn().await;
    let g = geheim(&app).await;
    let alles = rollups(&app, &Als::Token(&app.token), &g, false).await;
    let anoniem = rollups(&app, &Als::Anoniem, &g, false).await;
    assert_ne!(alles, anoniem);
    // Many requests at once share the batch loaders; each still gets its own view.
    let token = app.token.clone();
    let runs = (0..16).map(|i| {
        let (app, g, token) = (&app, &g, &token);
        async move {
            let als = if i % 2 == 0 {
                Als::Anoniem
            } else {
                Als::Token(token)
            };
            (i, rollups(app, &als, g, false).await)
        }
    });
    for (i, d) in futures_util::future::join_all(runs).await {
        let verwacht = if i % 2 == 0 { &anoniem } else { &alles };
        assert_eq!(&d, verwacht, "request {i}");
    }
}

const LIVE: &str = "subscription($p: ID, $zonder: Boolean) { actieGewijzigd(actieplan: $p, zonderVertrouwelijk: $zonder) {
    actie { id } verborgen opgave { id } opgaveRollup { totaal aantalVerborgen aantalPerGezondheid { gezondheid aantal } } } }";

#[tokio::test]
async fn a_live_roll_up_counts_only_what_its_subscriber_may_see() {
    let app = TestApp::spawn().await;
    let g = geheim(&app).await;
    let open_token = app.new_token("open", false, false, None).await;
    let vertrouwd_token = app.new_token("ws", false, true, None).await;
    let met = |t: &str| json!({ "authorization": format!("Bearer {t}") });
    let mut anoniem = Ws::connect(&app).await;
    let mut open = Ws::connect_with(&app, &[], met(&open_token)).await.unwrap();
    let mut vertrouwd = Ws::connect_with(&app, &[], met(&vertrouwd_token)).await.unwrap();
    let mut presentatie = Ws::connect_with(&app, &[], met(&vertrouwd_token)).await.unwrap();
    for (ws, zonder) in [
        (&mut anoniem, false),
        (&mut open, false),
        (&mut vertrouwd, false),
        (&mut presentatie, true),
    ] {
        ws.send(json!({ "id": "1", "type": "subscribe",
                        "payload": { "query": LIVE, "variables": { "p": g.plan, "zonder": zonder } } }))
            .await;
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while app.services.events.receiver_count() < 4 {
        if tokio::time::Instant::now() > deadline {
            // Say what the sockets were told instead of listening.
            let mut seen = Vec::new();
            for ws in [&mut anoniem, &mut open, &mut vertrouwd, &mut presentatie] {
                seen.push(ws.recv(Duration::from_millis(200)).await);
            }
            panic!("4 subscriptions did not listen in time; the sockets got {seen:?}");
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": g.actie, "versie": 2, "voortgang": 70 } }),
    )
    .await;

    let ontvang = async |ws: &mut Ws, wie: &str| {
        let m = ws
            .recv(Duration::from_secs(10))
            .await
            .unwrap_or_else(|| panic!("{wie}: an event"));
        m["payload"]["data"]["actieGewijzigd"].clone()
    };
    let v = ontvang(&mut vertrouwd, "vertrouwd").await;
    assert_eq!(v["actie"]["id"], g.actie.as_str(), "{v:#}");
    let alles = &v["opgaveRollup"];
    assert_eq!(alles["aantalVerborgen"], 0, "{v:#}");
    for (wie, ws) in [
        ("anoniem", &mut anoniem),
        ("token zonder vertrouwelijk", &mut open),
        ("presentatie", &mut presentatie),
    ] {
        let e = ontvang(ws, wie).await;
        assert_eq!(e["actie"], Value::Null, "{wie}: {e:#}");
        assert_eq!(e["verborgen"], Value::Null, "{wie}: {e:#}");
        assert_eq!(e["opgave"]["id"], g.opgave.as_str(), "{wie}");
        let r = &e["opgaveRollup"];
        assert_eq!(r["aantalVerborgen"], 1, "{wie}: {e:#}");
        assert_eq!(
            r["totaal"].as_i64().unwrap(),
            alles["totaal"].as_i64().unwrap() - 1,
            "{wie}"
        );
        assert_eq!(risico(r), risico(alles) - 1, "{wie}: the hidden health shows");
    }
}

const TRENDS: &str = "query($van: DateTime!, $tot: DateTime) { themas { actieplannen { id
    rollup { totaal aantalVerborgen aandeelAfgerond }
    rollupReeks(van: $van, tot: $tot, interval: MAAND) { moment rollup { totaal aantalVerborgen aandeelAfgerond } } } } }";

const TREND: &str = "query($p: ID!, $van: DateTime!, $tot: DateTime) { actieplan(id: $p) {
    rollupReeks(van: $van, tot: $tot, interval: MAAND) { moment rollup { totaal aantalVerborgen aandeelAfgerond } } } }";

/// Every plan's `(id, rollup, rollupReeks)` of one [`TRENDS`] request as `als`.
async fn trends(app: &TestApp, als: &Als<'_>, vars: Value) -> Vec<(String, Value, Value)> {
    let r = app.gql_as(als, TRENDS, vars).await;
    assert!(r.get("errors").is_none(), "{r:#}");
    let themas = r["data"]["themas"].as_array().unwrap();
    themas
        .iter()
        .flat_map(|t| t["actieplannen"].as_array().unwrap().clone())
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["rollup"].clone(),
                p["rollupReeks"].clone(),
            )
        })
        .collect()
}

/// The board asks every plan's trend in one request (one batch): each plan's series is the one it gets alone,
/// ends at its roll-up of now, and counts the confidential actie only for a reader who may see it.
#[tokio::test]
async fn every_plans_trend_in_one_request_is_its_own_and_hides_what_the_reader_may_not_see() {
    let app = TestApp::spawn().await;
    let g = geheim(&app).await;
    let vertrouwd_token = app.new_token("trend", false, true, None).await;
    let van = chrono::Utc::now() - chrono::TimeDelta::days(90);
    let tot = chrono::Utc::now() - chrono::TimeDelta::seconds(1);
    let mut laatste_totaal = Vec::new();
    for als in [Als::Anoniem, Als::Token(&vertrouwd_token)] {
        let nu = trends(&app, &als, json!({ "van": van })).await;
        assert!(nu.len() >= 2, "the seed has several plans");
        for (id, rollup, reeks) in &nu {
            let punten = reeks.as_array().unwrap();
            assert!(punten.len() >= 4, "{id}: 90 days monthly and now: {reeks:#}");
            assert_eq!(
                &punten[punten.len() - 1]["rollup"],
                rollup,
                "{id}: the last point is now"
            );
        }
        let (_, plan, _) = nu.iter().find(|(id, ..)| *id == g.plan).unwrap();
        laatste_totaal.push((plan["totaal"].clone(), plan["aantalVerborgen"].clone()));
        for (id, _, reeks) in trends(&app, &als, json!({ "van": van, "tot": tot })).await {
            let alleen = app
                .gql_as(&als, TREND, json!({ "p": id, "van": van, "tot": tot }))
                .await;
            assert_eq!(
                alleen["data"]["actieplan"]["rollupReeks"], reeks,
                "{id} alone: {alleen:#}"
            );
        }
    }
    let [(anoniem, anoniem_verborgen), (vertrouwd, vertrouwd_verborgen)] = &laatste_totaal[..] else {
        unreachable!()
    };
    assert_eq!(anoniem.as_i64().unwrap() + 1, vertrouwd.as_i64().unwrap());
    assert_eq!((anoniem_verborgen, vertrouwd_verborgen), (&json!(1), &json!(0)));
}
