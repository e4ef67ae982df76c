//! Adding an actie (`/actie/nieuw?plan=<id>&opgave=<id>`) and changing one (`/actie/:id/wijzigen`): one form
//! with errors next to the fields, a draft kept in localStorage, and on a version conflict the other person's
//! change with "apply mine again".

use crate::api::{ApiError, onbereikbaar};
use crate::components::fout::uitleg;
use crate::components::{ConflictMelding, FoutMelding, Laden, VeldFouten, zet_titel};
use crate::concept;
use crate::i18n::tm;
use crate::model::actie::haal_actie;
use crate::model::actie_bewerken::{ActieInvoer, bewaar};
use crate::model::actie_regel::ActieRegel;
use crate::model::organisatie::{OrganisatieInfo, haal_organisaties};
use crate::model::plan::{OpgaveDetail, haal_actieplan};
use crate::pages::melden::keuze_opties;
use koers_shared::{FieldError, Status};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// `/actie/nieuw?plan=…&opgave=…`.
#[component]
pub fn NieuweActiePagina() -> impl IntoView {
    zet_titel(tm().nieuwe_actie);
    let query = use_query_map();
    let plan = query.read_untracked().get("plan").unwrap_or_default();
    let opgave = query.read_untracked().get("opgave").unwrap_or_default();
    let data = LocalResource::new(move || {
        let plan = plan.clone();
        async move {
            let opgaven = haal_actieplan(&plan)
                .await?
                .map(|p| p.opgaven)
                .unwrap_or_default();
            Ok::<_, ApiError>((opgaven, haal_organisaties().await?))
        }
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <Suspense fallback=|| view! { <Laden /> }>
            {move || {
                let opgave = opgave.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok((opgaven, orgs)) => {
                            let invoer = ActieInvoer { opgave, jaar: "2026".into(), status: "GEPLAND".into(), ..Default::default() };
                            view! { <Formulier basis=None invoer opgaven orgs /> }.into_any()
                        }
                        Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// `/actie/:id/wijzigen`.
#[component]
pub fn WijzigActiePagina() -> impl IntoView {
    zet_titel(tm().actie_wijzigen);
    let params = use_params_map();
    let id = params.read_untracked().get("id").unwrap_or_default();
    let data = LocalResource::new(move || {
        let id = id.clone();
        async move {
            let actie = haal_actie(&id).await?;
            let plan = actie
                .as_ref()
                .and_then(|a| a.opgave.as_ref()?.actieplan.as_ref().map(|p| p.id.clone()));
            let opgaven = match plan {
                Some(p) => haal_actieplan(&p).await?.map(|p| p.opgaven).unwrap_or_default(),
                None => Vec::new(),
            };
            Ok::<_, ApiError>((actie, opgaven, haal_organisaties().await?))
        }
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <Suspense fallback=|| view! { <Laden /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((Some(actie), opgaven, orgs)) => {
                        let invoer = ActieInvoer::van(&actie);
                        view! { <Formulier basis=Some(actie) invoer opgaven orgs /> }.into_any()
                    }
                    Ok((None, _, _)) => view! { <crate::pages::NietGevonden /> }.into_any(),
                    Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn keuzes(orgs: &[OrganisatieInfo], gekozen: Signal<Vec<String>>) -> impl IntoView + use<> {
    orgs.iter()
        .map(|o| {
            let id = o.id.clone();
            let naam = o
                .afkorting
                .clone()
                .map_or_else(|| o.naam.clone(), |a| format!("{} ({a})", o.naam));
            view! { <option value=o.id.clone() selected=move || gekozen.read().contains(&id)>{naam}</option> }
        })
        .collect_view()
}

fn gekozen_waarden(ev: &leptos::ev::Event) -> Vec<String> {
    use wasm_bindgen::JsCast;
    let Some(select) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
    else {
        return Vec::new();
    };
    let opties = select.selected_options();
    (0..opties.length())
        .filter_map(|i| opties.item(i))
        .filter_map(|e| e.get_attribute("value"))
        .collect()
}

#[component]
fn Formulier(
    basis: Option<ActieRegel>,
    invoer: ActieInvoer,
    opgaven: Vec<OpgaveDetail>,
    orgs: Vec<OrganisatieInfo>,
) -> impl IntoView {
    let t = tm();
    let nieuw = basis.is_none();
    let concept_naam = match &basis {
        Some(a) => format!("actie.wijzigen.{}", a.id),
        None => format!("actie.nieuw.{}", invoer.opgave),
    };
    let hersteld = concept::lees::<ActieInvoer>(&concept_naam);
    let concept_terug = hersteld.is_some();
    let invoer = RwSignal::new(hersteld.unwrap_or(invoer));
    let basis = RwSignal::new(basis);
    let fouten = RwSignal::new(Vec::<FieldError>::new());
    let bericht = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<ActieRegel>);
    let navigate = use_navigate();

    let naam = concept_naam.clone();
    let zet = move |f: &dyn Fn(&mut ActieInvoer)| {
        invoer.update(|i| f(i));
        concept::bewaar(&naam, &invoer.get_untracked());
    };
    let naam = concept_naam.clone();
    let verstuur = move || {
        let i = invoer.get_untracked();
        let b = basis.get_untracked();
        let opslaan = match &b {
            Some(a) => i.wijzigen(&a.id, a.versie()),
            None => i.aanmaken(),
        };
        let opslaan = match opslaan {
            Ok(v) => v,
            Err(f) => return fouten.set(f),
        };
        fouten.set(Vec::new());
        bericht.set(None);
        let naam = naam.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            match bewaar(opslaan).await {
                Ok(id) => {
                    concept::wis(&naam);
                    navigate(&format!("/actie/{id}"), Default::default());
                }
                Err(e) if e.code() == Some("CONFLICT") => {
                    let id = b.map(|a| a.id).unwrap_or_default();
                    match haal_actie(&id).await {
                        Ok(Some(nu)) => conflict.set(Some(nu)),
                        _ => bericht.set(Some(uitleg(&e))),
                    }
                }
                Err(e) => {
                    let velden = e.veld_fouten();
                    if velden.is_empty() {
                        bericht.set(Some(if onbereikbaar(&e) {
                            tm().niet_verstuurd.to_string()
                        } else {
                            uitleg(&e)
                        }));
                    } else {
                        fouten.set(velden.into_iter().map(|f| f.veld_fout()).collect());
                    }
                }
            }
        });
    };
    let verstuur2 = verstuur.clone();
    let opnieuw = Callback::new(move |()| {
        if let Some(nu) = conflict.get_untracked() {
            if let Some(oud) = basis.get_untracked() {
                let (oud, nieuw) = (ActieInvoer::van(&oud), ActieInvoer::van(&nu));
                invoer.update(|i| *i = i.opnieuw_op(&oud, &nieuw));
            }
            basis.set(Some(nu));
            conflict.set(None);
            verstuur2();
        }
    });
    let naam = concept_naam.clone();
    let weggooien = Callback::new(move |()| {
        concept::wis(&naam);
        if let Some(nu) = conflict.get_untracked() {
            invoer.set(ActieInvoer::van(&nu));
            basis.set(Some(nu));
        }
        conflict.set(None);
    });
    let fout_van = move |veld| VeldFouten(fouten).melding(veld);
    let ongeldig = move |veld| VeldFouten(fouten).ongeldig(veld);
    let opgave_opties = opgaven
        .into_iter()
        .map(|o| {
            let id = o.id.clone();
            view! { <option value=o.id.clone() selected=move || invoer.read().opgave == id>{format!("{}. {}", o.volgorde, o.titel)}</option> }
        })
        .collect_view();
    let status_opties = keuze_opties(Status::ALL, Signal::derive(move || invoer.read().status.clone()));
    let trekkers = keuzes(&orgs, Signal::derive(move || invoer.read().trekkers.clone()));
    let partners = keuzes(&orgs, Signal::derive(move || invoer.read().partners.clone()));
    let z = zet.clone();
    view! {
        <section class="pagina actie-formulier" data-testid="actie-formulier">
            <h1 class="utrecht-heading-1">{if nieuw { t.nieuwe_actie } else { t.actie_wijzigen }}</h1>
            {concept_terug.then(|| view! { <p class="concept" role="status" data-testid="concept-hersteld">{t.concept_terug}</p> })}
            {move || conflict.get().and_then(|nu| {
                let oud = basis.get_untracked()?;
                Some(view! { <ConflictMelding oud nu opnieuw weggooien /> })
            })}
            <form class="formulier" novalidate on:submit=move |ev: SubmitEvent| { ev.prevent_default(); verstuur(); }>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-opgave">{t.opgave}</label>
                    <select class="utrecht-select utrecht-select--html-select" id="veld-opgave" aria-invalid=ongeldig("opgave")
                        aria-describedby="fout-opgave"
                        on:change={let z = z.clone(); move |ev| { let v = event_target_value(&ev); z(&|i| i.opgave = v.clone()) }}>
                        {opgave_opties}
                    </select>
                    <p class="utrecht-form-field-error-message" id="fout-opgave">{fout_van("opgave")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-titel">{t.titel_veld}</label>
                    <input class="utrecht-textbox utrecht-textbox--html-input" id="veld-titel" data-testid="veld-titel" type="text"
                        aria-invalid=ongeldig("titel") aria-describedby="fout-titel" prop:value=move || invoer.read().titel.clone()
                        on:input={let z = z.clone(); move |ev| { let v = event_target_value(&ev); z(&|i| i.titel = v.clone()) }} />
                    <p class="utrecht-form-field-error-message" id="fout-titel" data-testid="fout-titel">{fout_van("titel")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-beschrijving">{t.beschrijving}</label>
                    <textarea class="utrecht-textarea utrecht-textbox" id="veld-beschrijving" rows="4"
                        aria-invalid=ongeldig("beschrijving") aria-describedby="fout-beschrijving"
                        prop:value=move || invoer.read().beschrijving.clone()
                        on:input={let z = z.clone(); move |ev| { let v = event_target_value(&ev); z(&|i| i.beschrijving = v.clone()) }}></textarea>
                    <p class="utrecht-form-field-error-message" id="fout-beschrijving">{fout_van("beschrijving")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-jaar">{t.jaar}</label>
                    <input class="utrecht-textbox utrecht-textbox--html-input" id="veld-jaar" data-testid="veld-jaar" type="text" inputmode="numeric"
                        aria-invalid=ongeldig("jaar") aria-describedby="fout-jaar" prop:value=move || invoer.read().jaar.clone()
                        on:input={let z = z.clone(); move |ev| { let v = event_target_value(&ev); z(&|i| i.jaar = v.clone()) }} />
                    <p class="utrecht-form-field-error-message" id="fout-jaar" data-testid="fout-jaar">{fout_van("jaar")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-kwartaal">{t.kwartaal}</label>
                    <select class="utrecht-select utrecht-select--html-select" id="veld-kwartaal" aria-invalid=ongeldig("kwartaal")
                        aria-describedby="fout-kwartaal"
                        on:change={let z = z.clone(); move |ev| { let v = event_target_value(&ev); z(&|i| i.kwartaal = v.clone()) }}>
                        <option value="" selected=move || invoer.read().kwartaal.is_empty()>{t.geen_kwartaal}</option>
                        {["1", "2", "3", "4"].map(|k| view! { <option value=k selected=move || invoer.read().kwartaal == k>{k}</option> })}
                    </select>
                    <p class="utrecht-form-field-error-message" id="fout-kwartaal">{fout_van("kwartaal")}</p>
                </div>
                {nieuw.then(|| view! {
                    <div class="utrecht-form-field">
                        <label class="utrecht-form-label" for="veld-status">{t.status}</label>
                        <select class="utrecht-select utrecht-select--html-select" id="veld-status"
                            on:change={let z = z.clone(); move |ev| { let v = event_target_value(&ev); z(&|i| i.status = v.clone()) }}>
                            {status_opties}
                        </select>
                    </div>
                })}
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-trekkers">{t.trekkers}</label>
                    <p class="utrecht-form-field-description" id="hint-trekkers">{t.meerdere_hint}</p>
                    <select class="utrecht-select utrecht-select--html-select keuzelijst" id="veld-trekkers" multiple size="6"
                        aria-invalid=ongeldig("trekkers") aria-describedby="hint-trekkers fout-trekkers"
                        on:change={let z = z.clone(); move |ev| { let v = gekozen_waarden(&ev); z(&|i| i.trekkers = v.clone()) }}>
                        {trekkers}
                    </select>
                    <p class="utrecht-form-field-error-message" id="fout-trekkers">{fout_van("trekkers")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-partners">{t.partners}</label>
                    <select class="utrecht-select utrecht-select--html-select keuzelijst" id="veld-partners" multiple size="6"
                        aria-invalid=ongeldig("partners") aria-describedby="hint-trekkers fout-partners"
                        on:change={let z = z.clone(); move |ev| { let v = gekozen_waarden(&ev); z(&|i| i.partners = v.clone()) }}>
                        {partners}
                    </select>
                    <p class="utrecht-form-field-error-message" id="fout-partners">{fout_van("partners")}</p>
                </div>
                <div class="utrecht-form-field utrecht-form-field--checkbox">
                    <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id="veld-vertrouwelijk"
                        prop:checked=move || invoer.read().vertrouwelijk
                        on:change={let z = z.clone(); move |ev| { let v = event_target_checked(&ev); z(&|i| i.vertrouwelijk = v) }} />
                    <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-vertrouwelijk">{t.vertrouwelijk}</label>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-toelichting">{t.toelichting}</label>
                    <textarea class="utrecht-textarea utrecht-textbox" id="veld-toelichting" rows="3"
                        prop:value=move || invoer.read().toelichting.clone()
                        on:input={let z = z.clone(); move |ev| { let v = event_target_value(&ev); z(&|i| i.toelichting = v.clone()) }}></textarea>
                </div>
                <p>
                    <button type="submit" class="utrecht-button utrecht-button--primary-action" data-testid="actie-opslaan">{t.actie_opslaan}</button>
                </p>
                {move || bericht.get().map(|b| view! { <p role="status" class="fout-melding" data-testid="actie-bericht">{b}</p> })}
            </form>
        </section>
    }
}
