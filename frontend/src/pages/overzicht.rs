//! The overview ("Actieplannen"): every thema with its plans, and per plan every opgave with its roll-up.

use crate::components::{BalkLegenda, FoutMelding, Laden, RollupOverzicht};
use crate::i18n::label;
use crate::i18n::t;
use crate::model::{Actieplan, Opgave, Overzicht, Thema, haal_overzicht};
use crate::tijd::Moment;
use leptos::prelude::*;

/// The route `/`: loads the overview and shows it, or the loading or error state.
#[component]
pub fn OverzichtPagina() -> impl IntoView {
    let t = t();
    let data = LocalResource::new(|| {
        crate::verbinding::volg();
        async {
            haal_overzicht()
                .await
                .map(|o| (o, crate::verbinding::stand_van_gegevens()))
        }
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <h1 class="utrecht-heading-1">{t.overzicht_titel}</h1>
        <p class="intro">{t.overzicht_intro}</p>
        <crate::pages::export::ExportLinks pad="/export/alles".to_string() />
        <Suspense fallback=|| view! { <Laden /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((overzicht, stand)) => view! { <Geladen overzicht stand /> }.into_any(),
                    Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The loaded overview (`data-testid="overzicht"`), also when it is empty.
#[component]
fn Geladen(overzicht: Overzicht, stand: Moment) -> impl IntoView {
    let t = t();
    let inhoud = if overzicht.themas.is_empty() {
        view! { <p class="leeg" data-testid="leeg">{t.leeg}</p> }.into_any()
    } else {
        view! {
            <BalkLegenda />
            {overzicht.themas.into_iter().map(|thema| view! { <ThemaSectie thema /> }).collect_view()}
        }
        .into_any()
    };
    view! {
        <div class="overzicht" data-testid="overzicht">
            <p class="stand" data-testid="stand">
                {t.stand_per}
                " "
                <time datetime=stand.iso>{stand.tekst}</time>
            </p>
            {inhoud}
        </div>
    }
}

/// One thema with its plans.
#[component]
fn ThemaSectie(thema: Thema) -> impl IntoView {
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
