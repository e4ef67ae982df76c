//! The acties of one opgave as a table: title (link to the Actie view), status, health with its reason,
//! trekkers and partners, period and progress.

use crate::components::{GezondheidLabel, StatusLabel};
use crate::i18n::td;
use crate::model::plan::{ActieRegel, Organisatie};
use crate::tijd::datum_tekst;
use koers_shared::{Gezondheid, Status, Voortgang, procent_tekst};
use leptos::prelude::*;

/// The names of organisations, or "niet vastgelegd".
pub fn namen(organisaties: &[Organisatie]) -> String {
    if organisaties.is_empty() {
        td().geen_organisaties.to_string()
    } else {
        organisaties
            .iter()
            .map(|o| o.naam.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The marker of confidential work, or nothing.
pub fn vertrouwelijk_marker(vertrouwelijk: bool) -> Option<impl IntoView> {
    vertrouwelijk.then(|| {
        view! { <span class="vertrouwelijk" data-testid="vertrouwelijk">{td().vertrouwelijk}</span> }
    })
}

/// Progress as text with a small bar, or "niet gerapporteerd".
#[component]
pub fn VoortgangTekst(
    /// The reported progress, if any.
    voortgang: Option<Voortgang>,
) -> impl IntoView {
    match voortgang {
        Some(v) => {
            let p = v.procent();
            view! {
                <span class="voortgang" data-voortgang=p>
                    <span class="mini-balk" aria-hidden="true">
                        <span style=format!("width: {p}%")></span>
                    </span>
                    {procent_tekst(f64::from(p))}
                </span>
            }
            .into_any()
        }
        None => view! { <span class="geen">{td().voortgang_onbekend}</span> }.into_any(),
    }
}

/// The health of one actie; "niet van toepassing" when it is not in progress and has none.
#[component]
pub fn GezondheidCel(
    /// The lifecycle status.
    status: Status,
    /// The health, if reported.
    gezondheid: Option<Gezondheid>,
) -> impl IntoView {
    if gezondheid.is_none() && !status.is_actief() {
        view! { <span class="gezondheid gezondheid-geen">{td().gezondheid_nvt}</span> }.into_any()
    } else {
        view! { <GezondheidLabel gezondheid /> }.into_any()
    }
}

/// The table of acties of an opgave (`data-testid="acties-tabel"`).
#[component]
pub fn ActiesTabel(
    /// Title of the opgave, for the caption.
    opgave: String,
    /// The rows, already filtered and sorted.
    rijen: Vec<ActieRegel>,
) -> impl IntoView {
    let td = td();
    view! {
        <div class="tabel-houder">
            <table class="utrecht-table acties" data-testid="acties-tabel">
                <caption class="visueel-verborgen">{(td.tabel_bijschrift)(&opgave)}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{td.kolom_actie}</th>
                        <th class="utrecht-table__header-cell" scope="col">{td.status}</th>
                        <th class="utrecht-table__header-cell" scope="col">{td.kolom_gezondheid}</th>
                        <th class="utrecht-table__header-cell" scope="col">{td.kolom_organisaties}</th>
                        <th class="utrecht-table__header-cell" scope="col">{td.periode}</th>
                        <th class="utrecht-table__header-cell" scope="col">{td.voortgang}</th>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">{rijen.into_iter().map(|actie| view! { <ActieRij actie /> }).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// One actie (`data-testid="actie-rij"`, its id in `data-id`).
#[component]
fn ActieRij(actie: ActieRegel) -> impl IntoView {
    let td = td();
    let reden = actie.gezondheid_reden.filter(|r| !r.trim().is_empty()).map(|r| {
        view! {
            <p class="reden">
                <span class="meta-label">{td.reden}": "</span>
                {r}
            </p>
        }
    });
    let datum = actie.datum.map(|d| {
        view! {
            <br />
            <time datetime=d.clone()>{datum_tekst(&d)}</time>
        }
    });
    view! {
        <tr class="utrecht-table__row" data-testid="actie-rij" data-id=actie.id.clone() data-status=actie.status.as_str()>
            <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href=format!("/actie/{}", actie.id) data-testid="actie-link">{actie.titel}</a>
                {vertrouwelijk_marker(actie.vertrouwelijk)}
            </th>
            <td class="utrecht-table__cell">
                <StatusLabel status=actie.status />
            </td>
            <td class="utrecht-table__cell">
                <GezondheidCel status=actie.status gezondheid=actie.gezondheid />
                {reden}
            </td>
            <td class="utrecht-table__cell">
                <dl class="organisaties">
                    <dt>{td.trekkers}</dt>
                    <dd>{namen(&actie.trekkers)}</dd>
                    <dt>{td.partners}</dt>
                    <dd>{namen(&actie.partners)}</dd>
                </dl>
            </td>
            <td class="utrecht-table__cell">{(td.jaar_kwartaal)(actie.jaar, actie.kwartaal)} {datum}</td>
            <td class="utrecht-table__cell">
                <VoortgangTekst voortgang=actie.voortgang />
            </td>
        </tr>
    }
}
