//! Browser test of a briefly unreachable API outside the presentation mode: the views keep showing their last
//! data with a notice saying how old it is, and recover by themselves when the API is back.
//!
//! The browser reaches Koers through a TCP proxy that the test cuts and restores. Ignored by default like the
//! other browser tests; run with `cargo test -p koers-e2e --test verbinding -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::proxy::Proxy;
use koers_e2e::{Browser, Koers, fixtures};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn laatste_gegevens_blijven_staan_en_herstellen_vanzelf() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let vrij = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
    let proxy = Proxy::start(vrij, koers.addr()).await?;
    let browser = Browser::start().await?;

    browser.goto(&format!("http://{vrij}/")).await?;
    browser.wait_for(fixtures::OVERZICHT).await?;
    let plannen = browser.wait_for_at_least(fixtures::ACTIEPLAN, 5).await?.len();
    browser
        .wait_for(fixtures::ORGANISATIES_MENU_LINK)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::ORGANISATIES_PAGINA).await?;
    assert!(browser.find_now(fixtures::VERBINDING_MELDING).await?.is_none());

    // The API goes away; back to the overview inside the app: the last data, with the notice.
    proxy.knip();
    browser.wait_for(fixtures::OVERZICHT_LINK).await?.click().await?;
    let melding = browser
        .wait_for(fixtures::VERBINDING_MELDING)
        .await
        .context("the notice shows while the API is unreachable")?;
    assert!(melding.text().await?.contains("niet bereikbaar"));
    browser.wait_for(fixtures::OVERZICHT).await?;
    assert_eq!(
        browser.wait_for_at_least(fixtures::ACTIEPLAN, 5).await?.len(),
        plannen,
        "the overview still shows every plan"
    );
    browser.screenshot("verbinding-onderbroken").await?;

    // The API is back: the notice goes by itself and the view is loaded again.
    let _proxy = Proxy::start(vrij, koers.addr()).await?;
    let t = std::time::Instant::now();
    while browser.find_now(fixtures::VERBINDING_MELDING).await?.is_some() {
        anyhow::ensure!(t.elapsed().as_secs() < 15, "the notice did not go away by itself");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    browser.wait_for(fixtures::OVERZICHT).await?;
    assert_eq!(
        browser.wait_for_at_least(fixtures::ACTIEPLAN, 5).await?.len(),
        plannen
    );
    browser.close().await
}
