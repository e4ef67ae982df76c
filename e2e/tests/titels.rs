//! Browser test of every route's own `<title>`, in Dutch and English, and axe clean in English too on the board
//! and the plan page (issue 14).
//!
//! Ignored by default (it needs Chromium, a built `frontend/dist` and axe-core from `e2e/axe/install.sh`); run it
//! with `cargo test --workspace --test titels -- --ignored --test-threads=1`.

use anyhow::{Context, bail};
use koers_e2e::bord::{formaat, plannen};
use koers_e2e::browser::axe::{DESKTOP, TELEFOON, axe_script_path};
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Switches the language by its `localStorage` key and reloads.
async fn kies_taal(browser: &Browser, taal: &str) -> anyhow::Result<()> {
    browser
        .client()
        .execute(
            "window.localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(fixtures::TAAL_SLEUTEL), json!(taal)],
        )
        .await?;
    browser.client().refresh().await?;
    Ok(())
}

/// Waits until `document.title` is `verwacht`.
async fn wacht_op_titel(browser: &Browser, verwacht: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let titel = browser.client().title().await?;
        if titel == verwacht {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("the title is {titel:?}, expected {verwacht:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium, frontend/dist and e2e/axe; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn elke_route_heeft_een_eigen_titel_en_engels_is_axe_schoon() -> anyhow::Result<()> {
    axe_script_path()?;
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let data = koers.graphql(fixtures::BORD_TITELS_QUERY, json!({})).await?;
    let plan = plannen(&data)?.into_iter().next().context("no plan")?;
    let plan_titel = plan["titel"].as_str().context("titel")?.to_string();
    let actie = plan["opgaven"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["acties"].as_array())
        .flatten()
        .find(|a| a["vertrouwelijk"] == json!(false))
        .context("no public actie")?
        .clone();
    let actie_titel = actie["titel"].as_str().context("titel")?.to_string();
    let organisaties = koers.graphql(fixtures::ORGANISATIES_QUERY, json!({})).await?;
    let essm = array(&organisaties["organisaties"], "organisaties")?
        .iter()
        .find(|o| o["sleutel"] == json!(fixtures::ESSM))
        .context("no ESSM")?
        .clone();
    let essm_naam = essm["naam"].as_str().context("naam")?.to_string();
    // (path, selector that shows it has loaded, Dutch title, English title)
    let routes: Vec<(String, String, String, String)> = vec![
        (
            "/".into(),
            fixtures::BORD.into(),
            "Actieplannen".into(),
            "Action plans".into(),
        ),
        (
            fixtures::actieplan_pad(&id_of(&plan)?),
            fixtures::ACTIE_RIJ.into(),
            format!("Actieplan {plan_titel}"),
            format!("Action plan {plan_titel}"),
        ),
        (
            fixtures::actie_pad(&id_of(&actie)?),
            fixtures::actie_pagina(&id_of(&actie)?),
            format!("Actie {actie_titel}"),
            format!("Action {actie_titel}"),
        ),
        (
            fixtures::ORGANISATIES_PAD.into(),
            fixtures::ORGANISATIE_LINK.into(),
            "Organisaties".into(),
            "Organisations".into(),
        ),
        (
            fixtures::organisatie_pad(&id_of(&essm)?),
            fixtures::ORGANISATIE_ACTIE.into(),
            format!("Organisatie {essm_naam}"),
            format!("Organisation {essm_naam}"),
        ),
        (
            fixtures::SINDS_RVO_PAD.into(),
            fixtures::SINDS_RVO_GELADEN.into(),
            String::new(),
            String::new(),
        ),
        (
            fixtures::PRESENTATIE_PAD.into(),
            fixtures::DIA.into(),
            "Presentatie".into(),
            "Presentation".into(),
        ),
        (
            "/aanmelden".into(),
            fixtures::AANMELDEN_PAGINA.into(),
            "Aanmelden".into(),
            String::new(),
        ),
        (
            "/beheer".into(),
            fixtures::ALLEEN_BEHEERDER.into(),
            "Beheer".into(),
            String::new(),
        ),
        (
            fixtures::ONBEKENDE_ROUTE.into(),
            fixtures::ONBEKENDE_PAGINA.into(),
            String::new(),
            String::new(),
        ),
    ];
    let mut gezien: HashMap<String, String> = HashMap::new();
    let mut problemen = Vec::new();
    for taal in ["nl", "en"] {
        formaat(&browser, DESKTOP).await?;
        browser.goto(&koers.url("/")).await?;
        kies_taal(&browser, taal).await?;
        for (pad, geladen, nl, en) in &routes {
            browser.goto(&koers.url(pad)).await?;
            browser
                .wait_for(geladen)
                .await
                .with_context(|| format!("{pad} in {taal}"))?;
            let verwacht = if taal == "nl" { nl } else { en };
            if !verwacht.is_empty() {
                wacht_op_titel(&browser, &format!("{verwacht} – Koers"))
                    .await
                    .with_context(|| pad.clone())?;
            }
            let titel = browser.client().title().await?;
            if !titel.ends_with(" – Koers") || titel.len() <= " – Koers".len() {
                problemen.push(format!("{pad} in {taal}: title {titel:?}"));
            }
            if let Some(ander) = gezien.insert(format!("{taal}{titel}"), pad.clone()) {
                problemen.push(format!("{pad} and {ander} share the title {titel:?} in {taal}"));
            }
            if taal == "en"
                && gezien.contains_key(&format!("nl{titel}"))
                && !titel.contains(&plan_titel)
                && !titel.contains(&actie_titel)
                && !titel.contains(&essm_naam)
            {
                problemen.push(format!("{pad}: the English title {titel:?} is the Dutch one"));
            }
        }
        // axe in this language on the board and the plan, at both sizes.
        for grootte in [DESKTOP, TELEFOON] {
            formaat(&browser, grootte).await?;
            for (pad, geladen, _, _) in routes.iter().take(2) {
                browser.goto(&koers.url(pad)).await?;
                browser.wait_for(geladen).await?;
                for v in browser.axe_violations().await? {
                    problemen.push(format!("{pad} in {taal} at {}×{}: {v}", grootte.0, grootte.1));
                }
                let naam = if pad == "/" { "overzicht" } else { "actieplan" };
                browser
                    .screenshot(&format!("bord-{naam}-{taal}-{}", grootte.0))
                    .await?;
            }
        }
    }
    browser.close().await?;
    assert!(problemen.is_empty(), "\n{}", problemen.join("\n"));
    Ok(())
}
