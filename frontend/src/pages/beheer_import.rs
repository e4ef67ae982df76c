//! The plan import on the beheer page: paste the TOML or read a file, check it (a dry run: the records it would
//! make and every problem by line), then import it; a text changed after the check must be checked again.

use crate::i18n::timp;
use crate::model::beheer_import::{ImportVerslag, importeer};
use crate::pages::beheer_veld::fout_tekst;
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Reads the first file chosen in the input of `ev` into `tekst` (the browser's `File.text()`).
fn lees_bestand(ev: &leptos::ev::Event, tekst: RwSignal<String>) {
    let bestand = ev
        .target()
        .and_then(|t| Reflect::get(&t, &JsValue::from_str("files")).ok())
        .and_then(|f| Reflect::get(&f, &JsValue::from_f64(0.0)).ok())
        .filter(|b| !b.is_undefined() && !b.is_null());
    let Some(bestand) = bestand else {
        return;
    };
    let belofte = Reflect::get(&bestand, &JsValue::from_str("text"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&bestand).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok());
    if let Some(p) = belofte {
        let klaar = Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
            tekst.set(v.as_string().unwrap_or_default());
        });
        let _ = p.then(&klaar);
        // Called once, later, by the browser: it must outlive this function (one small closure per file read).
        klaar.forget();
    }
}

/// The section "Plan importeren".
#[component]
pub fn PlanImport() -> impl IntoView {
    let t = timp();
    let tekst = RwSignal::new(String::new());
    // The dry run's report and the text it checked.
    let verslag = RwSignal::new(None::<(ImportVerslag, String)>);
    let fout = RwSignal::new(None::<String>);
    let gedaan = RwSignal::new(None::<String>);
    let stuur = move |droog: bool| {
        let toml = tekst.get_untracked();
        spawn_local(async move {
            match importeer(toml.clone(), droog).await {
                Ok(v) => {
                    fout.set(None);
                    if v.toegepast {
                        gedaan.set(v.actieplan.as_ref().map(|p| (timp().geimporteerd)(&p.titel)));
                        verslag.set(None);
                        tekst.set(String::new());
                    } else {
                        gedaan.set(None);
                        verslag.set(Some((v, toml)));
                    }
                }
                Err(e) => fout.set(Some(fout_tekst(&e))),
            }
        });
    };
    view! {
        <section aria-labelledby="import-kop" data-testid="plan-import">
            <h2 class="utrecht-heading-2" id="import-kop">{t.titel}</h2>
            <p class="utrecht-paragraph">{t.intro}</p>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert" data-testid="import-fout">{f}</p> })}
            {move || gedaan.get().map(|m| view! { <p class="utrecht-paragraph" role="status" data-testid="import-gedaan">{m}</p> })}
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="import-bestand">{t.bestand}</label>
                <input class="utrecht-textbox" id="import-bestand" type="file" accept=".toml,text/plain"
                    data-testid="import-bestand" on:change=move |ev| lees_bestand(&ev, tekst) />
            </div>
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="import-toml">{t.tekst}</label>
                <textarea class="utrecht-textarea utrecht-textbox import-tekst" id="import-toml" rows="12" spellcheck="false"
                    data-testid="import-toml" prop:value=move || tekst.get()
                    on:input=move |ev| tekst.set(event_target_value(&ev))></textarea>
            </div>
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop"
                data-testid="import-controleren" on:click=move |_| stuur(true)>{t.controleren}</button>
            {move || verslag.get().map(|(v, gecontroleerd)| view! {
                <Verslag v actueel=Signal::derive(move || tekst.get() == gecontroleerd) importeren=move || stuur(false) />
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
