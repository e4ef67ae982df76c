//! Browser test of the validation messages in English: the server sends a key with parameters next to its
//! Dutch text, and the English UI says it in English — never the Dutch as it came.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test --workspace --test meldingen_engels -- --ignored --test-threads=1`.

use koers_e2e::{Browser, Koers, fixtures, vul_aanmelden_in};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_servermelding_in_het_engels() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker("bea", "beheerder", &[]).await?;
    let browser = Browser::start().await?;
    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::OVERZICHT).await?;
    browser
        .client()
        .execute(
            "localStorage.setItem(arguments[0], 'en');",
            vec![json!(fixtures::TAAL_SLEUTEL)],
        )
        .await?;
    browser.goto(&koers.url("/beheer")).await?;
    browser.wait_for(fixtures::AANMELDEN_LINK).await?.click().await?;
    browser.wait_for(fixtures::AANMELDEN_PAGINA).await?;
    vul_aanmelden_in(&browser, "bea", &wachtwoord).await?;
    browser.wait_for(fixtures::PLAN_FORMULIER).await?;

    // A period that ends before it begins: the server refuses it (BAD_USER_INPUT, key PERIODE_OMGEKEERD).
    for (sel, tekst) in [
        (fixtures::PLAN_TITEL, "Plan with a period backwards"),
        (fixtures::PLAN_VAN, "2031"),
        (fixtures::PLAN_TOT, "2027"),
    ] {
        let veld = browser.wait_for(sel).await?;
        veld.clear().await?;
        veld.send_keys(tekst).await?;
    }
    browser.wait_for(fixtures::PLAN_MAKEN).await?.click().await?;
    let melding = browser.wait_for(fixtures::PLAN_TOT_FOUT).await?.text().await?;
    assert_eq!(melding, "The period ends before it begins.");
    let tot = browser.wait_for(fixtures::PLAN_TOT).await?;
    assert_eq!(tot.attr("aria-invalid").await?.as_deref(), Some("true"));
    let bron = browser.client().source().await?;
    assert!(
        !bron.contains("looptijd"),
        "the Dutch message is in the English page"
    );
    browser.screenshot("melding-engels").await?;
    browser.close().await
}
