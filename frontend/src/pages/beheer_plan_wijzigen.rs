//! The change of one plan on the beheer page: title, soort, period, who adopted it and when, source, status and
//! successor, sent with the versie read (on CONFLICT the panel shows theirs next to mine, per field).

use crate::api::graphql_naam;
use crate::i18n::{label, tpl};
use crate::model::beheer_plannen::{BeheerPlan, BeheerThema, PlanWijziging, wijzig_plan};
use crate::pages::beheer_conflict::Opslag;
use crate::pages::beheer_veld::Veld;
use koers_shared::{PlanSoort, PlanStatus};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The plan kind of its GraphQL name (ACTIEPLAN when unknown).
pub fn soort_van(s: &str) -> PlanSoort {
    PlanSoort::ALL
        .iter()
        .copied()
        .find(|x| graphql_naam(x) == s)
        .unwrap_or(PlanSoort::Actieplan)
}

fn status_van(s: &str) -> PlanStatus {
    PlanStatus::ALL
        .iter()
        .copied()
        .find(|x| graphql_naam(x) == s)
        .unwrap_or(PlanStatus::Vastgesteld)
}

/// A trimmed text, `None` when empty (which clears the field).
fn of_leeg(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The form "Plan wijzigen".
#[component]
pub fn PlanWijzigen(
    plan: BeheerPlan,
    themas: RwSignal<Vec<BeheerThema>>,
    melding: RwSignal<Option<String>>,
    verversen: Callback<()>,
) -> impl IntoView {
    let tp = tpl();
    let titel = RwSignal::new(plan.titel.clone());
    let soort = RwSignal::new(graphql_naam(&plan.soort));
    let van = RwSignal::new(plan.periode_van.to_string());
    let tot = RwSignal::new(plan.periode_tot.to_string());
    let door = RwSignal::new(plan.vastgesteld_door.clone().unwrap_or_default());
    let op = RwSignal::new(plan.vastgesteld_op.clone().unwrap_or_default());
    let bron = RwSignal::new(plan.bron.clone());
    let status = RwSignal::new(graphql_naam(&plan.status));
    let opvolger = RwSignal::new(plan.opvolger.as_ref().map(|o| o.id.clone()).unwrap_or_default());
    let opslag = Opslag::<PlanWijziging>::new();
    let Opslag { velden, fout, .. } = opslag;
    let (id, versie) = (plan.id.clone(), plan.versie);
    let stuur = move |invoer: PlanWijziging| {
        melding.set(None);
        opslag.stuur(invoer, wijzig_plan, move || {
            melding.set(Some(tpl().opgeslagen.to_string()));
            verversen.run(());
        });
    };
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let o = opvolger.get_untracked();
        stuur(PlanWijziging {
            id: id.clone(),
            versie,
            titel: titel.get_untracked().trim().to_string(),
            soort: soort_van(&soort.get_untracked()),
            periode_van: van.get_untracked().trim().parse().unwrap_or(0),
            periode_tot: tot.get_untracked().trim().parse().unwrap_or(0),
            vastgesteld_door: of_leeg(&door.get_untracked()),
            vastgesteld_op: of_leeg(&op.get_untracked()),
            bron: bron.get_untracked().trim().to_string(),
            status: status_van(&status.get_untracked()),
            opvolger: (!o.is_empty()).then_some(o),
        });
    };
    let paneel = opslag.paneel(
        |w| {
            let mijn = vec![
                ("titel", w.titel.clone()),
                ("soort", graphql_naam(&w.soort)),
                ("periodeVan", w.periode_van.to_string()),
                ("periodeTot", w.periode_tot.to_string()),
                ("vastgesteldDoor", w.vastgesteld_door.clone().unwrap_or_default()),
                ("vastgesteldOp", w.vastgesteld_op.clone().unwrap_or_default()),
                ("bron", w.bron.clone()),
                ("status", graphql_naam(&w.status)),
            ];
            Some((w.id.clone(), w.versie, mijn))
        },
        move |w, nu| stuur(PlanWijziging { versie: nu, ..w }),
        verversen,
        5,
    );
    let statussen = PlanStatus::ALL
        .iter()
        .map(|s| {
            let naam = graphql_naam(s);
            let zelfde = naam == graphql_naam(&plan.status);
            view! { <option value=naam selected=zelfde>{label(*s)}</option> }
        })
        .collect_view();
    let soorten = PlanSoort::ALL
        .iter()
        .map(|s| view! { <option value=graphql_naam(s) selected=*s == plan.soort>{label(*s)}</option> })
        .collect_view();
    let eigen = plan.id.clone();
    // Follows the plans list (a plan imported meanwhile is a choice too), keeping the choice made.
    let kandidaten = move || {
        let huidig = opvolger.get_untracked();
        themas.with(|t| {
            t.iter()
                .flat_map(|t| t.actieplannen.iter())
                .filter(|p| p.id != eigen)
                .map(|p| view! { <option value=p.id.clone() selected=p.id == huidig>{p.titel.clone()}</option> })
                .collect_view()
        })
    };
    view! {
        <form class="formulier" on:submit=verstuur data-testid="plan-wijzigen">
            <h4 class="utrecht-heading-4">{tp.wijzigen}</h4>
            {move || fout.get().map(|f| view! {
                <div role="alert" data-testid="plan-fout">
                    <p class="utrecht-form-field-error-message fout-melding">{f}</p>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                        on:click=move |_| verversen.run(())>{tpl().herladen}</button>
                </div>
            })}
            {paneel}
            <Veld id="plan-wijzig-titel" veld="titel" label=tp.plan_titel waarde=titel velden soort="text" />
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="plan-wijzig-soort">{tp.soort}</label>
                <select class="utrecht-select utrecht-select--html-select" id="plan-wijzig-soort" data-testid="plan-wijzig-soort"
                    on:change=move |ev| soort.set(event_target_value(&ev))>{soorten}</select>
            </div>
            <Veld id="plan-wijzig-van" veld="periodeVan" label=tp.periode_van waarde=van velden soort="number" />
            <Veld id="plan-wijzig-tot" veld="periodeTot" label=tp.periode_tot waarde=tot velden soort="number" />
            <Veld id="plan-wijzig-door" veld="vastgesteldDoor" label=tp.vastgesteld_door waarde=door velden soort="text" vrij=true />
            <Veld id="plan-wijzig-op" veld="vastgesteldOp" label=tp.vastgesteld_op waarde=op velden soort="text" vrij=true
                hint=tp.vastgesteld_op_hint />
            <Veld id="plan-wijzig-bron" veld="bron" label=tp.bron waarde=bron velden soort="text" />
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="plan-wijzig-status">{tp.status}</label>
                <select class="utrecht-select utrecht-select--html-select" id="plan-wijzig-status" data-testid="plan-wijzig-status"
                    on:change=move |ev| status.set(event_target_value(&ev))>{statussen}</select>
            </div>
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="plan-wijzig-opvolger">{tp.opvolger}</label>
                <select class="utrecht-select utrecht-select--html-select" id="plan-wijzig-opvolger" data-testid="plan-wijzig-opvolger"
                    on:change=move |ev| opvolger.set(event_target_value(&ev))>
                    <option value="">{tp.geen_opvolger}</option>
                    {kandidaten}
                </select>
            </div>
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="plan-opslaan">{tp.opslaan}</button>
        </form>
    }
}
