//! Browser tests of the RVO section of `/beheer` beyond adding a date: a meeting moved elsewhere while the page
//! shows it answers the page's move with the conflict panel (theirs next to mine), whose "keep theirs" shows
//! their date; a beheerder freezes a past meeting's snapshot ("Stand vastgelegd op … door …", and
//! `rvoStanden` has it), a future meeting offers no freeze, and a freeze made meanwhile elsewhere is refused in
//! words. axe clean on both views, in Dutch and English.
//!
//! Ignored by default (they need Chromium and a built `frontend/dist`); run them with
//! `cargo test --workspace --test beheer_rvo_stand -- --ignored --test-threads=1`.

use anyhow::Context;
use koers_e2e::beheer::{BEHEERDER, beheer_aangemeld, beheer_engels, datum_over};
use koers_e2e::presentatie::met_sessie;
use koers_e2e::{Browser, array, fixtures, id_of};
use serde_json::json;

const AANMAKEN: &str =
    "mutation($i: RvoVergaderingAanmakenInvoer!) { rvoVergaderingAanmaken(invoer: $i) { id versie } }";
const WIJZIGEN: &str =
    "mutation($i: RvoVergaderingWijzigenInvoer!) { rvoVergaderingWijzigen(invoer: $i) { versie } }";
const VASTLEGGEN: &str = "mutation($v: ID!) { rvoStandVastleggen(vergadering: $v) { door } }";

/// Plans a meeting on `datum` through the API, in the browser's session; its id and versie.
async fn vergadering(browser: &Browser, datum: &str, omschrijving: &str) -> anyhow::Result<(String, i64)> {
    let d = met_sessie(
        browser,
        AANMAKEN,
        json!({ "i": { "datum": datum, "omschrijving": omschrijving } }),
    )
    .await?;
    let v = &d["rvoVergaderingAanmaken"];
    Ok((id_of(v)?, v["versie"].as_i64().context("versie")?))
}

/// Moves meeting `id` (read at `versie`) to `datum` behind the page's back; its new versie.
async fn elders_verplaatst(browser: &Browser, id: &str, versie: i64, datum: &str) -> anyhow::Result<i64> {
    let d = met_sessie(
        browser,
        WIJZIGEN,
        json!({ "i": { "id": id, "versie": versie, "datum": datum } }),
    )
    .await?;
    d["rvoVergaderingWijzigen"]["versie"]
        .as_i64()
        .context("the new versie")
}

/// In the page, moves the meeting it shows on `op` to `naar` with the versie it read (stale: moved to
/// `hunne` meanwhile): the panel shows theirs and mine for the date, axe clean; "keep theirs" then shows the
/// meeting on `hunne`.
async fn verouderd_verplaatsen(
    browser: &Browser,
    op: &str,
    naar: &str,
    hunne: &str,
    taal: &str,
) -> anyhow::Result<()> {
    let regel = fixtures::rvo_regel(op);
    let veld = browser
        .wait_for(&format!("{regel} {}", fixtures::RVO_NIEUWE_DATUM))
        .await?;
    veld.clear().await?;
    veld.send_keys(naar).await?;
    browser
        .wait_for(&format!("{regel} {}", fixtures::RVO_VERPLAATSEN))
        .await?
        .click()
        .await?;
    let rij = format!("{regel} {}", fixtures::conflict_veld("datum"));
    let theirs = browser
        .wait_for(&format!(r#"{rij} [data-testid="conflict-hunne"]"#))
        .await?
        .text()
        .await?;
    anyhow::ensure!(theirs.contains(hunne), "theirs: {theirs}");
    let mine = browser
        .wait_for(&format!(r#"{rij} [data-testid="conflict-mijne"]"#))
        .await?
        .text()
        .await?;
    anyhow::ensure!(mine.contains(naar), "mine: {mine}");
    browser.screenshot(&format!("beheer-rvo-conflict-{taal}")).await?;
    let fouten = browser.axe_violations().await?;
    anyhow::ensure!(
        fouten.is_empty(),
        "axe on the RVO conflict panel ({taal}): {fouten:?}"
    );
    browser
        .wait_for(&format!("{regel} {}", fixtures::CONFLICT_HERLADEN))
        .await?
        .click()
        .await?;
    browser.wait_for(&fixtures::rvo_regel(hunne)).await?;
    anyhow::ensure!(
        browser.find_now(&regel).await?.is_none(),
        "the meeting is no longer shown on {op}"
    );
    Ok(())
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_verouderde_verplaatsing_toont_het_conflictpaneel() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;
    let mut d = Vec::new();
    for n in 30..35 {
        d.push(datum_over(&browser, -n).await?);
    }
    let (id, versie) = vergadering(&browser, &d[0], "Regionaal Veiligheidsoverleg (conflict e2e)").await?;
    browser.goto(&koers.url("/beheer")).await?;
    browser.wait_for(&fixtures::rvo_regel(&d[0])).await?;
    let versie = elders_verplaatst(&browser, &id, versie, &d[1]).await?;
    verouderd_verplaatsen(&browser, &d[0], &d[2], &d[1], "nl").await?;

    // English: the page reads the list anew; then once more stale.
    beheer_engels(&browser).await?;
    browser.wait_for(&fixtures::rvo_regel(&d[1])).await?;
    elders_verplaatst(&browser, &id, versie, &d[3]).await?;
    verouderd_verplaatsen(&browser, &d[1], &d[4], &d[3], "en").await?;

    // Theirs was kept: the API has their date, not mine.
    let v = koers
        .graphql("{ rvoVergaderingen { id datum } }", json!({}))
        .await?;
    let m = array(&v["rvoVergaderingen"], "rvoVergaderingen")?
        .iter()
        .find(|m| id_of(m).ok().as_deref() == Some(id.as_str()))
        .context("the meeting")?;
    assert_eq!(m["datum"], json!(d[3]));
    browser.close().await
}

#[tokio::test]
#[ignore = "browser test: needs chromium and frontend/dist; run .ci/test or cargo test -p koers-e2e -- --ignored"]
async fn een_beheerder_legt_de_stand_van_een_vergadering_vast() -> anyhow::Result<()> {
    let (koers, browser) = beheer_aangemeld().await?;
    let (verleden, later, ander) = (
        datum_over(&browser, -40).await?,
        datum_over(&browser, 40).await?,
        datum_over(&browser, -41).await?,
    );
    let (id, _) = vergadering(&browser, &verleden, "Regionaal Veiligheidsoverleg (stand e2e)").await?;
    vergadering(&browser, &later, "Regionaal Veiligheidsoverleg (later e2e)").await?;
    let (ander_id, _) = vergadering(&browser, &ander, "Regionaal Veiligheidsoverleg (elders e2e)").await?;
    browser.goto(&koers.url("/beheer")).await?;

    let regel = fixtures::rvo_regel(&verleden);
    let knop = browser
        .wait_for(&format!("{regel} {}", fixtures::RVO_STAND_VASTLEGGEN))
        .await?;
    let tekst = knop.text().await?;
    assert!(tekst.contains("Stand vastleggen"), "{tekst}");
    browser.wait_for(&fixtures::rvo_regel(&later)).await?;
    let toekomst = format!(
        "{} {}",
        fixtures::rvo_regel(&later),
        fixtures::RVO_STAND_VASTLEGGEN
    );
    assert!(
        browser.find_now(&toekomst).await?.is_none(),
        "a future meeting offers no freeze"
    );
    knop.click().await?;
    let stand = browser
        .wait_for(&format!("{regel} {}", fixtures::RVO_STAND))
        .await?
        .text()
        .await?;
    let door = format!("{BEHEERDER} (e2e)");
    assert!(
        stand.contains("Stand vastgelegd op") && stand.contains(&door),
        "{stand}"
    );
    let knop = format!("{regel} {}", fixtures::RVO_STAND_VASTLEGGEN);
    assert!(browser.find_now(&knop).await?.is_none(), "frozen once");
    let standen = met_sessie(
        &browser,
        "{ rvoStanden { vergadering { id } door automatisch } }",
        json!({}),
    )
    .await?;
    let s = array(&standen["rvoStanden"], "rvoStanden")?
        .iter()
        .find(|s| id_of(&s["vergadering"]).ok().as_deref() == Some(id.as_str()))
        .context("rvoStanden lists the snapshot")?;
    assert_eq!((&s["door"], &s["automatisch"]), (&json!(door), &json!(false)));
    let nogmaals = met_sessie(&browser, VASTLEGGEN, json!({ "v": id })).await;
    let fout = nogmaals.err().context("a second freeze is refused")?.to_string();
    assert!(fout.contains("BAD_USER_INPUT"), "{fout}");
    browser.screenshot("beheer-rvo-stand-nl").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the frozen snapshot (nl): {fouten:?}");

    // English: a meeting frozen elsewhere while the page offers the freeze is refused in words.
    beheer_engels(&browser).await?;
    let elders = fixtures::rvo_regel(&ander);
    let knop = browser
        .wait_for(&format!("{elders} {}", fixtures::RVO_STAND_VASTLEGGEN))
        .await?;
    met_sessie(&browser, VASTLEGGEN, json!({ "v": ander_id })).await?;
    knop.click().await?;
    browser
        .wait_for_text(
            &format!("{elders} {}", fixtures::RVO_STAND_FOUT),
            "This meeting's snapshot has been frozen already.",
        )
        .await?;
    let stand = browser
        .wait_for(&format!("{regel} {}", fixtures::RVO_STAND))
        .await?
        .text()
        .await?;
    assert!(stand.contains("Snapshot frozen on"), "{stand}");
    browser.screenshot("beheer-rvo-stand-en").await?;
    let fouten = browser.axe_violations().await?;
    assert!(fouten.is_empty(), "axe on the frozen snapshot (en): {fouten:?}");
    browser.close().await
}
