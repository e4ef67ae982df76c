//! Browser tests of the board view (issue 14): every row of the overview against the API (share afgerond, acties
//! in progress per health, change since the last RVO, overdue updates, each plan's and opgave's trend ending at
//! its share afgerond of now), the whole board on one 1920×1080 screen, opgaven linking to their acties, the average
//! progress saying over how many acties; the overview and the actieplan table on a phone without sideways
//! scrolling; every route's own `<title>` in both languages;
//! axe clean in English too. Screenshots land in `e2e/artifacts/` (`bord-*`).
//!
//! Ignored by default (they need Chromium, a built `frontend/dist` and axe-core from `e2e/axe/install.sh`);
//! run them with `cargo test --workspace --test bord -- --ignored --test-threads=1`.

use anyhow::{Context, bail};
use koers_e2e::bord::{GEZONDHEDEN, Verwacht, aantal, anoniem, formaat, plannen, punten};
use koers_e2e::browser::axe::DESKTOP;
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use koers_shared::procent_tekst;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The attributes of the change since the RVO in a row: afgerond points and per health.
async fn sinds_rvo(browser: &Browser, rij: &str) -> anyhow::Result<[i64; 4]> {
    let cel = browser.wait_for(&fixtures::sinds_rvo_cel(rij)).await?;
    let mut uit = [0; 4];
    for (i, attr) in ["data-afgerond", "data-op_koers", "data-aandacht", "data-risico"]
        .iter()
        .enumerate()
    {
        let waarde = cel
            .attr(attr)
            .await?
            .with_context(|| format!("{attr} of {rij}"))?;
        uit[i] = waarde
            .parse()
            .with_context(|| format!("{attr}={waarde} of {rij}"))?;
    }
    Ok(uit)
}

/// Checks one row (plan or opgave) against the API: its roll-up, overdue count and change since the RVO.
async fn controleer_rij(
    browser: &Browser,
    rij: &str,
    rollup: &Value,
    (te_laat, verschil): (i64, [i64; 4]),
) -> anyhow::Result<()> {
    let prefix = if rij.contains("opgave") {
        "opgave"
    } else {
        "actieplan"
    };
    let aandeel = rollup["aandeelAfgerond"].as_f64().context("aandeelAfgerond")?;
    browser
        .wait_for_text(
            &format!(r#"{rij} [data-testid="{prefix}-aandeel-afgerond"]"#),
            &procent_tekst(aandeel),
        )
        .await
        .with_context(|| format!("share afgerond of {rij}"))?;
    for (bord, api) in GEZONDHEDEN {
        browser
            .wait_for_text(
                &fixtures::gezondheid_cel(rij, bord),
                &aantal(rollup, api).to_string(),
            )
            .await
            .with_context(|| format!("{api} of {rij}"))?;
    }
    {
        // The row's trend (plan and opgave alike): drawn, said to screen readers, and ending at the share
        // afgerond of now.
        let trend = format!(r#"{rij} [data-testid="{prefix}-trend"] [data-testid="trend"]"#);
        let label = browser
            .wait_for(&format!(r#"{trend} svg[role="img"]"#))
            .await
            .with_context(|| format!("trend of {rij}"))?
            .attr("aria-label")
            .await?
            .unwrap_or_default();
        assert!(
            label.contains(&procent_tekst(aandeel)),
            "the trend of {rij} does not say its last share afgerond: {label}"
        );
        browser
            .wait_for(&format!(
                r#"{trend} [data-testid="trend-punt"]:last-of-type[data-afgerond="{}"]"#,
                procent_tekst(aandeel)
            ))
            .await
            .with_context(|| format!("last point of the trend of {rij}"))?;
    }
    let cel = browser.wait_for(&fixtures::te_laat_cel(rij)).await?;
    assert_eq!(
        cel.attr("data-aantal").await?.as_deref(),
        Some(te_laat.to_string().as_str()),
        "overdue updates of {rij}"
    );
    assert_eq!(
        sinds_rvo(browser, rij).await?,
        verschil,
        "change since the RVO of {rij}"
    );
    Ok(())
}

/// Every row against the API; `gewijzigd` holds the change since the RVO the test itself made.
async fn controleer_bord(
    koers: &Koers,
    browser: &Browser,
    gewijzigd: &HashMap<String, [i64; 4]>,
) -> anyhow::Result<usize> {
    let data = anoniem(koers, fixtures::BORD_QUERY).await?;
    let verwacht = Verwacht::laad(koers, &data).await?;
    let mut rijen = 0;
    for plan in plannen(&data)? {
        let plan_id = id_of(&plan)?;
        let plan_sel = fixtures::actieplan(&plan_id);
        let acties = verwacht.van(&plan_id, None);
        let rij = verwacht.rij(&plan_id, &plan["rollup"], &acties, gewijzigd)?;
        controleer_rij(browser, &fixtures::bord_plan_rij(&plan_sel), &plan["rollup"], rij).await?;
        for opgave in array(&plan["opgaven"], "opgaven")? {
            let opgave_id = id_of(opgave)?;
            let acties = verwacht.van(&plan_id, Some(&opgave_id));
            let cijfers = verwacht.rij(&opgave_id, &opgave["rollup"], &acties, gewijzigd)?;
            let rij = fixtures::opgave_in_plan(&plan_id, &opgave_id);
            controleer_rij(browser, &rij, &opgave["rollup"], cijfers).await?;
            rijen += 1;
        }
    }
    Ok(rijen)
}

/// The bottom of the overview, in px from the top of the document.
async fn onderkant(browser: &Browser, css: &str) -> anyhow::Result<f64> {
    let v = browser
        .client()
        .execute(
            "const e = document.querySelector(arguments[0]); \
             return e ? e.getBoundingClientRect().bottom + window.scrollY : -1;",
            vec![json!(css)],
        )
        .await?;
    v.as_f64().context("bottom")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn bord_toont_elke_rij_zoals_de_api_en_past_op_een_scherm() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    formaat(&browser, DESKTOP).await?;
    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::BORD).await?;
    let rijen = controleer_bord(&koers, &browser, &HashMap::new()).await?;
    assert!(
        rijen >= 20,
        "the seed has at least 20 opgaven, the board showed {rijen}"
    );

    // The whole board, its explanation included, is on the first 1920×1080 screen.
    browser.screenshot("bord-1920").await?;
    let onder = onderkant(&browser, fixtures::OVERZICHT).await?;
    assert!(
        onder > 0.0 && onder <= 1080.0,
        "the overview ends at {onder} px, below the 1080 px screen"
    );
    assert_eq!(
        browser.horizontal_overflow().await?,
        0,
        "the board scrolls sideways at 1920 px"
    );

    // Two changes in a plan that did not change since the last RVO: one actie afgerond, one to risico.
    let data = anoniem(&koers, fixtures::BORD_QUERY).await?;
    let verwacht = Verwacht::laad(&koers, &data).await?;
    let (plan, opgave, kandidaten) = plannen(&data)?
        .iter()
        .flat_map(|p| {
            let plan = id_of(p).unwrap_or_default();
            p["opgaven"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |o| (plan.clone(), o))
        })
        .filter_map(|(plan, o)| {
            let id = id_of(&o).ok()?;
            let acties = verwacht.van(&plan, Some(&id));
            if verwacht.gewijzigd_sinds_rvo(&verwacht.van(&plan, None)) {
                return None;
            }
            let bezig: Vec<Value> = acties
                .into_iter()
                .filter(|a| {
                    let bezig = a["status"] == json!("IN_UITVOERING") || a["status"] == json!("DOORLOPEND");
                    bezig && a["gezondheid"] != json!("RISICO")
                })
                .cloned()
                .collect();
            (bezig.len() >= 2).then_some((plan, o, bezig))
        })
        .next()
        .context("no plan without changes since the RVO with an opgave of two acties in progress")?;
    let opgave_id = id_of(&opgave)?;
    let voor = &opgave["rollup"];
    let plan_voor = plannen(&data)?
        .into_iter()
        .find(|p| p["id"] == json!(plan))
        .context("plan")?["rollup"]
        .clone();
    let afronden =
        json!({ "id": kandidaten[0]["id"], "versie": kandidaten[0]["versie"], "status": "AFGEROND" });
    let risico = json!({ "id": kandidaten[1]["id"], "versie": kandidaten[1]["versie"], "gezondheid": "RISICO",
                         "gezondheidReden": "E2E: financiering onzeker." });
    for invoer in [afronden, risico] {
        koers
            .graphql(fixtures::VOORTGANG_MUTATIE, json!({ "invoer": invoer }))
            .await?;
    }
    let na = anoniem(&koers, fixtures::BORD_QUERY).await?;
    let rollup_na = |id: &str, opgave: bool| -> anyhow::Result<Value> {
        for p in plannen(&na)? {
            if !opgave && p["id"] == json!(id) {
                return Ok(p["rollup"].clone());
            }
            for o in array(&p["opgaven"], "opgaven")? {
                if opgave && o["id"] == json!(id) {
                    return Ok(o["rollup"].clone());
                }
            }
        }
        bail!("{id} not in the overview")
    };
    // Per health: both acties leave the health they had, the second one is at risico now.
    let mut per_gezondheid = [0, 0, 1];
    for a in &kandidaten[..2] {
        if let Some(i) = GEZONDHEDEN
            .iter()
            .position(|(_, api)| a["gezondheid"] == json!(api))
        {
            per_gezondheid[i] -= 1;
        }
    }
    let [op_koers, aandacht, risico] = per_gezondheid;
    let mut gewijzigd = HashMap::new();
    let opgave_punten = punten(voor, &rollup_na(&opgave_id, true)?);
    gewijzigd.insert(opgave_id.clone(), [opgave_punten, op_koers, aandacht, risico]);
    let plan_punten = punten(&plan_voor, &rollup_na(&plan, false)?);
    gewijzigd.insert(plan.clone(), [plan_punten, op_koers, aandacht, risico]);
    assert_ne!(
        gewijzigd[&opgave_id][0], 0,
        "completing an actie changes the share afgerond"
    );

    browser.client().refresh().await?;
    browser.wait_for(fixtures::BORD).await?;
    controleer_bord(&koers, &browser, &gewijzigd).await?;
    let rij = fixtures::opgave_in_plan(&plan, &opgave_id);
    browser.scroll_to(&rij).await?;
    browser.screenshot("bord-1920-na-wijziging").await?;

    // The opgave links to its acties: the plan's page, scrolled to the opgave's section.
    browser.client().execute("window.scrollTo(0, 0);", vec![]).await?;
    browser
        .wait_for(&format!("{rij} {}", fixtures::OPGAVE_LINK))
        .await?
        .click()
        .await?;
    let sectie = fixtures::opgave_sectie(&opgave_id);
    browser
        .wait_for(&format!("{sectie} {}", fixtures::ACTIE_RIJ))
        .await?;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let top = browser
            .client()
            .execute(
                "return document.querySelector(arguments[0]).getBoundingClientRect().top;",
                vec![json!(sectie)],
            )
            .await?
            .as_f64()
            .unwrap_or(f64::MAX);
        if (-2.0..200.0).contains(&top) {
            break;
        }
        if Instant::now() > deadline {
            bail!("the opgave's section is at {top} px, not scrolled into view");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let url = browser.client().current_url().await?;
    assert_eq!(
        url.path(),
        fixtures::actieplan_pad(&plan),
        "the opgave links to its plan's page"
    );

    // The detailed cards are one click away, and say over how many acties the average is.
    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::NAAR_KAARTEN).await?.click().await?;
    let gemiddelde = format!(
        r#"{} [data-testid="opgave-gemiddelde"]"#,
        fixtures::opgave(&opgave_id)
    );
    let r = rollup_na(&opgave_id, true)?;
    let tekst = format!(
        "{} over {} van {} acties",
        procent_tekst(r["gemiddeldeVoortgang"].as_f64().context("gemiddeldeVoortgang")?),
        r["aantalMetVoortgang"],
        r["totaal"]
    );
    browser.wait_for_text(&gemiddelde, &tekst).await?;
    browser.close().await
}
