//! Browser tests of the presentation mode as a projector shows it (1920×1080, read from 6 m): no text under
//! 36 px on any kind of slide and axe clean, in both languages; 300-character titles are shortened visibly and
//! push no row off the slide; Tab never reaches the page behind the slide; every label in English.
//!
//! Ignored by default (they need Chromium, a built `frontend/dist` and e2e/axe); run them with
//! `cargo test --workspace --test presentatie_beamer -- --ignored --test-threads=1`.

use anyhow::Context;
use fantoccini::key::Key;
use koers_e2e::presentatie::{
    buiten_de_dia, dia_van, focus_achter_de_dia, met_sessie, projector, soorten, wacht_op_index,
};
use koers_e2e::{Browser, Koers, aanmelden, array, fixtures, id_of};
use serde_json::{Value, json};

/// Starts the server and a browser with a 1920×1080 page, in language `taal` (`nl` or `en`).
async fn start(taal: &str) -> anyhow::Result<(Koers, Browser)> {
    let koers = Koers::start().await?;
    let browser = Browser::start().await?;
    projector(&browser).await?;
    browser.goto(&koers.url("/")).await?;
    browser.wait_for(fixtures::OVERZICHT).await?;
    browser
        .client()
        .execute(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(fixtures::TAAL_SLEUTEL), json!(taal)],
        )
        .await?;
    Ok((koers, browser))
}

/// Opens slide `nummer` and waits for it.
async fn open(koers: &Koers, browser: &Browser, nummer: usize) -> anyhow::Result<()> {
    browser
        .goto(&koers.url(&fixtures::presentatie_pad(&format!("dia={nummer}"))))
        .await?;
    wacht_op_index(browser, nummer).await
}

/// Saves a screenshot under /tmp/v-shots/ as well as in the artifacts.
async fn foto(browser: &Browser, naam: &str) -> anyhow::Result<()> {
    let pad = browser.screenshot(naam).await?;
    let dir = std::path::Path::new("/tmp/v-shots");
    std::fs::create_dir_all(dir)?;
    std::fs::copy(&pad, dir.join(format!("{naam}.png")))?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium, frontend/dist and e2e/axe; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn kleinste_tekst_36px_en_axe_op_elke_soort_dia() -> anyhow::Result<()> {
    koers_e2e::browser::axe::axe_script_path()?;
    let mut problemen = Vec::new();
    for taal in ["nl", "en"] {
        let (koers, browser) = start(taal).await?;
        let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
        let soorten = soorten(&data)?;
        anyhow::ensure!(
            soorten.len() >= 4,
            "the seed has too few kinds of slide: {soorten:?}"
        );
        for (nummer, soort) in soorten {
            open(&koers, &browser, nummer).await?;
            for klein in browser.text_smaller_than(fixtures::PRESENTATIE, 36.0).await? {
                problemen.push(format!(
                    "{taal}, slide {nummer} ({soort}): text under 36 px: {klein}"
                ));
            }
            for buiten in buiten_de_dia(&browser).await? {
                problemen.push(format!(
                    "{taal}, slide {nummer} ({soort}): outside the slide: {buiten}"
                ));
            }
            for v in browser.axe_violations().await? {
                problemen.push(format!("{taal}, slide {nummer} ({soort}): {v}"));
            }
            foto(
                &browser,
                &format!("beamer-{taal}-{}", soort.replace([',', ' '], "-")),
            )
            .await?;
        }
        browser.close().await?;
    }
    assert!(problemen.is_empty(), "\n{}", problemen.join("\n"));
    Ok(())
}

/// A 300-character title (the most the API allows), words of varying length.
fn lange_titel(begin: &str) -> String {
    let mut t = format!("{begin} ");
    let woorden = [
        "aanpak",
        "ondermijning",
        "in",
        "de",
        "Rotterdamse",
        "haven",
        "en",
        "wijken",
        "met",
        "partners",
    ];
    let mut i = 0;
    while t.len() < 300 {
        t.push_str(woorden[i % woorden.len()]);
        t.push(' ');
        i += 1;
    }
    t.truncate(299);
    t.push('Z');
    t
}

/// Gives the first plan a 300-character title and adds an opgave with one, holding six acties with one each,
/// as a beheerder signed in in `browser`. Returns the titles of the plan and the opgave and the opgave's id.
async fn lange_titels(koers: &Koers, browser: &Browser) -> anyhow::Result<(String, String, String)> {
    let wachtwoord = koers.gebruiker("bea", "beheerder", &[]).await?;
    aanmelden(browser, koers, "bea", &wachtwoord, "/").await?;
    let themas = koers
        .graphql("{ themas { actieplannen { id versie } } }", json!({}))
        .await?;
    let plan = array(&themas["themas"], "themas")?
        .first()
        .and_then(|t| t["actieplannen"].as_array()?.first())
        .context("no plan in the seed")?
        .clone();
    let plan_titel = lange_titel("PLAN");
    let invoer = json!({ "id": id_of(&plan)?, "versie": plan["versie"], "titel": plan_titel });
    met_sessie(
        browser,
        "mutation($i: ActieplanWijzigenInvoer!) { actieplanWijzigen(invoer: $i) { versie } }",
        json!({ "i": invoer }),
    )
    .await?;
    let opgave_titel = lange_titel("OPGAVE");
    let opgave = met_sessie(
        browser,
        "mutation($i: OpgaveAanmakenInvoer!) { opgaveAanmaken(invoer: $i) { id } }",
        json!({ "i": { "actieplan": id_of(&plan)?, "titel": opgave_titel } }),
    )
    .await?;
    let opgave_id = id_of(&opgave["opgaveAanmaken"])?;
    for n in 1..=6 {
        let invoer = json!({
            "opgave": opgave_id,
            "titel": lange_titel(&format!("ACTIE{n}")),
            "jaar": 2026,
            "status": "IN_UITVOERING",
            "gezondheid": "OP_KOERS",
            "voortgang": 10 * n,
        });
        koers
            .graphql(fixtures::ACTIE_AANMAKEN_MUTATIE, json!({ "invoer": invoer }))
            .await?;
    }
    Ok((plan_titel, opgave_titel, opgave_id))
}

/// The shown slide's `h1`: its visible height, its full height and its `title`.
async fn titel_maten(browser: &Browser) -> anyhow::Result<Value> {
    Ok(browser
        .client()
        .execute(
            r#"const h = document.querySelector('[data-testid="dia"] h1');
return [h.clientHeight, h.scrollHeight, h.getAttribute("title"), parseFloat(getComputedStyle(h).lineHeight)];"#,
            vec![],
        )
        .await?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn lange_titels_afgekort_geen_rij_afgesneden() -> anyhow::Result<()> {
    let (koers, browser) = start("nl").await?;
    let (plan_titel, opgave_titel, opgave_id) = lange_titels(&koers, &browser).await?;
    let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
    let nummer = dia_van(&data, &opgave_id)?;
    let opgaven = data["themas"][0]["actieplannen"][0]["opgaven"]
        .as_array()
        .map_or(0, Vec::len);
    let mut problemen = Vec::new();
    // The first plan's slides (with the new opgave), then the opgave's (six acties: two parts).
    let mut dias = vec![(1, &plan_titel, opgaven.min(fixtures::OPGAVEN_PER_DIA))];
    if opgaven > fixtures::OPGAVEN_PER_DIA {
        dias.push((2, &plan_titel, opgaven - fixtures::OPGAVEN_PER_DIA));
    }
    dias.push((nummer, &opgave_titel, fixtures::ACTIES_PER_DIA));
    dias.push((nummer + 1, &opgave_titel, 1));
    for (dia, titel, rijen) in dias {
        open(&koers, &browser, dia).await?;
        let rij = if dia < nummer {
            r#"[data-testid="dia-opgave"]"#
        } else {
            fixtures::DIA_ACTIE
        };
        let getoond = browser.wait_for_at_least(rij, 1).await?.len();
        if getoond != rijen {
            problemen.push(format!("slide {dia}: {getoond} rows, expected {rijen}"));
        }
        for buiten in buiten_de_dia(&browser).await? {
            problemen.push(format!("slide {dia}: outside the slide: {buiten}"));
        }
        let maten = titel_maten(&browser).await?;
        let (zichtbaar, geheel, regel) = (
            maten[0].as_f64().unwrap_or_default(),
            maten[1].as_f64().unwrap_or_default(),
            maten[3].as_f64().unwrap_or_default(),
        );
        if geheel <= zichtbaar || zichtbaar > 2.0 * regel + 2.0 {
            problemen.push(format!(
                "slide {dia}: the title is not shortened to two lines ({zichtbaar} of {geheel} px, line {regel} px)"
            ));
        }
        if maten[2].as_str() != Some(titel.as_str()) {
            problemen.push(format!(
                "slide {dia}: the whole title is not in its title attribute"
            ));
        }
        foto(&browser, &format!("beamer-lange-titels-{dia}")).await?;
    }
    browser.close().await?;
    assert!(problemen.is_empty(), "\n{}", problemen.join("\n"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn tab_blijft_op_de_dia() -> anyhow::Result<()> {
    let (koers, browser) = start("nl").await?;
    open(&koers, &browser, 2).await?;
    for (toets, naam) in [(Key::Tab, "Tab"), (Key::Shift, "Shift+Tab")] {
        open(&koers, &browser, 2).await?;
        for stap in 1..=14 {
            let toetsen = if naam == "Tab" {
                char::from(Key::Tab).to_string()
            } else {
                format!("{}{}", char::from(toets), char::from(Key::Tab))
            };
            browser
                .client()
                .active_element()
                .await?
                .send_keys(&toetsen)
                .await?;
            if let Some(achter) = focus_achter_de_dia(&browser).await? {
                panic!("{naam} ×{stap} reached the page behind the slide: {achter}");
            }
        }
    }
    let achter = browser
        .client()
        .execute(
            "return [...document.querySelectorAll('header, body > footer, .overslaan')].every((e) => e.closest('[inert]'));",
            vec![],
        )
        .await?;
    assert_eq!(achter, json!(true), "the page behind the slide is inert");
    browser.close().await
}

/// The visible texts of the labels of the shown slide and the controls bar.
async fn labels(browser: &Browser) -> anyhow::Result<Vec<String>> {
    let v = browser
        .client()
        .execute(
            r#"return [...document.querySelectorAll('[data-testid="presentatie"] :is(caption, thead th, dt, footer button, footer a, .dia-nummer, .autoplay-stand)')]
    .map((e) => e.textContent.trim());"#,
            vec![],
        )
        .await?;
    Ok(v.as_array()
        .map(|a| a.iter().filter_map(|e| e.as_str().map(str::to_string)).collect())
        .unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn engelse_labels_in_het_engels() -> anyhow::Result<()> {
    let (koers, browser) = start("en").await?;
    let data = koers.graphql(fixtures::PRESENTATIE_QUERY, json!({})).await?;
    let mut problemen = Vec::new();
    let verwacht: [(&str, &[&str]); 2] = [
        (
            "plan",
            &[
                "Tasks",
                "Task",
                "Completed",
                "On track",
                "Needs attention",
                "At risk",
                "Actions",
                "Worst health",
                "Close",
            ],
        ),
        (
            "opgave",
            &["Action", "Status", "Health", "Progress", "Completed", "Close"],
        ),
    ];
    let nederlands = [
        "Opgaven",
        "Opgave",
        "Afgerond",
        "Gezondheid",
        "Slechtste gezondheid",
        "Voortgang",
        "Sluiten",
        "Dia",
        "gepauzeerd",
        "Aandacht",
        "Risico",
        "Op koers",
    ];
    for (soort, woorden) in verwacht {
        let (nummer, _) = soorten(&data)?
            .into_iter()
            .find(|&(_, s)| s == soort)
            .with_context(|| format!("no {soort} slide"))?;
        open(&koers, &browser, nummer).await?;
        let gezien = labels(&browser).await?;
        for w in woorden {
            if !gezien.iter().any(|g| g == w) {
                problemen.push(format!("{soort} slide: no label {w:?} in {gezien:?}"));
            }
        }
        for g in &gezien {
            if nederlands
                .iter()
                .any(|n| g == n || g.starts_with(&format!("{n} ")))
            {
                problemen.push(format!("{soort} slide: Dutch label {g:?}"));
            }
        }
        let nr = browser
            .wait_for(r#"[data-testid="dia-nummer"]"#)
            .await?
            .text()
            .await?;
        if !nr.starts_with(&format!("Slide {nummer} of ")) {
            problemen.push(format!("{soort} slide: slide number {nr:?}"));
        }
        let rol = browser
            .wait_for(fixtures::DIA)
            .await?
            .attr("aria-roledescription")
            .await?;
        if rol.as_deref() != Some("slide") {
            problemen.push(format!("{soort} slide: aria-roledescription {rol:?}"));
        }
    }
    browser.close().await?;
    assert!(problemen.is_empty(), "\n{}", problemen.join("\n"));
    Ok(())
}
