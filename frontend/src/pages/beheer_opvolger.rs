//! Moving the open acties of an ending plan to its successor on the beheer page: the preview of where each goes
//! (optionally to a chosen opgave of the successor when none has the same title), then the move in one step.

use crate::i18n::tpl;
use crate::model::beheer_plannen::{BeheerOpgave, BeheerPlan, Verplaatsing, haal_verplaatsing, verplaats};
use crate::pages::beheer_veld::fout_tekst;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The part "open acties naar opvolger" of one plan's beheer.
#[component]
pub fn NaarOpvolger(plan: BeheerPlan, doelen: Vec<BeheerOpgave>) -> impl IntoView {
    let tp = tpl();
    let voorbeeld = RwSignal::new(None::<Verplaatsing>);
    let fout = RwSignal::new(None::<String>);
    let gedaan = RwSignal::new(None::<usize>);
    let naar = RwSignal::new(String::new());
    let id = StoredValue::new(plan.id.clone());
    let gekozen = move || {
        let n = naar.get_untracked();
        (!n.is_empty()).then_some(n)
    };
    let toon = move |_| {
        let id = id.get_value();
        let doel = gekozen();
        spawn_local(async move {
            match haal_verplaatsing(&id, doel.as_deref()).await {
                Ok(v) => {
                    fout.set(None);
                    voorbeeld.set(Some(v));
                }
                Err(e) => fout.set(Some(fout_tekst(&e))),
            }
        });
    };
    let zet_over = move |_| {
        let id = id.get_value();
        let doel = gekozen();
        spawn_local(async move {
            match verplaats(&id, doel.as_deref()).await {
                Ok(n) => {
                    fout.set(None);
                    voorbeeld.set(None);
                    gedaan.set(Some(n));
                }
                Err(e) => fout.set(Some(fout_tekst(&e))),
            }
        });
    };
    let inhoud = if plan.opvolger.is_none() {
        view! { <p class="utrecht-paragraph">{tp.eerst_opvolger}</p> }.into_any()
    } else {
        let opties = doelen
            .into_iter()
            .map(|o| view! { <option value=o.id>{o.titel}</option> })
            .collect_view();
        view! {
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="naar-opgave">{tp.naar_opgave}</label>
                // Another choice makes the preview shown stale: it goes, so the move always matches one.
                <select class="utrecht-select utrecht-select--html-select" id="naar-opgave" data-testid="naar-opgave"
                    on:change=move |ev| { naar.set(event_target_value(&ev)); voorbeeld.set(None); }>
                    <option value="">{tp.alleen_gelijk}</option>
                    {opties}
                </select>
            </div>
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop"
                data-testid="voorbeeld-tonen" on:click=toon>{tp.voorbeeld}</button>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="naar-opvolger-kop" data-testid="naar-opvolger">
            <h4 class="utrecht-heading-4" id="naar-opvolger-kop">{tp.naar_opvolger}</h4>
            {inhoud}
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert" data-testid="verplaatsing-fout">{f}</p> })}
            {move || gedaan.get().map(|n| view! { <p class="utrecht-paragraph" role="status" data-testid="verplaatst">{(tpl().verplaatst)(n)}</p> })}
            {move || voorbeeld.get().map(|v| view! { <Voorbeeld v zet_over /> })}
        </section>
    }
}

#[component]
fn Voorbeeld(v: Verplaatsing, zet_over: impl Fn(leptos::ev::MouseEvent) + 'static) -> impl IntoView {
    let tp = tpl();
    if v.regels.is_empty() {
        return view! { <p class="utrecht-paragraph leeg" data-testid="geen-open">{tp.geen_open}</p> }
            .into_any();
    }
    let n = v.regels.len();
    let weigering = (v.zonder_opgave > 0)
        .then(|| view! { <p class="fout-melding" role="alert">{(tp.zonder_opgave)(v.zonder_opgave)}</p> });
    let knop = (v.zonder_opgave == 0).then(|| {
        view! {
            <button type="button" class="utrecht-button utrecht-button--primary-action knop"
                data-testid="verplaatsen" on:click=zet_over>{(tp.verplaatsen)(n)}</button>
        }
    });
    let rijen = v
        .regels
        .into_iter()
        .map(|r| view! {
            <tr class="utrecht-table__row" data-testid="verplaatsing-regel">
                <td class="utrecht-table__cell">{r.actie.titel}</td>
                <td class="utrecht-table__cell">{r.van.titel}</td>
                <td class="utrecht-table__cell">{r.naar.map(|o| o.titel).unwrap_or_else(|| tp.geen_doel.to_string())}</td>
            </tr>
        })
        .collect_view();
    view! {
        <div class="tabel-houder">
            <table class="utrecht-table tabel" data-testid="verplaatsing">
                <caption class="utrecht-table__caption">{(tp.voorbeeld_kop)(&v.opvolger.titel)}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{tp.actie}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tp.van}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tp.naar}</th>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">{rijen}</tbody>
            </table>
        </div>
        {weigering}
        {knop}
    }
    .into_any()
}
