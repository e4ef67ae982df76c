//! The filter form of the Actieplan view. Every control writes the URL query string (see [`crate::filter`]):
//! a choice in a menu adds a history entry, typing in the search field replaces it after the first letter.

use crate::filter::{ActieFilter, Sortering};
use crate::i18n::label;
use crate::i18n::td;
use crate::model::actie_regel::Organisatie;
use koers_shared::{Gezondheid, Status};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

/// Filters for status, health, organisation, year and free text, and the sorting (`role="search"`).
#[component]
pub fn FilterFormulier(
    /// The filter as the URL says.
    filter: Memo<ActieFilter>,
    /// The organisations to choose from.
    organisaties: Vec<Organisatie>,
    /// The years to choose from.
    jaren: Vec<i32>,
) -> impl IntoView {
    let td = td();
    let navigate = use_navigate();
    let location = use_location();
    let ga = move |nieuw: ActieFilter, vervang: bool| {
        let pad = location.pathname.get_untracked();
        let opties = NavigateOptions {
            replace: vervang,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&format!("{pad}{}", nieuw.naar_query()), opties);
    };
    let ga_tekst = ga.clone();
    let wijzig = move |pas_toe: fn(&mut ActieFilter, String)| {
        let ga = ga.clone();
        move |ev: leptos::ev::Event| {
            let mut f = filter.get_untracked();
            pas_toe(&mut f, event_target_value(&ev));
            ga(f, false);
        }
    };
    let op_tekst = move |ev: leptos::ev::Event| {
        let mut f = filter.get_untracked();
        let vervang = !f.tekst.is_empty();
        f.tekst = event_target_value(&ev);
        ga_tekst(f, vervang);
    };
    let statussen = Status::ALL
        .iter()
        .map(|&s| {
            view! {
                <option value=s.as_str() prop:selected=move || filter.read().status == Some(s)>{label(s)}</option>
            }
        })
        .collect_view();
    let gezondheden = Gezondheid::ALL
        .iter()
        .map(|&g| {
            view! {
                <option value=g.as_str() prop:selected=move || filter.read().gezondheid == Some(g)>{label(g)}</option>
            }
        })
        .collect_view();
    let organisatie_opties = organisaties
        .into_iter()
        .map(|o| {
            let id = o.id.clone();
            let gekozen = move || filter.read().organisatie.as_deref() == Some(id.as_str());
            view! { <option value=o.id prop:selected=gekozen>{o.naam}</option> }
        })
        .collect_view();
    let jaar_opties = jaren
        .into_iter()
        .map(|j| {
            view! { <option value=j.to_string() prop:selected=move || filter.read().jaar == Some(j)>{j}</option> }
        })
        .collect_view();
    let sorteringen = Sortering::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.as_str() prop:selected=move || filter.read().sortering == s>
                    {(td.sortering_naam)(s)}
                </option>
            }
        })
        .collect_view();
    let wissen = move || {
        filter.read().is_actief().then(|| {
            let pad = location.pathname.get();
            let sortering = ActieFilter {
                sortering: filter.read().sortering,
                ..ActieFilter::default()
            };
            let href = format!("{pad}{}", sortering.naar_query());
            view! { <a class="utrecht-link wissen" href=href data-testid="filters-wissen">{td.filters_wissen}</a> }
        })
    };
    view! {
        <form class="filters" data-testid="filters" role="search" aria-labelledby="filters-kop" on:submit=|ev| ev.prevent_default()>
            <h2 class="utrecht-heading-2" id="filters-kop">{td.filters_kop}</h2>
            <div class="filter-velden">
                <div class="utrecht-form-field utrecht-form-field--text veld">
                    <label class="utrecht-form-label" for="filter-status">{td.filter_status}</label>
                    <select class="utrecht-select utrecht-select--html-select" id="filter-status" data-testid="filter-status" on:change=wijzig(|f, v| f.status = v.parse().ok())>
                        <option value="" prop:selected=move || filter.read().status.is_none()>{td.alle_statussen}</option>
                        {statussen}
                    </select>
                </div>
                <div class="utrecht-form-field utrecht-form-field--text veld">
                    <label class="utrecht-form-label" for="filter-gezondheid">{td.filter_gezondheid}</label>
                    <select class="utrecht-select utrecht-select--html-select"
                        id="filter-gezondheid"
                        data-testid="filter-gezondheid"
                        on:change=wijzig(|f, v| f.gezondheid = v.parse().ok())
                    >
                        <option value="" prop:selected=move || filter.read().gezondheid.is_none()>{td.alle_gezondheden}</option>
                        {gezondheden}
                    </select>
                </div>
                <div class="utrecht-form-field utrecht-form-field--text veld">
                    <label class="utrecht-form-label" for="filter-organisatie">{td.filter_organisatie}</label>
                    <select class="utrecht-select utrecht-select--html-select"
                        id="filter-organisatie"
                        data-testid="filter-organisatie"
                        on:change=wijzig(|f, v| f.organisatie = Some(v).filter(|v| !v.is_empty()))
                    >
                        <option value="" prop:selected=move || filter.read().organisatie.is_none()>{td.alle_organisaties}</option>
                        {organisatie_opties}
                    </select>
                </div>
                <div class="utrecht-form-field utrecht-form-field--text veld">
                    <label class="utrecht-form-label" for="filter-jaar">{td.filter_jaar}</label>
                    <select class="utrecht-select utrecht-select--html-select" id="filter-jaar" data-testid="filter-jaar" on:change=wijzig(|f, v| f.jaar = v.parse().ok())>
                        <option value="" prop:selected=move || filter.read().jaar.is_none()>{td.alle_jaren}</option>
                        {jaar_opties}
                    </select>
                </div>
                <div class="utrecht-form-field utrecht-form-field--text veld veld-breed">
                    <label class="utrecht-form-label" for="filter-tekst">{td.filter_tekst}</label>
                    <input class="utrecht-textbox utrecht-textbox--html-input"
                        type="search"
                        id="filter-tekst"
                        data-testid="filter-tekst"
                        prop:value=move || filter.read().tekst.clone()
                        on:input=op_tekst
                    />
                </div>
                <div class="utrecht-form-field utrecht-form-field--text veld">
                    <label class="utrecht-form-label" for="sortering">{td.sortering}</label>
                    <select class="utrecht-select utrecht-select--html-select"
                        id="sortering"
                        data-testid="sortering"
                        on:change=wijzig(|f, v| f.sortering = Sortering::parse(&v).unwrap_or_default())
                    >
                        {sorteringen}
                    </select>
                </div>
            </div>
            {wissen}
        </form>
    }
}
