//! The answer cache: a kept answer is only ever served to the same viewer, never after a write it does not
//! show (also another instance's, on PostgreSQL), never for a mutation; repeated queries are answered from it.

use crate::helpers::{Als, Kijkers, TestApp, plan_ids};
use crate::lekken::geheim;
use koers_backend::config::{Antwoordcache, Settings};
use serde_json::{Value, json};
use std::time::Duration;

/// Everything a reader can walk down to the acties, in one request.
const BOOM: &str = "{ themas { id actieplannen { id rollup { totaal }
    opgaven { id rollup { totaal } acties { id titel versie gezondheid } } } } }";

/// Kept answers stay fresh for an hour: only a change of the data version makes them anew.
fn lang(s: &mut Settings) {
    s.antwoordcache = Some(Antwoordcache {
        houdbaar: Duration::from_secs(3600),
        ..Antwoordcache::default()
    });
    s.metrics_addr = Some("127.0.0.1:0".parse().unwrap());
}

/// The number of answers served from the cache so far.
async fn treffers(app: &TestApp) -> f64 {
    let addr = app.metrics_addr.expect("metrics are on");
    let text = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|l| {
            l.strip_prefix("koers_graphql_answer_cache_hits_total ")?
                .parse()
                .ok()
        })
        .unwrap_or(0.0)
}

/// The title of actie `id` as `als` sees it through [`BOOM`].
fn titel_in(boom: &Value, id: &str) -> Option<String> {
    let text = boom.to_string();
    if !text.contains(id) {
        return None;
    }
    boom["data"]["themas"].as_array()?.iter().find_map(|t| {
        t["actieplannen"].as_array()?.iter().find_map(|p| {
            p["opgaven"].as_array()?.iter().find_map(|o| {
                o["acties"].as_array()?.iter().find_map(|a| {
                    (a["id"] == id).then(|| a["titel"].as_str().unwrap_or_default().to_string())
                })
            })
        })
    })
}

#[tokio::test]
async fn a_kept_answer_is_only_served_to_the_same_viewer() {
    let app = TestApp::spawn_with(lang).await;
    let g = geheim(&app).await;
    let k = Kijkers::new(&app).await;
    let alles = Als::Token(&app.token);
    let vertrouwd = Als::Token(&k.vertrouwd);
    let open = Als::Token(&k.open_token);
    let lezer = Als::Sessie(&k.lezer);
    let ander = Als::Token(&k.ander_thema);
    // In both orders: who may see it first, then who may not, and back (a signed-in person sees
    // confidential work; a token only when it says so, for its thema's).
    let volgorde = [
        ("alles", &alles, true),
        ("anoniem", &Als::Anoniem, false),
        ("open token", &open, false),
        ("lezer", &lezer, true),
        ("ander thema", &ander, false),
        ("vertrouwd", &vertrouwd, true),
        ("anoniem", &Als::Anoniem, false),
        ("alles", &alles, true),
    ];
    for (wie, als, ziet) in volgorde {
        let eerste = app.gql_as(als, BOOM, json!({})).await;
        let tweede = app.gql_as(als, BOOM, json!({})).await;
        assert_eq!(eerste, tweede, "{wie}: the same viewer gets the same answer");
        assert_eq!(titel_in(&eerste, &g.actie).is_some(), ziet, "{wie}");
    }
    assert!(
        treffers(&app).await >= 8.0,
        "repeated queries are served from the cache"
    );
}

#[tokio::test]
async fn a_write_shows_at_once_however_fresh_the_kept_answer() {
    let app = TestApp::spawn_with(lang).await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let id = crate::helpers::new_actie(&app, &opgaven[0], "Bewaarproef eerste titel").await;
    for als in [Als::Anoniem, Als::Token(&app.token)] {
        let voor = app.gql_as(&als, BOOM, json!({})).await;
        assert_eq!(titel_in(&voor, &id).as_deref(), Some("Bewaarproef eerste titel"));
    }
    let voor = treffers(&app).await;
    assert_eq!(
        titel_in(&app.gql_as(&Als::Anoniem, BOOM, json!({})).await, &id).as_deref(),
        Some("Bewaarproef eerste titel")
    );
    assert_eq!(
        treffers(&app).await,
        voor + 1.0,
        "the second read was served from the cache"
    );
    let d = app
        .data(
            "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { id } }",
            json!({ "i": { "id": id, "versie": 1, "titel": "Bewaarproef tweede titel" } }),
        )
        .await;
    assert_eq!(d["actieWijzigen"]["id"], Value::String(id.clone()));
    for als in [Als::Anoniem, Als::Token(&app.token)] {
        let na = app.gql_as(&als, BOOM, json!({})).await;
        assert_eq!(
            titel_in(&na, &id).as_deref(),
            Some("Bewaarproef tweede titel"),
            "{na}"
        );
    }
}

#[tokio::test]
async fn a_mutation_is_never_answered_from_the_cache() {
    let app = TestApp::spawn_with(lang).await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let id = crate::helpers::new_actie(&app, &opgaven[0], "Bewaarproef melding").await;
    // One document with a query and a mutation, run as the mutation twice: the second is refused as stale,
    // so it ran.
    let doc = "query Lees($id: ID!) { actie(id: $id) { versie } }
        mutation Meld($id: ID!) { actieVoortgangRapporteren(invoer: { id: $id, versie: 1, gezondheid: RISICO, gezondheidReden: \"proef\" }) { versie } }";
    let vars = json!({ "id": id });
    let stuur = |naam: &'static str| {
        let body = json!({ "query": doc, "operationName": naam, "variables": vars });
        app.post_raw(body.to_string())
    };
    let (_, eerste) = stuur("Meld").await;
    assert_eq!(
        eerste["data"]["actieVoortgangRapporteren"]["versie"], 2,
        "{eerste}"
    );
    let (_, tweede) = stuur("Meld").await;
    assert_eq!(crate::helpers::code(&tweede), "CONFLICT", "{tweede}");
    let (_, lees) = stuur("Lees").await;
    assert_eq!(lees["data"]["actie"]["versie"], 2, "{lees}");
}

#[tokio::test]
async fn another_instances_write_shows_on_this_one_however_fresh_the_kept_answer() {
    let Some((a, b)) = crate::instanties::twee("antwoordcache", lang).await else {
        return;
    };
    let (_, opgaven) = plan_ids(&a, "mh-2024-2026").await;
    let id = crate::helpers::new_actie(&a, &opgaven[0], "Bewaarproef op a").await;
    let lees = || async { titel_in(&b.gql_as(&Als::Anoniem, BOOM, json!({})).await, &id) };
    // Kept on b (the second read is a hit), then changed on a.
    assert_eq!(lees().await.as_deref(), Some("Bewaarproef op a"));
    let voor = treffers(&b).await;
    assert_eq!(lees().await.as_deref(), Some("Bewaarproef op a"));
    assert_eq!(treffers(&b).await, voor + 1.0);
    a.data(
        "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { id } }",
        json!({ "i": { "id": id, "versie": 1, "titel": "Bewaarproef gewijzigd" } }),
    )
    .await;
    // The notification travels through PostgreSQL: b sees it within moments, not after the hour.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        if lees().await.as_deref() == Some("Bewaarproef gewijzigd") {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "b kept serving the old answer"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
