//! Helpers of the presentation-mode browser tests: a projector-sized window, the shown slide, and which slide
//! shows an opgave — computed from the API the way the front end numbers its slides.

use crate::{Browser, Koers, array, fixtures, id_of};
use anyhow::{Context, bail};
use serde_json::{Value, json};
use std::time::Duration;

/// The resolution of the projector.
pub const PROJECTOR: (u32, u32) = (1920, 1080);

/// Grows the browser window until the page itself is 1920×1080 (the window includes the browser's bars).
pub async fn projector(browser: &Browser) -> anyhow::Result<()> {
    let (breedte, hoogte) = PROJECTOR;
    browser.client().set_window_size(breedte, hoogte).await?;
    let binnen = browser
        .client()
        .execute("return [window.innerWidth, window.innerHeight];", vec![])
        .await?;
    let maat = |i: usize, doel: u32| {
        let gemeten = binnen[i]
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(doel);
        doel + doel.saturating_sub(gemeten)
    };
    browser
        .client()
        .set_window_size(maat(0, breedte), maat(1, hoogte))
        .await?;
    Ok(())
}

/// The `data-index` of the shown slide.
pub async fn index(browser: &Browser) -> anyhow::Result<usize> {
    let dia = browser.wait_for(fixtures::DIA).await?;
    let waarde = dia
        .attr(fixtures::DATA_INDEX)
        .await?
        .context("slide without data-index")?;
    Ok(waarde.parse()?)
}

/// Waits until the shown slide has `data-index` `verwacht`.
pub async fn wacht_op_index(browser: &Browser, verwacht: usize) -> anyhow::Result<()> {
    let sel = format!(r#"{}[{}="{verwacht}"]"#, fixtures::DIA, fixtures::DATA_INDEX);
    browser
        .wait_for(&sel)
        .await
        .with_context(|| format!("waiting for slide {verwacht}"))?;
    Ok(())
}

/// Opens the presentation on slide `nummer` and waits until it shows and the live subscription runs.
pub async fn open_live(koers: &Koers, browser: &Browser, nummer: usize) -> anyhow::Result<()> {
    browser
        .goto(&koers.url(&fixtures::presentatie_pad(&format!("dia={nummer}"))))
        .await?;
    wacht_op_index(browser, nummer).await?;
    let live = format!(
        r#"{}[{}="verbonden"]"#,
        fixtures::PRESENTATIE,
        fixtures::DATA_LIVE
    );
    browser.wait_for(&live).await?;
    // The subscribe message follows the acknowledgement; give the server a moment to register it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

/// The opgave's share afgerond from the API, written as the slides write it (`procent_tekst`).
pub async fn aandeel_afgerond(koers: &Koers, opgave_id: &str) -> anyhow::Result<String> {
    let rollup = koers
        .graphql(fixtures::OPGAVE_ROLLUP_QUERY, json!({ "id": opgave_id }))
        .await?;
    let aandeel = rollup["opgave"]["rollup"]["aandeelAfgerond"]
        .as_f64()
        .context("aandeelAfgerond")?;
    Ok(koers_shared::procent_tekst(aandeel))
}

/// An opgave with a planned, non-confidential actie on its first slide, and where it shows.
pub struct Keuze {
    /// The 1-based slide of its plan.
    pub plan_dia: usize,
    /// The plan's id.
    pub plan_id: String,
    /// The 1-based (first) slide of the opgave.
    pub nummer: usize,
    /// The opgave's id.
    pub opgave_id: String,
    /// The planned actie.
    pub actie: Value,
}

/// One opgave's place in the presentation.
struct OpgaveDia {
    plan_dia: usize,
    plan: Value,
    nummer: usize,
    opgave: Value,
    openbaar: Vec<Value>,
}

/// Every opgave of `data` (an answer to [`fixtures::PRESENTATIE_QUERY`]) in slide order: its plan's slide, the
/// plan, its own first slide, the opgave and its non-confidential acties.
fn dias(data: &Value) -> anyhow::Result<Vec<OpgaveDia>> {
    let mut uit = Vec::new();
    let mut nummer = 0;
    for thema in array(&data["themas"], "themas")? {
        for plan in array(&thema["actieplannen"], "actieplannen")? {
            let plan_dia = nummer + 1;
            let mut opgaven = array(&plan["opgaven"], "opgaven")?.clone();
            nummer += opgaven.len().div_ceil(fixtures::OPGAVEN_PER_DIA).max(1);
            opgaven.sort_by_key(|o| o["volgorde"].as_i64().unwrap_or_default());
            for opgave in opgaven {
                let openbaar: Vec<Value> = array(&opgave["acties"], "acties")?
                    .iter()
                    .filter(|a| a["vertrouwelijk"] != json!(true))
                    .cloned()
                    .collect();
                let delen = openbaar.len().div_ceil(fixtures::ACTIES_PER_DIA).max(1);
                uit.push(OpgaveDia {
                    plan_dia,
                    plan: plan.clone(),
                    nummer: nummer + 1,
                    opgave,
                    openbaar,
                });
                nummer += delen;
            }
        }
    }
    Ok(uit)
}

/// The 1-based (first) slide of opgave `opgave_id`.
pub fn dia_van(data: &Value, opgave_id: &str) -> anyhow::Result<usize> {
    for d in dias(data)? {
        if id_of(&d.opgave)? == opgave_id {
            return Ok(d.nummer);
        }
    }
    bail!("opgave {opgave_id} not in the presentation")
}

/// The first opgave with a planned, non-confidential actie on its first slide.
pub fn eerste_geplande(data: &Value) -> anyhow::Result<Keuze> {
    for d in dias(data)? {
        let gepland = d
            .openbaar
            .iter()
            .take(fixtures::ACTIES_PER_DIA)
            .find(|a| a["status"] == json!("GEPLAND"));
        if let Some(actie) = gepland {
            return Ok(Keuze {
                plan_dia: d.plan_dia,
                plan_id: id_of(&d.plan)?,
                nummer: d.nummer,
                opgave_id: id_of(&d.opgave)?,
                actie: actie.clone(),
            });
        }
    }
    bail!("no opgave with a planned actie in the seed")
}

/// The first slide of every kind the presentation has for `data` (an answer to
/// [`fixtures::PRESENTATIE_QUERY`]), as `(slide, kind)`: a plan, a plan's second part, an opgave, an opgave's
/// second part and an opgave without acties — those the data has.
pub fn soorten(data: &Value) -> anyhow::Result<Vec<(usize, &'static str)>> {
    let mut uit: Vec<(usize, &'static str)> = Vec::new();
    let mut voeg_toe = |nummer: usize, soort: &'static str| {
        if !uit.iter().any(|&(_, s)| s == soort) {
            uit.push((nummer, soort));
        }
    };
    for d in dias(data)? {
        voeg_toe(d.plan_dia, "plan");
        if array(&d.plan["opgaven"], "opgaven")?.len() > fixtures::OPGAVEN_PER_DIA {
            voeg_toe(d.plan_dia + 1, "plan, part 2");
        }
        voeg_toe(d.nummer, "opgave");
        if d.openbaar.len() > fixtures::ACTIES_PER_DIA {
            voeg_toe(d.nummer + 1, "opgave, part 2");
        }
        if d.openbaar.is_empty() {
            voeg_toe(d.nummer, "opgave without acties");
        }
    }
    Ok(uit)
}

/// What of the shown slide lies outside it at 1920×1080: every title, figure block and table row whose box
/// reaches past the slide's own box, each as `tag.class "text" (top–bottom px, slide top–bottom px)`.
pub async fn buiten_de_dia(browser: &Browser) -> anyhow::Result<Vec<String>> {
    let v = browser.client().execute(BUITEN_DE_DIA_JS, vec![]).await?;
    Ok(v.as_array()
        .map(|a| a.iter().filter_map(|e| e.as_str().map(str::to_string)).collect())
        .unwrap_or_default())
}

const BUITEN_DE_DIA_JS: &str = r#"const dia = document.querySelector('[data-testid="dia"]');
if (!dia) return ["no slide"];
const vak = dia.getBoundingClientRect();
const out = [];
for (const e of dia.querySelectorAll(".dia-boven, h1, .kerncijfers, tr, .dia-leeg")) {
    const b = e.getBoundingClientRect();
    if (b.top < vak.top - 1 || b.bottom > vak.bottom + 1 || b.left < vak.left - 1 || b.right > vak.right + 1) {
        out.push(e.tagName.toLowerCase() + [...e.classList].map((c) => "." + c).join("") + " \""
            + e.textContent.trim().slice(0, 30) + "\" (" + Math.round(b.top) + "–" + Math.round(b.bottom)
            + " px, slide " + Math.round(vak.top) + "–" + Math.round(vak.bottom) + " px)");
    }
}
return out;"#;

/// Whether the focused element is on the presentation (or nowhere: the body), never on the page behind it;
/// returns a description of the focused element when it is behind.
pub async fn focus_achter_de_dia(browser: &Browser) -> anyhow::Result<Option<String>> {
    let v = browser
        .client()
        .execute(
            r#"const a = document.activeElement;
if (!a || a === document.body || a.closest('[data-testid="presentatie"]')) return null;
return a.tagName.toLowerCase() + " \"" + (a.textContent || "").trim().slice(0, 40) + "\"";"#,
            vec![],
        )
        .await?;
    Ok(v.as_str().map(str::to_string))
}

/// Sends `query` with `variables` from the page, with the browser's session and its CSRF token (for what an
/// API token may not do, such as changing a plan); returns `data`, or fails with the errors.
pub async fn met_sessie(browser: &Browser, query: &str, variables: Value) -> anyhow::Result<Value> {
    let script = r#"
        const [query, variables, klaar] = arguments;
        const vraag = async (query, variables, csrf) => {
            const headers = { "content-type": "application/json" };
            if (csrf) headers["X-CSRF-Token"] = csrf;
            const r = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
            return r.json();
        };
        (async () => {
            const ik = await vraag("{ ik { csrfToken } }", {});
            klaar(JSON.stringify(await vraag(query, variables, ik.data.ik.csrfToken)));
        })().catch((e) => klaar(JSON.stringify({ errors: [String(e)] })));
    "#;
    let antwoord = browser
        .client()
        .execute_async(script, vec![json!(query), variables])
        .await?;
    let v: Value = serde_json::from_str(antwoord.as_str().unwrap_or("{}"))?;
    if let Some(fouten) = v.get("errors") {
        bail!("GraphQL errors for {query}: {fouten}");
    }
    Ok(v["data"].clone())
}
