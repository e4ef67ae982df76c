//! One slide of the presentation: a plan with its roll-up and opgaven, or an opgave with its roll-up and (part
//! of) its acties. Large type for the back of the room; status and health as icon plus text. A long title is
//! clamped to two lines (the whole title in its `title`), so that it never pushes rows off the slide.

use super::data::{ACTIES_PER_DIA, Actie, Dia, DiaRollup, OPGAVEN_PER_DIA, Opgave, Plan, Presentatie, Soort};
use crate::components::gezondheid::GezondheidIcoon;
use crate::components::status::StatusIcoon;
use crate::components::{GezondheidLabel, PlanTrend, Voortgangsbalk};
use crate::i18n::label;
use crate::i18n::{t, tp};
use koers_shared::{Gezondheid, procent_tekst};
use leptos::prelude::*;

/// The slide `dia` (1-based `nummer`) of the data.
pub fn dia_view(data: &Presentatie, dia: Dia, nummer: usize) -> AnyView {
    let Some(plan) = data.plannen.get(dia.plan) else {
        return ().into_any();
    };
    let rol = tp().dia_rol;
    match dia.soort {
        Soort::Plan => view! {
            <section class="dia dia-plan" data-testid="dia" data-index=nummer data-soort="plan"
                data-id=plan.id.clone() aria-roledescription=rol>
                <PlanDia plan=plan.clone() dia />
            </section>
        }
        .into_any(),
        Soort::Opgave => match plan.opgaven.get(dia.opgave) {
            Some(opgave) => view! {
                <section class="dia dia-opgave" data-testid="dia" data-index=nummer data-soort="opgave"
                    data-id=opgave.id.clone() aria-roledescription=rol>
                    <OpgaveDia plan=plan.clone() opgave=opgave.clone() dia />
                </section>
            }
            .into_any(),
            None => ().into_any(),
        },
    }
}

/// The line above a slide's title: thema, kind of plan, period.
fn bovenregel(plan: &Plan) -> String {
    format!(
        "{} · {} {}",
        plan.thema,
        label(plan.soort),
        (t().periode_tekst)(plan.periode.0, plan.periode.1)
    )
}

/// The line above the title, kept to one line (the whole text in its `title`), followed by "(deel 1 van 2)"
/// when the slide is one of several parts.
#[component]
fn Bovenregel(tekst: String, dia: Dia) -> impl IntoView {
    let deel = (dia.delen > 1).then(|| {
        view! { <span class="dia-deel">"("{(tp().deel_van)(dia.deel + 1, dia.delen)}")"</span> }
    });
    let volledig = tekst.clone();
    view! {
        <p class="dia-boven">
            <span class="klem-1" title=volledig>{tekst}</span>
            {deel}
        </p>
    }
}

/// A title clamped to at most two lines; the whole title stays in its `title` (and the accessibility tree).
#[component]
fn DiaTitel(titel: String) -> impl IntoView {
    let volledig = titel.clone();
    view! { <h1 class="dia-titel" title=volledig>{titel}</h1> }
}

/// The big figures of a roll-up: share afgerond (`dia-voortgang`), number of acties, worst health, the bar.
#[component]
fn Kerncijfers(rollup: DiaRollup) -> impl IntoView {
    let t = t();
    let tellingen = rollup.tellingen();
    view! {
        <div class="kerncijfers">
            <dl>
                <div class="kerncijfer">
                    <dt>{t.afgerond}</dt>
                    <dd class="reuze" data-testid="dia-voortgang">{procent_tekst(rollup.aandeel_afgerond)}</dd>
                </div>
                <div class="kerncijfer">
                    <dt>{t.aantal_acties}</dt>
                    <dd class="reuze" data-testid="dia-totaal">{rollup.totaal}</dd>
                </div>
                <div class="kerncijfer breed">
                    <dt>{t.gezondheid}</dt>
                    <dd>
                        <GezondheidLabel gezondheid=rollup.slechtste_gezondheid />
                    </dd>
                </div>
            </dl>
            <Voortgangsbalk afgerond=rollup.aandeel_afgerond in_uitvoering=rollup.aandeel_in_uitvoering />
            <ul class="per-status">
                {tellingen
                    .into_iter()
                    .map(|(status, aantal)| {
                        view! {
                            <li data-status=status.as_str()>
                                <StatusIcoon status />
                                <span>{label(status)}": "{aantal}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn PlanDia(plan: Plan, dia: Dia) -> impl IntoView {
    let tp = tp();
    let (trend_id, trend_titel) = (plan.id.clone(), plan.titel.clone());
    let boven = bovenregel(&plan);
    let opgaven: Vec<Opgave> = plan
        .opgaven
        .into_iter()
        .skip(dia.deel * OPGAVEN_PER_DIA)
        .take(OPGAVEN_PER_DIA)
        .collect();
    view! {
        <Bovenregel tekst=boven dia />
        <DiaTitel titel=plan.titel />
        <div class="dia-inhoud">
            <div class="dia-links">
                <Kerncijfers rollup=plan.rollup />
                <div class="dia-trend" data-plek="trend">
                    <PlanTrend id=trend_id titel=trend_titel van_jaar=plan.periode.0 compact=true zonder_vertrouwelijk=true />
                </div>
            </div>
            <div class="dia-opgaven">
                <table class="dia-tabel">
                    <caption class="dia-kop">{tp.opgaven}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tp.kolom_opgave}</th>
                            <th scope="col" class="getal">{t().afgerond}</th>
                            {Gezondheid::ALL
                                .iter()
                                .map(|&g| {
                                    view! {
                                        <th scope="col" class="getal">
                                            <span class=format!("gezondheid gezondheid-{}", g.as_str())>
                                                <GezondheidIcoon gezondheid=g />
                                                <span>{label(g)}</span>
                                            </span>
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {opgaven.into_iter().map(|o| view! { <OpgaveRij opgave=o /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// One opgave on a plan slide: its title, share afgerond and the count of every health.
#[component]
fn OpgaveRij(opgave: Opgave) -> impl IntoView {
    let tellingen = opgave.rollup.per_gezondheid();
    let volledig = opgave.titel.clone();
    view! {
        <tr data-testid="dia-opgave" data-id=opgave.id>
            <th scope="row"><span class="klem" title=volledig>{opgave.titel}</span></th>
            <td class="getal opgave-procent">{procent_tekst(opgave.rollup.aandeel_afgerond)}</td>
            {tellingen
                .into_iter()
                .map(|(g, n)| {
                    view! { <td class="getal" data-gezondheid=g.as_str() data-testid="dia-gezondheid-aantal">{n}</td> }
                })
                .collect_view()}
        </tr>
    }
}

#[component]
fn OpgaveDia(plan: Plan, opgave: Opgave, dia: Dia) -> impl IntoView {
    let tp = tp();
    let boven = format!("{} · {}", plan.thema, plan.titel);
    let acties: Vec<Actie> = opgave
        .acties
        .into_iter()
        .skip(dia.deel * ACTIES_PER_DIA)
        .take(ACTIES_PER_DIA)
        .collect();
    let lijst = if acties.is_empty() {
        view! { <p class="dia-leeg">{tp.geen_acties}</p> }.into_any()
    } else {
        view! {
            <table class="dia-acties dia-tabel">
                <thead>
                    <tr>
                        <th scope="col">{tp.kolom_actie}</th>
                        <th scope="col">{tp.kolom_status}</th>
                        <th scope="col">{tp.kolom_gezondheid}</th>
                        <th scope="col" class="getal">{tp.kolom_voortgang}</th>
                    </tr>
                </thead>
                <tbody>{acties.into_iter().map(|actie| view! { <ActieRij actie /> }).collect_view()}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <Bovenregel tekst=boven dia />
        <DiaTitel titel=opgave.titel />
        <div class="dia-inhoud">
            <Kerncijfers rollup=opgave.rollup />
            <div class="dia-lijst">{lijst}</div>
        </div>
    }
}

#[component]
fn ActieRij(actie: Actie) -> impl IntoView {
    let tp = tp();
    let gezondheid = match actie.gezondheid {
        Some(g) => view! {
            <span class=format!("gezondheid gezondheid-{}", g.as_str()) data-gezondheid=g.as_str()>
                <GezondheidIcoon gezondheid=g />
                <span>{label(g)}</span>
            </span>
        }
        .into_any(),
        None => view! { <span class="niet-gemeld">{tp.niet_gemeld}</span> }.into_any(),
    };
    let voortgang = match actie.voortgang {
        Some(v) => procent_tekst(f64::from(v.procent())),
        None => tp.niet_gemeld.to_string(),
    };
    let volledig = actie.titel.clone();
    view! {
        <tr data-testid="dia-actie" data-id=actie.id>
            <th scope="row"><span class="klem" title=volledig>{actie.titel}</span></th>
            <td>
                <span class=format!("status status-{}", actie.status.as_str()) data-status=actie.status.as_str()>
                    <StatusIcoon status=actie.status />
                    <span>{label(actie.status)}</span>
                </span>
            </td>
            <td>{gezondheid}</td>
            <td class="getal">{voortgang}</td>
        </tr>
    }
}
