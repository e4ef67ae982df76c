//! A progress bar of two parts, afgerond and in uitvoering, with its accessible value in words.

use crate::i18n::t;
use koers_shared::procent_tekst;
use leptos::prelude::*;

/// A percentage limited to 0–100; anything unusable counts as 0.
fn begrensd(p: f64, max: f64) -> f64 {
    if p.is_finite() {
        p.clamp(0.0, max.max(0.0))
    } else {
        0.0
    }
}

/// `role="progressbar"` with `aria-valuenow` = the share afgerond and `aria-valuetext` naming both parts.
#[component]
pub fn Voortgangsbalk(
    /// Share afgerond in percent.
    afgerond: f64,
    /// Share in uitvoering or doorlopend in percent.
    in_uitvoering: f64,
) -> impl IntoView {
    let t = t();
    let a = begrensd(afgerond, 100.0);
    let u = begrensd(in_uitvoering, 100.0 - a);
    let waarde = (t.balk_waarde)(&procent_tekst(a), &procent_tekst(u));
    view! {
        <div
            class="balk"
            role="progressbar"
            aria-label=t.balk_naam
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=a.round().to_string()
            aria-valuetext=waarde
        >
            <span class="balk-deel balk-afgerond" style=format!("width: {a:.2}%")></span>
            <span class="balk-deel balk-in-uitvoering" style=format!("width: {u:.2}%")></span>
        </div>
    }
}

/// Explains the two parts of the bars once per page.
#[component]
pub fn BalkLegenda() -> impl IntoView {
    let t = t();
    view! {
        <ul class="legenda" aria-label=t.balk_naam>
            <li>
                <span class="legenda-staal balk-afgerond" aria-hidden="true"></span>
                {t.legenda_afgerond}
            </li>
            <li>
                <span class="legenda-staal balk-in-uitvoering" aria-hidden="true"></span>
                {t.legenda_in_uitvoering}
            </li>
        </ul>
    }
}
