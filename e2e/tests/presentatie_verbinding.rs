//! Browser tests of the presentation mode's live connection: when the connection to the server drops, the
//! presentation says "verbinding herstellen…", keeps its slide, reconnects by itself and then shows what
//! changed meanwhile; and a live change reaches the plan's roll-up too, not only the opgave's.
//!
//! The browser reaches Koers through a small TCP proxy in this test, so that the test can cut every
//! connection and later accept them again on the same port. Ignored by default like the other browser tests.

use anyhow::Context;
use koers_e2e::presentatie::{Keuze, aandeel_afgerond, eerste_geplande, projector};
use koers_e2e::proxy::Proxy;
use koers_e2e::{Browser, Koers, fixtures, id_of};
use koers_shared::procent_tekst;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn verbinding_herstelt_zich() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let vrij = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
    let proxy = Proxy::start(vrij, koers.addr()).await?;
    let browser = Browser::start().await?;
    projector(&browser).await?;

    let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
    let Keuze {
        nummer,
        opgave_id,
        actie,
        ..
    } = eerste_geplande(&data)?;
    let url = format!(
        "http://{vrij}{}",
        fixtures::presentatie_pad(&format!("dia={nummer}"))
    );
    browser.goto(&url).await?;
    browser.wait_for(&fixtures::dia_van_opgave(&opgave_id)).await?;
    let live = format!(
        r#"{}[{}="verbonden"]"#,
        fixtures::PRESENTATIE,
        fixtures::DATA_LIVE
    );
    browser.wait_for(&live).await?;
    assert!(browser.find_now(fixtures::VERBINDING_HERSTELLEN).await?.is_none());

    proxy.knip();
    browser
        .wait_for(fixtures::VERBINDING_HERSTELLEN)
        .await
        .context("the notice shows while the connection is down")?;
    browser.screenshot("presentatie-verbinding-herstellen").await?;

    // A change while the presentation cannot hear it.
    let invoer = json!({ "id": id_of(&actie)?, "versie": actie["versie"], "status": "AFGEROND" });
    koers
        .graphql(fixtures::VOORTGANG_MUTATIE, json!({ "invoer": invoer }))
        .await?;
    let aandeel = aandeel_afgerond(&koers, &opgave_id).await?;

    let _proxy = Proxy::start(vrij, koers.addr()).await?;
    browser.wait_for(&live).await.context("reconnects by itself")?;
    browser
        .wait_for_text(fixtures::DIA_VOORTGANG, &aandeel)
        .await
        .context("shows what changed while disconnected")?;
    assert!(browser.find_now(fixtures::VERBINDING_HERSTELLEN).await?.is_none());
    let dia = browser.wait_for(fixtures::DIA).await?;
    assert_eq!(
        dia.attr(fixtures::DATA_INDEX).await?,
        Some(nummer.to_string()),
        "the slide did not change"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn plan_rollup_volgt_live() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
    let keuze = eerste_geplande(&data)?;
    browser
        .goto(&koers.url(&fixtures::presentatie_pad(&format!("dia={}", keuze.nummer))))
        .await?;
    browser
        .wait_for(&fixtures::dia_van_opgave(&keuze.opgave_id))
        .await?;
    let live = format!(
        r#"{}[{}="verbonden"]"#,
        fixtures::PRESENTATIE,
        fixtures::DATA_LIVE
    );
    browser.wait_for(&live).await?;
    // The subscribe message follows the acknowledgement; give the server a moment to register it.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let actie = &keuze.actie;
    let invoer = json!({ "id": id_of(actie)?, "versie": actie["versie"], "status": "AFGEROND" });
    koers
        .graphql(fixtures::VOORTGANG_MUTATIE, json!({ "invoer": invoer }))
        .await?;
    let plan = koers
        .graphql(fixtures::ACTIEPLAN_ROLLUP_QUERY, json!({ "id": keuze.plan_id }))
        .await?;
    let aandeel = plan["actieplan"]["rollup"]["aandeelAfgerond"]
        .as_f64()
        .context("aandeelAfgerond of the plan")?;

    // Page back to the plan's slide without reloading.
    let root = browser.wait_for(fixtures::PRESENTATIE).await?;
    for _ in keuze.plan_dia..keuze.nummer {
        root.send_keys(&char::from(fantoccini::key::Key::PageUp).to_string())
            .await?;
    }
    let plan_dia = format!(
        r#"{}[{}="plan"][{}="{}"]"#,
        fixtures::DIA,
        fixtures::DATA_SOORT,
        fixtures::DATA_ID,
        keuze.plan_id
    );
    browser.wait_for(&plan_dia).await?;
    browser
        .wait_for_text(fixtures::DIA_VOORTGANG, &procent_tekst(aandeel))
        .await
        .context("the plan's roll-up follows the live change")?;
    browser.close().await
}
