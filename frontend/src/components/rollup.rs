//! The figures of one roll-up: bar, share afgerond, number of acties, counts per status, worst health and
//! average progress over how many acties, and how many confidential acties it leaves out.

use crate::components::{GezondheidLabel, Voortgangsbalk};
use crate::i18n::label;
use crate::i18n::{t, tb};
use crate::model::RollupCijfers;
use koers_shared::procent_tekst;
use leptos::prelude::*;

/// The figures of a roll-up. `testid` prefixes the test hooks: `{testid}-aandeel-afgerond` holds exactly
/// `procent_tekst(aandeelAfgerond)`, `{testid}-totaal` the number of acties.
#[component]
pub fn RollupOverzicht(
    /// The figures.
    rollup: RollupCijfers,
    /// Prefix of the `data-testid`s, e.g. `opgave` or `actieplan`.
    testid: &'static str,
) -> impl IntoView {
    let t = t();
    let tellingen = rollup.tellingen();
    let per_status = if tellingen.is_empty() {
        view! { <span class="geen">{t.geen_acties}</span> }.into_any()
    } else {
        view! {
            <ul class="per-status">
                {tellingen
                    .into_iter()
                    .map(|(status, aantal)| {
                        view! {
                            <li data-status=status.as_str()>
                                <span class="status-label">{label(status)}</span>
                                ": "
                                <span class="status-aantal">{aantal}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let verborgen = rollup.aantal_verborgen.filter(|n| *n > 0).map(|n| {
        view! { <p class="verborgen" data-testid=format!("{testid}-verborgen")>{(t.verborgen)(n)}</p> }
    });
    let gemiddelde = match rollup.gemiddelde_voortgang {
        Some(p) => (tb().gemiddeld_over)(
            &procent_tekst(p),
            rollup.aantal_met_voortgang.unwrap_or_default(),
            rollup.totaal,
        ),
        None => t.geen_voortgang.to_string(),
    };
    view! {
        <div class="cijfers">
            <Voortgangsbalk afgerond=rollup.aandeel_afgerond in_uitvoering=rollup.aandeel_in_uitvoering />
            <dl class="cijfers-lijst">
                <div class="cijfer">
                    <dt>{t.afgerond}</dt>
                    <dd class="groot" data-testid=format!("{testid}-aandeel-afgerond")>
                        {procent_tekst(rollup.aandeel_afgerond)}
                    </dd>
                </div>
                <div class="cijfer">
                    <dt>{t.aantal_acties}</dt>
                    <dd class="groot" data-testid=format!("{testid}-totaal")>{rollup.totaal}</dd>
                </div>
                <div class="cijfer">
                    <dt>{t.per_status}</dt>
                    <dd>{per_status}</dd>
                </div>
                <div class="cijfer">
                    <dt>{t.gezondheid}</dt>
                    <dd>
                        <GezondheidLabel gezondheid=rollup.slechtste_gezondheid />
                    </dd>
                </div>
                <div class="cijfer">
                    <dt>{t.gemiddelde_voortgang}</dt>
                    <dd data-testid=format!("{testid}-gemiddelde")>{gemiddelde}</dd>
                </div>
            </dl>
            {verborgen}
        </div>
    }
}
