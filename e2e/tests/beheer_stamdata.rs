//! Browser test of the thema's, organisaties and users' thema's in `/beheer`: a beheerder adds a thema and
//! changes a portefeuillehouder, adds two organisaties and merges them after a confirmation that says how many
//! acties move (the API then links the actie to the one that stays), and gives a redacteur a thema; axe is
//! clean on these views in Dutch and English.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test --workspace --test beheer_stamdata -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::beheer::{beheer_aangemeld, beheer_engels};
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use serde_json::json;
use std::time::{Duration, Instant};

const OUD: &str = "Gemeente Voorne (e2e)";
const NIEUW: &str = "Gemeente Voorne aan Zee (e2e)";

/// Replaces the text of field `sel` with `tekst`.
async fn vul(browser: &Browser, sel: &str, tekst: &str) -> anyhow::Result<()> {
    let veld = browser.wait_for(sel).await?;
    veld.clear().await?;
    veld.send_keys(tekst).await?;
    Ok(())
}

/// Waits until the element `css` shows a text containing `deel`.
async fn bevat(browser: &Browser, css: &str, deel: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let gezien = match browser.find_now(css).await? {
            Some(e) => e.text().await.unwrap_or_default(),
            None => String::new(),
        };
        if gezien.contains(deel) {
            return Ok(());
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "{css} should contain {deel:?}, shows {gezien:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The id of organisatie `naam`, from the API.
async fn organisatie(koers: &Koers, naam: &str) -> anyhow::Result<String> {
    let d = koers.graphql("{ organisaties { id naam } }", json!({})).await?;
    let o = array(&d["organisaties"], "organisaties")?
        .iter()
        .find(|o| o["naam"] == naam)
        .with_context(|| format!("no organisatie {naam}"))?;
    id_of(o)
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_beheerder_beheert_themas_en_voegt_organisaties_samen() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;
    // A redacteur made after the page loaded: the page anew, so that its users list has her.
    koers.gebruiker("reda", "redacteur", &[]).await?;
    browser.goto(&koers.url("/beheer")).await?;
    browser.wait_for(fixtures::THEMAS_BEHEER).await?;

    // A new thema, then a new portefeuillehouder for it.
    vul(&browser, fixtures::THEMA_NIEUW_NAAM, "Cybercrime (e2e)").await?;
    vul(&browser, fixtures::THEMA_NIEUW_HOUDER, "Burgemeester A").await?;
    browser
        .wait_for(fixtures::THEMA_NIEUW_OPSLAAN)
        .await?
        .click()
        .await?;
    browser
        .wait_for(&fixtures::thema_wijzigen("Cybercrime (e2e)"))
        .await?
        .click()
        .await?;
    vul(&browser, fixtures::THEMA_HOUDER, "Burgemeester B").await?;
    browser.wait_for(fixtures::THEMA_OPSLAAN).await?.click().await?;
    browser.wait_for(fixtures::THEMA_OPGESLAGEN).await?;
    let themas = koers
        .graphql("{ themas { id naam portefeuillehouder } }", json!({}))
        .await?;
    let thema = array(&themas["themas"], "themas")?
        .iter()
        .find(|t| t["naam"] == "Cybercrime (e2e)")
        .context("the new thema is in the API")?;
    assert_eq!(thema["portefeuillehouder"], "Burgemeester B");

    // Two organisaties; an actie led by the old one.
    for (naam, afkorting) in [(OUD, "VO"), (NIEUW, "VaZ")] {
        vul(&browser, fixtures::ORGANISATIE_NIEUW_NAAM, naam).await?;
        vul(&browser, fixtures::ORGANISATIE_NIEUW_AFKORTING, afkorting).await?;
        browser
            .wait_for(fixtures::ORGANISATIE_NIEUW_OPSLAAN)
            .await?
            .click()
            .await?;
        browser.wait_for(&fixtures::organisatie_stand(naam)).await?;
    }
    let (oud, nieuw) = (organisatie(&koers, OUD).await?, organisatie(&koers, NIEUW).await?);
    let plan = koers.plan(fixtures::RAP_MENSENHANDEL).await?;
    let opgave = id_of(array(&plan["opgaven"], "opgaven")?.first().context("an opgave")?)?;
    let actie = koers
        .graphql(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": opgave, "titel": "Samen in Voorne", "jaar": 2027,
                "status": "GEPLAND", "trekkers": [oud] } }),
        )
        .await?;
    let actie_id = id_of(&actie["actieAanmaken"])?;

    // Merge: the confirmation says one actie moves; after it, the actie is led by the one that stays.
    browser
        .wait_for(fixtures::SAMENVOEGEN_VAN)
        .await?
        .select_by_value(&oud)
        .await?;
    browser
        .wait_for(fixtures::SAMENVOEGEN_NAAR)
        .await?
        .select_by_value(&nieuw)
        .await?;
    browser
        .wait_for(fixtures::SAMENVOEGEN_VOORBEREIDEN)
        .await?
        .click()
        .await?;
    let bevestiging = browser.wait_for(fixtures::SAMENVOEGEN_BEVESTIGING).await?;
    assert_eq!(bevestiging.attr("data-aantal").await?.as_deref(), Some("1"));
    let tekst = bevestiging.text().await?;
    assert!(
        tekst.contains("1 actie(s)") && tekst.contains(OUD) && tekst.contains(NIEUW),
        "{tekst}"
    );
    browser.screenshot("beheer-samenvoegen").await?;
    let fouten = browser.axe_violations().await?;
    assert!(
        fouten.is_empty(),
        "axe on the thema's and organisaties (nl): {fouten:?}"
    );
    browser
        .wait_for(fixtures::SAMENVOEGEN_BEVESTIGEN)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::ORGANISATIE_OPGESLAGEN).await?;
    // The merged one leaves the list (the API keeps it, merged); the one that stays is there.
    let deadline = Instant::now() + Duration::from_secs(30);
    while browser
        .find_now(&fixtures::organisatie_stand(OUD))
        .await?
        .is_some()
    {
        anyhow::ensure!(Instant::now() < deadline, "{OUD} is still listed after the merge");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.wait_for(&fixtures::organisatie_stand(NIEUW)).await?;
    let a = koers
        .graphql(
            "query($id: ID!) { actie(id: $id) { trekkers { id } } }",
            json!({ "id": actie_id }),
        )
        .await?;
    assert_eq!(a["actie"]["trekkers"], json!([{ "id": nieuw }]));

    // A redacteur gets a thema (one the users section listed when it loaded).
    let themas = koers.graphql("{ themas { id sleutel naam } }", json!({})).await?;
    let mh = array(&themas["themas"], "themas")?
        .iter()
        .find(|t| t["sleutel"] == "mensenhandel")
        .context("the thema mensenhandel")?;
    let mh_naam = mh["naam"].as_str().unwrap_or_default().to_string();
    browser
        .wait_for(&fixtures::gebruiker_thema("reda", &id_of(mh)?))
        .await?
        .click()
        .await?;
    browser
        .wait_for(&format!(
            "{} [data-testid=\"gebruiker-opslaan\"]",
            fixtures::gebruiker_regel("reda")
        ))
        .await?
        .click()
        .await?;
    bevat(
        &browser,
        &fixtures::gebruiker_regel("reda"),
        &format!("— {mh_naam}"),
    )
    .await?;

    // The same views in English.
    beheer_engels(&browser).await?;
    browser
        .wait_for_text(&fixtures::organisatie_stand(NIEUW), "In use")
        .await?;
    browser
        .wait_for(&fixtures::thema_wijzigen("Cybercrime (e2e)"))
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::THEMA_HOUDER).await?;
    let fouten = browser.axe_violations().await?;
    assert!(
        fouten.is_empty(),
        "axe on the thema's and organisaties (en): {fouten:?}"
    );
    browser.close().await
}
