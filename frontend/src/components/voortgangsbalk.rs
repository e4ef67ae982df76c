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

/// `width: …%` with two decimals, without float formatting (which would add its code to the wasm).
fn breedte(p: f64) -> String {
    let honderdsten = (p * 100.0).round() as i64;
    format!("width: {}.{:02}%", honderdsten / 100, honderdsten % 100)
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
            aria-valuenow=(a.round() as i64).to_string()
            aria-valuetext=waarde
        >
            <span class="balk-deel balk-afgerond" style=breedte(a)></span>
            <span class="balk-deel balk-in-uitvoering" style=breedte(u)></span>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_have_two_decimals_and_stay_in_range() {
        assert_eq!(breedte(33.333), "width: 33.33%");
        assert_eq!(breedte(5.0), "width: 5.00%");
        assert_eq!(breedte(66.666), "width: 66.67%");
        assert_eq!(breedte(begrensd(f64::NAN, 100.0)), "width: 0.00%");
        assert_eq!(breedte(begrensd(140.0, 100.0)), "width: 100.00%");
    }
}
