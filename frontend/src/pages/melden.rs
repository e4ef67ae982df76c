//! The progress-report form on the Actie view: status, health with reason, progress and a note. Errors stand
//! next to their field (the shared rules first, then the server's); the input is kept as a draft; on a version
//! conflict it shows what the other person changed and applies the same input again on request.

use crate::api::{ApiError, onbereikbaar};
use crate::components::fout::uitleg;
use crate::components::{ConflictMelding, VeldFouten};
use crate::concept;
use crate::i18n::{label, tm};
use crate::model::actie::haal_actie;
use crate::model::actie_regel::ActieRegel;
use crate::model::melden::{Melding, meld};
use koers_shared::{FieldError, Gezondheid, Status};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn beginstand(a: &ActieRegel) -> Melding {
    Melding::van(
        a.status,
        a.gezondheid,
        a.gezondheid_reden.as_deref(),
        a.voortgang.map(|v| v.procent()),
    )
}

/// The form (`data-testid="melden-formulier"`), for who may change this actie.
#[component]
pub fn VoortgangFormulier(
    /// The actie as loaded.
    actie: ActieRegel,
    /// Reloads the page's data (after a save, or when the input is discarded).
    geladen: Callback<()>,
) -> impl IntoView {
    let t = tm();
    let concept_naam = format!("melden.{}", actie.id);
    let hersteld = concept::lees::<Melding>(&concept_naam);
    let invoer = RwSignal::new(hersteld.clone().unwrap_or_else(|| beginstand(&actie)));
    let concept_terug = RwSignal::new(hersteld.is_some());
    let basis = RwSignal::new(actie);
    let fouten = RwSignal::new(Vec::<FieldError>::new());
    let bericht = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<ActieRegel>);
    let bezig = RwSignal::new(false);

    let naam = concept_naam.clone();
    let wijzig = move |f: fn(&mut Melding, String), waarde: String| {
        invoer.update(|m| f(m, waarde));
        concept::bewaar(&naam, &invoer.get_untracked());
    };
    let naam = concept_naam.clone();
    let verstuur = move || {
        let a = basis.get_untracked();
        let variabelen = match invoer.get_untracked().invoer(&a.id, a.versie()) {
            Ok(v) => v,
            Err(f) => {
                fouten.set(f);
                return;
            }
        };
        fouten.set(Vec::new());
        bericht.set(None);
        bezig.set(true);
        let naam = naam.clone();
        spawn_local(async move {
            let r = meld(variabelen).await;
            bezig.set(false);
            match r {
                Ok(versie) => {
                    concept::wis(&naam);
                    bericht.set(Some((tm().opgeslagen)(versie)));
                    geladen.run(());
                }
                Err(e) if e.code() == Some("CONFLICT") => match haal_actie(&a.id).await {
                    Ok(Some(nu)) => conflict.set(Some(nu)),
                    Ok(None) => bericht.set(Some(uitleg(&e))),
                    Err(e) => bericht.set(Some(uitleg(&e))),
                },
                Err(e) => bericht.set(Some(reden(&e, fouten))),
            }
        });
    };
    let verstuur2 = verstuur.clone();

    let opnieuw = Callback::new(move |()| {
        if let Some(nu) = conflict.get_untracked() {
            let oud = beginstand(&basis.get_untracked());
            invoer.update(|m| *m = m.opnieuw_op(&oud, &beginstand(&nu)));
            basis.set(nu);
            conflict.set(None);
            verstuur2();
        }
    });
    let naam = concept_naam.clone();
    let weggooien = Callback::new(move |()| {
        concept::wis(&naam);
        conflict.set(None);
        concept_terug.set(false);
        invoer.set(beginstand(&basis.get_untracked()));
        geladen.run(());
    });
    let fout_van = move |veld| VeldFouten(fouten).melding(veld);
    let ongeldig = move |veld| VeldFouten(fouten).ongeldig(veld);
    let status_opties = keuze_opties(Status::ALL, Signal::derive(move || invoer.read().status.clone()));
    let gezondheid_opties = keuze_opties(
        Gezondheid::ALL,
        Signal::derive(move || invoer.read().gezondheid.clone()),
    );

    view! {
        <section class="melden" aria-labelledby="melden-kop" data-testid="melden-formulier">
            <h2 class="utrecht-heading-2" id="melden-kop">{t.titel}</h2>
            {move || concept_terug.get().then(|| view! {
                <p class="concept" role="status" data-testid="concept-hersteld">{t.concept_terug}</p>
            })}
            {move || (!fouten.read().is_empty()).then(|| view! {
                <div class="fout-melding" role="alert" data-testid="melden-fouten">
                    <p>{t.fouten_kop}</p>
                    <ul>{fouten.get().into_iter().map(|f| view! {
                        <li><a class="utrecht-link" href=format!("#veld-{}", f.veld)>{crate::i18n::melding_tekst(&f.melding)}</a></li>
                    }).collect_view()}</ul>
                </div>
            })}
            {move || conflict.get().map(|nu| view! {
                <ConflictMelding oud=basis.get_untracked() nu opnieuw weggooien in_sectie=true />
            })}
            <form class="formulier" novalidate on:submit=move |ev: SubmitEvent| { ev.prevent_default(); verstuur(); }>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-status">{t.status}</label>
                    <select class="utrecht-select utrecht-select--html-select" id="veld-status" data-testid="veld-status"
                        aria-invalid=ongeldig("status") aria-describedby="fout-status"
                        on:change={let w = wijzig.clone(); move |ev| w(|m, v| m.status = v, event_target_value(&ev))}>
                        {status_opties}
                    </select>
                    <p class="utrecht-form-field-error-message" id="fout-status">{fout_van("status")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-gezondheid">{t.gezondheid}</label>
                    <select class="utrecht-select utrecht-select--html-select" id="veld-gezondheid" data-testid="veld-gezondheid"
                        aria-invalid=ongeldig("gezondheid") aria-describedby="fout-gezondheid"
                        on:change={let w = wijzig.clone(); move |ev| w(|m, v| m.gezondheid = v, event_target_value(&ev))}>
                        <option value="" selected=move || invoer.read().gezondheid.is_empty()>{t.geen_gezondheid}</option>
                        {gezondheid_opties}
                    </select>
                    <p class="utrecht-form-field-error-message" id="fout-gezondheid">{fout_van("gezondheid")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-gezondheidReden">{t.reden}</label>
                    <p class="utrecht-form-field-description" id="hint-reden">{t.reden_hint}</p>
                    <textarea class="utrecht-textarea utrecht-textbox" id="veld-gezondheidReden" data-testid="veld-reden" rows="3"
                        aria-invalid=ongeldig("gezondheidReden") aria-describedby="hint-reden fout-gezondheidReden"
                        prop:value=move || invoer.read().reden.clone()
                        on:input={let w = wijzig.clone(); move |ev| w(|m, v| m.reden = v, event_target_value(&ev))}></textarea>
                    <p class="utrecht-form-field-error-message" id="fout-gezondheidReden" data-testid="fout-gezondheidReden">{fout_van("gezondheidReden")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-voortgang">{t.voortgang}</label>
                    <input class="utrecht-textbox utrecht-textbox--html-input" id="veld-voortgang" data-testid="veld-voortgang"
                        type="text" inputmode="numeric"
                        aria-invalid=ongeldig("voortgang") aria-describedby="fout-voortgang"
                        prop:value=move || invoer.read().voortgang.clone()
                        on:input={let w = wijzig.clone(); move |ev| w(|m, v| m.voortgang = v, event_target_value(&ev))} />
                    <p class="utrecht-form-field-error-message" id="fout-voortgang" data-testid="fout-voortgang">{fout_van("voortgang")}</p>
                </div>
                <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for="veld-toelichting">{t.toelichting}</label>
                    <textarea class="utrecht-textarea utrecht-textbox" id="veld-toelichting" data-testid="veld-toelichting" rows="3"
                        aria-invalid=ongeldig("toelichting") aria-describedby="fout-toelichting"
                        prop:value=move || invoer.read().toelichting.clone()
                        on:input={let w = wijzig.clone(); move |ev| w(|m, v| m.toelichting = v, event_target_value(&ev))}></textarea>
                    <p class="utrecht-form-field-error-message" id="fout-toelichting">{fout_van("toelichting")}</p>
                </div>
                <p class="knoppen">
                    <button type="submit" class="utrecht-button utrecht-button--primary-action" data-testid="melden-opslaan"
                        prop:disabled=move || bezig.get()>{t.opslaan}</button>
                    " "
                    {move || concept_terug.get().then(|| view! {
                        <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| weggooien.run(())>{t.concept_weg}</button>
                    })}
                </p>
                {move || bericht.get().map(|b| view! { <p role="status" data-testid="melden-bericht">{b}</p> })}
            </form>
        </section>
    }
}

/// `<option>`s for every value of a wire enum (value: its GraphQL name, text: its label), `gekozen` selected.
pub fn keuze_opties<T>(alle: &'static [T], gekozen: Signal<String>) -> impl IntoView + use<T>
where
    T: Copy + miniserde::Serialize + crate::i18n::labels::Label + Send + Sync + 'static,
{
    alle.iter()
        .map(|w| {
            let waarde = crate::api::graphql_naam(w);
            let zelfde = waarde.clone();
            view! { <option value=waarde selected=move || gekozen.read() == zelfde>{label(*w)}</option> }
        })
        .collect_view()
}

/// The words for a failed save; per-field problems go next to their fields.
fn reden(e: &ApiError, fouten: RwSignal<Vec<FieldError>>) -> String {
    let velden = e.veld_fouten();
    if !velden.is_empty() {
        fouten.set(velden.into_iter().map(|f| f.veld_fout()).collect());
        return tm().fouten_kop.to_string();
    }
    if onbereikbaar(e) {
        return tm().niet_verstuurd.to_string();
    }
    uitleg(e)
}
