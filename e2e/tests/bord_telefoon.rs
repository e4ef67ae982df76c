//! Browser test of the board and the actieplan table on a phone (390 and 320 px): no sideways scrolling, and
//! status, health and progress inside the screen on every row (issue 14).
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test --workspace --test bord_telefoon -- --ignored --test-threads=1`.

use koers_e2e::bord::{anoniem, formaat, plannen};
use koers_e2e::browser::axe::TELEFOON;
use koers_e2e::{Browser, Koers, fixtures, id_of};
use serde_json::json;

/// The parts of each row that must be on screen at a phone's width: (row, cells).
const TELEFOON_JS: &str = r#"const [rijen, cellen] = arguments;
const breed = document.documentElement.clientWidth;
const fout = [];
let n = 0;
for (const rij of document.querySelectorAll(rijen)) {
  for (const sel of cellen) {
    const c = rij.querySelector(sel);
    n += 1;
    if (!c) { fout.push(`${rij.dataset.id}: no ${sel}`); continue; }
    const r = c.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.left < 0 || r.right > breed + 0.5) {
      fout.push(`${rij.dataset.id} ${sel}: ${r.left}–${r.right} of ${breed}`);
    }
  }
}
return [n, fout];"#;

/// Checks that no page scrolls sideways and that every row shows `cellen` inside the screen.
async fn op_scherm(
    browser: &Browser,
    waar: &str,
    rijen: &str,
    cellen: &[&str],
) -> anyhow::Result<Vec<String>> {
    let mut problemen = Vec::new();
    let over = browser.horizontal_overflow().await?;
    if over > 0 {
        let te_breed = browser.overflowing_elements().await?.join(", ");
        problemen.push(format!("{waar}: {over} px wider than the screen: {te_breed}"));
    }
    let v = browser
        .client()
        .execute(TELEFOON_JS, vec![json!(rijen), json!(cellen)])
        .await?;
    let n = v[0].as_u64().unwrap_or_default();
    if n == 0 {
        problemen.push(format!("{waar}: no rows {rijen}"));
    }
    for f in v[1].as_array().into_iter().flatten() {
        problemen.push(format!("{waar}: {}", f.as_str().unwrap_or_default()));
    }
    Ok(problemen)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn bord_en_actieplan_passen_op_een_telefoon() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let plan = &plannen(&anoniem(&koers, fixtures::BORD_QUERY).await?)?[0];
    let plan_pad = fixtures::actieplan_pad(&id_of(plan)?);
    let mut problemen = Vec::new();
    for breedte in [TELEFOON.0, 320] {
        formaat(&browser, (breedte, TELEFOON.1)).await?;
        browser.goto(&koers.url("/")).await?;
        browser.wait_for(fixtures::BORD).await?;
        let cellen = [
            r#"[data-testid="opgave-aandeel-afgerond"]"#,
            r#"[data-testid="opgave-gezondheid"][data-gezondheid="risico"]"#,
            r#"[data-testid="opgave-sinds-rvo"]"#,
            r#"[data-testid="opgave-te-laat"]"#,
            ".balk",
        ];
        problemen.extend(op_scherm(&browser, &format!("/ at {breedte}"), fixtures::OPGAVE, &cellen).await?);
        browser.screenshot(&format!("bord-overzicht-{breedte}")).await?;

        browser.goto(&koers.url(&plan_pad)).await?;
        browser.wait_for(fixtures::ACTIE_RIJ).await?;
        // Status, health and progress: the first, second and last cell after the title.
        let cellen = ["td:nth-of-type(1)", "td:nth-of-type(2)", "td:last-child"];
        problemen.extend(
            op_scherm(
                &browser,
                &format!("{plan_pad} at {breedte}"),
                fixtures::ACTIE_RIJ,
                &cellen,
            )
            .await?,
        );
        browser.scroll_to(fixtures::OPGAVE_SECTIE).await?;
        browser.screenshot(&format!("bord-actieplan-{breedte}")).await?;
    }
    browser.close().await?;
    assert!(problemen.is_empty(), "\n{}", problemen.join("\n"));
    Ok(())
}
