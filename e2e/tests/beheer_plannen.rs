//! Browser test of the beheer of plans: a beheerder creates a plan with two opgaven in `/beheer`, names it the
//! successor of an ending plan (a change made elsewhere meanwhile gives a clear CONFLICT), sees the preview of
//! where its open actie goes and moves it in one step; axe is clean on the new views in Dutch and English.
//!
//! Ignored by default (it needs Chromium and a built `frontend/dist`); run it with
//! `cargo test --workspace --test beheer_plannen -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::beheer::{beheer_aangemeld, beheer_engels};
use koers_e2e::{Browser, array, fixtures, id_of};
use serde_json::json;
use std::time::{Duration, Instant};

const OUD: &str = "Actieplan Mensenhandel 2023–2026 (e2e)";
const NIEUW: &str = "Beleidskader en Actieplan Mensenhandel 2027–2030";

/// Creates plan `titel` (`van`–`tot`, in the form's default thema) in the form and adds `opgaven` to it.
async fn maak_plan(
    browser: &Browser,
    titel: &str,
    van: &str,
    tot: &str,
    opgaven: &[&str],
) -> anyhow::Result<()> {
    let veld = browser.wait_for(fixtures::PLAN_TITEL).await?;
    veld.clear().await?;
    veld.send_keys(titel).await?;
    for (sel, jaar) in [(fixtures::PLAN_VAN, van), (fixtures::PLAN_TOT, tot)] {
        let veld = browser.wait_for(sel).await?;
        veld.clear().await?;
        veld.send_keys(jaar).await?;
    }
    browser.wait_for(fixtures::PLAN_MAKEN).await?.click().await?;
    browser
        .wait_for(&fixtures::plan_beheren(titel))
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::plan_beheer(titel)).await?;
    for (n, opgave) in opgaven.iter().enumerate() {
        browser
            .wait_for(fixtures::OPGAVE_TITEL)
            .await?
            .send_keys(opgave)
            .await?;
        browser
            .wait_for(fixtures::OPGAVE_TOEVOEGEN)
            .await?
            .click()
            .await?;
        browser.wait_for_at_least(fixtures::OPGAVE_REGEL, n + 1).await?;
    }
    Ok(())
}

/// Changes plan `id` (who adopted it) through the API with the browser's session, as another tab would.
async fn elders_gewijzigd(browser: &Browser, id: &str) -> anyhow::Result<()> {
    let script = r#"
        const [id, klaar] = arguments;
        const vraag = async (query, variables, csrf) => {
            const headers = { "content-type": "application/json" };
            if (csrf) headers["X-CSRF-Token"] = csrf;
            const r = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
            return r.json();
        };
        (async () => {
            const ik = await vraag("{ ik { csrfToken } }", {});
            const csrf = ik.data.ik.csrfToken;
            const p = await vraag("query($id: ID!) { actieplan(id: $id) { versie } }", { id }, csrf);
            const w = await vraag("mutation($i: ActieplanWijzigenInvoer!) { actieplanWijzigen(invoer: $i) { versie } }",
                { i: { id, versie: p.data.actieplan.versie, vastgesteldDoor: "RVO (elders)" } }, csrf);
            klaar(JSON.stringify(w));
        })().catch((e) => klaar(String(e)));
    "#;
    let antwoord = browser.client().execute_async(script, vec![json!(id)]).await?;
    let tekst = antwoord.as_str().unwrap_or_default();
    anyhow::ensure!(
        tekst.contains("\"versie\""),
        "the change elsewhere failed: {tekst}"
    );
    Ok(())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_beheerder_maakt_een_plan_en_zet_de_open_acties_over() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;
    browser.wait_for(fixtures::PLAN_FORMULIER).await?;

    // The ending plan with one opgave, made in the form; its open actie through the API.
    maak_plan(&browser, OUD, "2023", "2026", &["Weerbaarheid"]).await?;
    let plannen = koers
        .graphql("{ actieplannen { id titel opgaven { id } } }", json!({}))
        .await?;
    let oud = array(&plannen["actieplannen"], "actieplannen")?
        .iter()
        .find(|p| p["titel"] == OUD)
        .context("the ending plan is in the API")?;
    let oud_id = id_of(oud)?;
    let opgave = array(&oud["opgaven"], "opgaven")?.first().context("its opgave")?;
    let actie = koers
        .graphql(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": id_of(opgave)?, "titel": "Training wijkagenten",
                "jaar": 2026, "status": "GEPLAND" } }),
        )
        .await?;
    let actie_id = id_of(&actie["actieAanmaken"])?;

    // A period that ends before it begins: the server's message next to the field.
    for (sel, tekst) in [
        (fixtures::PLAN_TITEL, NIEUW),
        (fixtures::PLAN_VAN, "2031"),
        (fixtures::PLAN_TOT, "2027"),
    ] {
        let veld = browser.wait_for(sel).await?;
        veld.clear().await?;
        veld.send_keys(tekst).await?;
    }
    browser.wait_for(fixtures::PLAN_MAKEN).await?.click().await?;
    let melding = browser.wait_for(fixtures::PLAN_TOT_FOUT).await?.text().await?;
    assert!(melding.contains("looptijd"), "{melding}");
    let tot = browser.wait_for(fixtures::PLAN_TOT).await?;
    assert_eq!(tot.attr("aria-invalid").await?.as_deref(), Some("true"));

    // The new plan, with two opgaven; the first has the title of the ending plan's opgave.
    maak_plan(
        &browser,
        NIEUW,
        "2027",
        "2030",
        &["Weerbaarheid", "Zicht op slachtoffers"],
    )
    .await?;
    let regels = browser.wait_for_at_least(fixtures::OPGAVE_REGEL, 2).await?;
    assert_eq!(regels.len(), 2);
    let plannen = koers
        .graphql("{ actieplannen { id titel opgaven { id } } }", json!({}))
        .await?;
    let nieuw = array(&plannen["actieplannen"], "actieplannen")?
        .iter()
        .find(|p| p["titel"] == NIEUW)
        .context("the new plan is in the API")?;
    assert_eq!(array(&nieuw["opgaven"], "opgaven")?.len(), 2);
    let nieuw_id = id_of(nieuw)?;

    // The ending plan names the new one its successor; the preview, then the move.
    browser
        .wait_for(&fixtures::plan_beheren(OUD))
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::plan_beheer(OUD)).await?;
    browser
        .wait_for(fixtures::PLAN_OPVOLGER)
        .await?
        .select_by_value(&nieuw_id)
        .await?;
    // Someone else changes the plan meanwhile (in this session, behind the form's back): CONFLICT, said
    // plainly; after reloading, the change goes through.
    elders_gewijzigd(&browser, &oud_id).await?;
    browser.wait_for(fixtures::PLAN_OPSLAAN).await?.click().await?;
    let conflict = browser.wait_for(fixtures::PLAN_FOUT).await?.text().await?;
    assert!(
        conflict.contains("Iemand anders heeft dit intussen gewijzigd"),
        "{conflict}"
    );
    browser.wait_for(fixtures::PLAN_HERLADEN).await?.click().await?;
    // The reload draws the plan's beheer anew, without the error.
    let deadline = Instant::now() + Duration::from_secs(30);
    while browser.find_now(fixtures::PLAN_FOUT).await?.is_some() {
        anyhow::ensure!(Instant::now() < deadline, "the reload did not redraw the plan");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.wait_for(&fixtures::plan_beheer(OUD)).await?;
    browser
        .wait_for(fixtures::PLAN_OPVOLGER)
        .await?
        .select_by_value(&nieuw_id)
        .await?;
    browser.wait_for(fixtures::PLAN_OPSLAAN).await?.click().await?;
    browser.wait_for(fixtures::PLAN_OPGESLAGEN).await?;
    // Both changes kept: the one made elsewhere and the successor.
    let plan = koers
        .graphql(
            "query($id: ID!) { actieplan(id: $id) { vastgesteldDoor opvolger { id } } }",
            json!({"id": oud_id}),
        )
        .await?;
    assert_eq!(plan["actieplan"]["vastgesteldDoor"], "RVO (elders)");
    assert_eq!(plan["actieplan"]["opvolger"]["id"], nieuw_id.as_str());
    browser.wait_for(fixtures::VOORBEELD_TONEN).await?.click().await?;
    let voorbeeld = browser
        .wait_for(fixtures::VERPLAATSING_REGEL)
        .await?
        .text()
        .await?;
    assert!(
        voorbeeld.contains("Training wijkagenten") && voorbeeld.contains("Weerbaarheid"),
        "{voorbeeld}"
    );
    browser.screenshot("beheer-plannen-voorbeeld").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the plans' beheer (nl): {fouten:?}");

    browser.wait_for(fixtures::VERPLAATSEN).await?.click().await?;
    browser.wait_for(fixtures::VERPLAATST).await?;
    let na = koers
        .graphql(
            "query($id: ID!) { actie(id: $id) { opgave { titel actieplan { id } } } }",
            json!({ "id": actie_id }),
        )
        .await?;
    assert_eq!(na["actie"]["opgave"]["actieplan"]["id"], nieuw_id.as_str());
    assert_eq!(na["actie"]["opgave"]["titel"], "Weerbaarheid");

    // The same views in English.
    beheer_engels(&browser).await?;
    browser
        .wait_for(&fixtures::plan_beheren(OUD))
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::VOORBEELD_TONEN).await?.click().await?;
    browser
        .wait_for(&format!("{} [data-testid=\"geen-open\"]", fixtures::PLAN_BEHEER))
        .await?;
    browser.screenshot("beheer-plannen-en").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the plans' beheer (en): {fouten:?}");
    browser.close().await
}
