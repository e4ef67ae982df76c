//! Browser tests of the Sinds-vorige-RVO view against a frozen snapshot: a snapshot frozen through the API is
//! unchanged by later edits, and the page lists exactly the acties changed since it — against now or against a
//! later meeting's snapshot chosen in the page (and kept in the URL); the state "in the snapshot" the page shows
//! is the state recorded at its moment, which `actie(peilmoment)` reconstructs alike. axe finds nothing, in
//! Dutch and in English, and on a phone nothing scrolls sideways.
//!
//! Ignored by default (they need Chromium, a built `frontend/dist` and `e2e/axe`); run them with
//! `cargo test --workspace --test sinds_rvo_stand -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::browser::axe::{Violation, axe_script_path};
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use serde_json::{Value, json};

const BEHEERDER: &str = "bea";

const RAPPORTEER: &str =
    "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }";

const GEPLAND: &str = "{ acties(filter: { status: [GEPLAND], vertrouwelijk: false }, first: 2) {
    nodes { id versie status gezondheid gezondheidReden voortgang } } }";

const ACTIE_OP: &str = "query($id: ID!, $t: DateTime) { actie(id: $id, peilmoment: $t) {
    id versie status gezondheid gezondheidReden voortgang } }";

/// Koers with a beheerder, two planned open acties, and the id of the latest meeting before today (the
/// page's default).
async fn opzet() -> anyhow::Result<(Koers, String, Vec<Value>, String)> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker(BEHEERDER, "beheerder", &[]).await?;
    let data = koers.graphql(fixtures::RVO_IDS_QUERY, json!({})).await?;
    let vandaag = chrono::Utc::now().date_naive().to_string();
    let vorige = array(&data["rvoVergaderingen"], "rvoVergaderingen")?
        .iter()
        .filter(|v| v["datum"].as_str().is_some_and(|d| d < vandaag.as_str()))
        .max_by_key(|v| v["datum"].as_str().unwrap_or_default().to_string())
        .context("an RVO meeting before today")?;
    let vorige = id_of(vorige)?;
    let acties = koers.graphql(GEPLAND, json!({})).await?;
    let acties = array(&acties["acties"]["nodes"], "acties")?.clone();
    anyhow::ensure!(acties.len() == 2, "the seed has two planned acties: {acties:?}");
    Ok((koers, wachtwoord, acties, vorige))
}

/// Freezes the snapshot of meeting `vergadering` as the beheerder; its peilmoment.
async fn vastleggen(koers: &Koers, wachtwoord: &str, vergadering: &str) -> anyhow::Result<String> {
    let d = koers
        .graphql_als(
            BEHEERDER,
            wachtwoord,
            fixtures::STAND_VASTLEGGEN,
            json!({ "v": vergadering }),
        )
        .await?;
    Ok(d["rvoStandVastleggen"]["peilmoment"]
        .as_str()
        .context("peilmoment")?
        .to_string())
}

async fn rapporteer(koers: &Koers, actie: &Value, invoer: Value) -> anyhow::Result<()> {
    let mut i = invoer;
    i["id"] = actie["id"].clone();
    i["versie"] = actie["versie"].clone();
    koers.graphql(RAPPORTEER, json!({ "i": i })).await?;
    Ok(())
}

/// The `data-status` (and with it `data-gezondheid`, `data-voortgang`) inside `css`.
async fn toestand(browser: &Browser, css: &str) -> anyhow::Result<(String, String, String)> {
    let el = browser.wait_for(css).await?;
    let attr = |sel: &'static str, naam: &'static str| {
        let el = el.clone();
        async move {
            match el.find(fantoccini::Locator::Css(sel)).await {
                Ok(x) => Ok::<_, anyhow::Error>(x.attr(naam).await?.unwrap_or_default()),
                Err(e) if e.is_no_such_element() => Ok(String::new()),
                Err(e) => Err(e.into()),
            }
        }
    };
    Ok((
        attr("[data-status]", "data-status").await?,
        attr("[data-gezondheid]", "data-gezondheid").await?,
        attr("[data-voortgang]", "data-voortgang").await?,
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn sinds_rvo_vergelijkt_met_de_vastgelegde_stand() -> anyhow::Result<()> {
    let (koers, wachtwoord, acties, vorige) = opzet().await?;
    let (a, b) = (&acties[0], &acties[1]);
    vastleggen(&koers, &wachtwoord, &vorige).await?;
    let stand_voor = koers
        .graphql(fixtures::STAND_QUERY, json!({ "v": vorige }))
        .await?;

    // An edit after the snapshot; then a later meeting frozen; then another edit.
    rapporteer(&koers, a, json!({ "status": "AFGEROND" })).await?;
    let stand_na = koers
        .graphql(fixtures::STAND_QUERY, json!({ "v": vorige }))
        .await?;
    assert_eq!(
        stand_na, stand_voor,
        "the snapshot read back is unchanged by the edit"
    );
    let later = koers
        .graphql_als(
            BEHEERDER,
            &wachtwoord,
            fixtures::RVO_AANMAKEN,
            json!({ "i": { "datum": "2099-01-05", "omschrijving": "Latere vergadering" } }),
        )
        .await?;
    let later = id_of(&later["rvoVergaderingAanmaken"])?;
    vastleggen(&koers, &wachtwoord, &later).await?;
    rapporteer(
        &koers,
        b,
        json!({ "status": "IN_UITVOERING", "gezondheid": "RISICO", "gezondheidReden": "Geen budget." }),
    )
    .await?;

    let browser = Browser::start().await?;
    browser.goto(&koers.url(fixtures::SINDS_RVO_PAD)).await?;
    browser.wait_for(fixtures::WIJZIGINGEN_STAND).await?;
    let (a_id, b_id) = (id_of(a)?, id_of(b)?);
    browser
        .wait_for_ids(fixtures::STAND_VERSCHIL, &[a_id.clone(), b_id.clone()])
        .await?;
    let soort = |id: &str, s: &str| format!(r#"{}[data-soort~="{s}"]"#, fixtures::stand_verschil(id));
    browser.wait_for(&soort(&a_id, "status")).await?;
    browser.wait_for(&soort(&b_id, "status")).await?;
    browser.wait_for(&soort(&b_id, "gezondheid")).await?;
    let basis = browser
        .wait_for(&format!(
            r#"{}[data-basis="stand"]"#,
            fixtures::VERGELIJKING_BASIS
        ))
        .await?;
    assert!(basis.is_displayed().await?, "the basis is said visibly");
    assert!(basis.text().await?.ends_with("met nu."), "against now");
    browser.screenshot("sinds-rvo-stand").await?;

    // Against the later snapshot: only what changed before it, and the choice in the URL.
    browser
        .wait_for(fixtures::RVO_MET)
        .await?
        .select_by_value(&later)
        .await?;
    browser
        .wait_for_url("with met=", |u| u.contains(&format!("met={later}")))
        .await?;
    browser
        .wait_for(&format!(r#"{}[data-met="{later}"]"#, fixtures::WIJZIGINGEN_STAND))
        .await?;
    browser
        .wait_for_ids(fixtures::STAND_VERSCHIL, std::slice::from_ref(&a_id))
        .await?;
    let basis = browser
        .wait_for(fixtures::VERGELIJKING_BASIS)
        .await?
        .text()
        .await?;
    assert!(basis.contains("2099"), "the later snapshot is named: {basis}");

    // Opened by its address, the choice is kept.
    let url = browser.client().current_url().await?.to_string();
    browser.goto(&url).await?;
    browser
        .wait_for(&format!(r#"{}[data-met="{later}"]"#, fixtures::WIJZIGINGEN_STAND))
        .await?;
    let gekozen = browser.wait_for(fixtures::RVO_MET).await?.prop("value").await?;
    assert_eq!(gekozen.as_deref(), Some(later.as_str()));
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn de_stand_op_de_pagina_is_die_van_het_peilmoment() -> anyhow::Result<()> {
    let (koers, wachtwoord, acties, vorige) = opzet().await?;
    let x = &acties[0];
    let id = id_of(x)?;
    // Recorded at the moment of the snapshot (nothing is written in between).
    let vastgelegd = koers
        .graphql(ACTIE_OP, json!({ "id": id, "t": Value::Null }))
        .await?;
    let peilmoment = vastleggen(&koers, &wachtwoord, &vorige).await?;
    rapporteer(
        &koers,
        x,
        json!({ "status": "IN_UITVOERING", "gezondheid": "AANDACHT", "gezondheidReden": "Later dan gepland.",
                "voortgang": 80 }),
    )
    .await?;
    let toen = koers
        .graphql(ACTIE_OP, json!({ "id": id, "t": peilmoment }))
        .await?;
    assert_eq!(
        toen, vastgelegd,
        "actie(peilmoment) gives exactly the recorded state"
    );
    let nu = koers
        .graphql(ACTIE_OP, json!({ "id": id, "t": Value::Null }))
        .await?;
    assert_ne!(nu, vastgelegd);

    let verwacht = |a: &Value| {
        let s = |v: &Value| v.as_str().map(str::to_lowercase).unwrap_or_default();
        (
            s(&a["status"]),
            s(&a["gezondheid"]),
            a["voortgang"].as_i64().map(|v| v.to_string()).unwrap_or_default(),
        )
    };
    let browser = Browser::start().await?;
    browser.goto(&koers.url(fixtures::SINDS_RVO_PAD)).await?;
    browser.wait_for(fixtures::WIJZIGINGEN_STAND).await?;
    let rij = fixtures::stand_verschil(&id);
    browser.wait_for(&rij).await?;
    let toen_op_pagina = toestand(&browser, &format!("{rij} {}", fixtures::STAND_TOEN)).await?;
    let nu_op_pagina = toestand(&browser, &format!("{rij} {}", fixtures::STAND_NA)).await?;
    assert_eq!(
        toen_op_pagina,
        verwacht(&vastgelegd["actie"]),
        "the snapshot's column is the recorded state"
    );
    assert_eq!(nu_op_pagina, verwacht(&nu["actie"]), "the other column is now");

    axe_script_path()?;
    let violations: Vec<Violation> = browser.axe_violations().await?;
    assert!(violations.is_empty(), "nl: {violations:?}");
    browser.wait_for(fixtures::TAAL_KNOP).await?.click().await?;
    browser
        .wait_for_text(r#"label[for="rvo-met"]"#, "Compare with")
        .await?;
    let basis = browser
        .wait_for(fixtures::VERGELIJKING_BASIS)
        .await?
        .text()
        .await?;
    assert!(basis.starts_with("Compared:"), "the basis in English: {basis}");
    browser.wait_for(&rij).await?;
    let violations: Vec<Violation> = browser.axe_violations().await?;
    assert!(violations.is_empty(), "en: {violations:?}");
    browser.screenshot("sinds-rvo-stand-en").await?;

    // On a phone: the same, without scrolling sideways.
    browser.set_viewport((390, 844)).await?;
    browser.scroll_to(&rij).await?;
    assert_eq!(
        browser.horizontal_overflow().await?,
        0,
        "nothing scrolls sideways at 390 px"
    );
    browser.screenshot("sinds-rvo-stand-telefoon").await?;
    let violations: Vec<Violation> = browser.axe_violations().await?;
    assert!(violations.is_empty(), "en, phone: {violations:?}");
    browser.close().await
}
