//! The plans section of the beheer page: plans per thema, a new plan, and per plan its opgaven (add, change,
//! order, retire: `beheer_opgaven`), the change of the plan (`beheer_plan_wijzigen`; versie sent, CONFLICT says
//! so), and the move of its open acties to the successor (`beheer_opvolger`: preview, then one step).

use crate::api::graphql_naam;
use crate::components::fout::uitleg;
use crate::i18n::{label, tpl};
use crate::model::beheer_plannen::{
    BeheerPlan, BeheerThema, NieuwPlan, NieuweOpgave, haal_plannen, maak_opgave, maak_plan,
};
use crate::pages::beheer_conflict::Opslag;
use crate::pages::beheer_historie::Historie;
use crate::pages::beheer_opgaven::Opgaven;
use crate::pages::beheer_opvolger::NaarOpvolger;
use crate::pages::beheer_plan_wijzigen::{PlanWijzigen, soort_van};
use crate::pages::beheer_veld::Veld;
use koers_shared::PlanSoort;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The section "Actieplannen"; loads anew whenever `geimporteerd` is notified.
#[component]
pub fn Plannen(geimporteerd: Trigger) -> impl IntoView {
    let tp = tpl();
    let themas = RwSignal::new(Vec::<BeheerThema>::new());
    let fout = RwSignal::new(None::<String>);
    let gekozen = RwSignal::new(None::<String>);
    // Outside the plan's beheer, which is drawn anew after every reload.
    let melding = RwSignal::new(None::<String>);
    let laad = move || {
        spawn_local(async move {
            match haal_plannen().await {
                Ok(t) => {
                    fout.set(None);
                    themas.set(t);
                }
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    };
    // At once, and again after an import.
    Effect::new(move |_| {
        geimporteerd.track();
        laad();
    });
    let verversen = Callback::new(move |()| laad());
    let plan = move || {
        let id = gekozen.get()?;
        themas
            .read()
            .iter()
            .flat_map(|t| t.actieplannen.iter())
            .find(|p| p.id == id)
            .cloned()
    };
    view! {
        <section aria-labelledby="plannen-kop" data-testid="plannen">
            <h2 class="utrecht-heading-2" id="plannen-kop">{tp.titel}</h2>
            <p class="utrecht-paragraph">{tp.intro}</p>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert">{f}</p> })}
            {move || themas.get().into_iter().map(|t| view! { <PlanTabel thema=t gekozen melding /> }).collect_view()}
            // Keyed by version and opgaven: a changed plan gets a fresh form (its versie, its handlers).
            <For each=move || plan().into_iter() key=|p| p.stand() let:p>
                <PlanBeheer plan=p themas gekozen melding verversen />
            </For>
            <NieuwPlanFormulier themas verversen />
        </section>
    }
}

#[component]
fn PlanTabel(
    thema: BeheerThema,
    gekozen: RwSignal<Option<String>>,
    melding: RwSignal<Option<String>>,
) -> impl IntoView {
    let tp = tpl();
    let kop = format!("plannen-{}", thema.id);
    let inhoud = if thema.actieplannen.is_empty() {
        view! { <p class="utrecht-paragraph leeg">{tp.geen_plannen}</p> }.into_any()
    } else {
        let rijen = thema
            .actieplannen
            .into_iter()
            .map(|p| {
                let id = p.id.clone();
                view! {
                    <tr class="utrecht-table__row" data-testid="plan-rij" data-titel=p.titel.clone()>
                        <td class="utrecht-table__cell">{p.titel.clone()}</td>
                        <td class="utrecht-table__cell">{label(p.soort)}</td>
                        <td class="utrecht-table__cell">{format!("{}–{}", p.periode_van, p.periode_tot)}</td>
                        <td class="utrecht-table__cell" data-testid="plan-status">{label(p.status)}</td>
                        <td class="utrecht-table__cell">{p.opvolger.as_ref().map(|o| o.titel.clone())}</td>
                        <td class="utrecht-table__cell">{p.opgaven.len()}</td>
                        <td class="utrecht-table__cell">
                            <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                                data-testid="plan-beheren" on:click=move |_| {
                                    melding.set(None);
                                    gekozen.set(Some(id.clone()));
                                }>
                                {(tp.beheren)(&p.titel)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="tabel-houder">
                <table class="utrecht-table tabel" aria-labelledby=kop.clone()>
                    <thead class="utrecht-table__header">
                        <tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="col">{tp.plan_titel}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tp.soort}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tp.periode}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tp.status}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tp.opvolger}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tp.opgaven}</th>
                            <td class="utrecht-table__header-cell"></td>
                        </tr>
                    </thead>
                    <tbody class="utrecht-table__body">{rijen}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h3 class="utrecht-heading-3" id=kop>{thema.naam}</h3>
        {inhoud}
    }
}

#[component]
fn NieuwPlanFormulier(themas: RwSignal<Vec<BeheerThema>>, verversen: Callback<()>) -> impl IntoView {
    let tp = tpl();
    let thema = RwSignal::new(String::new());
    let titel = RwSignal::new(String::new());
    let soort = RwSignal::new(graphql_naam(&PlanSoort::Actieplan));
    let van = RwSignal::new("2027".to_string());
    let tot = RwSignal::new("2030".to_string());
    let opslag = Opslag::<NieuwPlan>::new();
    let Opslag { velden, fout, .. } = opslag;
    let gemaakt = RwSignal::new(None::<String>);
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let gekozen = thema.get_untracked();
        let gekozen = if gekozen.is_empty() {
            themas.with_untracked(|t| t.first().map(|t| t.id.clone()).unwrap_or_default())
        } else {
            gekozen
        };
        let invoer = NieuwPlan {
            thema: gekozen,
            titel: titel.get_untracked().trim().to_string(),
            soort: soort_van(&soort.get_untracked()),
            periode_van: van.get_untracked().trim().parse().unwrap_or(0),
            periode_tot: tot.get_untracked().trim().parse().unwrap_or(0),
        };
        let naam = invoer.titel.clone();
        gemaakt.set(None);
        opslag.stuur(invoer, maak_plan, move || {
            titel.set(String::new());
            gemaakt.set(Some((tpl().plan_gemaakt)(&naam)));
            verversen.run(());
        });
    };
    let soorten = PlanSoort::ALL
        .iter()
        .map(|s| view! { <option value=graphql_naam(s)>{label(*s)}</option> })
        .collect_view();
    view! {
        <form class="formulier" on:submit=verstuur data-testid="plan-formulier">
            <h3 class="utrecht-heading-3">{tp.nieuw_plan}</h3>
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert">{f}</p> })}
            {move || gemaakt.get().map(|m| view! { <p class="utrecht-paragraph" role="status" data-testid="plan-gemaakt">{m}</p> })}
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="plan-thema">{tp.thema}</label>
                <select class="utrecht-select utrecht-select--html-select" id="plan-thema" data-testid="plan-thema"
                    on:change=move |ev| thema.set(event_target_value(&ev))>
                    {move || themas.get().into_iter().map(|t| view! { <option value=t.id.clone()>{t.naam}</option> }).collect_view()}
                </select>
            </div>
            <Veld id="plan-titel" veld="titel" label=tp.plan_titel waarde=titel velden soort="text" />
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="plan-soort">{tp.soort}</label>
                <select class="utrecht-select utrecht-select--html-select" id="plan-soort" data-testid="plan-soort"
                    on:change=move |ev| soort.set(event_target_value(&ev))>{soorten}</select>
            </div>
            <Veld id="plan-van" veld="periodeVan" label=tp.periode_van waarde=van velden soort="number" />
            <Veld id="plan-tot" veld="periodeTot" label=tp.periode_tot waarde=tot velden soort="number" />
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="plan-maken">{tp.plan_maken}</button>
        </form>
    }
}

#[component]
fn PlanBeheer(
    plan: BeheerPlan,
    themas: RwSignal<Vec<BeheerThema>>,
    gekozen: RwSignal<Option<String>>,
    melding: RwSignal<Option<String>>,
    verversen: Callback<()>,
) -> impl IntoView {
    let tp = tpl();
    let titel = plan.titel.clone();
    // The successor's opgaven in use: where acties without an opgave of the same title may go.
    let doelen = plan
        .opvolger
        .as_ref()
        .and_then(|o| {
            themas.with_untracked(|t| {
                t.iter()
                    .flat_map(|t| t.actieplannen.iter())
                    .find(|p| p.id == o.id)
                    .map(|p| p.opgaven_op_volgorde())
            })
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|o| !o.vervallen)
        .collect::<Vec<_>>();
    view! {
        <section class="plan-beheer" aria-labelledby="plan-beheer-kop" data-testid="plan-beheer" data-titel=titel.clone()>
            <h3 class="utrecht-heading-3" id="plan-beheer-kop">{(tp.plan_kop)(&titel)}</h3>
            {move || melding.get().map(|m| view! { <p class="utrecht-paragraph" role="status" data-testid="plan-opgeslagen">{m}</p> })}
            <h4 class="utrecht-heading-4">{tp.opgaven}</h4>
            <Opgaven plan=plan.clone() melding verversen />
            <OpgaveFormulier plan=plan.id.clone() verversen />
            <PlanWijzigen plan=plan.clone() themas melding verversen />
            <NaarOpvolger plan=plan.clone() doelen />
            <Historie id=plan.id.clone() naam=plan.titel.clone() />
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop"
                on:click=move |_| gekozen.set(None)>{tp.sluiten}</button>
        </section>
    }
}

#[component]
fn OpgaveFormulier(plan: String, verversen: Callback<()>) -> impl IntoView {
    let tp = tpl();
    let titel = RwSignal::new(String::new());
    let opslag = Opslag::<NieuweOpgave>::new();
    let Opslag { velden, fout, .. } = opslag;
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let invoer = NieuweOpgave {
            actieplan: plan.clone(),
            titel: titel.get_untracked().trim().to_string(),
        };
        opslag.stuur(invoer, maak_opgave, move || {
            titel.set(String::new());
            verversen.run(());
        });
    };
    view! {
        <form class="formulier" on:submit=verstuur data-testid="opgave-formulier">
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert">{f}</p> })}
            <Veld id="opgave-titel" veld="titel" label=tp.opgave_titel waarde=titel velden soort="text" />
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="opgave-toevoegen">{tp.opgave_toevoegen}</button>
        </form>
    }
}
