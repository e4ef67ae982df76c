//! Browser test of the conflict panel on the beheer forms other than the plan's: a thema changed elsewhere
//! while a beheerder edits it shows theirs next to mine per field, axe clean, and "save mine" goes through with
//! the version now current.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test --workspace --test beheer_conflict -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::beheer::beheer_aangemeld;
use koers_e2e::{Browser, array, fixtures, id_of};
use serde_json::json;

/// Sets the portefeuillehouder of thema `id` to `houder` through the API, in the browser's own session.
async fn elders_gewijzigd(browser: &Browser, id: &str, houder: &str) -> anyhow::Result<()> {
    let script = r#"
        const [id, houder, klaar] = arguments;
        const vraag = async (query, variables, csrf) => {
            const headers = { "content-type": "application/json" };
            if (csrf) headers["X-CSRF-Token"] = csrf;
            const r = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
            return r.json();
        };
        (async () => {
            const ik = await vraag("{ ik { csrfToken } }", {});
            const csrf = ik.data.ik.csrfToken;
            const t = await vraag("query($id: ID!) { thema(id: $id) { versie } }", { id }, csrf);
            const w = await vraag("mutation($i: ThemaWijzigenInvoer!) { themaWijzigen(invoer: $i) { versie } }",
                { i: { id, versie: t.data.thema.versie, portefeuillehouder: houder } }, csrf);
            klaar(JSON.stringify(w));
        })().catch((e) => klaar(String(e)));
    "#;
    let antwoord = browser
        .client()
        .execute_async(script, vec![json!(id), json!(houder)])
        .await?;
    let tekst = antwoord.as_str().unwrap_or_default();
    anyhow::ensure!(
        tekst.contains("\"versie\""),
        "the change elsewhere failed: {tekst}"
    );
    Ok(())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_thema_elders_gewijzigd_toont_het_conflictpaneel() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;
    let themas = koers.graphql("{ themas { id naam } }", json!({})).await?;
    let thema = array(&themas["themas"], "themas")?
        .iter()
        .find(|t| t["naam"] == "Mensenhandel")
        .context("the seeded thema Mensenhandel")?;
    let id = id_of(thema)?;

    browser.wait_for(fixtures::THEMAS_BEHEER).await?;
    browser
        .wait_for(&fixtures::thema_wijzigen("Mensenhandel"))
        .await?
        .click()
        .await?;
    let veld = browser.wait_for(fixtures::THEMA_HOUDER).await?;

    // Someone else changes the thema while the form is open; then mine is saved on the version read.
    elders_gewijzigd(&browser, &id, "Burgemeester (elders)").await?;
    veld.clear().await?;
    veld.send_keys("Burgemeester (mijn)").await?;
    browser.wait_for(fixtures::THEMA_OPSLAAN).await?.click().await?;
    let rij =
        r#"[data-testid="beheer-conflict"] [data-testid="conflict-veld"][data-veld="portefeuillehouder"]"#;
    let hunne = browser
        .wait_for(&format!(r#"{rij} [data-testid="conflict-hunne"]"#))
        .await?
        .text()
        .await?;
    assert!(hunne.contains("Burgemeester (elders)"), "theirs: {hunne}");
    let mijne = browser
        .wait_for(&format!(r#"{rij} [data-testid="conflict-mijne"]"#))
        .await?
        .text()
        .await?;
    assert!(mijne.contains("Burgemeester (mijn)"), "mine: {mijne}");
    browser.screenshot("beheer-conflict-thema").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the thema's conflict panel: {fouten:?}");

    browser
        .wait_for(fixtures::CONFLICT_MIJNE_OPSLAAN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::THEMA_OPGESLAGEN).await?;
    let t = koers
        .graphql(
            "query($id: ID!) { thema(id: $id) { portefeuillehouder } }",
            json!({ "id": id }),
        )
        .await?;
    assert_eq!(t["thema"]["portefeuillehouder"], "Burgemeester (mijn)");
    Ok(())
}
