//! Browser test of the opgaven and the plan change in `/beheer`: a beheerder changes an opgave's title, moves
//! opgaven up and down (the API keeps the order), is refused retiring an opgave that still has an actie (the
//! API's message shown), retires it once the actie has moved, and changes a plan's soort, adoption and source
//! (a malformed date gets its message next to the field); axe is clean on these views in Dutch and English.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test --workspace --test beheer_opgaven -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::beheer::{beheer_aangemeld, beheer_engels};
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const PLAN: &str = "Uitvoeringsagenda Ondermijning 2027 (e2e)";

/// The plan's opgaven from the API, in their order: (id, titel, vervallen).
async fn opgaven(koers: &Koers, plan: &str) -> anyhow::Result<Vec<(String, String, bool)>> {
    let d = koers
        .graphql(
            "query($id: ID!) { actieplan(id: $id) { opgaven { id titel volgorde vervallen } } }",
            json!({ "id": plan }),
        )
        .await?;
    let mut o: Vec<Value> = array(&d["actieplan"]["opgaven"], "opgaven")?.clone();
    o.sort_by_key(|x| x["volgorde"].as_i64().unwrap_or_default());
    o.iter()
        .map(|x| {
            Ok((
                id_of(x)?,
                x["titel"].as_str().unwrap_or_default().to_string(),
                x["vervallen"].as_bool().unwrap_or_default(),
            ))
        })
        .collect()
}

/// Waits until the opgaven table shows the ids `want` in this order.
async fn wacht_op_volgorde(browser: &Browser, want: &[String]) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(seen) = browser
            .data_ids(&format!(
                "{} [data-testid=\"opgave-regel\"]",
                fixtures::OPGAVEN_TABEL
            ))
            .await
        {
            if seen == want {
                return Ok(());
            }
            anyhow::ensure!(Instant::now() < deadline, "order {seen:?}, expected {want:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks `knop` in the row of opgave `titel`.
async fn in_regel(browser: &Browser, titel: &str, knop: &str) -> anyhow::Result<()> {
    let sel = format!("{} {knop}", fixtures::opgave_regel(titel));
    browser.wait_for(&sel).await?.click().await?;
    Ok(())
}

/// Replaces the text of field `sel` with `tekst`.
async fn vul(browser: &Browser, sel: &str, tekst: &str) -> anyhow::Result<()> {
    let veld = browser.wait_for(sel).await?;
    veld.clear().await?;
    veld.send_keys(tekst).await?;
    Ok(())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_beheerder_wijzigt_ordent_en_laat_opgaven_vervallen() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;
    browser.wait_for(fixtures::PLAN_FORMULIER).await?;

    // A plan with three opgaven, made in the forms.
    vul(&browser, fixtures::PLAN_TITEL, PLAN).await?;
    vul(&browser, fixtures::PLAN_VAN, "2027").await?;
    vul(&browser, fixtures::PLAN_TOT, "2027").await?;
    browser.wait_for(fixtures::PLAN_MAKEN).await?.click().await?;
    browser
        .wait_for(&fixtures::plan_beheren(PLAN))
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::plan_beheer(PLAN)).await?;
    for (n, titel) in ["Alpha", "Beta", "Gamma"].iter().enumerate() {
        vul(&browser, fixtures::OPGAVE_TITEL, titel).await?;
        browser
            .wait_for(fixtures::OPGAVE_TOEVOEGEN)
            .await?
            .click()
            .await?;
        browser.wait_for_at_least(fixtures::OPGAVE_REGEL, n + 1).await?;
    }
    let plannen = koers.graphql("{ actieplannen { id titel } }", json!({})).await?;
    let plan = array(&plannen["actieplannen"], "actieplannen")?
        .iter()
        .find(|p| p["titel"] == PLAN)
        .context("the plan is in the API")?;
    let plan_id = id_of(plan)?;
    let o = opgaven(&koers, &plan_id).await?;
    let (alpha, beta, gamma) = (o[0].0.clone(), o[1].0.clone(), o[2].0.clone());
    wacht_op_volgorde(&browser, &[alpha.clone(), beta.clone(), gamma.clone()]).await?;

    // Change the title of the first opgave.
    in_regel(&browser, "Alpha", fixtures::OPGAVE_WIJZIGEN).await?;
    vul(&browser, fixtures::OPGAVE_WIJZIG_TITEL, "Alpha herzien").await?;
    browser.wait_for(fixtures::OPGAVE_OPSLAAN).await?.click().await?;
    browser.wait_for(&fixtures::opgave_regel("Alpha herzien")).await?;
    assert_eq!(opgaven(&koers, &plan_id).await?[0].1, "Alpha herzien");

    // Down with the first, up with the last: Beta, Gamma, Alpha herzien — in the table and in the API.
    in_regel(&browser, "Alpha herzien", fixtures::OPGAVE_OMLAAG).await?;
    wacht_op_volgorde(&browser, &[beta.clone(), alpha.clone(), gamma.clone()]).await?;
    in_regel(&browser, "Gamma", fixtures::OPGAVE_OMHOOG).await?;
    wacht_op_volgorde(&browser, &[beta.clone(), gamma.clone(), alpha.clone()]).await?;
    let ids: Vec<String> = opgaven(&koers, &plan_id)
        .await?
        .into_iter()
        .map(|o| o.0)
        .collect();
    assert_eq!(ids, [beta.clone(), gamma.clone(), alpha.clone()]);

    // Beta has an actie: retiring it is refused with the API's message, and nothing changes.
    let actie = koers
        .graphql(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }",
            json!({ "i": { "opgave": beta, "titel": "Controle vastgoed", "jaar": 2027, "status": "GEPLAND" } }),
        )
        .await?;
    let actie_id = id_of(&actie["actieAanmaken"])?;
    let versie = actie["actieAanmaken"]["versie"].as_i64().context("versie")?;
    in_regel(&browser, "Beta", fixtures::OPGAVE_VERVALLEN).await?;
    let melding = browser.wait_for(fixtures::OPGAVE_FOUT).await?.text().await?;
    assert!(melding.contains("actie"), "{melding}");
    assert!(!opgaven(&koers, &plan_id).await?[0].2, "Beta is not retired");
    browser.screenshot("beheer-opgaven-geweigerd").await?;

    // Once its actie has moved to Gamma, Beta can be retired (and stays listed as such).
    koers
        .graphql(
            "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { id } }",
            json!({ "i": { "id": actie_id, "versie": versie, "opgave": gamma } }),
        )
        .await?;
    in_regel(&browser, "Beta", fixtures::OPGAVE_VERVALLEN).await?;
    browser
        .wait_for_text(
            &format!("{} {}", fixtures::opgave_regel("Beta"), fixtures::OPGAVE_STAND),
            "Vervallen",
        )
        .await?;
    assert!(opgaven(&koers, &plan_id).await?[0].2, "Beta is retired");

    // The plan's soort, adoption and source; a malformed date gets its message next to the field.
    browser
        .wait_for(fixtures::PLAN_WIJZIG_SOORT)
        .await?
        .select_by_value("JAARPLAN")
        .await?;
    vul(&browser, fixtures::PLAN_WIJZIG_DOOR, "RVO").await?;
    vul(&browser, fixtures::PLAN_WIJZIG_OP, "november").await?;
    vul(&browser, fixtures::PLAN_WIJZIG_BRON, "Jaarplan 2027, hoofdstuk 3").await?;
    browser.wait_for(fixtures::PLAN_OPSLAAN).await?.click().await?;
    browser.wait_for(fixtures::PLAN_WIJZIG_OP_FOUT).await?;
    let op = browser.wait_for(fixtures::PLAN_WIJZIG_OP).await?;
    assert_eq!(op.attr("aria-invalid").await?.as_deref(), Some("true"));
    vul(&browser, fixtures::PLAN_WIJZIG_OP, "2026-11-24").await?;
    browser.wait_for(fixtures::PLAN_OPSLAAN).await?.click().await?;
    browser.wait_for(fixtures::PLAN_OPGESLAGEN).await?;
    let p = koers
        .graphql(
            "query($id: ID!) { actieplan(id: $id) { soort vastgesteldDoor vastgesteldOp bron } }",
            json!({ "id": plan_id }),
        )
        .await?;
    assert_eq!(
        p["actieplan"],
        json!({ "soort": "JAARPLAN", "vastgesteldDoor": "RVO", "vastgesteldOp": "2026-11-24",
            "bron": "Jaarplan 2027, hoofdstuk 3" })
    );
    in_regel(&browser, "Gamma", fixtures::OPGAVE_WIJZIGEN).await?;
    browser.wait_for(fixtures::OPGAVE_WIJZIG_TITEL).await?;
    browser.screenshot("beheer-opgaven").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the opgaven' beheer (nl): {fouten:?}");

    // The same views in English.
    beheer_engels(&browser).await?;
    browser
        .wait_for(&fixtures::plan_beheren(PLAN))
        .await?
        .click()
        .await?;
    browser
        .wait_for_text(
            &format!("{} {}", fixtures::opgave_regel("Beta"), fixtures::OPGAVE_STAND),
            "Retired",
        )
        .await?;
    in_regel(&browser, "Gamma", fixtures::OPGAVE_WIJZIGEN).await?;
    browser.wait_for(fixtures::OPGAVE_WIJZIG_TITEL).await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the opgaven' beheer (en): {fouten:?}");
    browser.close().await
}
