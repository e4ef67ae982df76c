//! Browser tests of the print view (`/afdrukken`): Chromium prints it to PDF (WebDriver's Print command) and
//! the PDF has the expected pages and titles — one A4 for one opgave, and the RVO board pack with its cover
//! (meeting date, stand per), a page per plan and a page per opgave.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test --workspace --test afdruk -- --ignored --test-threads=1`.

use anyhow::Context;
use fantoccini::wd::PrintConfiguration;
use koers_e2e::{Browser, Koers, array, id_of};
use serde_json::{Value, json};

/// A4 in PDF points.
const A4: (f32, f32) = (595.3, 841.9);

/// Prints the current page to PDF and reads it back.
async fn druk_af(browser: &Browser, naam: &str) -> anyhow::Result<lopdf::Document> {
    let pdf = browser.client().print(PrintConfiguration::default()).await?;
    let pad = koers_e2e::artifacts_dir()?.join(format!("{naam}.pdf"));
    std::fs::write(&pad, &pdf)?;
    lopdf::Document::load_mem(&pdf).context("reading the printed PDF")
}

/// The text of every page, without white space (the PDF splits words as it likes).
fn tekst(doc: &lopdf::Document) -> anyhow::Result<String> {
    let paginas: Vec<u32> = doc.get_pages().keys().copied().collect();
    let t = doc.extract_text(&paginas)?;
    Ok(t.chars().filter(|c| !c.is_whitespace()).collect())
}

fn zonder_wit(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Width and height of page 1, in points.
fn maat(doc: &lopdf::Document) -> anyhow::Result<(f32, f32)> {
    let (_, id) = doc.get_pages().into_iter().next().context("no page")?;
    let pagina = doc.get_dictionary(id)?;
    let vak = pagina.get(b"MediaBox")?.as_array()?;
    let getal = |i: usize| -> anyhow::Result<f32> {
        let o = vak.get(i).context("MediaBox")?;
        Ok(o.as_float().or_else(|_| o.as_i64().map(|v| v as f32))?)
    };
    Ok((getal(2)? - getal(0)?, getal(3)? - getal(1)?))
}

/// Every plan of the presentation's data, with its opgaven.
fn plannen(data: &Value) -> anyhow::Result<Vec<Value>> {
    let mut uit = Vec::new();
    for thema in array(&data["themas"], "themas")? {
        uit.extend(array(&thema["actieplannen"], "actieplannen")?.iter().cloned());
    }
    Ok(uit)
}

const DATA_QUERY: &str = "{ themas { actieplannen { id titel opgaven { id titel } } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_opgave_op_een_a4() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let data = koers.graphql(DATA_QUERY, json!({})).await?;
    let plan = plannen(&data)?.into_iter().next().context("no plan")?;
    let opgave = array(&plan["opgaven"], "opgaven")?
        .first()
        .context("no opgave")?
        .clone();
    browser
        .goto(&koers.url(&format!("/afdrukken?opgave={}", id_of(&opgave)?)))
        .await?;
    browser
        .wait_for(r#"[data-testid="blad"][data-soort="opgave"]"#)
        .await?;
    browser
        .wait_for_at_least(r#"[data-testid="afdruk-actie"]"#, 1)
        .await?;
    let doc = druk_af(&browser, "afdruk-opgave").await?;
    assert_eq!(doc.get_pages().len(), 1, "one opgave is one page");
    let (b, h) = maat(&doc)?;
    assert!(
        (b - A4.0).abs() < 3.0 && (h - A4.1).abs() < 3.0,
        "A4, got {b}×{h} pt"
    );
    let t = tekst(&doc)?;
    for verwacht in [opgave["titel"].as_str(), plan["titel"].as_str()] {
        let verwacht = zonder_wit(verwacht.context("titel")?);
        assert!(t.contains(&verwacht), "{verwacht:?} not in the PDF: {t}");
    }
    assert!(!t.contains("Afdrukken"), "the print button is printed");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn bestuurspakket_per_rvo() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let data = koers.graphql(DATA_QUERY, json!({})).await?;
    let plannen = plannen(&data)?;
    let opgaven: usize = plannen
        .iter()
        .map(|p| p["opgaven"].as_array().map_or(0, Vec::len))
        .sum();
    let rvo = koers
        .graphql("{ rvoVergaderingen { id datum } }", json!({}))
        .await?;
    let vergadering = array(&rvo["rvoVergaderingen"], "rvoVergaderingen")?
        .first()
        .context("the seed has no RVO meeting")?
        .clone();

    browser
        .goto(&koers.url(&format!("/afdrukken?rvo={}", id_of(&vergadering)?)))
        .await?;
    let bladen = browser
        .wait_for_at_least(r#"[data-testid="blad"]"#, 1 + plannen.len() + opgaven)
        .await?
        .len();
    assert_eq!(bladen, 1 + plannen.len() + opgaven, "cover, plans, opgaven");
    let datum = browser
        .wait_for(r#"[data-testid="afdruk-vergadering"]"#)
        .await?
        .text()
        .await?;
    let stand = browser
        .wait_for(r#"[data-testid="afdruk-stand"]"#)
        .await?
        .text()
        .await?;
    let doc = druk_af(&browser, "afdruk-bestuurspakket").await?;
    let paginas = doc.get_pages().len();
    assert!(
        paginas >= bladen && paginas <= bladen + opgaven,
        "every sheet starts a page: {paginas} pages for {bladen} sheets"
    );
    let t = tekst(&doc)?;
    let mut ontbreekt = Vec::new();
    for verwacht in ["Bestuurspakket RVO", &datum, &stand]
        .into_iter()
        .map(str::to_string)
        .chain(
            plannen
                .iter()
                .filter_map(|p| p["titel"].as_str().map(str::to_string)),
        )
    {
        if !t.contains(&zonder_wit(&verwacht)) {
            ontbreekt.push(verwacht);
        }
    }
    assert!(ontbreekt.is_empty(), "not in the PDF: {ontbreekt:?}\n{t}");
    // The cover is a page of its own: page 1 has the date, not the first plan.
    let eerste = zonder_wit(&doc.extract_text(&[1])?);
    assert!(eerste.contains(&zonder_wit(&datum)), "page 1: {eerste}");
    let plan1 = plannen[0]["titel"].as_str().context("titel")?;
    assert!(
        !eerste.contains(&zonder_wit(plan1)),
        "the first plan is on the cover: {eerste}"
    );
    browser.close().await
}
