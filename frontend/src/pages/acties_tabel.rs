//! Acties as tables: the table of one opgave (title with a link to the Actie view, status, health with its
//! reason, trekkers and partners or one organisation's role, period, progress), and the cells every acties
//! table shares. Under 40rem the rows become stacked cards (each cell names itself by `data-label`; see
//! `ansichten.css`), so that a phone shows status, health and progress without sideways scrolling.

use crate::components::{GezondheidLabel, StatusLabel};
use crate::i18n::{td, to};
use crate::model::actie_regel::{ActieRegel, Organisatie};
use crate::model::organisatie::Rol;
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

/// Column headers of an acties table.
#[component]
pub fn Kolomkoppen(
    /// The header texts, left to right.
    koppen: Vec<&'static str>,
) -> impl IntoView {
    view! {
        <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
                {koppen
                    .into_iter()
                    .map(|kop| view! { <th class="utrecht-table__header-cell" scope="col">{kop}</th> })
                    .collect_view()}
            </tr>
        </thead>
    }
}

/// The first cell of a row: the title as a link to the Actie view, and the confidential marker.
#[component]
pub fn TitelCel(
    /// Opaque id of the actie.
    id: String,
    /// Title.
    titel: String,
    /// Confidential work.
    vertrouwelijk: bool,
) -> impl IntoView {
    view! {
        <th class="utrecht-table__header-cell" scope="row">
            <a class="utrecht-link" href=format!("/actie/{id}") data-testid="actie-link">{titel}</a>
            {vertrouwelijk_marker(vertrouwelijk)}
        </th>
    }
}

/// A labelled note under a cell's value ("Reden: …"), or nothing when the text is empty.
pub fn notitie(label: &'static str, tekst: Option<String>) -> Option<impl IntoView> {
    tekst.filter(|t| !t.trim().is_empty()).map(|t| {
        view! {
            <p class="reden">
                <span class="meta-label">{label}": "</span>
                {t}
            </p>
        }
    })
}

/// The health cell: the health (or "niet van toepassing") and, when given, its reason.
#[component]
pub fn GezondheidMetReden(
    /// The lifecycle status.
    status: Status,
    /// The health, if reported.
    gezondheid: Option<Gezondheid>,
    /// Why the health is what it is, if shown.
    reden: Option<String>,
) -> impl IntoView {
    view! {
        <td class="utrecht-table__cell" data-label=td().kolom_gezondheid>
            <GezondheidCel status gezondheid />
            {notitie(td().reden, reden)}
        </td>
    }
}

/// The table of acties of an opgave. On the Actieplan view (`data-testid="acties-tabel"`, rows `actie-rij`)
/// with a column of trekkers and partners; for one organisation (rows `organisatie-actie` with `data-rol`)
/// with its role instead.
#[component]
pub fn ActiesTabel(
    /// The table's caption (for screen readers).
    bijschrift: String,
    /// The rows, already filtered and sorted.
    rijen: Vec<ActieRegel>,
    /// The organisation whose role is shown, on the Per-organisatie view.
    #[prop(optional)]
    organisatie: Option<String>,
) -> impl IntoView {
    let td = td();
    let koppen = match organisatie {
        None => vec![
            td.kolom_actie,
            td.status,
            td.kolom_gezondheid,
            td.kolom_organisaties,
            td.periode,
            td.voortgang,
        ],
        Some(_) => vec![
            td.kolom_actie,
            to().rol,
            td.status,
            td.kolom_gezondheid,
            td.periode,
            td.voortgang,
        ],
    };
    let testid = organisatie.is_none().then_some("acties-tabel");
    view! {
        <div class="tabel-houder">
            <table class="utrecht-table acties" data-testid=testid>
                <caption class="visueel-verborgen">{bijschrift}</caption>
                <Kolomkoppen koppen />
                <tbody class="utrecht-table__body">
                    {rijen
                        .into_iter()
                        .map(|actie| view! { <ActieRij actie organisatie=organisatie.clone() /> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One actie (its id in `data-id`).
#[component]
fn ActieRij(actie: ActieRegel, organisatie: Option<String>) -> impl IntoView {
    let td = td();
    let datum = actie.datum.clone().map(|d| {
        view! {
            <br />
            <time datetime=d.clone()>{datum_tekst(&d)}</time>
        }
    });
    let rol = organisatie.map(|id| Rol::van(&actie, &id).unwrap_or(Rol::Partner));
    let rol_cel = rol.map(|rol| {
        let tekst = match rol {
            Rol::Trekker => to().rol_trekker,
            Rol::Partner => to().rol_partner,
        };
        view! { <td class="utrecht-table__cell rol" data-label=to().rol>{tekst}</td> }
    });
    let organisaties_cel = rol.is_none().then(|| {
        view! {
            <td class="utrecht-table__cell" data-label=td.kolom_organisaties>
                <dl class="organisaties">
                    <dt>{td.trekkers}</dt>
                    <dd>{namen(&actie.trekkers)}</dd>
                    <dt>{td.partners}</dt>
                    <dd>{namen(&actie.partners)}</dd>
                </dl>
            </td>
        }
    });
    view! {
        <tr class="utrecht-table__row"
            data-testid=if rol.is_some() { "organisatie-actie" } else { "actie-rij" }
            data-id=actie.id.clone()
            data-rol=rol.map(Rol::as_str)
            data-status=actie.status.as_str()
        >
            <TitelCel id=actie.id.clone() titel=actie.titel vertrouwelijk=actie.vertrouwelijk />
            {rol_cel}
            <td class="utrecht-table__cell" data-label=td.status>
                <StatusLabel status=actie.status />
            </td>
            <GezondheidMetReden status=actie.status gezondheid=actie.gezondheid reden=actie.gezondheid_reden />
            {organisaties_cel}
            <td class="utrecht-table__cell" data-label=td.periode>{(td.jaar_kwartaal)(actie.jaar, actie.kwartaal)} {datum}</td>
            <td class="utrecht-table__cell" data-label=td.voortgang>
                <VoortgangTekst voortgang=actie.voortgang />
            </td>
        </tr>
    }
}
