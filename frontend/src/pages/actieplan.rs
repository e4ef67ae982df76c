//! The Actieplan view (`/actieplan/:id`): the plan's header, its roll-up, and per opgave (in volgorde) the
//! roll-up and the acties that pass the filter in the URL query string.

use crate::components::{BalkLegenda, FoutMelding, Laden, PlanTrend, RollupOverzicht, zet_titel};
use crate::filter::ActieFilter;
use crate::i18n::label;
use crate::i18n::{t, tb, td};
use crate::model::plan::{OpgaveDetail, PlanDetail, haal_actieplan};
use crate::pages::acties_filter::FilterFormulier;
use crate::pages::acties_tabel::ActiesTabel;
use crate::pages::export::{ExportLinks, VoortgangImport};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The route `/actieplan/:id`: loads the plan and shows it, or the loading, not-found or error state.
#[component]
pub fn ActieplanPagina() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let data = LocalResource::new(move || {
        crate::verbinding::volg();
        let id = id.get();
        async move { haal_actieplan(&id).await }
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <Suspense fallback=|| view! { <Laden /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(plan)) => view! { <Geladen plan /> }.into_any(),
                    Ok(None) => view! { <NietGevondenMelding tekst=td().plan_niet_gevonden /> }.into_any(),
                    // The only input is the id from the address: a malformed one is an unknown page.
                    Err(fout) if fout.code() == Some("BAD_USER_INPUT") => {
                        view! { <NietGevondenMelding tekst=td().plan_niet_gevonden /> }.into_any()
                    }
                    Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A record that does not exist, with a way back (`data-testid="niet-gevonden"`).
#[component]
pub fn NietGevondenMelding(
    /// What does not exist.
    tekst: &'static str,
) -> impl IntoView {
    let t = t();
    zet_titel(t.niet_gevonden_titel);
    view! {
        <div data-testid="niet-gevonden">
            <h1 class="utrecht-heading-1">{t.niet_gevonden_titel}</h1>
            <p>{tekst}</p>
            <p>
                <a class="utrecht-link" href="/">{t.naar_overzicht}</a>
            </p>
        </div>
    }
}

/// Once the plan is on screen: brings the opgave the address names (`#opgave-…`, as the overview links) into
/// view; the browser could not, as the section did not exist yet when the route opened.
fn naar_anker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(id) = js_sys::decode_uri_component(hash.trim_start_matches('#'))
        .ok()
        .map(String::from)
        .filter(|id| id.starts_with("opgave-"))
    else {
        return;
    };
    if let Some(sectie) = window.document().and_then(|d| d.get_element_by_id(&id)) {
        sectie.scroll_into_view();
    }
}

/// The loaded plan (`data-testid="actieplan-pagina"`).
#[component]
fn Geladen(plan: PlanDetail) -> impl IntoView {
    let t = t();
    zet_titel(&(tb().titel_actieplan)(&plan.titel));
    request_animation_frame(naar_anker);
    let td = td();
    let query = use_query_map();
    let filter = Memo::new(move |_| ActieFilter::uit_query(&query.read()));
    let totaal = plan.acties().count();
    let alle: Vec<_> = plan.acties().cloned().collect();
    let aantal = move || {
        let getoond = alle.iter().filter(|a| filter.read().past(a)).count();
        (td.aantal_getoond)(getoond, totaal)
    };
    let thema = plan.thema.clone().map(|th| {
        view! {
            <span>
                <span class="meta-label">{td.thema}": "</span>
                {th.naam}
            </span>
            <span class="scheiding" aria-hidden="true">" · "</span>
        }
    });
    let vastgesteld = (td.vastgesteld)(plan.vastgesteld_door.as_deref(), plan.vastgesteld_op.as_deref());
    let vastgesteld = (!vastgesteld.is_empty()).then(|| view! { <p class="meta">{vastgesteld}</p> });
    let opgaven = plan.opgaven_op_volgorde();
    // Who may change acties in this plan's thema can add one (the form lets them choose the opgave).
    let sessie = crate::sessie::Sessie::van_context();
    let thema_id = plan.thema.as_ref().map(|th| th.id.clone()).unwrap_or_default();
    let nieuw_href = format!(
        "/actie/nieuw?plan={}&opgave={}",
        plan.id,
        opgaven.first().map(|o| o.id.clone()).unwrap_or_default()
    );
    let schrijft_in = thema_id.clone();
    let import = move || {
        sessie
            .0
            .get()
            .filter(|ik| ik.mag_schrijven_in(&schrijft_in))
            .map(|_| view! { <VoortgangImport /> })
    };
    let nieuw = move || {
        sessie.0.get().filter(|ik| ik.mag_schrijven_in(&thema_id)).map(|_| {
            view! {
                <p><a class="utrecht-link" href=nieuw_href.clone() data-testid="nieuwe-actie-link">{crate::i18n::tm().nieuwe_actie}</a></p>
            }
        })
    };
    let inhoud = if opgaven.is_empty() {
        view! { <p class="leeg">{t.plan_zonder_opgaven}</p> }.into_any()
    } else {
        opgaven
            .into_iter()
            .map(|opgave| view! { <OpgaveSectie opgave filter /> })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="actieplan-pagina" data-testid="actieplan-pagina" data-id=plan.id.clone()>
            <p class="terug">
                <a class="utrecht-link" href="/">{t.naar_overzicht}</a>
            </p>
            <h1 class="utrecht-heading-1" data-testid="actieplan-titel">{plan.titel.clone()}</h1>
            {nieuw}
            <p class="meta">
                {thema}
                <span data-soort=plan.soort.as_str()>{label(plan.soort)}</span>
                <span class="scheiding" aria-hidden="true">" · "</span>
                <span>
                    <span class="meta-label">{t.periode}": "</span>
                    {(t.periode_tekst)(plan.periode_van, plan.periode_tot)}
                </span>
                <span class="scheiding" aria-hidden="true">" · "</span>
                <span data-status=plan.status.as_str()>
                    <span class="meta-label">{td.status}": "</span>
                    {label(plan.status)}
                </span>
            </p>
            {vastgesteld}
            <p class="meta bron">
                <span class="meta-label">{td.bron}": "</span>
                {plan.bron.clone()}
            </p>
            <ExportLinks pad=format!("/export/actieplan/{}", plan.id) />
            <section class="plan-totaal" aria-labelledby="plan-totaal-kop">
                <h2 class="utrecht-heading-2" id="plan-totaal-kop">{t.plan_totaal_kop}</h2>
                <BalkLegenda />
                <RollupOverzicht rollup=plan.rollup.clone() testid="actieplan" />
                <h3 class="utrecht-heading-3">{crate::i18n::ttr().titel}</h3>
                <PlanTrend id=plan.id.clone() titel=plan.titel.clone() van_jaar=plan.periode_van />
            </section>
            <FilterFormulier filter organisaties=plan.organisaties() jaren=plan.jaren() />
            <p class="aantal" role="status" data-testid="aantal-getoond">{aantal}</p>
            {inhoud}
            {import}
        </div>
    }
}

/// One opgave: heading, roll-up and the acties that pass the filter (`data-testid="opgave-sectie"`).
#[component]
fn OpgaveSectie(opgave: OpgaveDetail, filter: Memo<ActieFilter>) -> impl IntoView {
    let td = td();
    let kop = format!("opgave-kop-{}", opgave.id);
    let kop_ref = kop.clone();
    let titel = opgave.titel.clone();
    let acties = opgave.acties;
    let rijen = move || {
        if acties.is_empty() {
            return view! { <p class="leeg">{td.opgave_zonder_acties}</p> }.into_any();
        }
        let rijen = filter.read().toepassen(&acties);
        if rijen.is_empty() {
            view! { <p class="leeg" data-testid="geen-acties-filter">{td.geen_acties_filter}</p> }.into_any()
        } else {
            view! { <ActiesTabel bijschrift=(td.tabel_bijschrift)(&titel) rijen /> }.into_any()
        }
    };
    view! {
        <section
            class="opgave-sectie"
            id=format!("opgave-{}", opgave.id)
            data-testid="opgave-sectie"
            data-id=opgave.id.clone()
            aria-labelledby=kop_ref
        >
            <h2 class="utrecht-heading-2" id=kop>{format!("{}. {}", opgave.volgorde, opgave.titel)}</h2>
            <RollupOverzicht rollup=opgave.rollup testid="opgave" />
            {rijen}
        </section>
    }
}
