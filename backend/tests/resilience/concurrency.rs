//! Optimistic concurrency under load: many clients report progress on one actie at the same moment, all with the
//! version they read. Exactly one wins per version, every other gets CONFLICT with the new version, and the
//! history counts up from 1 without a gap or a lost update.

use crate::helpers::{TestApp, code, new_actie, plan_ids};
use futures_util::future::join_all;
use serde_json::{Value, json};

const MELDEN: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { versie voortgang } }";

async fn melden(app: &TestApp, id: &str, versie: i64, voortgang: i64) -> Value {
    app.gql(
        MELDEN,
        json!({ "i": { "id": id, "versie": versie, "voortgang": voortgang,
                       "toelichting": format!("Schrijver {voortgang}") } }),
    )
    .await
}

/// Sends one report per value at once, all with `versie`; asserts that exactly one wins and every other gets
/// CONFLICT naming the winner's version. Returns the winning value.
async fn ronde(app: &TestApp, id: &str, versie: i64, waarden: &[i64]) -> i64 {
    let antwoorden = join_all(waarden.iter().map(|v| melden(app, id, versie, *v))).await;
    let mut winnaars = Vec::new();
    for (waarde, r) in waarden.iter().zip(&antwoorden) {
        if r.get("errors").is_none() {
            let a = &r["data"]["actieVoortgangRapporteren"];
            assert_eq!(a["versie"], versie + 1, "{r:#}");
            assert_eq!(a["voortgang"], *waarde, "{r:#}");
            winnaars.push(*waarde);
        } else {
            assert_eq!(code(r), "CONFLICT", "a loser gets CONFLICT, nothing else: {r:#}");
            assert_eq!(r["errors"][0]["extensions"]["huidigeVersie"], versie + 1, "{r:#}");
        }
    }
    assert_eq!(
        winnaars.len(),
        1,
        "exactly one of {} concurrent updates of version {versie} wins, not {winnaars:?}",
        waarden.len()
    );
    winnaars[0]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_conflicting_updates_have_one_winner_per_version_and_no_gap() {
    // Hundreds of requests from one address: rate limiting is not under test here.
    let app = TestApp::spawn_with(|s| s.rate_limit = None).await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let id = new_actie(&app, &opgaven[0], "Gelijktijdig bijgewerkt").await;

    // 50 at once on version 1.
    let waarden: Vec<i64> = (1..=50).collect();
    let mut winnaars = vec![ronde(&app, &id, 1, &waarden).await];

    // Then 5 rounds of 20, each on the version the previous round left.
    for r in 0..5_i64 {
        let versie = 2 + r;
        let waarden: Vec<i64> = (0..20).map(|i| i * 5 + r).collect();
        winnaars.push(ronde(&app, &id, versie, &waarden).await);
    }

    let d = app
        .data(
            "query($id: ID!) { actie(id: $id) { versie voortgang
                 historie { versie voortgangVan voortgangNaar toelichting } } }",
            json!({ "id": id }),
        )
        .await;
    let actie = &d["actie"];
    let n = 1 + winnaars.len() as i64;
    assert_eq!(actie["versie"], n, "one version per winner: {actie:#}");
    assert_eq!(
        actie["voortgang"],
        *winnaars.last().unwrap(),
        "the last winner's value stays"
    );

    let historie = actie["historie"].as_array().unwrap();
    let versies: Vec<i64> = historie.iter().map(|h| h["versie"].as_i64().unwrap()).collect();
    assert_eq!(
        versies,
        (1..=n).collect::<Vec<_>>(),
        "history 1..=versie without a gap"
    );
    // Each history row records its round's winner, and starts from the previous row: no lost update.
    assert_eq!(historie[0]["voortgangNaar"], 10);
    for (k, winnaar) in winnaars.iter().enumerate() {
        let h = &historie[k + 1];
        assert_eq!(h["voortgangNaar"], *winnaar, "{h:#}");
        assert_eq!(h["voortgangVan"], historie[k]["voortgangNaar"], "{h:#}");
        assert_eq!(h["toelichting"], format!("Schrijver {winnaar}"), "{h:#}");
    }
}
