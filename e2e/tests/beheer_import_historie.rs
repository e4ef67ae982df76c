//! Browser test of the plan import, the history and the conflict panel in `/beheer`, and of "uit de bron" on
//! the actie page: a dry run lists every problem by line, a fixed file lists what it makes and is imported; a
//! plan's history shows the title before → after; a change made elsewhere meanwhile shows the panel with
//! theirs next to mine, and saving mine anyway goes through; a seeded actie says its state comes from the
//! source. axe is clean on these views in Dutch and English.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test --workspace --test beheer_import_historie -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::beheer::{
    beheer_aangemeld, beheer_engels, import_afgewezen, import_gecontroleerd, import_toegepast,
};
use koers_e2e::{Browser, array, fixtures, id_of};
use serde_json::json;

const TITEL: &str = "Actieplan Mensenhandel 2027-2030 (import)";

/// One plan with two opgaven and an actie; `opgave` is the actie's opgave key (a wrong one is a problem).
fn toml(opgave: &str) -> String {
    format!(
        r#"[[actieplan]]
sleutel = "mh-2027-2030-e2e"
thema = "mensenhandel"
titel = "{TITEL}"
soort = "actieplan"
periode_van = 2027
periode_tot = 2030
status = "vastgesteld"
bron = "ap-mh-2027.txt — hoofdstuk 1"

[[opgave]]
sleutel = "mh27e-preventie"
actieplan = "mh-2027-2030-e2e"
volgorde = 1
titel = "Preventie"
bron = "ap-mh-2027.txt — hoofdstuk 2"

[[opgave]]
sleutel = "mh27e-signalering"
actieplan = "mh-2027-2030-e2e"
volgorde = 2
titel = "Signalering"
bron = "ap-mh-2027.txt — hoofdstuk 3"

[[actie]]
sleutel = "mh27e-a1"
opgave = "{opgave}"
titel = "Voorlichting op scholen"
jaar = 2027
status = "gepland"
bron = "ap-mh-2027.txt — 2.1"
"#
    )
}

/// Puts `tekst` into the field `sel` at once (as a paste would), with the input event the app listens to.
async fn plak(browser: &Browser, sel: &str, tekst: &str) -> anyhow::Result<()> {
    browser.wait_for(sel).await?;
    let script = r#"
        const [sel, tekst] = arguments;
        const el = document.querySelector(sel);
        el.value = tekst;
        el.dispatchEvent(new Event("input", { bubbles: true }));
    "#;
    browser
        .client()
        .execute(script, vec![json!(sel), json!(tekst)])
        .await?;
    Ok(())
}

/// Changes plan `id` (who adopted it) through the API with the browser's session, as another tab would.
async fn elders_gewijzigd(browser: &Browser, id: &str) -> anyhow::Result<()> {
    let script = r#"
        const [id, klaar] = arguments;
        const vraag = async (query, variables, csrf) => {
            const headers = { "content-type": "application/json" };
            if (csrf) headers["X-CSRF-Token"] = csrf;
            const r = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
            return r.json();
        };
        (async () => {
            const ik = await vraag("{ ik { csrfToken } }", {});
            const csrf = ik.data.ik.csrfToken;
            const p = await vraag("query($id: ID!) { actieplan(id: $id) { versie } }", { id }, csrf);
            const w = await vraag("mutation($i: ActieplanWijzigenInvoer!) { actieplanWijzigen(invoer: $i) { versie } }",
                { i: { id, versie: p.data.actieplan.versie, vastgesteldDoor: "RVO (elders)" } }, csrf);
            klaar(JSON.stringify(w));
        })().catch((e) => klaar(String(e)));
    "#;
    let antwoord = browser.client().execute_async(script, vec![json!(id)]).await?;
    let tekst = antwoord.as_str().unwrap_or_default();
    anyhow::ensure!(
        tekst.contains("\"versie\""),
        "the change elsewhere failed: {tekst}"
    );
    Ok(())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_plan_geimporteerd_met_historie_en_conflict() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;

    // A dry run of a file with a wrong opgave: the problem with its line, nothing to apply.
    plak(&browser, fixtures::IMPORT_TOML, &toml("bestaat-niet")).await?;
    let probleem = import_afgewezen(&browser).await?;
    let regel = probleem.attr("data-regel").await?;
    assert!(regel.is_some(), "the problem names its line");

    // Fixed: what it makes, then the import.
    plak(&browser, fixtures::IMPORT_TOML, &toml("mh27e-preventie")).await?;
    // A plan, two opgaven and an actie.
    import_gecontroleerd(&browser, 4).await?;
    browser.screenshot("beheer-import").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the import (nl): {fouten:?}");
    let plan = import_toegepast(&browser, &koers, TITEL).await?;
    assert_eq!(array(&plan["opgaven"], "opgaven")?.len(), 2);
    let plan_id = id_of(&plan)?;

    // The plan's title changed in the form (the plans section lists it once the page loads again); its
    // history shows before → after.
    browser.goto(&koers.url("/beheer")).await?;
    browser
        .wait_for(&fixtures::plan_beheren(TITEL))
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::plan_beheer(TITEL)).await?;
    let nieuw = "Actieplan Mensenhandel 2027–2030";
    let veld = browser.wait_for(fixtures::PLAN_WIJZIG_TITEL).await?;
    veld.clear().await?;
    veld.send_keys(nieuw).await?;
    browser.wait_for(fixtures::PLAN_OPSLAAN).await?.click().await?;
    browser.wait_for(fixtures::PLAN_OPGESLAGEN).await?;
    browser.wait_for(&fixtures::plan_beheer(nieuw)).await?;
    browser
        .wait_for(&format!(
            "{} {}",
            fixtures::plan_beheer(nieuw),
            fixtures::HISTORIE_TONEN
        ))
        .await?
        .click()
        .await?;
    let titel = browser.wait_for(fixtures::HISTORIE_TITEL).await?.text().await?;
    assert!(titel.contains(TITEL) && titel.contains(nieuw), "{titel}");

    // Changed elsewhere meanwhile: the panel shows theirs next to mine; saving mine anyway goes through.
    elders_gewijzigd(&browser, &plan_id).await?;
    let veld = browser.wait_for(fixtures::PLAN_WIJZIG_BRON).await?;
    veld.clear().await?;
    veld.send_keys("Beleidskader 2027, hoofdstuk 1").await?;
    browser.wait_for(fixtures::PLAN_OPSLAAN).await?.click().await?;
    let hunne = browser.wait_for(fixtures::CONFLICT_DOOR).await?.text().await?;
    assert!(hunne.contains("RVO (elders)"), "{hunne}");
    browser.screenshot("beheer-conflict").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the conflict panel (nl): {fouten:?}");
    browser
        .wait_for(fixtures::CONFLICT_MIJNE_OPSLAAN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::PLAN_OPGESLAGEN).await?;
    let p = koers
        .graphql(
            "query($id: ID!) { actieplan(id: $id) { bron } }",
            json!({ "id": plan_id }),
        )
        .await?;
    assert_eq!(p["actieplan"]["bron"], "Beleidskader 2027, hoofdstuk 1");

    // English: the import and the history.
    beheer_engels(&browser).await?;
    plak(&browser, fixtures::IMPORT_TOML, &toml("bestaat-niet")).await?;
    import_afgewezen(&browser).await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the import (en): {fouten:?}");

    // A seeded actie: its last change and its history say they come from the source.
    let acties = koers
        .graphql("{ acties(first: 1) { nodes { id } } }", json!({}))
        .await?;
    let actie = id_of(
        array(&acties["acties"]["nodes"], "acties")?
            .first()
            .context("an actie")?,
    )?;
    browser.goto(&koers.url(&format!("/actie/{actie}"))).await?;
    browser.wait_for(&fixtures::actie_pagina(&actie)).await?;
    browser.wait_for(fixtures::GEWIJZIGD_UIT_BRON).await?;
    browser.wait_for(fixtures::HISTORIE_UIT_BRON).await?;
    browser.close().await
}
