//! Browser test of the trend chart on the plan page: its points and its table (the screen-reader
//! alternative) are the API's `rollupReeks`, point by point; axe finds nothing on the page with the chart, in
//! Dutch and in English.
//!
//! Ignored by default (it needs Chromium, a built `frontend/dist` and `e2e/axe`); run it with
//! `cargo test --workspace --test trend -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::browser::axe::{Violation, axe_script_path};
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use koers_shared::procent_tekst;
use serde_json::{Value, json};

const PLANNEN: &str = "{ actieplannen { id sleutel periodeVan } }";
const REEKS: &str =
    "query($id: ID!, $van: DateTime!) { actieplan(id: $id) { rollupReeks(van: $van, interval: MAAND) {
    moment rollup { totaal aandeelAfgerond aantalPerGezondheid { gezondheid aantal } } } } }";

/// The rows of the trend table as text: date, afgerond, acties, op koers, aandacht, risico.
const RIJEN_JS: &str = "return Array.from(document.querySelectorAll('[data-testid=\"trend-rij\"]'))
    .map(r => Array.from(r.children).map(c => c.textContent.trim()));";

/// The points of the chart: their date and share afgerond.
const PUNTEN_JS: &str = "return Array.from(document.querySelectorAll('[data-testid=\"trend-punt\"]'))
    .map(p => [p.getAttribute('data-datum'), p.getAttribute('data-afgerond')]);";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn de_trend_op_de_planpagina_is_die_van_de_api() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let data = koers.graphql(PLANNEN, json!({})).await?;
    let plan = array(&data["actieplannen"], "actieplannen")?
        .iter()
        .find(|p| p["sleutel"] == "mh-2024-2026")
        .context("the seed holds the Mensenhandel plan")?
        .clone();
    let id = id_of(&plan)?;
    let van = format!("{}-01-01T00:00:00Z", plan["periodeVan"]);
    let reeks = koers.graphql(REEKS, json!({ "id": id, "van": van })).await?;
    let punten = array(&reeks["actieplan"]["rollupReeks"], "rollupReeks")?;
    assert!(punten.len() > 2, "a plan since {van} has a monthly trend");
    let gez = |p: &Value, g: &str| -> String {
        p["rollup"]["aantalPerGezondheid"]
            .as_array()
            .and_then(|l| l.iter().find(|x| x["gezondheid"] == g))
            .map_or(0, |x| x["aantal"].as_i64().unwrap_or(0))
            .to_string()
    };
    let verwacht: Vec<Vec<String>> = punten
        .iter()
        .map(|p| {
            vec![
                p["moment"].as_str().unwrap_or_default()[..10].to_string(),
                procent_tekst(p["rollup"]["aandeelAfgerond"].as_f64().unwrap_or(-1.0)),
                p["rollup"]["totaal"].to_string(),
                gez(p, "OP_KOERS"),
                gez(p, "AANDACHT"),
                gez(p, "RISICO"),
            ]
        })
        .collect();

    let browser = Browser::start().await?;
    browser.goto(&koers.url(&format!("/actieplan/{id}"))).await?;
    browser
        .wait_for_at_least(r#"[data-testid="trend-rij"]"#, punten.len())
        .await?;
    let rijen: Vec<Vec<String>> = serde_json::from_value(browser.client().execute(RIJEN_JS, vec![]).await?)?;
    assert_eq!(rijen, verwacht, "the table is the API's series");
    let getekend: Vec<(String, String)> =
        serde_json::from_value(browser.client().execute(PUNTEN_JS, vec![]).await?)?;
    let verwacht_punten: Vec<(String, String)> =
        verwacht.iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    assert_eq!(
        getekend, verwacht_punten,
        "one point per moment, at the API's share afgerond"
    );
    browser.scroll_to(r#"[data-testid="trend"]"#).await?;
    browser.screenshot("actieplan-trend").await?;

    // axe with the chart on the page, in both languages.
    axe_script_path()?;
    let violations: Vec<Violation> = browser.axe_violations().await?;
    assert!(violations.is_empty(), "nl: {violations:?}");
    browser.wait_for(fixtures::TAAL_KNOP).await?.click().await?;
    browser
        .wait_for_text(fixtures::FILTERS_KOP, "Filter and sort actions")
        .await?;
    browser
        .wait_for_at_least(r#"[data-testid="trend-rij"]"#, punten.len())
        .await?;
    let kop = browser.client().execute(
        "return document.querySelector('[data-testid=\"trend-tabel\"] caption').textContent;",
        vec![],
    );
    assert!(
        kop.await?.as_str().is_some_and(|k| k.starts_with("Trend of")),
        "the table's caption in English"
    );
    let violations: Vec<Violation> = browser.axe_violations().await?;
    assert!(violations.is_empty(), "en: {violations:?}");
    browser.screenshot("actieplan-trend-en").await?;
    browser.close().await?;
    Ok(())
}
