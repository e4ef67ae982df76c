//! The plan import on the beheer page: paste the TOML or CSV, or read a .toml, .csv or .xlsx file (the format
//! by its extension, or chosen), check it (a dry run: the records it would make and every problem by line), then
//! import it and tell the plans list; a content changed after the check must be checked again.

use crate::i18n::timp;
use crate::model::beheer_import::{Formaat, ImportVerslag, importeer};
use crate::pages::beheer_veld::fout_tekst;
use crate::pages::export::lees;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The section "Plan importeren"; `geimporteerd` is notified once a plan has been imported.
#[component]
pub fn PlanImport(geimporteerd: Trigger) -> impl IntoView {
    let t = timp();
    let formaat = RwSignal::new(Formaat::Toml);
    // TOML or CSV: the text; XLSX: the file's name and its bytes in base64.
    let tekst = RwSignal::new(String::new());
    let binair = RwSignal::new(None::<(String, String)>);
    let inhoud = move || match formaat.get() {
        Formaat::Xlsx => binair.with(|b| b.as_ref().map(|(_, i)| i.clone()).unwrap_or_default()),
        _ => tekst.get(),
    };
    // The dry run's report and what it checked.
    let verslag = RwSignal::new(None::<(ImportVerslag, (Formaat, String))>);
    let fout = RwSignal::new(None::<String>);
    let gedaan = RwSignal::new(None::<String>);
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let gekozen = move |_| {
        let Some(el) = input.get_untracked() else { return };
        let el: web_sys::HtmlInputElement = el.unchecked_into();
        spawn_local(async move {
            let Some(b) = lees(el).await else {
                fout.set(Some(timp().onleesbaar.to_string()));
                return;
            };
            fout.set(None);
            // The report was of what was there before.
            verslag.set(None);
            gedaan.set(None);
            if let Some(f) = Formaat::van_bestand(&b.naam) {
                formaat.set(f);
            }
            if b.xlsx {
                binair.set(Some((b.naam, b.inhoud)));
            } else {
                tekst.set(b.inhoud);
            }
        });
    };
    let stuur = move |droog: bool| {
        let gecontroleerd = (formaat.get_untracked(), untrack(inhoud));
        spawn_local(async move {
            match importeer(gecontroleerd.0, gecontroleerd.1.clone(), droog).await {
                Ok(v) => {
                    fout.set(None);
                    if v.toegepast {
                        gedaan.set(v.actieplan.as_ref().map(|p| (timp().geimporteerd)(&p.titel)));
                        verslag.set(None);
                        tekst.set(String::new());
                        binair.set(None);
                        // The file is done with: choosing it again is a change.
                        if let Some(el) = input.get_untracked() {
                            el.set_value("");
                        }
                        geimporteerd.notify();
                    } else {
                        gedaan.set(None);
                        verslag.set(Some((v, gecontroleerd)));
                    }
                }
                Err(e) => fout.set(Some(fout_tekst(&e))),
            }
        });
    };
    let formaten = Formaat::ALLE
        .into_iter()
        .map(|f| {
            view! { <option value=f.naam() selected=move || formaat.get() == f>{(timp().formaat_naam)(f.naam())}</option> }
        })
        .collect_view();
    let invoer = move || {
        match formaat.get() {
        Formaat::Xlsx => {
            let tekst = match binair.get() {
                Some((naam, _)) => (timp().xlsx_gelezen)(&naam),
                None => timp().geen_xlsx.to_string(),
            };
            view! { <p class="utrecht-paragraph" data-testid="import-xlsx">{tekst}</p> }.into_any()
        }
        _ => view! {
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="import-toml">{timp().tekst}</label>
                <textarea class="utrecht-textarea utrecht-textbox import-tekst" id="import-toml" rows="12" spellcheck="false"
                    data-testid="import-toml" prop:value=move || tekst.get()
                    on:input=move |ev| tekst.set(event_target_value(&ev))></textarea>
            </div>
        }
        .into_any(),
    }
    };
    view! {
        <section aria-labelledby="import-kop" data-testid="plan-import">
            <h2 class="utrecht-heading-2" id="import-kop">{t.titel}</h2>
            <p class="utrecht-paragraph">{t.intro}</p>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert" data-testid="import-fout">{f}</p> })}
            {move || gedaan.get().map(|m| view! { <p class="utrecht-paragraph" role="status" data-testid="import-gedaan">{m}</p> })}
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="import-bestand">{t.bestand}</label>
                <input class="utrecht-textbox" id="import-bestand" type="file" node_ref=input
                    accept=".toml,.csv,.xlsx,text/plain,text/csv" data-testid="import-bestand" on:change=gekozen />
            </div>
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="import-formaat">{t.formaat}</label>
                <select class="utrecht-select utrecht-select--html-select" id="import-formaat" data-testid="import-formaat"
                    on:change=move |ev| formaat.set(Formaat::van_naam(&event_target_value(&ev)))>{formaten}</select>
            </div>
            {invoer}
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop"
                data-testid="import-controleren" on:click=move |_| stuur(true)>{t.controleren}</button>
            {move || verslag.get().map(|(v, gecontroleerd)| view! {
                <Verslag v actueel=Signal::derive(move || (formaat.get(), inhoud()) == gecontroleerd) importeren=move || stuur(false) />
            })}
        </section>
    }
}

#[component]
fn Verslag(
    v: ImportVerslag,
    actueel: Signal<bool>,
    importeren: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = timp();
    let n = v.te_maken.len();
    let rijen = v
        .te_maken
        .into_iter()
        .map(|r| {
            view! {
                <tr class="utrecht-table__row" data-testid="import-record">
                    <td class="utrecht-table__cell">{r.regel}</td>
                    <td class="utrecht-table__cell">{r.soort}</td>
                    <td class="utrecht-table__cell"><code>{r.sleutel}</code></td>
                    <td class="utrecht-table__cell">{r.titel}</td>
                </tr>
            }
        })
        .collect_view();
    let zonder = v.problemen.is_empty();
    let problemen = (!zonder).then(|| {
        let k = v.problemen.len();
        let lijst = v
            .problemen
            .into_iter()
            .map(|p| {
                let tekst = match p.regel {
                    Some(r) => (t.probleem_op)(r, &p.melding),
                    None => p.melding,
                };
                view! { <li data-testid="import-probleem" data-regel=p.regel.map(|r| r.to_string())>{tekst}</li> }
            })
            .collect_view();
        view! {
            <div role="alert" data-testid="import-problemen">
                <h3 class="utrecht-heading-3">{(t.problemen)(k)}</h3>
                <ul>{lijst}</ul>
            </div>
        }
    });
    view! {
        {problemen}
        {zonder.then(|| view! { <p class="utrecht-paragraph" role="status" data-testid="import-in-orde">{t.geen_problemen}</p> })}
        <div class="tabel-houder">
            <table class="utrecht-table tabel" data-testid="import-verslag">
                <caption class="utrecht-table__caption">{(t.te_maken)(n)}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{t.regel}</th>
                        <th class="utrecht-table__header-cell" scope="col">{t.soort}</th>
                        <th class="utrecht-table__header-cell" scope="col">{t.sleutel}</th>
                        <th class="utrecht-table__header-cell" scope="col">{t.naam}</th>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">{rijen}</tbody>
            </table>
        </div>
        {move || match (zonder, actueel.get()) {
            (true, true) => Some(view! {
                <button type="button" class="utrecht-button utrecht-button--primary-action knop"
                    data-testid="import-toepassen" on:click=move |_| importeren()>{timp().importeren}</button>
            }.into_any()),
            (true, false) => Some(view! { <p class="utrecht-paragraph" role="status">{timp().opnieuw_controleren}</p> }.into_any()),
            _ => None,
        }}
    }
}
