//! The detailed cards of the overview (`/?weergave=kaarten`): every thema with its plans, and per plan every
//! opgave with its full roll-up.

use crate::components::RollupOverzicht;
use crate::i18n::label;
use crate::i18n::t;
use crate::model::{Actieplan, Opgave, Thema};
use leptos::prelude::*;

/// One thema with its plans.
#[component]
pub fn ThemaSectie(thema: Thema) -> impl IntoView {
    let t = t();
    let kop = format!("thema-{}", thema.id);
    let kop_ref = kop.clone();
    let portefeuillehouder = thema.portefeuillehouder.map(|p| {
        view! {
            <p class="meta">
                <span class="meta-label">{t.portefeuillehouder}": "</span>
                {p}
            </p>
        }
    });
    let plannen = if thema.actieplannen.is_empty() {
        view! { <p class="leeg">{t.thema_zonder_plannen}</p> }.into_any()
    } else {
        thema
            .actieplannen
            .into_iter()
            .map(|plan| view! { <PlanSectie plan /> })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="thema" data-testid="thema" data-id=thema.id aria-labelledby=kop_ref>
            <h2 class="utrecht-heading-2" id=kop>{thema.naam}</h2>
            {portefeuillehouder}
            {plannen}
        </section>
    }
}

/// One plan: its kind, period and status, the roll-up of the whole plan and its opgaven by `volgorde`.
#[component]
fn PlanSectie(plan: Actieplan) -> impl IntoView {
    let t = t();
    let kop = format!("actieplan-{}", plan.id);
    let kop_ref = kop.clone();
    let opgaven = plan.opgaven_op_volgorde();
    let lijst = if opgaven.is_empty() {
        view! { <p class="leeg">{t.plan_zonder_opgaven}</p> }.into_any()
    } else {
        view! {
            <ol class="opgaven">
                {opgaven.into_iter().map(|opgave| view! { <OpgaveRij opgave /> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="actieplan" data-testid="actieplan" data-id=plan.id aria-labelledby=kop_ref>
            <h3 class="utrecht-heading-3" id=kop>
                <a class="utrecht-link" href=format!("/actieplan/{}", plan.id) data-testid="actieplan-link">{plan.titel}</a>
            </h3>
            <p class="meta">
                <span data-soort=plan.soort.as_str()>{label(plan.soort)}</span>
                <span class="scheiding" aria-hidden="true">" · "</span>
                <span>
                    <span class="meta-label">{t.periode}": "</span>
                    {(t.periode_tekst)(plan.periode_van, plan.periode_tot)}
                </span>
                <span class="scheiding" aria-hidden="true">" · "</span>
                <span data-status=plan.status.as_str()>{label(plan.status)}</span>
            </p>
            <div class="plan-totaal">
                <h4 class="utrecht-heading-4">{t.plan_totaal_kop}</h4>
                <RollupOverzicht rollup=plan.rollup testid="actieplan" />
            </div>
            <h4 class="utrecht-heading-4">{t.opgaven_kop}</h4>
            {lijst}
        </section>
    }
}

/// One opgave with its roll-up (`data-testid="opgave"`).
#[component]
fn OpgaveRij(opgave: Opgave) -> impl IntoView {
    let kop = format!("opgave-{}", opgave.id);
    let kop_ref = kop.clone();
    view! {
        <li class="opgave" data-testid="opgave" data-id=opgave.id aria-labelledby=kop_ref>
            <h5 class="utrecht-heading-5" id=kop>{opgave.titel}</h5>
            <RollupOverzicht rollup=opgave.rollup testid="opgave" />
        </li>
    }
}
