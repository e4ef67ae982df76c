//! Browser test of the plan import from a file in the export's layout: a plan exported as CSV (through the
//! API, with the session cookie), renamed and without its ids, chosen in `/beheer`'s file input, checked (a
//! dry run listing every record by line) and imported; the new plan appears in the plans list and in the
//! successor choice of an open plan without a reload. The same file again is refused by line. axe clean, in
//! Dutch and English.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test --workspace --test beheer_import_bestand -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::beheer::{
    beheer_aangemeld, beheer_engels, csv_regels, download_bytes_met_sessie, download_met_sessie,
    import_afgewezen, import_gecontroleerd, import_toegepast, schrijf_csv,
};
use koers_e2e::{Browser, array, fixtures, id_of};
use std::collections::BTreeSet;

const TITEL: &str = "Actieplan Mensenhandel 2027-2030 (CSV-import e2e)";

/// Chooses the file at `pad` in the plan import's file input; the format follows its extension (CSV).
async fn kies_csv(browser: &Browser, pad: &str) -> anyhow::Result<()> {
    browser
        .wait_for(fixtures::IMPORT_BESTAND)
        .await?
        .send_keys(pad)
        .await?;
    browser
        .wait_for(&format!(
            r#"{} option[value="CSV"]:checked"#,
            fixtures::IMPORT_FORMAAT
        ))
        .await?;
    Ok(())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_plan_uit_een_csv_export_verschijnt_zonder_herladen() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;
    let plan = koers.plan(fixtures::RAP_MENSENHANDEL).await?;
    let plan_id = id_of(&plan)?;
    let tekst = download_met_sessie(&browser, &koers, &format!("/export/actieplan/{plan_id}.csv")).await?;
    let mut rows = csv_regels(&tekst)?;
    let kol = |naam: &str| rows[0].iter().position(|k| k == naam).context("column");
    let (id_k, plan_k, opgave_k, actie_k) = (kol("id")?, kol("actieplan")?, kol("opgave")?, kol("actie")?);
    let oud = rows.get(1).context("a row")?[plan_k].clone();
    let met_id = rows[1..].iter().filter(|r| !r[id_k].is_empty()).count();
    assert!(met_id > 1, "the export has acties with their ids");
    for r in &mut rows[1..] {
        r[id_k].clear();
        r[plan_k] = TITEL.to_string();
    }
    let opgaven: BTreeSet<&str> = rows[1..].iter().map(|r| r[opgave_k].as_str()).collect();
    let acties = rows[1..].iter().filter(|r| !r[actie_k].is_empty()).count();
    let dir = tempfile::tempdir()?;
    let pad = schrijf_csv(dir.path(), "plan.csv", &rows)?;

    // The seeded plan open, so that its successor choice is on screen while the import runs.
    browser
        .wait_for(&fixtures::plan_beheren(&oud))
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::PLAN_OPVOLGER).await?;
    assert!(browser.find_now(&fixtures::plan_rij(TITEL)).await?.is_none());

    kies_csv(&browser, &pad).await?;
    // A plan, its opgaven and its acties.
    let records = import_gecontroleerd(&browser, 1 + opgaven.len() + acties).await?;
    let eerste = records[0].text().await?;
    assert!(eerste.contains(TITEL), "the plan first: {eerste}");
    browser.screenshot("beheer-import-csv").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the CSV import (nl): {fouten:?}");

    let nieuw = import_toegepast(&browser, &koers, TITEL).await?;
    // Without a reload: the plans list and the open plan's successor choice have the new plan.
    browser.wait_for(&fixtures::plan_rij(TITEL)).await?;
    assert_eq!(array(&nieuw["opgaven"], "opgaven")?.len(), opgaven.len());
    let nieuw_id = id_of(&nieuw)?;
    browser
        .wait_for(&format!(
            r#"{} option[value="{nieuw_id}"]"#,
            fixtures::PLAN_OPVOLGER
        ))
        .await?;

    // English: the same file again is refused (the plan exists), by line; nothing is made.
    beheer_engels(&browser).await?;
    kies_csv(&browser, &pad).await?;
    import_afgewezen(&browser).await?;
    browser.screenshot("beheer-import-csv-en").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the CSV import (en): {fouten:?}");

    // The plan's XLSX export as it is, read as bytes: the format follows, and every row with an id is a
    // problem of its line (an existing actie, not a new plan).
    let xlsx =
        download_bytes_met_sessie(&browser, &koers, &format!("/export/actieplan/{plan_id}.xlsx")).await?;
    let xlsx_pad = dir.path().join("plan.xlsx");
    std::fs::write(&xlsx_pad, xlsx)?;
    browser
        .wait_for(fixtures::IMPORT_BESTAND)
        .await?
        .send_keys(&xlsx_pad.display().to_string())
        .await?;
    browser
        .wait_for(&format!(
            r#"{} option[value="XLSX"]:checked"#,
            fixtures::IMPORT_FORMAAT
        ))
        .await?;
    browser
        .wait_for_text(fixtures::IMPORT_XLSX, "The XLSX file plan.xlsx has been read.")
        .await?;
    assert!(
        browser.find_now(fixtures::IMPORT_PROBLEEM).await?.is_none(),
        "the CSV's report is gone with another file"
    );
    import_afgewezen(&browser).await?;
    let problemen = browser
        .wait_for_at_least(fixtures::IMPORT_PROBLEEM, met_id)
        .await?;
    let mut regels = BTreeSet::new();
    for p in &problemen {
        regels.extend(p.attr("data-regel").await?);
    }
    assert!(
        regels.len() >= met_id,
        "{met_id} rows with an id, problems on lines {regels:?}"
    );
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the XLSX import (en): {fouten:?}");
    browser.close().await
}
