//! The export links (CSV and XLSX, served by `/export/…` with the session cookie) and, on a plan page for who
//! may change its acties, the re-import of an edited export: check (a dry run listing each row), then apply.

use crate::i18n::tx;
use crate::model::export::{ImportVerslag, importeer};
use base64::Engine;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Links to `{pad}.csv` and `{pad}.xlsx` (`data-testid="export-csv"`, `"export-xlsx"`).
#[component]
pub fn ExportLinks(
    /// The export's path without extension, e.g. `/export/alles`.
    pad: String,
) -> impl IntoView {
    let x = tx();
    view! {
        <p class="export-links meta" data-testid="export-links">
            <span class="meta-label">{x.exporteren}": "</span>
            <a class="utrecht-link" href=format!("{pad}.csv") download="" data-testid="export-csv">"CSV"</a>
            <span class="scheiding" aria-hidden="true">" · "</span>
            <a class="utrecht-link" href=format!("{pad}.xlsx") download="" data-testid="export-xlsx">"XLSX"</a>
        </p>
    }
}

/// A file chosen in a file input, read as the API takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Gelezen {
    /// Its name in lower case (for its extension).
    pub naam: String,
    /// Whether it is XLSX (by its extension).
    pub xlsx: bool,
    /// Its content: XLSX in base64, anything else as text (CSV, TOML).
    pub inhoud: String,
}

/// Reads the file chosen in `input` (`None`: none chosen, or unreadable).
pub async fn lees(input: web_sys::HtmlInputElement) -> Option<Gelezen> {
    let file = input.files()?.get(0)?;
    let naam = file.name().to_lowercase();
    let xlsx = naam.ends_with(".xlsx");
    let inhoud = if xlsx {
        let buf = JsFuture::from(file.array_buffer()).await.ok()?;
        let bytes = js_sys::Uint8Array::new(&buf).to_vec();
        base64::engine::general_purpose::STANDARD.encode(bytes)
    } else {
        JsFuture::from(file.text()).await.ok()?.as_string()?
    };
    Some(Gelezen { naam, xlsx, inhoud })
}

/// Upload, dry run and apply of an edited export (`data-testid="voortgang-import"`).
#[component]
pub fn VoortgangImport() -> impl IntoView {
    let x = tx();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let verslag: RwSignal<Option<Result<ImportVerslag, String>>> = RwSignal::new(None);
    let bezig = RwSignal::new(false);
    let stuur = move |droog: bool| {
        let Some(el) = input.get() else { return };
        let el: web_sys::HtmlInputElement = el.unchecked_into();
        bezig.set(true);
        leptos::task::spawn_local(async move {
            let uit = match lees(el).await {
                None => Err(x.onleesbaar.to_string()),
                Some(b) => importeer(b.xlsx, b.inhoud, droog)
                    .await
                    .map_err(|e| e.to_string()),
            };
            verslag.set(Some(uit));
            bezig.set(false);
        });
    };
    let uitslag = move || {
        verslag.get().map(|v| match v {
            Err(fout) => view! { <p class="utrecht-alert" role="alert" data-testid="import-fout">{fout}</p> }
                .into_any(),
            Ok(v) => view! { <Verslag v /> }.into_any(),
        })
    };
    view! {
        <section class="voortgang-import" aria-labelledby="voortgang-import-kop" data-testid="voortgang-import">
            <h2 class="utrecht-heading-2" id="voortgang-import-kop">{x.import_titel}</h2>
            <p>{x.import_intro}</p>
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="import-bestand">{x.bestand}</label>
                <input id="import-bestand" type="file" accept=".csv,.xlsx,text/csv" node_ref=input data-testid="import-bestand" />
            </div>
            <p>
                <button type="button" class="utrecht-button utrecht-button--secondary-action" data-testid="import-controleren"
                    disabled=move || bezig.get() on:click=move |_| stuur(true)>{x.controleren}</button>
                " "
                <button type="button" class="utrecht-button utrecht-button--primary-action" data-testid="import-toepassen"
                    disabled=move || bezig.get() on:click=move |_| stuur(false)>{x.toepassen}</button>
            </p>
            {uitslag}
        </section>
    }
}

/// The rows and problems of one import (`data-testid="import-verslag"`).
#[component]
fn Verslag(v: ImportVerslag) -> impl IntoView {
    let x = tx();
    let gewijzigd = v.regels.iter().filter(|r| r.uitkomst == "GEWIJZIGD").count();
    let melding = if !v.problemen.is_empty() {
        x.problemen.to_string()
    } else if v.toegepast {
        (x.toegepast)(gewijzigd)
    } else {
        (x.klaar)(gewijzigd)
    };
    let problemen = (!v.problemen.is_empty()).then(|| {
        let rijen = v
            .problemen
            .iter()
            .map(|p| {
                view! {
                    <tr data-testid="import-probleem" data-code=p.code.clone()>
                        <td>{p.regel.map(|r| r.to_string()).unwrap_or_default()}</td>
                        <td>{p.veld.clone().unwrap_or_default()}</td>
                        <td>{(x.probleem_tekst)(&p.code, &p.melding, p.huidige_versie)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="utrecht-table">
                <thead><tr><th scope="col">{x.regel}</th><th scope="col">{x.veld}</th><th scope="col">{x.melding}</th></tr></thead>
                <tbody>{rijen}</tbody>
            </table>
        }
    });
    let rijen = v
        .regels
        .iter()
        .map(|r| {
            view! {
                <tr data-testid="import-regel" data-uitkomst=r.uitkomst.clone() data-actie=r.actie.clone()>
                    <td>{r.regel}</td>
                    <td>{r.titel.clone()}</td>
                    <td>
                        {(x.uitkomst_tekst)(&r.uitkomst)}
                        {(!r.genegeerd.is_empty()).then(|| view! {
                            <span class="import-genegeerd" data-testid="import-genegeerd">
                                " " {(x.genegeerd)(&r.genegeerd.join(", "))}
                            </span>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div data-testid="import-verslag" data-toegepast=v.toegepast.to_string()>
            <p role="status" data-testid="import-melding">{melding}</p>
            {problemen}
            <table class="utrecht-table">
                <caption>{x.regels}</caption>
                <thead><tr><th scope="col">{x.regel}</th><th scope="col">{x.actie}</th><th scope="col">{x.uitkomst}</th></tr></thead>
                <tbody>{rijen}</tbody>
            </table>
        </div>
    }
}
