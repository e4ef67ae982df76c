//! Browser test of the webhooks on the beheer page: a beheerder registers one (the secret shown once), a
//! receiver that fails switches it off (the notice says why), the beheerder switches it on again, the delivery
//! log shows the delivery, and "Opnieuw versturen" sends the same message again.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test -p koers-e2e --test webhooks -- --ignored --test-threads=1` (also done by `.ci/test`).

use axum::http::{HeaderMap, StatusCode};
use koers_e2e::{Browser, Koers, fixtures, vul_aanmelden_in};
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The `webhook-id` and status of every request a receiver got.
type Ontvangen = Arc<Mutex<Vec<(String, u16)>>>;

/// A receiver on 127.0.0.1 that answers 500 to its first `falen` requests and 200 after.
async fn ontvanger(falen: usize) -> anyhow::Result<(String, Ontvangen)> {
    let ontvangen: Ontvangen = Arc::default();
    let lijst = Arc::clone(&ontvangen);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hook", listener.local_addr()?);
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap| {
            let lijst = Arc::clone(&lijst);
            async move {
                let id = headers
                    .get("webhook-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_string();
                let mut l = lijst.lock().unwrap_or_else(|p| p.into_inner());
                let status = if l.len() < falen { 500 } else { 200 };
                l.push((id, status));
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            }
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok((url, ontvangen))
}

/// Clicks `knop` until `doel` shows (at most a minute): the list and log load on request.
async fn ververs_tot(browser: &Browser, knop: &str, doel: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while browser.find_now(doel).await?.is_none() {
        anyhow::ensure!(Instant::now() < deadline, "{doel} did not show within a minute");
        browser.wait_for(knop).await?.click().await?;
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Ok(())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_beheerder_registreert_een_webhook_en_ziet_het_leveringslog() -> anyhow::Result<()> {
    let koers = Koers::start_with(|s| {
        s.webhooks.lokale_doelen = true;
        s.webhooks.basis_wachttijd = Duration::from_millis(50);
        s.webhooks.max_wachttijd = Duration::from_millis(200);
        s.webhooks.poll = Duration::from_millis(50);
        s.webhooks.max_fouten = 2;
    })
    .await?;
    let (url, ontvangen) = ontvanger(2).await?;
    let wachtwoord = koers.gebruiker("bea", "beheerder", &[]).await?;
    let browser = Browser::start().await?;
    browser.goto(&koers.url("/beheer")).await?;
    browser.wait_for(fixtures::AANMELDEN_LINK).await?.click().await?;
    browser.wait_for(fixtures::AANMELDEN_PAGINA).await?;
    vul_aanmelden_in(&browser, "bea", &wachtwoord).await?;
    browser.wait_for(fixtures::WEBHOOK_FORMULIER).await?;

    browser
        .wait_for(fixtures::WEBHOOK_NAAM)
        .await?
        .send_keys("RIEC-koppeling")
        .await?;
    browser
        .wait_for(fixtures::WEBHOOK_URL)
        .await?
        .send_keys(&url)
        .await?;
    browser
        .wait_for(fixtures::GEBEURTENIS_AANGEMAAKT)
        .await?
        .click()
        .await?;
    browser
        .wait_for(fixtures::WEBHOOK_REGISTREREN)
        .await?
        .click()
        .await?;
    let geheim = browser.wait_for(fixtures::WEBHOOK_GEHEIM).await?.text().await?;
    assert!(geheim.trim().starts_with("whsec_"), "{geheim}");
    browser.wait_for_text(fixtures::WEBHOOK_STAND, "aan").await?;

    // An actie is created; the receiver fails twice, so the webhook is switched off, with a notice.
    let plan = koers.plan(fixtures::RAP_MENSENHANDEL).await?;
    koers
        .graphql(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": plan["opgaven"][0]["id"], "titel": "Gemeld aan de partner", "jaar": 2026,
                "status": "GEPLAND" } }),
        )
        .await?;
    ververs_tot(
        &browser,
        fixtures::WEBHOOKS_VERVERSEN,
        fixtures::WEBHOOK_UIT_MELDING,
    )
    .await?;
    let melding = browser
        .wait_for(fixtures::WEBHOOK_UIT_MELDING)
        .await?
        .text()
        .await?;
    assert!(
        melding.contains("RIEC-koppeling") && melding.contains("HTTP 500"),
        "{melding}"
    );
    browser.wait_for_text(fixtures::WEBHOOK_STAND, "uit").await?;
    browser.screenshot("webhook-uit").await?;

    // Switched on again: the waiting message goes out, and the log shows it delivered.
    browser
        .wait_for(fixtures::WEBHOOK_AANZETTEN)
        .await?
        .click()
        .await?;
    browser.wait_for_text(fixtures::WEBHOOK_STAND, "aan").await?;
    browser.wait_for(fixtures::WEBHOOK_LOG).await?.click().await?;
    browser.wait_for(fixtures::LEVERING_LOG).await?;
    ververs_tot(&browser, fixtures::LEVERING_VERVERSEN, fixtures::LEVERING_BEZORGD).await?;
    browser.screenshot("webhook-log").await?;
    let fouten = browser.axe_violations().await?;
    assert!(
        fouten.is_empty(),
        "axe on the beheer page with webhooks: {fouten:?}"
    );

    // Send again: the same message (same webhook-id) arrives a second time.
    browser
        .wait_for(fixtures::LEVERING_OPNIEUW)
        .await?
        .click()
        .await?;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let l = ontvangen.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let ok: Vec<_> = l.iter().filter(|(_, s)| *s == 200).collect();
        if ok.len() >= 2 {
            assert_eq!(ok[0].0, ok[1].0, "{l:?}");
            assert_eq!(l.len(), 4, "two failures, then twice delivered: {l:?}");
            break;
        }
        anyhow::ensure!(Instant::now() < deadline, "sent again, not received: {l:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    browser.close().await
}
