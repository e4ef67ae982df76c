//! Accessibility checks with axe-core (npm, installed into `e2e/axe/` by `e2e/axe/install.sh`) and the window
//! sizes the layout checks use. Declared from `browser.rs`, so these are more methods of [`Browser`].

use super::Browser;
use anyhow::{Context, bail};
use serde_json::Value;
use std::path::PathBuf;

/// The desktop / projector window: 1920×1080 CSS pixels of viewport.
pub const DESKTOP: (u32, u32) = (1920, 1080);
/// A phone: 390×844 CSS pixels of viewport.
pub const TELEFOON: (u32, u32) = (390, 844);

/// The rule sets axe checks: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (heading order,
/// landmarks, one main landmark, …).
const WCAG_TAGS: &str = r#"["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]"#;

/// One rule axe found violated, with the CSS selectors of the offending nodes.
#[derive(Debug, Clone)]
pub struct Violation {
    /// axe's rule id, e.g. `color-contrast`.
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    /// What the rule asks.
    pub help: String,
    /// Per offending node: its selector and axe's summary of what is wrong.
    pub nodes: Vec<String>,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{} ({}): {}", self.id, self.impact, self.help)?;
        for node in &self.nodes {
            writeln!(f, "    - {node}")?;
        }
        Ok(())
    }
}

/// The path of `axe.min.js`; fails with how to install it when it is missing.
pub fn axe_script_path() -> anyhow::Result<PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("axe")
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js");
    if !path.is_file() {
        bail!(
            "{} is missing: run `bash e2e/axe/install.sh` (done by .ci/test)",
            path.display()
        );
    }
    Ok(path)
}

impl Browser {
    /// Injects axe-core into the current page (once per page) and runs it against the WCAG 2.1 A and AA
    /// rules and axe's best practices; returns every violation.
    pub async fn axe_violations(&self) -> anyhow::Result<Vec<Violation>> {
        self.axe_run(&format!(r#"{{ type: "tag", values: {WCAG_TAGS} }}"#))
            .await
    }

    /// Runs only the axe rules with the given ids (e.g. `color-contrast-enhanced`, the 7:1 contrast of WCAG
    /// AAA); returns every violation.
    pub async fn axe_rule_violations(&self, rules: &[&str]) -> anyhow::Result<Vec<Violation>> {
        let rules = serde_json::to_string(rules)?;
        self.axe_run(&format!(r#"{{ type: "rule", values: {rules} }}"#))
            .await
    }

    /// Injects axe-core if needed and runs it with the given `runOnly` option (a JavaScript object literal).
    async fn axe_run(&self, run_only: &str) -> anyhow::Result<Vec<Violation>> {
        let geladen = self
            .client()
            .execute("return typeof window.axe === 'object';", vec![])
            .await?;
        if geladen != Value::Bool(true) {
            let path = axe_script_path()?;
            let source =
                std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            self.client()
                .execute(&format!("{source}\n;return typeof window.axe;"), vec![])
                .await
                .context("injecting axe-core")?;
        }
        let script = format!(
            r#"const done = arguments[arguments.length - 1];
            window.axe
                .run(document, {{ runOnly: {run_only}, resultTypes: ["violations"] }})
                .then((r) => done(r.violations.map((v) => ({{
                    id: v.id,
                    impact: v.impact || "",
                    help: v.help,
                    nodes: v.nodes.map((n) => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ")),
                }}))))
                .catch((e) => done({{ fout: String(e) }}));"#
        );
        let answer = self
            .client()
            .execute_async(&script, vec![])
            .await
            .context("running axe")?;
        if let Some(fout) = answer.get("fout") {
            bail!("axe.run failed: {fout}");
        }
        let Some(list) = answer.as_array() else {
            bail!("axe.run answered {answer}");
        };
        let text = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_string();
        Ok(list
            .iter()
            .map(|v| Violation {
                id: text(v, "id"),
                impact: text(v, "impact"),
                help: text(v, "help"),
                nodes: v["nodes"]
                    .as_array()
                    .map(|nodes| {
                        nodes
                            .iter()
                            .filter_map(|n| n.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect())
    }

    /// The viewport's size in CSS pixels (`window.innerWidth`, `window.innerHeight`).
    pub async fn viewport(&self) -> anyhow::Result<(u32, u32)> {
        let v = self
            .client()
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await?;
        let dim = |i: usize| v[i].as_u64().and_then(|n| u32::try_from(n).ok());
        match (dim(0), dim(1)) {
            (Some(w), Some(h)) => Ok((w, h)),
            _ => bail!("window.innerWidth/innerHeight answered {v}"),
        }
    }

    /// Sizes the window so that the viewport is `width`×`height` CSS pixels: sets the window size, measures
    /// the viewport and adds the difference (the browser's frame) once more.
    pub async fn set_viewport(&self, (width, height): (u32, u32)) -> anyhow::Result<()> {
        self.client()
            .set_window_size(width, height)
            .await
            .context("setting the window size")?;
        let (w, h) = self.viewport().await?;
        if (w, h) != (width, height) {
            self.client()
                .set_window_size(width + width.saturating_sub(w), height + height.saturating_sub(h))
                .await
                .context("correcting the window size")?;
        }
        let seen = self.viewport().await?;
        if seen != (width, height) {
            bail!(
                "the viewport should be {width}×{height}, it is {}×{}",
                seen.0,
                seen.1
            );
        }
        Ok(())
    }

    /// How many CSS pixels the page is wider than the viewport (0 when it does not scroll sideways).
    pub async fn horizontal_overflow(&self) -> anyhow::Result<i64> {
        let v = self
            .client()
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .await?;
        v.as_i64()
            .with_context(|| format!("scrollWidth - clientWidth answered {v}"))
    }

    /// The visible elements inside `root` (a CSS selector) whose own text is set smaller than `min_px`, each
    /// as `tag "text" size px`.
    pub async fn text_smaller_than(&self, root: &str, min_px: f64) -> anyhow::Result<Vec<String>> {
        let v = self
            .client()
            .execute(
                SMALL_TEXT_JS,
                vec![serde_json::json!(root), serde_json::json!(min_px)],
            )
            .await?;
        Ok(v.as_array()
            .map(|a| a.iter().filter_map(|e| e.as_str().map(str::to_string)).collect())
            .unwrap_or_default())
    }

    /// The innermost elements that reach past the right edge of the viewport (at most 5), each as
    /// `tag.class1.class2 (right edge px)`: what to fix when [`Browser::horizontal_overflow`] is not 0.
    /// Elements inside a container that scrolls sideways itself are left out.
    pub async fn overflowing_elements(&self) -> anyhow::Result<Vec<String>> {
        let v = self.client().execute(OVERFLOWING_ELEMENTS_JS, vec![]).await?;
        Ok(v.as_array()
            .map(|a| a.iter().filter_map(|e| e.as_str().map(str::to_string)).collect())
            .unwrap_or_default())
    }
}

/// See [`Browser::text_smaller_than`].
const SMALL_TEXT_JS: &str = r#"const [root, min] = arguments;
const out = [];
for (const e of document.querySelectorAll(root + " *")) {
    const text = [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join("");
    const box = e.getBoundingClientRect();
    if (!text || box.width === 0 || box.height === 0) continue;
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (size < min) out.push(e.tagName.toLowerCase() + " \"" + text.slice(0, 40) + "\" " + size + " px");
}
return out;"#;

/// See [`Browser::overflowing_elements`].
const OVERFLOWING_ELEMENTS_JS: &str = r#"const w = document.documentElement.clientWidth;
const inScroller = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") return true;
    }
    return false;
};
const wide = [...document.body.querySelectorAll("*")]
    .filter((e) => e.getBoundingClientRect().right > w + 1 && !inScroller(e));
return wide
    .filter((e) => !wide.some((k) => k !== e && e.contains(k)))
    .slice(0, 5)
    .map((e) => e.tagName.toLowerCase() + [...e.classList].map((c) => "." + c).join("")
        + " (" + Math.round(e.getBoundingClientRect().right) + " px)");"#;
