//! The Sinds-vorige-RVO view against a frozen snapshot: when the chosen meeting has one, what changed since it
//! (`rvoVergelijking`) — until now or until a later meeting's snapshot (`&met=ID`) — per plan, with the
//! basis said above the tables. The logic lives in [`crate::model::rvo_stand`].

use crate::components::{FoutMelding, GezondheidLabel, Laden, StatusLabel};
use crate::i18n::{td, tsr};
use crate::model::rvo_stand::{
    MET, PlanKop, SoortVerschil, StandKop, StandToestand, StandVerschil, Vergelijking, haal_vergelijking,
    per_plan,
};
use crate::pages::acties_tabel::{Kolomkoppen, TitelCel, VoortgangTekst};
use crate::tijd::{datum_tekst, moment};
use leptos::prelude::*;

/// The choice "compare with: now / the snapshot of a later meeting" (`data-testid="rvo-met"`); `kies` gets the
/// chosen meeting's id (empty: now).
#[component]
pub fn MetKeuze(
    /// The snapshots of later meetings.
    latere: Vec<StandKop>,
    /// The chosen meeting's id, or empty.
    gekozen: String,
    /// Called with the id chosen.
    kies: impl Fn(String) + 'static,
) -> impl IntoView {
    let ts = tsr();
    let opties = latere
        .into_iter()
        .map(|s| {
            let id = s.vergadering_id().to_string();
            let geselecteerd = id == gekozen;
            view! { <option value=id selected=geselecteerd>{(ts.met_stand)(&datum_tekst(&s.datum))}</option> }
        })
        .collect_view();
    view! {
        <div class="utrecht-form-field utrecht-form-field--text veld veld-breed">
            <label class="utrecht-form-label" for="rvo-met">{ts.vergelijk_met}</label>
            <select class="utrecht-select utrecht-select--html-select"
                id="rvo-met"
                data-testid="rvo-met"
                on:change=move |ev| kies(event_target_value(&ev))
            >
                <option value="" selected=gekozen.is_empty()>{ts.met_nu}</option>
                {opties}
            </select>
        </div>
    }
}

/// What changed since the snapshot of meeting `van` (`data-testid="wijzigingen-sectie"`, `data-basis="stand"`),
/// compared with now or the meeting in the URL's `met`.
#[component]
pub fn StandVergelijking(
    /// The meeting whose snapshot is the start.
    van: String,
) -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let met = Memo::new(move |_| query.read().get(MET).filter(|m| !m.is_empty()));
    let data = LocalResource::new(move || {
        crate::verbinding::volg();
        let (van, met) = (van.clone(), met.get());
        async move { haal_vergelijking(&van, met.as_deref()).await }
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <Suspense fallback=|| view! { <Laden /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((v, nu)) => view! { <Verschillen v nu /> }.into_any(),
                    Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The basis, then the differences per plan.
#[component]
fn Verschillen(v: Vergelijking, nu: Vec<PlanKop>) -> impl IntoView {
    let ts = tsr();
    let datum = datum_tekst(&v.van.datum);
    let met_datum = v.met.as_ref().map(|m| datum_tekst(&m.datum));
    let basis = (ts.basis_stand)(&datum, &moment(&v.van.peilmoment).tekst, met_datum.as_deref());
    let later = v.met.is_some();
    let plannen = per_plan(&v, &nu);
    let inhoud = if plannen.is_empty() {
        view! { <p class="leeg" data-testid="geen-wijzigingen">{ts.geen_verschillen}</p> }.into_any()
    } else {
        plannen
            .into_iter()
            .map(|(id, titel, verschillen)| view! { <PlanVerschillen id titel verschillen later /> })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="opgave-sectie" data-testid="wijzigingen-sectie" data-basis="stand"
            data-met=v.met.as_ref().map(|m| m.vergadering_id().to_string()).unwrap_or_default()
            aria-labelledby="wijzigingen-kop">
            <h2 class="utrecht-heading-2" id="wijzigingen-kop">{(ts.kop)(&datum)}</h2>
            <p data-testid="vergelijking-basis" data-basis="stand">{basis}</p>
            {inhoud}
        </section>
    }
}

/// The differences of one plan, as a table.
#[component]
fn PlanVerschillen(id: String, titel: String, verschillen: Vec<StandVerschil>, later: bool) -> impl IntoView {
    let ts = tsr();
    let td = td();
    let kop = if titel.is_empty() {
        td.actieplan.to_string()
    } else {
        titel.clone()
    };
    let bijschrift = (ts.bijschrift)(&kop);
    let kolom_na = if later { ts.kolom_later } else { ts.kolom_nu };
    view! {
        <div class="plan-wijzigingen" data-testid="wijzigingen-plan" data-id=id>
            <h3 class="utrecht-heading-3">{kop}</h3>
            <div class="tabel-houder">
                <table class="utrecht-table acties">
                    <caption class="visueel-verborgen">{bijschrift}</caption>
                    <Kolomkoppen koppen=vec![td.kolom_actie, ts.kolom_wat, ts.kolom_toen, kolom_na] />
                    <tbody class="utrecht-table__body">
                        {verschillen.into_iter().map(|d| view! { <VerschilRij d kolom_na /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// One actie that differs (`data-testid="stand-verschil"`, its id in `data-id`, the kinds in `data-soort`);
/// `kolom_na` names its last cell on a phone.
#[component]
fn VerschilRij(d: StandVerschil, kolom_na: &'static str) -> impl IntoView {
    let ts = tsr();
    let soorten = d.soorten();
    let data_soort = soorten.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ");
    let wat = soorten
        .iter()
        .map(|s| (ts.soort)(s.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let leeg = if soorten.contains(&SoortVerschil::Nieuw) {
        ts.bestond_niet
    } else {
        ts.niet_meer
    };
    view! {
        <tr class="utrecht-table__row" data-testid="stand-verschil" data-id=d.actie.clone() data-soort=data_soort>
            <TitelCel id=d.actie.clone() titel=d.titel.clone() vertrouwelijk=false />
            <td class="utrecht-table__cell" data-label=ts.kolom_wat><strong>{wat}</strong></td>
            <td class="utrecht-table__cell" data-testid="stand-toen" data-label=ts.kolom_toen>
                <Toestand t=d.voor.clone() leeg />
            </td>
            <td class="utrecht-table__cell" data-testid="stand-na" data-label=kolom_na>
                <Toestand t=d.na.clone() leeg />
            </td>
        </tr>
    }
}

/// An actie's state in one side of the comparison: status, health, progress; `leeg` when it is absent there.
#[component]
fn Toestand(t: Option<StandToestand>, leeg: &'static str) -> impl IntoView {
    match t {
        None => view! { <span class="geen">{leeg}</span> }.into_any(),
        Some(t) => view! {
            <StatusLabel status=t.status />
            <br />
            <GezondheidLabel gezondheid=t.gezondheid />
            <br />
            <VoortgangTekst voortgang=t.voortgang />
        }
        .into_any(),
    }
}

/// The note over a history-based view: this meeting has no snapshot (`data-basis="historie"`).
#[component]
pub fn HistorieBasis() -> impl IntoView {
    view! { <p data-testid="vergelijking-basis" data-basis="historie">{tsr().basis_historie}</p> }
}
