//! Accessibility, layout and language of every view: axe-core finds no WCAG 2.1 A/AA violation (nor a breach
//! of its best practices: heading order, landmarks) at 1920×1080 and at a 390×844 phone; no view scrolls
//! sideways on the phone; the presentation keeps ≥ 36 px text and 7:1 contrast; English can be chosen and
//! stays chosen. Screenshots of every view at both sizes land in `e2e/artifacts/`
//! (`toegankelijkheid-<view>-<width>.png`).
//!
//! Ignored by default (they need Chromium, a built `frontend/dist` and axe-core from `e2e/axe/install.sh`);
//! run them with `cargo test -p koers-e2e --test toegankelijkheid -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::browser::axe::{DESKTOP, TELEFOON, Violation, axe_script_path};
use koers_e2e::{Browser, Koers, array, fixtures, id_of};
use serde_json::{Value, json};

/// One view: a name for messages and screenshots, its path and the selector that shows it has loaded.
struct Pagina {
    naam: &'static str,
    pad: String,
    geladen: String,
    /// A part further down worth a second screenshot (scrolled to the top of the window).
    detail: Option<&'static str>,
}

/// Every view of the app, with real ids from the seeded database.
async fn alle_paginas(koers: &Koers) -> anyhow::Result<Vec<Pagina>> {
    let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
    let plannen: Vec<&Value> = array(&data["themas"], "themas")?
        .iter()
        .filter_map(|t| t["actieplannen"].as_array())
        .flatten()
        .collect();
    let plan = plannen.first().context("the seed has no action plan")?;
    let plan_id = id_of(plan)?;
    // An actie every visitor may see: the browser has no token, confidential acties are hidden from it.
    let actie = plannen
        .iter()
        .filter_map(|p| p["opgaven"].as_array())
        .flatten()
        .filter_map(|o| o["acties"].as_array())
        .flatten()
        .find(|a| a["vertrouwelijk"] == json!(false))
        .context("the seed has no public actie")?;
    let actie_id = id_of(actie)?;
    let organisaties = koers.graphql(fixtures::ORGANISATIES_QUERY, json!({})).await?;
    let essm = array(&organisaties["organisaties"], "organisaties")?
        .iter()
        .find(|o| o["sleutel"] == json!(fixtures::ESSM))
        .context("the seed has no ESSM")?;
    let essm_id = id_of(essm)?;
    Ok(vec![
        Pagina {
            naam: "overzicht",
            pad: "/".into(),
            geladen: fixtures::OVERZICHT.into(),
            detail: None,
        },
        Pagina {
            naam: "actieplan",
            pad: fixtures::actieplan_pad(&plan_id),
            geladen: format!("{} {}", fixtures::actieplan_pagina(&plan_id), fixtures::ACTIE_RIJ),
            detail: Some(fixtures::OPGAVE_SECTIE),
        },
        Pagina {
            naam: "actie",
            pad: fixtures::actie_pad(&actie_id),
            geladen: fixtures::actie_pagina(&actie_id),
            detail: None,
        },
        Pagina {
            naam: "organisaties",
            pad: fixtures::ORGANISATIES_PAD.into(),
            geladen: format!("{} {}", fixtures::ORGANISATIES_PAGINA, fixtures::ORGANISATIE_LINK),
            detail: None,
        },
        Pagina {
            naam: "organisatie",
            pad: fixtures::organisatie_pad(&essm_id),
            geladen: format!(
                "{} {}",
                fixtures::organisatie_pagina(&essm_id),
                fixtures::ORGANISATIE_ACTIE
            ),
            detail: Some(fixtures::ORGANISATIE_ACTIE),
        },
        Pagina {
            naam: "sinds-rvo",
            pad: fixtures::SINDS_RVO_PAD.into(),
            geladen: fixtures::SINDS_RVO_GELADEN.into(),
            detail: None,
        },
        Pagina {
            naam: "presentatie",
            pad: fixtures::PRESENTATIE_PAD.into(),
            geladen: format!("{} {}", fixtures::PRESENTATIE, fixtures::DIA),
            detail: None,
        },
        Pagina {
            naam: "aanmelden",
            pad: "/aanmelden".into(),
            geladen: fixtures::AANMELDEN_PAGINA.into(),
            detail: None,
        },
        Pagina {
            naam: "beheer-anoniem",
            pad: "/beheer".into(),
            geladen: fixtures::ALLEEN_BEHEERDER.into(),
            detail: None,
        },
        Pagina {
            naam: "niet-gevonden",
            pad: fixtures::ONBEKENDE_ROUTE.into(),
            geladen: fixtures::ONBEKENDE_PAGINA.into(),
            detail: None,
        },
    ])
}

/// Opens every view at the given viewport size, saves a screenshot and returns what went wrong per view:
/// axe violations and, when `geen_zijwaarts` is set, a page wider than the viewport.
async fn controleer(
    koers: &Koers,
    browser: &Browser,
    formaat: (u32, u32),
    geen_zijwaarts: bool,
) -> anyhow::Result<Vec<String>> {
    browser.set_viewport(formaat).await?;
    let mut problemen = Vec::new();
    for pagina in alle_paginas(koers).await? {
        browser.goto(&koers.url(&pagina.pad)).await?;
        browser
            .wait_for(&pagina.geladen)
            .await
            .with_context(|| format!("view {} ({})", pagina.naam, pagina.pad))?;
        browser
            .screenshot(&format!("toegankelijkheid-{}-{}", pagina.naam, formaat.0))
            .await?;
        if let Some(detail) = pagina.detail {
            browser.scroll_to(detail).await?;
            browser
                .screenshot(&format!("toegankelijkheid-{}-{}-detail", pagina.naam, formaat.0))
                .await?;
        }
        let violations: Vec<Violation> = browser.axe_violations().await?;
        if !violations.is_empty() {
            let lijst: String = violations.iter().map(ToString::to_string).collect();
            problemen.push(format!(
                "{} ({}) at {}×{}: {} axe violation(s)\n{lijst}",
                pagina.naam,
                pagina.pad,
                formaat.0,
                formaat.1,
                violations.len()
            ));
        }
        if geen_zijwaarts {
            let over = browser.horizontal_overflow().await?;
            if over > 0 {
                let te_breed = browser.overflowing_elements().await?.join(", ");
                problemen.push(format!(
                    "{} ({}) at {}×{} scrolls sideways: {over} px wider than the viewport; too wide: {te_breed}",
                    pagina.naam, pagina.pad, formaat.0, formaat.1
                ));
            }
        }
    }
    Ok(problemen)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium, frontend/dist and e2e/axe; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn elke_pagina_zonder_axe_fouten_op_het_grote_scherm() -> anyhow::Result<()> {
    axe_script_path()?;
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let problemen = controleer(&koers, &browser, DESKTOP, false).await?;
    browser.close().await?;
    assert!(problemen.is_empty(), "\n{}", problemen.join("\n"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium, frontend/dist and e2e/axe; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn elke_pagina_past_zonder_axe_fouten_op_een_telefoon() -> anyhow::Result<()> {
    axe_script_path()?;
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let problemen = controleer(&koers, &browser, TELEFOON, true).await?;
    browser.close().await?;
    assert!(problemen.is_empty(), "\n{}", problemen.join("\n"));
    Ok(())
}

/// The check itself can fail: on a page with a known problem (an image without a text alternative, a field
/// without a label) axe reports exactly those rules.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium, frontend/dist and e2e/axe; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn axe_vindt_een_bekende_fout() -> anyhow::Result<()> {
    axe_script_path()?;
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    browser.goto(&koers.url(fixtures::ONBEKENDE_ROUTE)).await?;
    browser.wait_for(fixtures::ONBEKENDE_PAGINA).await?;
    browser
        .client()
        .execute(
            r#"const p = document.querySelector("main");
            const img = document.createElement("img");
            img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
            const veld = document.createElement("input");
            veld.type = "text";
            p.append(img, veld);"#,
            vec![],
        )
        .await?;
    let mut ids: Vec<String> = browser
        .axe_violations()
        .await?
        .into_iter()
        .map(|v| v.id)
        .collect();
    ids.sort();
    browser.close().await?;
    assert_eq!(
        ids,
        ["image-alt", "label"],
        "axe should report exactly the planted problems"
    );
    Ok(())
}

/// The presentation mode stays readable on a projector at 1920×1080: no text under 36 px, and every text has
/// a contrast of at least 7:1 (axe's `color-contrast-enhanced`, WCAG AAA), on a plan slide and an opgave slide.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium, frontend/dist and e2e/axe; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn presentatie_leesbaar_op_de_beamer() -> anyhow::Result<()> {
    axe_script_path()?;
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    browser.set_viewport(DESKTOP).await?;
    let mut problemen = Vec::new();
    for (dia, soort) in [(1, "plan"), (2, "opgave")] {
        browser
            .goto(&koers.url(&fixtures::presentatie_pad(&format!("dia={dia}"))))
            .await?;
        let geladen = format!(
            r#"{}[{}="{dia}"][{}="{soort}"]"#,
            fixtures::DIA,
            fixtures::DATA_INDEX,
            fixtures::DATA_SOORT
        );
        browser.wait_for(&geladen).await?;
        for klein in browser.text_smaller_than(fixtures::PRESENTATIE, 36.0).await? {
            problemen.push(format!("slide {dia}: text under 36 px: {klein}"));
        }
        for v in browser.axe_rule_violations(&["color-contrast-enhanced"]).await? {
            problemen.push(format!("slide {dia}: {v}"));
        }
    }
    browser.close().await?;
    assert!(problemen.is_empty(), "\n{}", problemen.join("\n"));
    Ok(())
}

/// `<html lang>` of the shown page.
async fn html_lang(browser: &Browser) -> anyhow::Result<String> {
    let lang = browser
        .client()
        .execute("return document.documentElement.lang;", vec![])
        .await?;
    Ok(lang.as_str().unwrap_or_default().to_string())
}

/// English can be chosen in the header; the texts of two views change, `<html lang>` follows, and the choice
/// survives a reload (it is kept in `localStorage`). Switching back gives Dutch again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn engels_kiezen_blijft_na_herladen() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    let plannen = koers.graphql(fixtures::PLANNEN_QUERY, json!({})).await?;
    let plan = array(&plannen["actieplannen"], "actieplannen")?
        .first()
        .context("the seed has no action plan")?;
    let plan_id = id_of(plan)?;

    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::OVERZICHT).await?;
    browser
        .wait_for_text(fixtures::PAGINA_KOP, "Actieplannen")
        .await?;
    assert_eq!(html_lang(&browser).await?, "nl");
    browser.wait_for_text(fixtures::TAAL_KNOP, "English").await?;

    browser.wait_for(fixtures::TAAL_KNOP).await?.click().await?;
    browser
        .wait_for_text(fixtures::PAGINA_KOP, "Action plans")
        .await?;
    browser.wait_for(fixtures::OVERZICHT).await?;
    assert_eq!(html_lang(&browser).await?, "en");
    browser
        .wait_for_text(fixtures::ORGANISATIES_MENU_LINK, "Organisations")
        .await?;
    browser.wait_for_text(fixtures::TAAL_KNOP, "Nederlands").await?;

    // A second view, opened by its address, and reloaded: still English.
    browser
        .goto(&koers.url(&fixtures::actieplan_pad(&plan_id)))
        .await?;
    browser.wait_for(&fixtures::actieplan_pagina(&plan_id)).await?;
    browser
        .wait_for_text(fixtures::FILTERS_KOP, "Filter and sort actions")
        .await?;
    browser.client().refresh().await?;
    browser.wait_for(&fixtures::actieplan_pagina(&plan_id)).await?;
    browser
        .wait_for_text(fixtures::FILTERS_KOP, "Filter and sort actions")
        .await?;
    assert_eq!(html_lang(&browser).await?, "en");
    let opgeslagen = browser
        .client()
        .execute(
            "return window.localStorage.getItem(arguments[0]);",
            vec![json!(fixtures::TAAL_SLEUTEL)],
        )
        .await?;
    assert_eq!(opgeslagen, json!("en"));

    // And back to Dutch.
    browser.wait_for(fixtures::TAAL_KNOP).await?.click().await?;
    browser
        .wait_for_text(fixtures::FILTERS_KOP, "Acties filteren en sorteren")
        .await?;
    assert_eq!(html_lang(&browser).await?, "nl");
    browser.close().await?;
    Ok(())
}
