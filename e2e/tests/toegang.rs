//! Browser tests of access: signing in and out through the page (the session cookie is out of the page's
//! reach), confidential work that appears only after signing in, and the beheer page — a token created there
//! works against the API until it is revoked there, and the audit log shows both.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test -p koers-e2e --test toegang -- --ignored --test-threads=1` (also done by `.ci/test`).

use koers_e2e::{Browser, Koers, fixtures, id_of, vul_aanmelden_in};
use serde_json::json;

async fn aanmelden(browser: &Browser, naam: &str, wachtwoord: &str) -> anyhow::Result<()> {
    browser.wait_for(fixtures::AANMELDEN_LINK).await?.click().await?;
    browser.wait_for(fixtures::AANMELDEN_PAGINA).await?;
    vul_aanmelden_in(browser, naam, wachtwoord).await
}

/// The status of a GraphQL request with `token`.
async fn met_token(koers: &Koers, token: &str) -> anyhow::Result<u16> {
    let r = koers
        .http()
        .post(koers.url("/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": "{ themas { id } }" }))
        .send()
        .await?;
    Ok(r.status().as_u16())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn aanmelden_toont_vertrouwelijk_werk_en_afmelden_verbergt_het() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker("lex", "lezer", &[]).await?;
    let plan = koers.plan(fixtures::RAP_MENSENHANDEL).await?;
    let titel = "Vertrouwelijke casusaanpak e2e";
    let actie = koers
        .graphql(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": plan["opgaven"][0]["id"], "titel": titel, "jaar": 2026,
                           "status": "IN_UITVOERING", "vertrouwelijk": true } }),
        )
        .await?;
    let actie_id = id_of(&actie["actieAanmaken"])?;
    let plan_id = id_of(&plan)?;

    let browser = Browser::start().await?;
    browser.goto(&koers.url(&format!("/actieplan/{plan_id}"))).await?;
    browser.wait_for(&fixtures::actieplan_pagina(&plan_id)).await?;
    browser.wait_for(fixtures::ACTIE_RIJ).await?;
    assert!(
        browser.find_now(&fixtures::actie_rij(&actie_id)).await?.is_none(),
        "anonymous: the confidential actie is not on the page"
    );

    // A wrong password: the page says so and stays.
    aanmelden(&browser, "lex", "niet-het-wachtwoord").await?;
    let fout = browser.wait_for(fixtures::AANMELDEN_FOUT).await?.text().await?;
    assert!(fout.contains("klopt niet"), "{fout}");
    let veld = browser.wait_for(fixtures::WACHTWOORD_VELD).await?;
    veld.clear().await?;
    veld.send_keys(&wachtwoord).await?;
    browser.wait_for(fixtures::AANMELDEN_KNOP).await?.click().await?;

    // Back on the plan, signed in, the confidential actie is there.
    browser.wait_for(&fixtures::actieplan_pagina(&plan_id)).await?;
    let wie = browser.wait_for(fixtures::AANGEMELD_ALS).await?.text().await?;
    assert!(wie.contains("lex (e2e)") && wie.contains("lezer"), "{wie}");
    let rij = browser.wait_for(&fixtures::actie_rij(&actie_id)).await?;
    assert!(rij.text().await?.contains(titel));
    let koekjes = browser
        .client()
        .execute("return document.cookie;", vec![])
        .await?;
    assert!(
        !koekjes.to_string().contains("koers_sessie"),
        "HttpOnly: the page cannot read the session cookie"
    );
    browser.screenshot("aangemeld-vertrouwelijk").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe with the session bar: {fouten:?}");

    // Signing out hides it again.
    browser.wait_for(fixtures::AFMELDEN_KNOP).await?.click().await?;
    browser.wait_for(fixtures::AANMELDEN_LINK).await?;
    browser.goto(&koers.url(&format!("/actieplan/{plan_id}"))).await?;
    browser.wait_for(fixtures::ACTIE_RIJ).await?;
    assert!(browser.find_now(&fixtures::actie_rij(&actie_id)).await?.is_none());
    browser.close().await
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_beheerder_maakt_en_trekt_een_token_in_en_leest_het_auditlog() -> anyhow::Result<()> {
    let koers = Koers::start().await?;
    let wachtwoord = koers.gebruiker("bea", "beheerder", &[]).await?;
    let browser = Browser::start().await?;
    browser.goto(&koers.url("/beheer")).await?;
    browser.wait_for(fixtures::ALLEEN_BEHEERDER).await?;
    aanmelden(&browser, "bea", &wachtwoord).await?;
    browser.wait_for(fixtures::BEHEER_PAGINA).await?;
    browser.wait_for(fixtures::TOKEN_FORMULIER).await?;

    browser
        .wait_for(fixtures::TOKEN_NAAM)
        .await?
        .send_keys("RIEC-koppeling")
        .await?;
    browser.wait_for(fixtures::TOKEN_MAKEN).await?.click().await?;
    let geheim = browser.wait_for(fixtures::GEHEIM).await?.text().await?;
    let geheim = geheim.trim().to_string();
    assert!(geheim.starts_with("koers_"), "{geheim}");
    assert_eq!(met_token(&koers, &geheim).await?, 200, "the new token works");
    browser.wait_for_text(fixtures::TOKEN_STAND, "actief").await?;
    // The form starts afresh: the name is empty and not marked as an error for having been cleared.
    let naamveld = browser
        .client()
        .execute(
            "const v = document.querySelector(arguments[0]); return [v.value, v.matches(':user-invalid')];",
            vec![fixtures::TOKEN_NAAM.into()],
        )
        .await?;
    assert_eq!(naamveld, json!(["", false]), "name field after creating");
    browser.screenshot("beheer-token").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the beheer page: {fouten:?}");

    browser.wait_for(fixtures::TOKEN_INTREKKEN).await?.click().await?;
    browser
        .wait_for_text(fixtures::TOKEN_STAND, "ingetrokken")
        .await?;
    assert_eq!(
        met_token(&koers, &geheim).await?,
        401,
        "the revoked token no longer works"
    );

    // The audit log has both, and the filter narrows it.
    browser.goto(&koers.url("/beheer")).await?;
    browser
        .wait_for(&fixtures::audit_regel("apiTokenIntrekken"))
        .await?;
    browser.wait_for(&fixtures::audit_regel("aanmelden")).await?;
    browser
        .wait_for(fixtures::AUDIT_FILTER)
        .await?
        .select_by_value("apiTokenIntrekken")
        .await?;
    browser
        .wait_for_text(fixtures::AUDIT_AANTAL, "1 van 1 regels")
        .await?;
    let regels = browser.wait_for_at_least(fixtures::AUDIT_REGEL, 1).await?;
    assert_eq!(regels.len(), 1);
    assert_eq!(
        regels[0].attr("data-handeling").await?.as_deref(),
        Some("apiTokenIntrekken")
    );
    let regel = regels[0].text().await?;
    assert!(regel.contains("API-token ingetrokken"), "event in words: {regel}");
    browser.screenshot("beheer-audit").await?;
    browser.close().await
}
