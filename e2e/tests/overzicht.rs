//! Browser tests of the overview page: every opgave of every action plan shows the rollup the API computes,
//! an anonymous visitor's roll-ups leave confidential work out and say how much, and unknown routes still
//! serve the app.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test -p koers-e2e -- --ignored --test-threads=1` (done by `.ci/test`).

use anyhow::Context;
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use koers_shared::procent_tekst;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn overzicht_toont_de_rollup_van_elke_opgave() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;

    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::OVERZICHT).await?;

    let data = koers.graphql(fixtures::OVERZICHT_QUERY, json!({})).await?;
    let plannen = array(&data["actieplannen"], "actieplannen")?;
    assert!(
        plannen.len() >= 5,
        "the seed should hold at least 5 action plans, the API has {}",
        plannen.len()
    );

    let getoond = browser
        .wait_for_at_least(fixtures::ACTIEPLAN, plannen.len())
        .await?;
    assert_eq!(
        getoond.len(),
        plannen.len(),
        "the overview shows every action plan once"
    );

    let mut opgaven_gezien = 0;
    for plan in plannen {
        let plan_id = id_of(plan)?;
        browser.wait_for(&fixtures::actieplan(&plan_id)).await?;
        for opgave in array(&plan["opgaven"], "opgaven")? {
            let opgave_id = id_of(opgave)?;
            let rollup = &opgave["rollup"];
            let aandeel = rollup["aandeelAfgerond"]
                .as_f64()
                .with_context(|| format!("aandeelAfgerond of opgave {opgave_id}: {rollup}"))?;
            let totaal = rollup["totaal"]
                .as_i64()
                .with_context(|| format!("totaal of opgave {opgave_id}: {rollup}"))?;
            browser
                .wait_for_text(
                    &fixtures::opgave_aandeel_afgerond(&plan_id, &opgave_id),
                    &procent_tekst(aandeel),
                )
                .await
                .with_context(|| format!("plan {plan_id} ({}), opgave {opgave_id}", plan["titel"]))?;
            browser
                .wait_for_text(
                    &fixtures::opgave_totaal(&plan_id, &opgave_id),
                    &totaal.to_string(),
                )
                .await
                .with_context(|| format!("plan {plan_id} ({}), opgave {opgave_id}", plan["titel"]))?;
            opgaven_gezien += 1;
        }
    }
    assert!(opgaven_gezien > 0, "the seeded plans should have opgaven");

    browser.screenshot("overzicht").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn overzicht_telt_vertrouwelijk_werk_niet_mee_maar_zegt_hoeveel() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let data = koers.graphql(fixtures::OVERZICHT_QUERY, json!({})).await?;
    let plan = &array(&data["actieplannen"], "actieplannen")?[0];
    let opgave = &array(&plan["opgaven"], "opgaven")?[0];
    let (plan_id, opgave_id) = (id_of(plan)?, id_of(opgave)?);
    let totaal = opgave["rollup"]["totaal"].as_i64().context("totaal")?;
    let invoer = json!({ "opgave": opgave_id, "titel": "GEHEIM-E2E overzicht", "jaar": 2026,
                         "status": "IN_UITVOERING", "gezondheid": "OP_KOERS", "vertrouwelijk": true });
    koers
        .graphql(fixtures::ACTIE_AANMAKEN_MUTATIE, json!({ "invoer": invoer }))
        .await?;

    // Nobody signed in: the opgave shows the same total as before, and one confidential actie not shown.
    let browser = Browser::start().await?;
    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::OVERZICHT).await?;
    let rij = fixtures::opgave_in_plan(&plan_id, &opgave_id);
    let verborgen = browser
        .wait_for(&format!(r#"{rij} [data-testid="opgave-verborgen"]"#))
        .await?
        .text()
        .await?;
    assert!(
        verborgen == "1 vertrouwelijk, niet getoond" || verborgen == "1 confidential, not shown",
        "{verborgen}"
    );
    browser
        .wait_for_text(
            &fixtures::opgave_totaal(&plan_id, &opgave_id),
            &totaal.to_string(),
        )
        .await?;
    let bron = browser.client().source().await?;
    assert!(
        !bron.contains("GEHEIM-E2E"),
        "a confidential title is in the page"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn onbekende_route_serveert_de_app() -> anyhow::Result<()> {
    let koers = Koers::start().await?;

    let antwoord = koers
        .http()
        .get(koers.url(fixtures::ONBEKENDE_ROUTE))
        .send()
        .await?;
    assert_eq!(
        antwoord.status(),
        200,
        "an unknown route must answer 200 with the app"
    );
    let html = antwoord.text().await?;
    assert!(
        html.contains("<html") || html.contains("<!DOCTYPE"),
        "an unknown route must serve index.html"
    );

    let browser = Browser::start().await?;
    browser.goto(&koers.url(fixtures::ONBEKENDE_ROUTE)).await?;
    browser.wait_for(fixtures::APP_GEMOUNT).await?;
    browser.screenshot("onbekende-route").await?;

    // The wasm came over the wire compressed (the build's precompressed copy), not as its 1 MB of raw bytes.
    let [over, uitgepakt] = browser
        .client()
        .execute(
            "const r = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'));
             return r ? [r.transferSize, r.decodedBodySize] : [0, 0];",
            vec![],
        )
        .await?
        .as_array()
        .and_then(|a| Some([a.first()?.as_u64()?, a.get(1)?.as_u64()?]))
        .ok_or_else(|| anyhow::anyhow!("no resource timing for the wasm"))?;
    assert!(uitgepakt > 0, "the page loaded a wasm file");
    assert!(
        over * 2 < uitgepakt,
        "the wasm travels compressed: {over} B over the wire for {uitgepakt} B"
    );
    browser.close().await
}
