//! Browser tests of the Per-organisatie view (`/organisaties`, `/organisatie/:id`) and the Sinds-vorige-RVO
//! view (`/sinds-rvo`): an organisation's page shows exactly the acties the API's `acties(filter:
//! {organisatie})` returns, with the right role; progress reported through the API shows up as a change of
//! the right kind since an RVO meeting, and an actie without changes does not.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test -p koers-e2e --test organisatie -- --ignored --test-threads=1` (also done by `.ci/test`).

use anyhow::{Context, bail};
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Every actie that passes `filter`, page by page, as the API returns them.
async fn alle_acties(koers: &Koers, filter: Value) -> anyhow::Result<Vec<Value>> {
    let mut acties = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = koers
            .graphql(
                fixtures::ACTIES_MET_ROLLEN_QUERY,
                json!({ "filter": filter, "after": after }),
            )
            .await?;
        let connection = &data["acties"];
        acties.extend(array(&connection["nodes"], "nodes")?.iter().cloned());
        if connection["pageInfo"]["hasNextPage"] != true {
            let totaal = connection["totalCount"].as_u64().context("totalCount")?;
            if totaal != acties.len() as u64 {
                bail!("paged {} acties, totalCount says {totaal}", acties.len());
            }
            return Ok(acties);
        }
        after = connection["pageInfo"]["endCursor"].clone();
    }
}

/// Whether `organisatie` is among the organisations in `lijst` (`trekkers` or `partners`).
fn bevat(lijst: &Value, organisatie: &str) -> bool {
    lijst
        .as_array()
        .is_some_and(|l| l.iter().any(|o| id_of(o).is_ok_and(|id| id == organisatie)))
}

/// The role the page must show per actie id: `trekker` wins over `partner`.
fn verwachte_rollen(acties: &[Value], organisatie: &str) -> anyhow::Result<BTreeMap<String, String>> {
    acties
        .iter()
        .map(|a| {
            let rol = if bevat(&a["trekkers"], organisatie) {
                "trekker"
            } else if bevat(&a["partners"], organisatie) {
                "partner"
            } else {
                bail!("actie {a} is neither led nor joined by {organisatie}")
            };
            Ok((id_of(a)?, rol.to_string()))
        })
        .collect()
}

/// The roles the page shows, per actie id.
async fn getoonde_rollen(browser: &Browser) -> anyhow::Result<BTreeMap<String, String>> {
    let mut rollen = BTreeMap::new();
    for rij in browser
        .client()
        .find_all(fantoccini_css(fixtures::ORGANISATIE_ACTIE))
        .await?
    {
        let id = rij.attr(fixtures::DATA_ID).await?.context("data-id")?;
        let rol = rij.attr(fixtures::DATA_ROL).await?.context("data-rol")?;
        if rollen.insert(id.clone(), rol).is_some() {
            bail!("actie {id} is shown twice");
        }
    }
    Ok(rollen)
}

fn fantoccini_css(css: &str) -> fantoccini::Locator<'_> {
    fantoccini::Locator::Css(css)
}

/// Checks one organisation's page against the API.
async fn controleer_organisatie(
    koers: &Koers,
    browser: &Browser,
    organisatie: &str,
) -> anyhow::Result<usize> {
    let acties = alle_acties(koers, json!({ "organisatie": organisatie })).await?;
    let verwacht = verwachte_rollen(&acties, organisatie)?;
    browser
        .wait_for(&fixtures::organisatie_pagina(organisatie))
        .await?;
    if verwacht.is_empty() {
        browser.wait_for(fixtures::ORGANISATIE_LEEG).await?;
    } else {
        let ids: Vec<String> = verwacht.keys().cloned().collect();
        browser.wait_for_ids(fixtures::ORGANISATIE_ACTIE, &ids).await?;
    }
    assert_eq!(
        getoonde_rollen(browser).await?,
        verwacht,
        "organisation {organisatie}: the API's acties with their roles"
    );
    Ok(verwacht.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn organisatie_toont_haar_acties_met_rol() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let data = koers.graphql(fixtures::ORGANISATIES_QUERY, json!({})).await?;
    let organisaties = array(&data["organisaties"], "organisaties")?.clone();
    let essm = organisaties
        .iter()
        .find(|o| o["sleutel"] == fixtures::ESSM)
        .context("the seed should hold the ESSM")?;
    let essm = id_of(essm)?;

    // The organisation with the most acties per the API, and one without any, if there is one.
    let mut aantallen = Vec::new();
    for o in &organisaties {
        let id = id_of(o)?;
        let data = koers
            .graphql(fixtures::ACTIES_QUERY, json!({ "filter": { "organisatie": id } }))
            .await?;
        let n = data["acties"]["totalCount"].as_u64().context("totalCount")?;
        aantallen.push((n, id));
    }
    aantallen.sort();
    let (meeste_n, meeste) = aantallen.last().cloned().context("organisations")?;
    let zonder = aantallen.iter().find(|(n, _)| *n == 0).map(|(_, id)| id.clone());

    // From the header, via the list of organisations, to the ESSM.
    let browser = Browser::start().await?;
    browser.goto(&koers.url("/")).await?;
    browser
        .wait_for(fixtures::ORGANISATIES_MENU_LINK)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::ORGANISATIES_PAGINA).await?;
    let links = browser
        .wait_for_at_least(fixtures::ORGANISATIE_LINK, organisaties.len())
        .await?;
    assert_eq!(links.len(), organisaties.len(), "every organisation once");
    browser.screenshot("organisaties").await?;
    browser
        .wait_for(&fixtures::organisatie_link(&essm))
        .await?
        .click()
        .await?;
    let pad = fixtures::organisatie_pad(&essm);
    browser
        .wait_for_url(&format!("the ESSM's page {pad}"), |u| u.ends_with(&pad))
        .await?;
    let n = controleer_organisatie(&koers, &browser, &essm).await?;
    assert!(n > 0, "the ESSM should lead or join acties");
    browser.screenshot("organisatie-essm").await?;

    // The organisation with the most acties, opened by its address.
    browser
        .goto(&koers.url(&fixtures::organisatie_pad(&meeste)))
        .await?;
    let n = controleer_organisatie(&koers, &browser, &meeste).await?;
    assert_eq!(n as u64, meeste_n, "the organisation with the most acties");
    browser.screenshot("organisatie-meeste").await?;

    if let Some(zonder) = zonder {
        browser
            .goto(&koers.url(&fixtures::organisatie_pad(&zonder)))
            .await?;
        controleer_organisatie(&koers, &browser, &zonder).await?;
        browser.screenshot("organisatie-leeg").await?;
    }

    // An unknown organisation.
    browser
        .goto(&koers.url(&fixtures::organisatie_pad(fixtures::ONBEKEND_ID)))
        .await?;
    browser.wait_for(fixtures::NIET_GEVONDEN).await?;
    browser.close().await
}

/// Reports progress on an actie through the API; returns the moment of the new history row.
async fn rapporteer(koers: &Koers, actie: &Value, invoer: Value) -> anyhow::Result<String> {
    let id = id_of(actie)?;
    let mut invoer = invoer;
    invoer["id"] = json!(id);
    invoer["versie"] = actie["versie"].clone();
    koers
        .graphql(fixtures::VOORTGANG_MUTATIE, json!({ "invoer": invoer }))
        .await?;
    let data = koers
        .graphql(
            "query($id: ID!) { actie(id: $id) { historie { versie tijdstip } } }",
            json!({ "id": id }),
        )
        .await?;
    let historie = array(&data["actie"]["historie"], "historie")?;
    let laatste = historie
        .iter()
        .max_by_key(|h| h["versie"].as_i64())
        .context("a history row")?;
    Ok(laatste["tijdstip"].as_str().context("tijdstip")?.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn sinds_rvo_toont_de_gemelde_wijzigingen() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let open = alle_acties(
        &koers,
        json!({ "status": ["GEPLAND", "IN_UITVOERING", "DOORLOPEND"] }),
    )
    .await?;
    if open.len() < 3 {
        bail!(
            "the seed should hold at least three unfinished acties, found {}",
            open.len()
        );
    }
    let (afronden, risico, ongemoeid) = (&open[0], &open[1], &open[2]);
    let vandaag = rapporteer(
        &koers,
        afronden,
        json!({ "status": "AFGEROND", "voortgang": 100, "toelichting": "Opgeleverd." }),
    )
    .await?;
    // A health applies only to work in progress: start planned work in the same report.
    let mut invoer = json!({ "gezondheid": "RISICO", "gezondheidReden": "Financiering onzeker.",
                             "toelichting": "Budget nog niet toegezegd." });
    if risico["status"] == "GEPLAND" {
        invoer["status"] = json!("IN_UITVOERING");
    }
    rapporteer(&koers, risico, invoer).await?;
    let vandaag = vandaag.get(..10).context("a date")?.to_string();

    // The RVO meetings: the default is the latest before today; the test picks the earliest.
    let data = koers.graphql(fixtures::RVO_QUERY, json!({})).await?;
    let mut datums: Vec<String> = array(&data["rvoVergaderingen"], "rvoVergaderingen")?
        .iter()
        .filter_map(|v| v["datum"].as_str().map(str::to_string))
        .collect();
    datums.sort();
    let vorige = datums.iter().filter(|d| **d < vandaag).max().cloned();
    let vroegste = datums
        .first()
        .filter(|d| **d < vandaag)
        .cloned()
        .context("an RVO meeting before today")?;

    let browser = Browser::start().await?;
    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::SINDS_RVO_LINK).await?.click().await?;
    browser.wait_for(fixtures::SINDS_RVO_PAGINA).await?;
    let geladen = browser.wait_for(fixtures::SINDS_RVO_GELADEN).await?;
    assert_eq!(
        geladen.attr(fixtures::DATA_DATUM).await?,
        vorige,
        "the default date is the latest RVO meeting before today"
    );

    // Choosing a meeting puts its date in the URL.
    browser
        .wait_for(fixtures::RVO_DATUM)
        .await?
        .select_by_value(&vroegste)
        .await?;
    let met_datum = format!("datum={vroegste}");
    browser
        .wait_for_url(&format!("with {met_datum}"), |u| u.contains(&met_datum))
        .await?;
    browser.wait_for(&fixtures::sinds_rvo_geladen(&vroegste)).await?;

    let afronden_id = id_of(afronden)?;
    let risico_id = id_of(risico)?;
    let ongemoeid_id = id_of(ongemoeid)?;
    let soort = |id: &str, soort: &str| {
        format!(
            r#"{}[{}="{soort}"]"#,
            fixtures::wijzigingen_van(id),
            fixtures::DATA_SOORT
        )
    };
    browser.wait_for(&soort(&afronden_id, "afgerond")).await?;
    browser.wait_for(&soort(&risico_id, "gezondheid")).await?;
    assert!(
        browser
            .find_now(&fixtures::wijzigingen_van(&ongemoeid_id))
            .await?
            .is_none(),
        "an actie without changes is not listed"
    );
    let soorten_afronden = browser
        .client()
        .find_all(fantoccini_css(&fixtures::wijzigingen_van(&afronden_id)))
        .await?;
    assert_eq!(
        soorten_afronden.len(),
        1,
        "completing is one change, not also a status change"
    );
    // Just updated: neither is flagged as without an update.
    let zonder = browser.data_ids(fixtures::ZONDER_UPDATE).await?;
    assert!(
        !zonder.contains(&risico_id),
        "the actie just updated is not without update"
    );
    browser.screenshot("sinds-rvo").await?;
    browser.scroll_to(fixtures::WIJZIGING).await?;
    browser.screenshot("sinds-rvo-wijzigingen").await?;

    // The same page opened by its address, with the weeks in the URL.
    let pad = fixtures::sinds_rvo_pad(&format!("datum={vroegste}&weken=2"));
    browser.goto(&koers.url(&pad)).await?;
    browser.wait_for(&fixtures::sinds_rvo_geladen(&vroegste)).await?;
    browser.wait_for(&soort(&afronden_id, "afgerond")).await?;
    let weken = browser.wait_for(fixtures::RVO_WEKEN).await?.prop("value").await?;
    assert_eq!(weken.as_deref(), Some("2"), "the weeks from the URL");
    browser.close().await
}
