//! Browser tests of the RVO dates and the users on the beheer page: a beheerder adds an RVO date and
//! "Sinds vorige RVO" takes it as its default meeting, follows its move and its removal; a beheerder creates a
//! user who then signs in and changes her own password. axe is clean on the beheer page and the own-password
//! page, in Dutch and English.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test --workspace --test beheer_rvo_gebruikers -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::beheer::{beheer_aangemeld, beheer_engels, datum_over};
use koers_e2e::{Browser, Koers, aanmelden, fixtures, vul_aanmelden_in};

/// Opens `/sinds-rvo` without a date and returns the meeting it chose.
async fn standaard_vergadering(browser: &Browser, koers: &Koers) -> anyhow::Result<String> {
    browser.goto(&koers.url(fixtures::SINDS_RVO_PAD)).await?;
    let geladen = browser.wait_for(fixtures::SINDS_RVO_GELADEN).await?;
    geladen
        .attr(fixtures::DATA_DATUM)
        .await?
        .context("the chosen date")
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn sinds_vorige_rvo_volgt_een_nieuwe_vergadering() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;
    let eerder = datum_over(&browser, -2).await?;
    let nog_eerder = datum_over(&browser, -3).await?;
    let voor_de_test = standaard_vergadering(&browser, &koers).await?;
    assert!(
        voor_de_test < nog_eerder,
        "the seed's last meeting {voor_de_test} lies before the test's"
    );

    browser.goto(&koers.url("/beheer")).await?;
    browser
        .wait_for(fixtures::RVO_NIEUW_DATUM)
        .await?
        .send_keys(&eerder)
        .await?;
    browser
        .wait_for(fixtures::RVO_NIEUW_OMSCHRIJVING)
        .await?
        .send_keys("Regionaal Veiligheidsoverleg (e2e)")
        .await?;
    browser.wait_for(fixtures::RVO_TOEVOEGEN).await?.click().await?;
    browser.wait_for(&fixtures::rvo_regel(&eerder)).await?;
    assert_eq!(standaard_vergadering(&browser, &koers).await?, eerder);

    // Moved a day earlier: the view follows.
    browser.goto(&koers.url("/beheer")).await?;
    let regel = fixtures::rvo_regel(&eerder);
    let veld = browser
        .wait_for(&format!("{regel} {}", fixtures::RVO_NIEUWE_DATUM))
        .await?;
    veld.clear().await?;
    veld.send_keys(&nog_eerder).await?;
    browser
        .wait_for(&format!("{regel} {}", fixtures::RVO_VERPLAATSEN))
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::rvo_regel(&nog_eerder)).await?;
    assert_eq!(standaard_vergadering(&browser, &koers).await?, nog_eerder);

    // Removed: the view falls back to the meeting before it.
    browser.goto(&koers.url("/beheer")).await?;
    let regel = fixtures::rvo_regel(&nog_eerder);
    browser
        .wait_for(&format!("{regel} {}", fixtures::RVO_VERWIJDEREN))
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::RVO_OPGESLAGEN).await?;
    assert!(
        browser.find_now(&regel).await?.is_none(),
        "the meeting is gone from the list"
    );
    assert_eq!(standaard_vergadering(&browser, &koers).await?, voor_de_test);
    browser.close().await
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_nieuwe_gebruiker_meldt_zich_aan_en_wijzigt_haar_wachtwoord() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;

    browser
        .wait_for(fixtures::GEBRUIKER_NAAM)
        .await?
        .send_keys("Carla de Vries")
        .await?;
    browser
        .wait_for(fixtures::GEBRUIKER_GEBRUIKERSNAAM)
        .await?
        .send_keys("carla")
        .await?;
    browser
        .wait_for(fixtures::GEBRUIKER_WACHTWOORD)
        .await?
        .send_keys("eerste-wachtwoord-van-carla")
        .await?;
    browser
        .wait_for(fixtures::GEBRUIKER_NIEUWE_ROL)
        .await?
        .select_by_value("REDACTEUR")
        .await?;
    browser
        .wait_for(fixtures::GEBRUIKER_AANMAKEN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::GEBRUIKER_OPGESLAGEN).await?;
    let regel = browser
        .wait_for(&fixtures::gebruiker_regel("carla"))
        .await?
        .text()
        .await?;
    assert!(
        regel.contains("Carla de Vries") && regel.contains("redacteur"),
        "{regel}"
    );
    browser.screenshot("beheer-gebruikers").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the beheer page (nl): {fouten:?}");
    beheer_engels(&browser).await?;
    browser.wait_for(&fixtures::gebruiker_regel("carla")).await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the beheer page (en): {fouten:?}");
    browser.wait_for(fixtures::TAAL_KNOP).await?.click().await?;
    browser.wait_for_text(fixtures::PAGINA_KOP, "Beheer").await?;

    // Carla signs in, and changes her password on the page the session bar links to.
    browser.wait_for(fixtures::AFMELDEN_KNOP).await?.click().await?;
    browser.wait_for(fixtures::AANMELDEN_LINK).await?;
    aanmelden(&browser, &koers, "carla", "eerste-wachtwoord-van-carla", "/").await?;
    let wie = browser.wait_for(fixtures::AANGEMELD_ALS).await?.text().await?;
    assert!(wie.contains("Carla de Vries"), "{wie}");
    browser.wait_for(fixtures::WACHTWOORD_LINK).await?.click().await?;
    browser
        .wait_for(fixtures::WACHTWOORD_HUIDIG)
        .await?
        .send_keys("eerste-wachtwoord-van-carla")
        .await?;
    browser
        .wait_for(fixtures::WACHTWOORD_NIEUW)
        .await?
        .send_keys("tweede-wachtwoord-van-carla")
        .await?;
    browser
        .wait_for(fixtures::WACHTWOORD_WIJZIGEN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::WACHTWOORD_GEWIJZIGD).await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the own-password page (nl): {fouten:?}");
    browser.wait_for(fixtures::TAAL_KNOP).await?.click().await?;
    browser
        .wait_for_text(fixtures::PAGINA_KOP, "Change password")
        .await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the own-password page (en): {fouten:?}");

    // The new password signs her in.
    browser.wait_for(fixtures::AFMELDEN_KNOP).await?.click().await?;
    browser.wait_for(fixtures::AANMELDEN_LINK).await?.click().await?;
    browser.wait_for(fixtures::AANMELDEN_PAGINA).await?;
    vul_aanmelden_in(&browser, "carla", "tweede-wachtwoord-van-carla").await?;
    browser.wait_for(fixtures::AANGEMELD_ALS).await?;
    browser.close().await
}
