//! What the beheer browser tests share: a Koers with the beheerder [`BEHEERDER`] signed in on `/beheer`, the
//! switch to English, a date relative to the browser's today, and a download with the browser's session.

use crate::{Browser, Koers, fixtures, vul_aanmelden_in};
use anyhow::Context;
use serde_json::json;

/// The beheerder of the beheer tests.
pub const BEHEERDER: &str = "bea";

/// A running Koers with the beheerder [`BEHEERDER`], and a fresh browser in which she has signed in on
/// `/beheer` through the page's own sign-in link (back on `/beheer`, its sections loading).
pub async fn beheer_aangemeld() -> anyhow::Result<(Koers, Browser)> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker(BEHEERDER, "beheerder", &[]).await?;
    let browser = Browser::start().await?;
    browser.goto(&koers.url("/beheer")).await?;
    browser.wait_for(fixtures::AANMELDEN_LINK).await?.click().await?;
    browser.wait_for(fixtures::AANMELDEN_PAGINA).await?;
    vul_aanmelden_in(&browser, BEHEERDER, &wachtwoord).await?;
    browser.wait_for(fixtures::AANGEMELD_ALS).await?;
    browser
        .wait_for_url("/beheer", |u| u.ends_with("/beheer"))
        .await?;
    Ok((koers, browser))
}

/// Switches the beheer page to English and waits for its heading.
pub async fn beheer_engels(browser: &Browser) -> anyhow::Result<()> {
    browser.wait_for(fixtures::TAAL_KNOP).await?.click().await?;
    browser
        .wait_for_text(fixtures::PAGINA_KOP, "Administration")
        .await
}

/// The UTC date `dagen` days from the browser's today (negative: ago), `JJJJ-MM-DD` (the views' "today" is
/// the browser's UTC date).
pub async fn datum_over(browser: &Browser, dagen: i64) -> anyhow::Result<String> {
    let v = browser
        .client()
        .execute(
            "return new Date(Date.now() + arguments[0] * 86400000).toISOString().slice(0, 10);",
            vec![json!(dagen)],
        )
        .await?;
    v.as_str().map(str::to_string).context("a date")
}

/// GETs `pad` (e.g. an export's link) with the browser's session cookie; its body.
pub async fn download_bytes_met_sessie(
    browser: &Browser,
    koers: &Koers,
    pad: &str,
) -> anyhow::Result<Vec<u8>> {
    let cookie = browser
        .client()
        .get_all_cookies()
        .await?
        .iter()
        .map(|c| format!("{}={}", c.name(), c.value()))
        .collect::<Vec<_>>()
        .join("; ");
    let r = koers
        .http()
        .get(koers.url(pad))
        .header("cookie", cookie)
        .send()
        .await?;
    anyhow::ensure!(r.status() == 200, "GET {pad}: {}", r.status());
    Ok(r.bytes().await?.to_vec())
}

/// [`download_bytes_met_sessie`] as text (UTF-8, without a BOM).
pub async fn download_met_sessie(browser: &Browser, koers: &Koers, pad: &str) -> anyhow::Result<String> {
    let bytes = download_bytes_met_sessie(browser, koers, pad).await?;
    Ok(String::from_utf8(bytes)?
        .trim_start_matches('\u{feff}')
        .to_string())
}

/// The rows of a `;`-separated CSV text (the header first).
pub fn csv_regels(tekst: &str) -> anyhow::Result<Vec<Vec<String>>> {
    Ok(csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(tekst.as_bytes())
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
        .collect::<Result<_, _>>()?)
}

/// Writes `rows` as a `;`-separated CSV file `naam` in `dir`; its path.
pub fn schrijf_csv(dir: &std::path::Path, naam: &str, rows: &[Vec<String>]) -> anyhow::Result<String> {
    let pad = dir.join(naam);
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_path(&pad)?;
    for r in rows {
        w.write_record(r)?;
    }
    w.flush()?;
    Ok(pad.display().to_string())
}

/// Runs the plan import's dry run of what is in the form and waits for its report without problems: its
/// `n` records (fails on another number).
pub async fn import_gecontroleerd(
    browser: &Browser,
    n: usize,
) -> anyhow::Result<Vec<fantoccini::elements::Element>> {
    browser
        .wait_for(fixtures::IMPORT_CONTROLEREN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::IMPORT_IN_ORDE).await?;
    let records = browser.wait_for_at_least(fixtures::IMPORT_RECORD, n).await?;
    anyhow::ensure!(records.len() == n, "{n} records, not {}", records.len());
    Ok(records)
}

/// Applies the checked plan import and waits for its notice; the plan made, from the API (`id`, `titel`,
/// `opgaven { id }`).
pub async fn import_toegepast(
    browser: &Browser,
    koers: &Koers,
    titel: &str,
) -> anyhow::Result<serde_json::Value> {
    browser
        .wait_for(fixtures::IMPORT_TOEPASSEN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::IMPORT_GEDAAN).await?;
    let plannen = koers
        .graphql("{ actieplannen { id titel opgaven { id } } }", json!({}))
        .await?;
    crate::array(&plannen["actieplannen"], "actieplannen")?
        .iter()
        .find(|p| p["titel"] == titel)
        .cloned()
        .context("the imported plan is in the API")
}

/// Runs the plan import's dry run of what is in the form and waits for its first problem (then nothing can
/// be applied); that problem.
pub async fn import_afgewezen(browser: &Browser) -> anyhow::Result<fantoccini::elements::Element> {
    browser
        .wait_for(fixtures::IMPORT_CONTROLEREN)
        .await?
        .click()
        .await?;
    let probleem = browser.wait_for(fixtures::IMPORT_PROBLEEM).await?;
    anyhow::ensure!(
        browser.find_now(fixtures::IMPORT_TOEPASSEN).await?.is_none(),
        "a file with a problem cannot be applied"
    );
    Ok(probleem)
}
