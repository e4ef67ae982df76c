//! Browser tests of editing: a redacteur reports progress through the form on the Actie view (numbers checked
//! against the API), an invalid input is refused next to its field without saving, a draft survives a reload,
//! a version conflict between two browser sessions is resolved by applying the same input again, and a conflict
//! in the change form shows the other person's change and keeps it when one's own change is applied again.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test -p koers-e2e --test bewerken -- --ignored --test-threads=1` (also done by `.ci/test`).

use anyhow::Context;
use koers_e2e::{Browser, Koers, aanmelden, fixtures, id_of};
use serde_json::{Value, json};

const ACTIE: &str = "query($id: ID!) { actie(id: $id) { versie status gezondheid gezondheidReden voortgang
    historie { versie door toelichting } } }";

/// A fresh actie in the Mensenhandel plan, in uitvoering at 10 %.
async fn actie(koers: &Koers) -> anyhow::Result<String> {
    let opgave = koers.plan(fixtures::RAP_MENSENHANDEL).await?["opgaven"][0]["id"].clone();
    let d = koers
        .graphql(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": opgave, "titel": "Bewerken e2e", "jaar": 2026, "status": "IN_UITVOERING",
                           "voortgang": 10 } }),
        )
        .await?;
    id_of(&d["actieAanmaken"])
}

async fn stand(koers: &Koers, id: &str) -> anyhow::Result<Value> {
    Ok(koers.graphql(ACTIE, json!({ "id": id })).await?["actie"].clone())
}

/// Replaces the text of the field `css`.
async fn typ(browser: &Browser, css: &str, tekst: &str) -> anyhow::Result<()> {
    let veld = browser.wait_for(css).await?;
    veld.clear().await?;
    veld.send_keys(tekst).await?;
    Ok(())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn voortgang_melden_met_fouten_bij_het_veld() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker("ria", "redacteur", &["mensenhandel"]).await?;
    let id = actie(&koers).await?;
    let browser = Browser::start().await?;
    // Anonymous: no form.
    browser.goto(&koers.url(&fixtures::actie_pad(&id))).await?;
    browser.wait_for(&fixtures::actie_pagina(&id)).await?;
    assert!(browser.find_now(fixtures::MELDEN_FORMULIER).await?.is_none());

    aanmelden(&browser, &koers, "ria", &wachtwoord, &fixtures::actie_pad(&id)).await?;
    browser.wait_for(fixtures::MELDEN_FORMULIER).await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the form: {fouten:?}");

    // Invalid: risico without a reason, 140 %. Errors next to both fields, nothing saved.
    browser
        .wait_for(fixtures::VELD_GEZONDHEID)
        .await?
        .select_by_value("RISICO")
        .await?;
    typ(&browser, fixtures::VELD_VOORTGANG, "140").await?;
    browser.wait_for(fixtures::MELDEN_OPSLAAN).await?.click().await?;
    let fout = browser.wait_for(fixtures::FOUT_VOORTGANG).await?.text().await?;
    assert!(!fout.trim().is_empty(), "an error next to voortgang");
    let fout = browser.wait_for(fixtures::FOUT_REDEN).await?.text().await?;
    assert!(!fout.trim().is_empty(), "an error next to the reason");
    let veld = browser.wait_for(fixtures::VELD_VOORTGANG).await?;
    assert_eq!(veld.attr("aria-invalid").await?.as_deref(), Some("true"));
    browser.screenshot("bewerken-fouten").await?;
    assert_eq!(stand(&koers, &id).await?["versie"], 1, "nothing was saved");

    // Valid: saved, shown, and the API agrees.
    typ(&browser, fixtures::VELD_REDEN, "Capaciteit bij de partners.").await?;
    typ(&browser, fixtures::VELD_VOORTGANG, "60").await?;
    typ(
        &browser,
        fixtures::VELD_TOELICHTING,
        "Halverwege, met vertraging.",
    )
    .await?;
    browser.wait_for(fixtures::MELDEN_OPSLAAN).await?.click().await?;
    let item = format!(r#"{}[{}="2"]"#, fixtures::HISTORIE_ITEM, fixtures::DATA_VERSIE);
    let tekst = browser.wait_for(&item).await?.text().await?;
    assert!(tekst.contains("Halverwege, met vertraging."), "{tekst}");
    let s = stand(&koers, &id).await?;
    assert_eq!(s["versie"], 2);
    assert_eq!(s["voortgang"], 60);
    assert_eq!(s["gezondheid"], "RISICO");
    assert_eq!(s["gezondheidReden"], "Capaciteit bij de partners.");
    assert_eq!(s["historie"][1]["door"], "ria (e2e)");
    browser.close().await
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn invoer_blijft_bewaard_na_herladen() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker("rik", "redacteur", &["mensenhandel"]).await?;
    let id = actie(&koers).await?;
    let browser = Browser::start().await?;
    aanmelden(&browser, &koers, "rik", &wachtwoord, &fixtures::actie_pad(&id)).await?;
    typ(&browser, fixtures::VELD_TOELICHTING, "Nog niet opgeslagen tekst").await?;
    typ(&browser, fixtures::VELD_VOORTGANG, "35").await?;
    browser.client().refresh().await?;
    browser.wait_for(fixtures::CONCEPT_HERSTELD).await?;
    let veld = browser.wait_for(fixtures::VELD_TOELICHTING).await?;
    assert_eq!(
        veld.prop("value").await?.as_deref(),
        Some("Nog niet opgeslagen tekst")
    );
    let veld = browser.wait_for(fixtures::VELD_VOORTGANG).await?;
    assert_eq!(veld.prop("value").await?.as_deref(), Some("35"));
    browser.close().await
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn versieconflict_tussen_twee_sessies() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wa = koers.gebruiker("anna", "redacteur", &["mensenhandel"]).await?;
    let wb = koers.gebruiker("bram", "beheerder", &[]).await?;
    let id = actie(&koers).await?;
    let pad = fixtures::actie_pad(&id);
    let a = Browser::start().await?;
    let b = Browser::start().await?;
    aanmelden(&a, &koers, "anna", &wa, &pad).await?;
    aanmelden(&b, &koers, "bram", &wb, &pad).await?;
    a.wait_for(fixtures::MELDEN_FORMULIER).await?;
    b.wait_for(fixtures::MELDEN_FORMULIER).await?;

    // Anna saves first.
    typ(&a, fixtures::VELD_VOORTGANG, "30").await?;
    a.wait_for(fixtures::MELDEN_OPSLAAN).await?.click().await?;
    a.wait_for(&format!(
        r#"{}[{}="2"]"#,
        fixtures::HISTORIE_ITEM,
        fixtures::DATA_VERSIE
    ))
    .await?;

    // Bram, still on version 1, saves: the conflict shows Anna's change; his input is kept.
    typ(&b, fixtures::VELD_VOORTGANG, "70").await?;
    typ(&b, fixtures::VELD_TOELICHTING, "Bram meldt 70").await?;
    b.wait_for(fixtures::MELDEN_OPSLAAN).await?.click().await?;
    b.wait_for(fixtures::CONFLICT).await?;
    let verschil = b.wait_for(fixtures::CONFLICT_VERSCHILLEN).await?.text().await?;
    assert!(verschil.contains("30"), "Anna's 30 % is shown: {verschil}");
    let paneel = b.wait_for(fixtures::CONFLICT).await?.text().await?;
    assert!(paneel.contains("anna (e2e)"), "who changed it: {paneel}");
    b.scroll_to(fixtures::CONFLICT).await?;
    b.screenshot("bewerken-conflict").await?;
    let veld = b.wait_for(fixtures::VELD_TOELICHTING).await?;
    assert_eq!(veld.prop("value").await?.as_deref(), Some("Bram meldt 70"));
    assert_eq!(
        stand(&koers, &id).await?["versie"],
        2,
        "the conflicting save changed nothing"
    );

    // Applying it again needs no retyping.
    b.wait_for(fixtures::OPNIEUW_TOEPASSEN).await?.click().await?;
    b.wait_for(&format!(
        r#"{}[{}="3"]"#,
        fixtures::HISTORIE_ITEM,
        fixtures::DATA_VERSIE
    ))
    .await?;
    let s = stand(&koers, &id).await?;
    assert_eq!(s["versie"], 3);
    assert_eq!(s["voortgang"], 70);
    assert_eq!(s["historie"][1]["door"], "anna (e2e)");
    assert_eq!(s["historie"][2]["door"], "bram (e2e)");
    assert_eq!(s["historie"][2]["toelichting"], "Bram meldt 70");
    a.close().await?;
    b.close().await
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn actie_toevoegen_en_wijzigen() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker("rob", "redacteur", &["mensenhandel"]).await?;
    let plan = koers.plan(fixtures::RAP_MENSENHANDEL).await?;
    let plan_id = id_of(&plan)?;
    let totaal = "{ acties { totalCount } }";
    let voor = koers.graphql(totaal, json!({})).await?["acties"]["totalCount"].clone();
    let browser = Browser::start().await?;
    aanmelden(
        &browser,
        &koers,
        "rob",
        &wachtwoord,
        &fixtures::actieplan_pad(&plan_id),
    )
    .await?;
    browser
        .wait_for(fixtures::NIEUWE_ACTIE_LINK)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::ACTIE_FORMULIER).await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the add form: {fouten:?}");
    browser.screenshot("bewerken-nieuwe-actie").await?;

    // Without a title: the error stands next to it and nothing is created.
    browser.wait_for(fixtures::ACTIE_OPSLAAN).await?.click().await?;
    let fout = browser.wait_for(fixtures::FOUT_TITEL).await?.text().await?;
    assert!(!fout.trim().is_empty(), "an error next to the title");
    assert_eq!(
        koers.graphql(totaal, json!({})).await?["acties"]["totalCount"],
        voor
    );

    typ(&browser, fixtures::VELD_TITEL, "Nieuwe e2e-actie").await?;
    browser.wait_for(fixtures::ACTIE_OPSLAAN).await?.click().await?;
    let url = browser
        .wait_for_url("the new actie's page", |u| {
            u.contains("/actie/") && !u.contains("nieuw")
        })
        .await?;
    let id = url.rsplit('/').next().context("an id in the URL")?.to_string();
    browser.wait_for(&fixtures::actie_pagina(&id)).await?;
    let nieuw = koers
        .graphql(
            "query($id: ID!) { actie(id: $id) { titel versie opgave { id } historie { door } } }",
            json!({ "id": id }),
        )
        .await?;
    assert_eq!(nieuw["actie"]["titel"], "Nieuwe e2e-actie");
    assert_eq!(nieuw["actie"]["opgave"]["id"], plan["opgaven"][0]["id"]);
    assert_eq!(nieuw["actie"]["historie"][0]["door"], "rob (e2e)");

    // Change its title through the change form.
    browser
        .wait_for(fixtures::ACTIE_WIJZIGEN_LINK)
        .await?
        .click()
        .await?;
    browser.wait_for(fixtures::ACTIE_FORMULIER).await?;
    typ(&browser, fixtures::VELD_TITEL, "Gewijzigde e2e-actie").await?;
    browser.wait_for(fixtures::ACTIE_OPSLAAN).await?.click().await?;
    browser.wait_for(&fixtures::actie_pagina(&id)).await?;
    let na = koers
        .graphql(
            "query($id: ID!) { actie(id: $id) { titel versie } }",
            json!({ "id": id }),
        )
        .await?;
    assert_eq!(na["actie"]["titel"], "Gewijzigde e2e-actie");
    assert_eq!(na["actie"]["versie"], 2);
    browser.close().await
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn conflict_in_het_wijzigformulier_behoudt_de_andere_wijziging() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker("rob", "redacteur", &["mensenhandel"]).await?;
    let id = actie(&koers).await?;
    let browser = Browser::start().await?;
    let pad = format!("{}/wijzigen", fixtures::actie_pad(&id));
    aanmelden(&browser, &koers, "rob", &wachtwoord, &pad).await?;
    browser.wait_for(fixtures::ACTIE_FORMULIER).await?;

    // Someone else changes the description while Rob has the form (version 1) open.
    koers
        .graphql(
            "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { versie } }",
            json!({ "i": { "id": id, "versie": 1, "beschrijving": "Door een ander gewijzigd" } }),
        )
        .await?;
    typ(&browser, fixtures::VELD_TITEL, "Robs titel").await?;
    browser.wait_for(fixtures::ACTIE_OPSLAAN).await?.click().await?;
    let verschil = browser
        .wait_for(fixtures::CONFLICT_VERSCHILLEN)
        .await?
        .text()
        .await?;
    assert!(
        verschil.contains("Door een ander gewijzigd"),
        "the other person's change is shown: {verschil}"
    );
    assert_eq!(
        stand(&koers, &id).await?["versie"],
        2,
        "the conflicting save changed nothing"
    );
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the conflict panel: {fouten:?}");
    browser.scroll_to(fixtures::CONFLICT).await?;
    browser.screenshot("bewerken-conflict-wijzigen").await?;

    // Applying it again saves Rob's title on version 2 and keeps the other description.
    browser
        .wait_for(fixtures::OPNIEUW_TOEPASSEN)
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::actie_pagina(&id)).await?;
    let na = koers
        .graphql(
            "query($id: ID!) { actie(id: $id) { titel beschrijving versie } }",
            json!({ "id": id }),
        )
        .await?;
    assert_eq!(na["actie"]["titel"], "Robs titel");
    assert_eq!(na["actie"]["beschrijving"], "Door een ander gewijzigd");
    assert_eq!(na["actie"]["versie"], 3);
    browser.close().await
}
