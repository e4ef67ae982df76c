//! Browser tests of the first view: a lazy route's module loads on a direct visit and on navigation (and not
//! before it is needed), a second visit takes every file from the browser's cache, and nothing moves while the
//! page loads — index.html's frame, the app replacing it, a lazy route and its data arriving — at any width
//! from 320 to 2560 px.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test --workspace --test eerste_beeld -- --ignored --test-threads=1` (done by `.ci/test`).

use anyhow::Context;
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use serde_json::json;

/// The wasm files this document fetched so far (resource timing), by file name.
async fn wasm_geladen(browser: &Browser) -> anyhow::Result<Vec<String>> {
    let v = browser
        .client()
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name)
               .filter(n => n.endsWith('.wasm')).map(n => n.split('/').pop());",
            vec![],
        )
        .await?;
    Ok(v.as_array()
        .context("resource names")?
        .iter()
        .filter_map(|n| n.as_str().map(str::to_string))
        .collect())
}

/// Whether one of `files` is the module of the split `naam` (`split___<naam>_view_<n>-<hash>.wasm`).
fn heeft_split(files: &[String], naam: &str) -> bool {
    files
        .iter()
        .any(|f| f.starts_with(&format!("split___{naam}_view_")))
}

async fn eerste_plan(koers: &Koers) -> anyhow::Result<String> {
    let data = koers.graphql("{ actieplannen { id } }", json!({})).await?;
    let plannen = array(&data["actieplannen"], "actieplannen")?;
    id_of(plannen.first().context("the seed has action plans")?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn lazy_route_laadt_zijn_module_bij_direct_bezoek_en_bij_navigatie() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let plan = eerste_plan(&koers).await?;

    // A direct visit: the main module, then the route's own module.
    browser.goto(&koers.url(&format!("/actieplan/{plan}"))).await?;
    browser
        .wait_for(&format!(
            "{} {}",
            fixtures::actieplan_pagina(&plan),
            fixtures::ACTIE_RIJ
        ))
        .await?;
    let geladen = wasm_geladen(&browser).await?;
    assert!(
        heeft_split(&geladen, "actieplan"),
        "direct visit loads the actieplan module: {geladen:?}"
    );
    assert!(
        !heeft_split(&geladen, "presentatie"),
        "and not the presentation's: {geladen:?}"
    );

    // The overview is in the main module: no split at all.
    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::OVERZICHT).await?;
    let geladen = wasm_geladen(&browser).await?;
    assert!(
        !geladen
            .iter()
            .any(|f| f.starts_with("split_") || f.starts_with("chunk_")),
        "/ needs no lazy module: {geladen:?}"
    );

    // Navigation in the app (no new document: the marker stays) fetches the presentation's module.
    browser
        .client()
        .execute("window.koersZelfdeDocument = true;", vec![])
        .await?;
    browser
        .wait_for(fixtures::PRESENTATIE_LINK)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::DIA).await?;
    let zelfde = browser
        .client()
        .execute("return window.koersZelfdeDocument === true;", vec![])
        .await?;
    assert_eq!(
        zelfde,
        json!(true),
        "the router navigated without loading a new page"
    );
    let geladen = wasm_geladen(&browser).await?;
    assert!(
        heeft_split(&geladen, "presentatie"),
        "navigation loads the presentation's module: {geladen:?}"
    );

    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_tweede_bezoek_haalt_alleen_gegevens() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let plan = eerste_plan(&koers).await?;
    let pad = format!("/actieplan/{plan}");
    let geladen = format!("{} {}", fixtures::actieplan_pagina(&plan), fixtures::ACTIE_RIJ);
    browser.goto(&koers.url(&pad)).await?;
    browser.wait_for(&geladen).await?;

    // A new visit (not a reload, which revalidates on purpose): the hashed files come from the cache
    // without asking the server (0 bytes over the wire, not even a 304); only the data travels.
    browser.goto(&koers.url(&format!("{pad}?opnieuw"))).await?;
    browser.wait_for(&geladen).await?;
    let v = browser
        .client()
        .execute(
            "return performance.getEntriesByType('resource').map(e => [new URL(e.name).pathname, e.transferSize]);",
            vec![],
        )
        .await?;
    let bestanden: Vec<(String, u64)> = v
        .as_array()
        .context("resource entries")?
        .iter()
        .filter_map(|e| Some((e[0].as_str()?.to_string(), e[1].as_u64()?)))
        .collect();
    let assets: Vec<_> = bestanden
        .iter()
        .filter(|(p, _)| p.starts_with("/assets/"))
        .collect();
    assert!(
        assets.iter().any(|(p, _)| p.ends_with(".wasm")) && assets.iter().any(|(p, _)| p.ends_with(".css")),
        "the page loads its wasm and CSS from /assets/: {bestanden:?}"
    );
    let over: Vec<_> = assets.iter().filter(|(_, n)| *n > 0).collect();
    assert!(
        over.is_empty(),
        "files fetched again on the second visit: {over:?}"
    );
    assert!(
        bestanden.iter().any(|(p, n)| p == "/graphql" && *n > 0),
        "the data does travel: {bestanden:?}"
    );
    browser.close().await
}

/// The layout shifts of this document so far (not after input), summed: at least Lighthouse's CLS, which
/// takes the worst window of them. Waits two frames so that the last render is laid out.
const VERSCHUIVING: &str = r#"
const klaar = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => {
  let som = 0;
  const wat = [];
  const tel = (lijst) => {
    for (const e of lijst) {
      if (e.hadRecentInput) continue;
      som += e.value;
      wat.push(e.value.toFixed(3) + " " + (e.sources || []).map(s => s.node && s.node.nodeName
        ? s.node.nodeName + "." + (s.node.className || "") : "?").join(","));
    }
  };
  const po = new PerformanceObserver((l) => tel(l.getEntries()));
  po.observe({ type: "layout-shift", buffered: true });
  // Buffered entries arrive in a task; with no shift at all no callback comes.
  setTimeout(() => { tel(po.takeRecords()); po.disconnect(); klaar([som, wat.join("; ")]); }, 300);
}));
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn niets_verschuift_tijdens_het_laden_op_elke_breedte() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let plan = eerste_plan(&koers).await?;
    let paginas = [
        (
            "/".to_string(),
            format!("{} {}", fixtures::OVERZICHT, fixtures::OPGAVE),
        ),
        (
            format!("/actieplan/{plan}"),
            format!("{} {}", fixtures::actieplan_pagina(&plan), fixtures::ACTIE_RIJ),
        ),
        (
            "/presentatie".to_string(),
            format!("{} {}", fixtures::PRESENTATIE, fixtures::DIA),
        ),
    ];
    let mut fouten = Vec::new();
    for breedte in [
        320, 390, 768, 1024, 1280, 1335, 1340, 1345, 1350, 1366, 1600, 1800, 1920, 2560,
    ] {
        browser.set_viewport((breedte, 900)).await?;
        for (pad, geladen) in &paginas {
            // A fresh document each time (the query string makes it a new navigation, not a same-page one).
            browser
                .goto(&koers.url(&format!("{pad}?breedte={breedte}")))
                .await?;
            browser.wait_for(geladen).await?;
            let v = browser.client().execute_async(VERSCHUIVING, vec![]).await?;
            let som = v[0]
                .as_f64()
                .with_context(|| format!("layout shift answer {v}"))?;
            if som > 0.05 {
                fouten.push(format!("{pad} at {breedte} px: {som:.3} ({})", v[1]));
            }
        }
    }
    assert!(
        fouten.is_empty(),
        "layout shifts above 0.05:\n{}",
        fouten.join("\n")
    );
    browser.close().await
}
