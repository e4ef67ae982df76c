//! Browser tests of the presentation mode (`/presentatie`) at 1920×1080: clicker keys page the slides, autoplay
//! advances and pauses, live changes update the shown slide in place within a second, and confidential acties
//! never show — neither from the first load nor from live changes.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test -p koers-e2e --test presentatie -- --ignored --test-threads=1`.

use anyhow::Context;
use fantoccini::key::Key;
use koers_e2e::presentatie::{
    Keuze, aandeel_afgerond, dia_van, eerste_geplande, index, open_live, projector, wacht_op_index,
};
use koers_e2e::{Browser, Koers, aanmelden, fixtures, id_of};
use serde_json::json;
use std::time::{Duration, Instant};

/// Starts the server and a browser with a 1920×1080 page.
async fn start() -> anyhow::Result<(Koers, Browser)> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    projector(&browser).await?;
    Ok((koers, browser))
}

/// Sends one key to the presentation, as a clicker does.
async fn toets(browser: &Browser, toets: &str) -> anyhow::Result<()> {
    let root = browser.wait_for(fixtures::PRESENTATIE).await?;
    root.send_keys(toets)
        .await
        .with_context(|| format!("sending {toets:?}"))?;
    Ok(())
}

fn k(key: Key) -> String {
    char::from(key).to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn clicker_toetsen_bladeren() -> anyhow::Result<()> {
    let (koers, browser) = start().await?;
    browser
        .goto(&koers.url(&fixtures::presentatie_pad("dia=2")))
        .await?;
    wacht_op_index(&browser, 2).await?;
    browser.wait_for(fixtures::STAND_PER).await?;

    let stappen = [
        (k(Key::PageDown), 3),
        (k(Key::Right), 4),
        (" ".to_string(), 5),
        (k(Key::Down), 6),
        (k(Key::PageUp), 5),
        (k(Key::Left), 4),
        (k(Key::Up), 3),
    ];
    for (toets_tekst, verwacht) in stappen {
        toets(&browser, &toets_tekst).await?;
        wacht_op_index(&browser, verwacht)
            .await
            .with_context(|| format!("after key {toets_tekst:?}"))?;
    }
    toets(&browser, &k(Key::Home)).await?;
    wacht_op_index(&browser, 1).await?;
    let soort = browser
        .wait_for(fixtures::DIA)
        .await?
        .attr(fixtures::DATA_SOORT)
        .await?;
    assert_eq!(soort.as_deref(), Some("plan"), "the first slide is a plan");
    browser.screenshot("presentatie-plan").await?;
    toets(&browser, &k(Key::PageDown)).await?;
    wacht_op_index(&browser, 2).await?;
    browser.screenshot("presentatie-opgave").await?;

    toets(&browser, &k(Key::End)).await?;
    let laatste = index(&browser).await?;
    assert!(laatste > 10, "End goes to the last slide, got {laatste}");
    toets(&browser, &k(Key::PageDown)).await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(index(&browser).await?, laatste, "the last slide stays the last");

    // The slide is in the URL, so a reload keeps it.
    toets(&browser, &k(Key::PageUp)).await?;
    wacht_op_index(&browser, laatste - 1).await?;
    let url = browser
        .wait_for_url("?dia= in the URL", |u| {
            u.contains(&format!("dia={}", laatste - 1))
        })
        .await?;
    browser.client().refresh().await?;
    wacht_op_index(&browser, laatste - 1)
        .await
        .with_context(|| format!("after reloading {url}"))?;

    // Opened from the header link, the first key already pages (the focus is not left on the link).
    browser.goto(&koers.url("/")).await?;
    browser
        .wait_for(fixtures::PRESENTATIE_LINK)
        .await?
        .click()
        .await?;
    wacht_op_index(&browser, 1).await?;
    let actief = browser.client().active_element().await?;
    assert_eq!(
        actief.attr("data-testid").await?.as_deref(),
        Some("presentatie"),
        "the presentation has the focus"
    );
    actief.send_keys(" ").await?;
    wacht_op_index(&browser, 2)
        .await
        .context("space right after opening")?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn autoplay_gaat_door_en_pauzeert() -> anyhow::Result<()> {
    let (koers, browser) = start().await?;
    browser
        .goto(&koers.url(&fixtures::presentatie_pad("autoplay=1&dia=1")))
        .await?;
    wacht_op_index(&browser, 1).await?;
    let knop = browser.wait_for(fixtures::AUTOPLAY_KNOP).await?;
    assert_eq!(knop.attr("aria-pressed").await?.as_deref(), Some("true"));
    wacht_op_index(&browser, 2)
        .await
        .context("autoplay advances by itself")?;
    wacht_op_index(&browser, 3).await.context("and again")?;

    knop.click().await?;
    let gepauzeerd = format!(r#"{}[aria-pressed="false"]"#, fixtures::AUTOPLAY_KNOP);
    browser.wait_for(&gepauzeerd).await?;
    let stil = index(&browser).await?;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(
        index(&browser).await?,
        stil,
        "a paused presentation stays on its slide"
    );
    browser.screenshot("presentatie-gepauzeerd").await?;

    // `p` toggles autoplay as well.
    toets(&browser, "p").await?;
    let speelt = format!(r#"{}[aria-pressed="true"]"#, fixtures::AUTOPLAY_KNOP);
    browser.wait_for(&speelt).await?;
    wacht_op_index(&browser, stil + 1)
        .await
        .context("autoplay resumes after p")?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn live_wijziging_binnen_een_seconde() -> anyhow::Result<()> {
    let (koers, browser) = start().await?;
    let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
    let Keuze {
        nummer,
        opgave_id,
        actie,
        ..
    } = eerste_geplande(&data)?;
    open_live(&koers, &browser, nummer).await?;
    browser.wait_for(&fixtures::dia_van_opgave(&opgave_id)).await?;
    let stand_voor = browser.wait_for(fixtures::STAND_PER).await?.text().await?;

    // A second window: a beheerder reports the actie afgerond through the form on the Actie view.
    let wachtwoord = koers.gebruiker("vera", "beheerder", &[]).await?;
    let melder = Browser::start().await?;
    let pad = fixtures::actie_pad(&id_of(&actie)?);
    aanmelden(&melder, &koers, "vera", &wachtwoord, &pad).await?;
    melder
        .wait_for(fixtures::VELD_STATUS)
        .await?
        .select_by_value("AFGEROND")
        .await?;
    let toelichting = melder.wait_for(fixtures::VELD_TOELICHTING).await?;
    toelichting.send_keys("afgerond tijdens het RVO").await?;
    melder.wait_for(fixtures::MELDEN_OPSLAAN).await?.click().await?;
    let gemeld = Instant::now();
    // What the slide must show: the roll-up after the report (read once the API has the new version).
    let verwacht = loop {
        let nu = koers
            .graphql(
                "query($id: ID!) { actie(id: $id) { status } }",
                json!({ "id": id_of(&actie)? }),
            )
            .await?;
        if nu["actie"]["status"] == "AFGEROND" {
            break aandeel_afgerond(&koers, &opgave_id).await?;
        }
        anyhow::ensure!(
            gemeld.elapsed() < Duration::from_secs(1),
            "the form did not save within 1 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };

    let mut getoond = String::new();
    while gemeld.elapsed() < Duration::from_secs(1) {
        if let Some(el) = browser.find_now(fixtures::DIA_VOORTGANG).await? {
            getoond = el.text().await?;
            if getoond == verwacht {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let duur = gemeld.elapsed();
    println!("live update shown after {duur:?}");
    assert_eq!(
        getoond, verwacht,
        "the slide shows the new roll-up within 1 s (waited {duur:?})"
    );
    assert!(duur < Duration::from_secs(1), "took {duur:?}");
    assert_eq!(index(&browser).await?, nummer, "the slide did not change");
    browser.wait_for(&fixtures::dia_van_opgave(&opgave_id)).await?;
    let status = browser
        .wait_for(&format!("{} [data-status]", fixtures::dia_actie(&id_of(&actie)?)))
        .await?
        .attr("data-status")
        .await?;
    assert_eq!(
        status.as_deref(),
        Some("afgerond"),
        "the actie row shows its new status"
    );
    let stand_na = browser.wait_for(fixtures::STAND_PER).await?.text().await?;
    assert!(
        !stand_na.is_empty() && !stand_voor.is_empty(),
        "stand per is always shown"
    );
    browser.screenshot("presentatie-opgave-live").await?;
    melder.close().await?;
    browser.close().await
}

/// Creates a confidential actie in `opgave_id` with `titel`; returns its id.
async fn maak_vertrouwelijk(koers: &Koers, opgave_id: &str, titel: &str) -> anyhow::Result<String> {
    let invoer = json!({
        "opgave": opgave_id,
        "titel": titel,
        "jaar": 2026,
        "status": "IN_UITVOERING",
        "gezondheid": "OP_KOERS",
        "voortgang": 40,
        "vertrouwelijk": true,
    });
    let data = koers
        .graphql(fixtures::ACTIE_AANMAKEN_MUTATIE, json!({ "invoer": invoer }))
        .await?;
    assert_eq!(data["actieAanmaken"]["vertrouwelijk"], json!(true));
    id_of(&data["actieAanmaken"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn vertrouwelijke_acties_nooit_getoond() -> anyhow::Result<()> {
    let (koers, browser) = start().await?;
    let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
    let Keuze { opgave_id, actie, .. } = eerste_geplande(&data)?;
    let titel1 = "GEHEIM-E2E-1 infiltratie netwerk Waalhaven";
    let id1 = maak_vertrouwelijk(&koers, &opgave_id, titel1).await?;

    let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
    let nummer = dia_van(&data, &opgave_id)?;
    open_live(&koers, &browser, nummer).await?;
    browser.wait_for(&fixtures::dia_van_opgave(&opgave_id)).await?;
    browser.wait_for(fixtures::DIA_ACTIE).await?;
    assert!(browser.find_now(&fixtures::dia_actie(&id1)).await?.is_none());
    let bron = browser.client().source().await?;
    assert!(
        !bron.contains("GEHEIM-E2E"),
        "a confidential title is in the page"
    );

    // A second one while the presentation is open, then an open change: the open change shows, the roll-up
    // does not count the confidential actie (the projector shows no confidential figures), the actie never shows.
    let totaal_voor: i64 = browser
        .wait_for(fixtures::DIA_TOTAAL)
        .await?
        .text()
        .await?
        .parse()?;
    let titel2 = "GEHEIM-E2E-2 undercover traject Feijenoord";
    let id2 = maak_vertrouwelijk(&koers, &opgave_id, titel2).await?;
    let invoer = json!({ "id": id_of(&actie)?, "versie": actie["versie"], "status": "AFGEROND" });
    koers
        .graphql(fixtures::VOORTGANG_MUTATIE, json!({ "invoer": invoer }))
        .await?;
    let rij = format!(
        r#"{} [data-status="afgerond"]"#,
        fixtures::dia_actie(&id_of(&actie)?)
    );
    browser.wait_for(&rij).await.context("the live changes arrived")?;
    let totaal_na = browser.wait_for(fixtures::DIA_TOTAAL).await?.text().await?;
    assert_eq!(
        totaal_na,
        totaal_voor.to_string(),
        "the confidential actie is not counted"
    );
    for id in [&id1, &id2] {
        assert!(
            browser.find_now(&fixtures::dia_actie(id)).await?.is_none(),
            "actie {id} shown"
        );
    }
    let bron = browser.client().source().await?;
    assert!(
        !bron.contains("GEHEIM-E2E"),
        "a confidential title is in the page"
    );
    assert_eq!(index(&browser).await?, nummer, "the slide did not change");
    browser.screenshot("presentatie-vertrouwelijk").await?;
    browser.close().await
}
