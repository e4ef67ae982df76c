//! Browser test of the export and its re-import: a redacteur downloads the plan's CSV through the link on the
//! plan page, changes one row, checks the file (dry run: one row changes, nothing written), applies it and the
//! API shows the new state with its history; axe clean on the report.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test -p koers-e2e --test export -- --ignored --test-threads=1` (also done by `.ci/test`).

use anyhow::Context;
use koers_e2e::beheer::{csv_regels, download_met_sessie, schrijf_csv};
use koers_e2e::{Browser, Koers, aanmelden, fixtures, id_of};
use serde_json::json;

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn export_bewerken_en_terugzetten() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker("ria", "redacteur", &["mensenhandel"]).await?;
    let plan = koers.plan(fixtures::RAP_MENSENHANDEL).await?;
    let plan_id = id_of(&plan)?;
    let browser = Browser::start().await?;
    aanmelden(
        &browser,
        &koers,
        "ria",
        &wachtwoord,
        &fixtures::actieplan_pad(&plan_id),
    )
    .await?;

    // The link the page offers, fetched with the browser's session cookie.
    let href = browser
        .wait_for(fixtures::EXPORT_CSV)
        .await?
        .attr("href")
        .await?
        .context("the export link has an href")?;
    let tekst = download_met_sessie(&browser, &koers, &href).await?;
    let mut rows = csv_regels(&tekst)?;
    let kol = |naam: &str| rows[0].iter().position(|k| k == naam).context("column");
    let (id_k, status_k, gez_k, reden_k, vg_k) = (
        kol("id")?,
        kol("status")?,
        kol("gezondheid")?,
        kol("gezondheidReden")?,
        kol("voortgang")?,
    );
    let rij = rows[1..]
        .iter()
        .position(|r| !r[id_k].is_empty() && r[status_k] != "Afgerond")
        .context("an actie not yet afgerond")?
        + 1;
    let actie = rows[rij][id_k].clone();
    rows[rij][status_k] = "In uitvoering".into();
    rows[rij][gez_k] = "Risico".into();
    rows[rij][reden_k] = "Capaciteit uit de e2e-test".into();
    rows[rij][vg_k] = "35".into();
    let dir = tempfile::tempdir()?;
    let pad = schrijf_csv(dir.path(), "export.csv", &rows)?;

    browser
        .wait_for(fixtures::IMPORT_BESTAND)
        .await?
        .send_keys(&pad)
        .await?;
    browser
        .wait_for(fixtures::IMPORT_CONTROLEREN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::IMPORT_GECONTROLEERD).await?;
    let gewijzigd = browser.wait_for_at_least(fixtures::IMPORT_GEWIJZIGD, 1).await?;
    anyhow::ensure!(gewijzigd.len() == 1, "one row changes, not {}", gewijzigd.len());
    anyhow::ensure!(
        browser.find_now(fixtures::IMPORT_PROBLEEM).await?.is_none(),
        "no problems"
    );
    let voor = koers
        .graphql(
            "query($id: ID!) { actie(id: $id) { versie gezondheid } }",
            json!({ "id": actie }),
        )
        .await?;
    anyhow::ensure!(
        voor["actie"]["gezondheid"] != "RISICO",
        "the dry run wrote nothing"
    );
    let fouten = browser.axe_violations().await?;
    anyhow::ensure!(fouten.is_empty(), "axe on the report: {fouten:?}");
    browser.screenshot("export-controle").await?;

    browser
        .wait_for(fixtures::IMPORT_TOEPASSEN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::IMPORT_TOEGEPAST).await?;
    let na = koers
        .graphql(
            "query($id: ID!) { actie(id: $id) { versie gezondheid gezondheidReden voortgang historie { door } } }",
            json!({ "id": actie }),
        )
        .await?;
    let a = &na["actie"];
    anyhow::ensure!(
        a["gezondheid"] == "RISICO"
            && a["voortgang"] == 35
            && a["versie"] == voor["actie"]["versie"].as_i64().unwrap_or(0) + 1,
        "applied: {a}"
    );
    browser.close().await?;
    Ok(())
}
