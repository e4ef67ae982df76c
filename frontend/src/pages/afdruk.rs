//! The print view (`/afdrukken`): the board pack of an RVO meeting — a cover with the meeting's date and
//! "stand per", a page per plan (its figures, per opgave the share afgerond and the count of every health, a
//! place for its trend), then a page per opgave with its acties — or with `?opgave=ID` that opgave on one A4.
//! `?rvo=ID` picks the meeting (default: the next one, else the last). The print stylesheet (`@media print`
//! in afdruk.css) leaves only the sheets. Confidential acties never show, as in the presentation.

use crate::components::{FoutMelding, GezondheidLabel, Laden, PlanTrend};
use crate::i18n::{label, t, ta, tp};
use crate::model::organisatie::{RvoVergadering, haal_rvo_vergaderingen};
use crate::pages::presentatie::data::{DiaRollup, Opgave, Plan, Presentatie, haal_presentatie};
use crate::pages::presentatie::query_waarde;
use crate::tijd::{Moment, datum_tekst, nu};
use koers_shared::{Gezondheid, procent_tekst};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the print view shows: the data, the meetings and when it was read.
#[derive(Clone)]
struct Pakket {
    data: Presentatie,
    vergadering: Option<RvoVergadering>,
    stand: Moment,
}

/// The meeting with id `gekozen`, else the first on or after `vandaag` (`JJJJ-MM-DD`), else the last.
fn kies_vergadering(
    mut lijst: Vec<RvoVergadering>,
    gekozen: Option<&str>,
    vandaag: &str,
) -> Option<RvoVergadering> {
    lijst.sort_by(|a, b| a.datum.cmp(&b.datum));
    if let Some(id) = gekozen
        && let Some(v) = lijst.iter().find(|v| v.id == id)
    {
        return Some(v.clone());
    }
    let volgende = lijst.iter().find(|v| v.datum.as_str() >= vandaag).cloned();
    volgende.or_else(|| lijst.last().cloned())
}

/// The route `/afdrukken`.
#[component]
pub fn AfdrukPagina() -> impl IntoView {
    let ta = ta();
    let pakket = RwSignal::new(None::<Pakket>);
    let fout = RwSignal::new(None);
    let opgave_id = query_waarde("opgave");
    let rvo_id = query_waarde("rvo");
    let laad = move || {
        let rvo_id = rvo_id.clone();
        spawn_local(async move {
            let uitslag = async {
                let data = haal_presentatie().await?;
                let lijst = haal_rvo_vergaderingen().await?;
                Ok::<_, crate::api::ApiError>((data, lijst))
            };
            match uitslag.await {
                Ok((data, lijst)) => {
                    let stand = nu();
                    let vandaag = stand.iso.get(..10).unwrap_or_default().to_string();
                    let vergadering = kies_vergadering(lijst, rvo_id.as_deref(), &vandaag);
                    let _ = pakket.try_set(Some(Pakket {
                        data,
                        vergadering,
                        stand,
                    }));
                }
                Err(e) => {
                    let _ = fout.try_set(Some(e));
                }
            }
        });
    };
    laad();
    let laad = StoredValue::new(laad);
    let inhoud = move || match pakket.get() {
        Some(p) => match &opgave_id {
            Some(id) => een_opgave(&p.data, id),
            None => bestuurspakket(p),
        },
        None => match fout.get() {
            Some(fout) => view! {
                <FoutMelding fout opnieuw=Callback::new(move |()| laad.with_value(|l| l())) />
            }
            .into_any(),
            None => view! { <Laden /> }.into_any(),
        },
    };
    view! {
        <div class="afdruk" data-testid="afdruk">
            <p class="afdruk-knoppen">
                <button type="button" class="utrecht-button utrecht-button--primary-action"
                    data-testid="afdrukken-knop" on:click=move |_| {
                        let _ = window().print();
                    }>{ta.afdrukken}</button>
            </p>
            {inhoud}
        </div>
    }
}

/// One opgave on one sheet, or a notice when it is not there.
fn een_opgave(data: &Presentatie, id: &str) -> AnyView {
    let gevonden = data
        .plannen
        .iter()
        .find_map(|p| p.opgaven.iter().find(|o| o.id == id).map(|o| (p, o)));
    match gevonden {
        Some((plan, opgave)) => view! { <OpgaveBlad plan=plan.clone() opgave=opgave.clone() /> }.into_any(),
        None => {
            view! { <p class="utrecht-paragraph" data-testid="afdruk-onbekend">{ta().opgave_onbekend}</p> }
                .into_any()
        }
    }
}

/// The cover, then per plan its sheet followed by the sheets of its opgaven.
fn bestuurspakket(p: Pakket) -> AnyView {
    let ta = ta();
    let datum = match &p.vergadering {
        Some(v) => format!("{} {}", ta.vergadering, datum_tekst(&v.datum)),
        None => ta.geen_vergadering.to_string(),
    };
    let omschrijving = p.vergadering.as_ref().map(|v| v.omschrijving.clone());
    view! {
        <section class="blad voorblad" data-testid="blad" data-soort="voorblad">
            <h1 class="utrecht-heading-1">{ta.titel}</h1>
            <p class="voorblad-datum" data-testid="afdruk-vergadering">{datum}</p>
            {omschrijving.map(|o| view! { <p class="utrecht-paragraph">{o}</p> })}
            <p class="utrecht-paragraph" data-testid="afdruk-stand">
                {t().stand_per}" "<time datetime=p.stand.iso>{p.stand.tekst}</time>
            </p>
        </section>
        {p.data
            .plannen
            .into_iter()
            .map(|plan| {
                let opgaven = plan.opgaven.clone();
                let plan_voor_opgaven = plan.clone();
                view! {
                    <PlanBlad plan />
                    {opgaven
                        .into_iter()
                        .map(|opgave| view! { <OpgaveBlad plan=plan_voor_opgaven.clone() opgave /> })
                        .collect_view()}
                }
            })
            .collect_view()}
    }
    .into_any()
}

/// Share afgerond, number of acties and worst health of a roll-up.
#[component]
fn Cijfers(rollup: DiaRollup) -> impl IntoView {
    let t = t();
    view! {
        <dl class="afdruk-cijfers">
            <div><dt>{t.afgerond}</dt><dd>{procent_tekst(rollup.aandeel_afgerond)}</dd></div>
            <div><dt>{t.aantal_acties}</dt><dd>{rollup.totaal}</dd></div>
            <div><dt>{t.gezondheid}</dt><dd><GezondheidLabel gezondheid=rollup.slechtste_gezondheid /></dd></div>
        </dl>
    }
}

/// A plan's sheet: its figures, a place for its trend, and per opgave the share afgerond and every health.
#[component]
fn PlanBlad(plan: Plan) -> impl IntoView {
    let tp = tp();
    let (trend_id, trend_titel) = (plan.id.clone(), plan.titel.clone());
    let boven = format!(
        "{} · {} {}",
        plan.thema,
        label(plan.soort),
        (t().periode_tekst)(plan.periode.0, plan.periode.1)
    );
    view! {
        <section class="blad" data-testid="blad" data-soort="plan" data-id=plan.id.clone()>
            <p class="blad-boven">{boven}</p>
            <h2 class="utrecht-heading-2">{plan.titel}</h2>
            <Cijfers rollup=plan.rollup />
            <div class="afdruk-trend" data-plek="trend">
                <PlanTrend id=trend_id titel=trend_titel van_jaar=plan.periode.0 zonder_vertrouwelijk=true />
            </div>
            <table class="utrecht-table afdruk-tabel">
                <caption class="utrecht-table__caption">{tp.opgaven}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th scope="col" class="utrecht-table__header-cell">{tp.kolom_opgave}</th>
                        <th scope="col" class="utrecht-table__header-cell getal">{t().afgerond}</th>
                        {Gezondheid::ALL
                            .iter()
                            .map(|&g| view! { <th scope="col" class="utrecht-table__header-cell getal">{label(g)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">
                    {plan
                        .opgaven
                        .into_iter()
                        .map(|o| {
                            let tellingen = o.rollup.per_gezondheid();
                            view! {
                                <tr class="utrecht-table__row">
                                    <th scope="row" class="utrecht-table__header-cell">{o.titel}</th>
                                    <td class="utrecht-table__cell getal">{procent_tekst(o.rollup.aandeel_afgerond)}</td>
                                    {tellingen
                                        .into_iter()
                                        .map(|(_, n)| view! { <td class="utrecht-table__cell getal">{n}</td> })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// An opgave's sheet: its figures and every shown actie.
#[component]
fn OpgaveBlad(plan: Plan, opgave: Opgave) -> impl IntoView {
    let tp = tp();
    let boven = format!("{} · {}", plan.thema, plan.titel);
    let rijen = opgave
        .acties
        .into_iter()
        .map(|a| {
            let gezondheid = a.gezondheid.map_or(tp.niet_gemeld, label);
            let voortgang = a.voortgang.map_or_else(
                || tp.niet_gemeld.to_string(),
                |v| procent_tekst(f64::from(v.procent())),
            );
            view! {
                <tr class="utrecht-table__row" data-testid="afdruk-actie">
                    <th scope="row" class="utrecht-table__header-cell">{a.titel}</th>
                    <td class="utrecht-table__cell">{label(a.status)}</td>
                    <td class="utrecht-table__cell">{gezondheid}</td>
                    <td class="utrecht-table__cell getal">{voortgang}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="blad" data-testid="blad" data-soort="opgave" data-id=opgave.id.clone()>
            <p class="blad-boven">{boven}</p>
            <h2 class="utrecht-heading-2">{opgave.titel}</h2>
            <Cijfers rollup=opgave.rollup />
            <table class="utrecht-table afdruk-tabel">
                <caption class="utrecht-table__caption">{ta().acties}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th scope="col" class="utrecht-table__header-cell">{tp.kolom_actie}</th>
                        <th scope="col" class="utrecht-table__header-cell">{tp.kolom_status}</th>
                        <th scope="col" class="utrecht-table__header-cell">{tp.kolom_gezondheid}</th>
                        <th scope="col" class="utrecht-table__header-cell getal">{tp.kolom_voortgang}</th>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">{rijen}</tbody>
            </table>
        </section>
    }
}
