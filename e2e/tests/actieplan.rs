//! Browser tests of the Actieplan view (`/actieplan/:id`) and the Actie view (`/actie/:id`): the acties per
//! opgave equal the API's, the filter lives in the URL (shareable, back button), free text filters, and the
//! history of an actie is shown entirely, newest first.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test -p koers-e2e --test actieplan -- --ignored --test-threads=1` (also done by `.ci/test`).

use anyhow::{Context, bail};
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use serde_json::{Value, json};

/// The GraphQL id of the Mensenhandel plan.
async fn mensenhandel_plan(koers: &Koers) -> anyhow::Result<String> {
    let data = koers.graphql(fixtures::PLANNEN_QUERY, json!({})).await?;
    let plan = array(&data["actieplannen"], "actieplannen")?
        .iter()
        .find(|p| p["thema"]["sleutel"] == fixtures::MENSENHANDEL)
        .context("the seed should hold a Mensenhandel plan")?;
    id_of(plan)
}

/// The plan's opgaven in volgorde, as the API gives them, with their acties.
async fn opgaven(koers: &Koers, plan_id: &str) -> anyhow::Result<Vec<Value>> {
    let data = koers
        .graphql(fixtures::PLAN_ACTIES_QUERY, json!({ "id": plan_id }))
        .await?;
    let mut opgaven = array(&data["actieplan"]["opgaven"], "opgaven")?.clone();
    opgaven.sort_by_key(|o| o["volgorde"].as_i64());
    Ok(opgaven)
}

/// The ids of a list of acties.
fn ids(acties: &[Value]) -> anyhow::Result<Vec<String>> {
    acties.iter().map(id_of).collect()
}

/// The ids of the acties the API's `acties(filter)` returns.
async fn api_acties(koers: &Koers, filter: Value) -> anyhow::Result<Vec<String>> {
    let data = koers
        .graphql(fixtures::ACTIES_QUERY, json!({ "filter": filter }))
        .await?;
    let connection = &data["acties"];
    let edges = array(&connection["edges"], "edges")?;
    if connection["totalCount"].as_u64() != Some(edges.len() as u64) {
        bail!("more acties than one page: {connection}");
    }
    edges.iter().map(|e| id_of(&e["node"])).collect()
}

/// A word of at least five ASCII letters from a title, lower case, to search for.
fn zoekwoord(titel: &str) -> Option<String> {
    titel
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 5)
        .max_by_key(|w| w.len())
        .map(str::to_lowercase)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn actieplan_toont_de_acties_en_bewaart_het_filter_in_de_url() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let plan_id = mensenhandel_plan(&koers).await?;
    let opgaven = opgaven(&koers, &plan_id).await?;
    let alle: Vec<Value> = opgaven
        .iter()
        .map(|o| array(&o["acties"], "acties").cloned())
        .collect::<anyhow::Result<Vec<_>>>()?
        .concat();
    assert!(!alle.is_empty(), "the Mensenhandel plan should have acties");

    // From the overview, by clicking the plan's link.
    let browser = Browser::start().await?;
    browser.goto(&koers.url("/")).await?;
    browser
        .wait_for(&fixtures::actieplan_link(&plan_id))
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::actieplan_pagina(&plan_id)).await?;
    let pad = fixtures::actieplan_pad(&plan_id);
    browser
        .wait_for_url(&format!("the plan's page {pad}"), |u| u.ends_with(&pad))
        .await?;

    // Per opgave, in volgorde: the shown acties are the API's, in the API's order.
    let getoond = browser.data_ids(fixtures::OPGAVE_SECTIE).await?;
    let verwacht: Vec<String> = opgaven.iter().map(id_of).collect::<anyhow::Result<_>>()?;
    assert_eq!(getoond, verwacht, "every opgave once, in volgorde");
    for opgave in &opgaven {
        let opgave_id = id_of(opgave)?;
        let api = ids(array(&opgave["acties"], "acties")?)?;
        browser
            .wait_for_ids(&fixtures::acties_in_opgave(&opgave_id), &api)
            .await?;
        let getoond = browser.data_ids(&fixtures::acties_in_opgave(&opgave_id)).await?;
        assert_eq!(getoond, api, "opgave {opgave_id}: the API's acties in its order");
    }
    browser.screenshot("actieplan").await?;
    browser.scroll_to(fixtures::OPGAVE_SECTIE).await?;
    browser.screenshot("actieplan-acties").await?;

    // A status filter chosen in the UI lands in the URL and shows the API's acties with that status.
    let mut statussen: Vec<&str> = alle.iter().filter_map(|a| a["status"].as_str()).collect();
    statussen.sort_unstable();
    let status = statussen
        .chunk_by(|a, b| a == b)
        .filter(|c| c.len() < alle.len())
        .max_by_key(|c| c.len())
        .map_or(statussen[0], |c| c[0]);
    let waarde = status.to_lowercase();
    let api = api_acties(&koers, json!({ "actieplan": plan_id, "status": [status] })).await?;
    assert!(!api.is_empty(), "the API should have acties with status {status}");
    browser
        .wait_for(fixtures::FILTER_STATUS)
        .await?
        .select_by_value(&waarde)
        .await?;
    let met_filter = format!("{}={waarde}", fixtures::QUERY_STATUS);
    let url = browser
        .wait_for_url(&format!("with {met_filter}"), |u| u.contains(&met_filter))
        .await?;
    browser.wait_for_ids(fixtures::ACTIE_RIJ, &api).await?;
    browser.scroll_to(fixtures::FILTER_FORMULIER).await?;
    browser.screenshot("actieplan-status-filter").await?;

    // The URL is a shareable link: opened again, it shows the same filter and rows.
    browser.client().refresh().await?;
    browser.wait_for(&fixtures::actieplan_pagina(&plan_id)).await?;
    browser.wait_for_ids(fixtures::ACTIE_RIJ, &api).await?;
    let gekozen = browser
        .wait_for(fixtures::FILTER_STATUS)
        .await?
        .prop("value")
        .await?;
    assert_eq!(
        gekozen.as_deref(),
        Some(waarde.as_str()),
        "the status filter after a reload"
    );
    assert_eq!(browser.client().current_url().await?.to_string(), url);

    // Back: the plan without a filter.
    browser.client().back().await?;
    browser
        .wait_for_url("without a status filter", |u| !u.contains(&met_filter))
        .await?;
    browser.wait_for_ids(fixtures::ACTIE_RIJ, &ids(&alle)?).await?;
    let gekozen = browser
        .wait_for(fixtures::FILTER_STATUS)
        .await?
        .prop("value")
        .await?;
    assert_eq!(gekozen.as_deref(), Some(""), "the status filter after going back");

    // Sorting by title: every opgave's rows in title order.
    browser
        .wait_for(fixtures::SORTERING)
        .await?
        .select_by_value(fixtures::SORTEER_TITEL)
        .await?;
    let met_sortering = format!("{}={}", fixtures::QUERY_SORTEER, fixtures::SORTEER_TITEL);
    browser
        .wait_for_url(&format!("with {met_sortering}"), |u| u.contains(&met_sortering))
        .await?;
    for opgave in &opgaven {
        let mut acties = array(&opgave["acties"], "acties")?.clone();
        acties.sort_by_key(|a| a["titel"].as_str().unwrap_or_default().to_lowercase());
        let css = fixtures::acties_in_opgave(&id_of(opgave)?);
        assert_eq!(
            browser.data_ids(&css).await?,
            ids(&acties)?,
            "sorted by title: {css}"
        );
    }

    // Free text: typed in the search field, it filters as the API does.
    let woord = alle
        .iter()
        .filter_map(|a| a["titel"].as_str().and_then(zoekwoord))
        .next()
        .context("a title with a word to search for")?;
    let api = api_acties(&koers, json!({ "actieplan": plan_id, "tekst": woord })).await?;
    browser
        .wait_for(fixtures::FILTER_TEKST)
        .await?
        .send_keys(&woord)
        .await?;
    let met_tekst = format!("{}={woord}", fixtures::QUERY_TEKST);
    browser
        .wait_for_url(&format!("with {met_tekst}"), |u| u.contains(&met_tekst))
        .await?;
    browser.wait_for_ids(fixtures::ACTIE_RIJ, &api).await?;

    // A text nothing matches: no rows, and the empty state in every opgave.
    let niets = format!("{pad}?{}=xyzzy-geen-actie", fixtures::QUERY_TEKST);
    browser.goto(&koers.url(&niets)).await?;
    browser.wait_for(&fixtures::actieplan_pagina(&plan_id)).await?;
    let leeg = browser
        .wait_for_at_least(fixtures::GEEN_ACTIES_FILTER, opgaven.len())
        .await?;
    assert_eq!(leeg.len(), opgaven.len(), "the empty state in every opgave");
    assert!(browser.data_ids(fixtures::ACTIE_RIJ).await?.is_empty());
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn actie_toont_haar_hele_historie_nieuwste_eerst() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let plan_id = mensenhandel_plan(&koers).await?;
    let opgaven = opgaven(&koers, &plan_id).await?;
    let acties: Vec<Value> = opgaven
        .iter()
        .map(|o| array(&o["acties"], "acties").cloned())
        .collect::<anyhow::Result<Vec<_>>>()?
        .concat();
    let actie = acties
        .iter()
        .find(|a| a["status"] == "GEPLAND")
        .or(acties.first())
        .context("the Mensenhandel plan should have acties")?;
    let actie_id = id_of(actie)?;

    // Two reports, so that the history has a start, a change of status and one of health and progress.
    let mut versie = actie["versie"].as_i64().context("versie")?;
    for invoer in [
        json!({ "status": "IN_UITVOERING", "voortgang": 20, "toelichting": "Gestart." }),
        json!({ "gezondheid": "AANDACHT", "gezondheidReden": "Capaciteit bij partners.",
                "voortgang": 35, "toelichting": "Vertraging." }),
    ] {
        let mut invoer = invoer;
        invoer["id"] = json!(actie_id);
        invoer["versie"] = json!(versie);
        let data = koers
            .graphql(fixtures::VOORTGANG_MUTATIE, json!({ "invoer": invoer }))
            .await?;
        versie = data["actieVoortgangRapporteren"]["versie"]
            .as_i64()
            .context("new versie")?;
    }
    let data = koers
        .graphql(fixtures::HISTORIE_QUERY, json!({ "id": actie_id }))
        .await?;
    let historie = array(&data["actie"]["historie"], "historie")?;

    let browser = Browser::start().await?;
    browser
        .goto(&koers.url(&fixtures::actieplan_pad(&plan_id)))
        .await?;
    browser
        .wait_for(&fixtures::actie_link(&actie_id))
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::actie_pagina(&actie_id)).await?;
    let items = browser
        .wait_for_at_least(fixtures::HISTORIE_ITEM, historie.len())
        .await?;
    assert_eq!(items.len(), historie.len(), "every history entry once");
    let mut versies = Vec::new();
    for item in items {
        let v = item.attr(fixtures::DATA_VERSIE).await?.context("data-versie")?;
        versies.push(v.parse::<i64>()?);
    }
    let mut nieuwste_eerst = versies.clone();
    nieuwste_eerst.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(versies, nieuwste_eerst, "newest first");
    assert_eq!(
        versies.first(),
        Some(&versie),
        "the newest entry is the current version"
    );
    // The newest change names the health and its reason, from → to.
    let nieuwste = browser.wait_for(fixtures::HISTORIE_ITEM).await?.text().await?;
    assert!(
        nieuwste.contains("Capaciteit bij partners.") && nieuwste.contains("Reden"),
        "the reason from → to in the timeline: {nieuwste}"
    );
    browser.screenshot("actie").await?;
    browser.scroll_to(fixtures::HISTORIE_ITEM).await?;
    browser.screenshot("actie-historie").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn onbekend_plan_of_actie_toont_niet_gevonden() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    for pad in [
        fixtures::actieplan_pad(fixtures::ONBEKEND_ID),
        fixtures::actie_pad(fixtures::ONBEKEND_ID),
    ] {
        browser.goto(&koers.url(&pad)).await?;
        browser
            .wait_for(fixtures::NIET_GEVONDEN)
            .await
            .with_context(|| format!("opening {pad}"))?;
    }
    browser.screenshot("actie-niet-gevonden").await?;
    browser.close().await
}
