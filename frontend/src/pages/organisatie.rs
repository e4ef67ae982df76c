//! The Per-organisatie views: `/organisaties` lists every organisation by kind, `/organisatie/:id` shows the
//! acties one organisation leads (trekker) or joins (partner) across all plans, per plan and opgave.

use crate::api::ApiError;
use crate::components::{FoutMelding, Laden, zet_titel};
use crate::i18n::label;
use crate::i18n::{tb, td, to};
use crate::model::actie_regel::ActieRegel;
use crate::model::organisatie::{
    ActieFilterInvoer, OpgaveGroep, OrganisatieInfo, PlanGroep, Rol, groepeer_per_plan, haal_alle_acties,
    haal_organisaties, per_soort,
};
use crate::pages::actieplan::NietGevondenMelding;
use crate::pages::acties_tabel::ActiesTabel;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The path of the page of organisation `id`.
pub fn organisatie_pad(id: &str) -> String {
    format!("/organisatie/{id}")
}

/// The route `/organisaties`: every organisation, grouped by kind (`data-testid="organisaties-pagina"`).
#[component]
pub fn OrganisatiesPagina() -> impl IntoView {
    zet_titel(to().organisaties_titel);
    let data = LocalResource::new(|| {
        crate::verbinding::volg();
        haal_organisaties()
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    let to = to();
    view! {
        <div class="organisaties-pagina" data-testid="organisaties-pagina">
            <h1 class="utrecht-heading-1">{to.organisaties_titel}</h1>
            <p>{to.organisaties_intro}</p>
            <Suspense fallback=|| view! { <Laden /> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(organisaties) if organisaties.is_empty() => {
                            view! { <p class="leeg">{to.geen_organisaties}</p> }.into_any()
                        }
                        Ok(organisaties) => view! { <OrganisatieLijst organisaties /> }.into_any(),
                        Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The organisations per kind, each a link to its page.
#[component]
fn OrganisatieLijst(organisaties: Vec<OrganisatieInfo>) -> impl IntoView {
    let to = to();
    per_soort(&organisaties)
        .into_iter()
        .map(|(soort, groep)| {
            let kop = format!("soort-{}", soort.as_str());
            let kop_ref = kop.clone();
            view! {
                <section class="organisatie-soort" data-soort=soort.as_str() aria-labelledby=kop_ref>
                    <h2 class="utrecht-heading-2" id=kop>{(to.soort_kop)(soort)}</h2>
                    <ul class="organisatie-lijst">
                        {groep
                            .into_iter()
                            .map(|o| {
                                let afkorting = o
                                    .afkorting
                                    .clone()
                                    .filter(|a| *a != o.naam)
                                    .map(|a| format!(" ({a})"));
                                view! {
                                    <li>
                                        <a class="utrecht-link"
                                            href=organisatie_pad(&o.id)
                                            data-testid="organisatie-link"
                                            data-id=o.id.clone()
                                        >
                                            {o.naam.clone()}
                                        </a>
                                        {afkorting}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}

/// The route `/organisatie/:id`: loads the organisation and its acties, or shows the loading, not-found or
/// error state.
#[component]
pub fn OrganisatiePagina() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let data = LocalResource::new(move || {
        crate::verbinding::volg();
        let id = id.get();
        async move {
            let organisaties = haal_organisaties().await?;
            let Some(organisatie) = organisaties.into_iter().find(|o| o.id == id) else {
                return Ok::<_, ApiError>(None);
            };
            let filter = ActieFilterInvoer {
                organisatie: Some(id),
                ..ActieFilterInvoer::default()
            };
            let acties = haal_alle_acties(&filter).await?;
            Ok(Some((organisatie, acties)))
        }
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <Suspense fallback=|| view! { <Laden /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some((organisatie, acties))) => view! { <OrganisatieGeladen organisatie acties /> }.into_any(),
                    Ok(None) => {
                        view! { <NietGevondenMelding tekst=to().organisatie_niet_gevonden /> }.into_any()
                    }
                    Err(fout) if fout.code() == Some("BAD_USER_INPUT") => {
                        view! { <NietGevondenMelding tekst=to().organisatie_niet_gevonden /> }.into_any()
                    }
                    Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The loaded organisation (`data-testid="organisatie-pagina"`).
#[component]
fn OrganisatieGeladen(organisatie: OrganisatieInfo, acties: Vec<ActieRegel>) -> impl IntoView {
    let to = to();
    zet_titel(&(tb().titel_organisatie)(&organisatie.naam));
    let id = organisatie.id.clone();
    let trekker = acties
        .iter()
        .filter(|a| Rol::van(a, &id) == Some(Rol::Trekker))
        .count();
    let partner = acties
        .iter()
        .filter(|a| Rol::van(a, &id) == Some(Rol::Partner))
        .count();
    let samenvatting = (to.aantal_rollen)(trekker, partner);
    let inhoud = if acties.is_empty() {
        view! { <p class="leeg" data-testid="organisatie-leeg">{to.geen_acties}</p> }.into_any()
    } else {
        groepeer_per_plan(acties)
            .into_iter()
            .map(|plan| view! { <PlanSectie plan organisatie=id.clone() /> })
            .collect_view()
            .into_any()
    };
    let afkorting = organisatie
        .afkorting
        .clone()
        .filter(|a| *a != organisatie.naam)
        .map(|a| format!(" ({a})"));
    view! {
        <div class="organisatie-pagina" data-testid="organisatie-pagina" data-id=organisatie.id.clone()>
            <p class="terug">
                <a class="utrecht-link" href="/organisaties">{to.naar_organisaties}</a>
            </p>
            <h1 class="utrecht-heading-1" data-testid="organisatie-naam">{organisatie.naam.clone()} {afkorting}</h1>
            <p class="meta">
                <span data-soort=organisatie.soort.as_str()>{label(organisatie.soort)}</span>
            </p>
            {(!samenvatting.is_empty()).then(|| view! { <p class="aantal" data-testid="organisatie-aantal">{samenvatting}</p> })}
            {inhoud}
        </div>
    }
}

/// One plan with the organisation's acties per opgave.
#[component]
fn PlanSectie(plan: PlanGroep, organisatie: String) -> impl IntoView {
    let to = to();
    let kop = format!("plan-kop-{}", plan.id);
    let kop_ref = kop.clone();
    let titel = if plan.id.is_empty() {
        view! { <span>{to.plan}</span> }.into_any()
    } else {
        view! { <a class="utrecht-link" href=format!("/actieplan/{}", plan.id)>{plan.titel.clone()}</a> }
            .into_any()
    };
    view! {
        <section class="plan-sectie" data-testid="organisatie-plan" data-id=plan.id.clone() aria-labelledby=kop_ref>
            <h2 class="utrecht-heading-2" id=kop>{titel}</h2>
            {plan
                .opgaven
                .into_iter()
                .map(|opgave| view! { <OpgaveTabel opgave organisatie=organisatie.clone() /> })
                .collect_view()}
        </section>
    }
}

/// The organisation's acties under one opgave, as a table with its role in each.
#[component]
fn OpgaveTabel(opgave: OpgaveGroep, organisatie: String) -> impl IntoView {
    let kop = if opgave.id.is_empty() {
        td().opgave.to_string()
    } else {
        format!("{}. {}", opgave.volgorde, opgave.titel)
    };
    view! {
        <div class="opgave-sectie" data-testid="organisatie-opgave" data-id=opgave.id.clone()>
            <h3 class="utrecht-heading-3">{kop}</h3>
            <ActiesTabel bijschrift=(to().tabel_bijschrift)(&opgave.titel) rijen=opgave.acties organisatie />
        </div>
    }
}
