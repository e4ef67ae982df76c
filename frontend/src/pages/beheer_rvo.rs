//! The RVO dates section of the beheer page: the meetings by date, a new one, and per meeting a move to
//! another date and its removal (each with the versie read; CONFLICT says so).

use crate::components::fout::uitleg;
use crate::components::veld_fouten::VeldFouten;
use crate::i18n::trvo;
use crate::model::beheer_rvo::{
    NieuweVergadering, Vergadering, Verplaatsen, haal_vergaderingen, maak_vergadering, verplaats_vergadering,
    verwijder_vergadering,
};
use crate::pages::beheer_veld::{Veld, fout_tekst, toon_fout};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The section "RVO-vergaderingen".
#[component]
pub fn RvoDatums() -> impl IntoView {
    let tr = trvo();
    let lijst = RwSignal::new(Vec::<Vergadering>::new());
    let fout = RwSignal::new(None::<String>);
    let melding = RwSignal::new(None::<String>);
    let laad = move || {
        spawn_local(async move {
            match haal_vergaderingen().await {
                Ok(v) => lijst.set(v),
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    };
    laad();
    let klaar = Callback::new(move |r: Result<(), String>| {
        match r {
            Ok(()) => {
                fout.set(None);
                melding.set(Some(trvo().opgeslagen.to_string()));
            }
            Err(f) => {
                melding.set(None);
                fout.set(Some(f));
            }
        }
        laad();
    });
    view! {
        <section aria-labelledby="rvo-kop" data-testid="rvo-beheer">
            <h2 class="utrecht-heading-2" id="rvo-kop">{tr.titel}</h2>
            <p class="utrecht-paragraph">{tr.intro}</p>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert" data-testid="rvo-fout">{f}</p> })}
            {move || melding.get().map(|m| view! { <p class="utrecht-paragraph" role="status" data-testid="rvo-opgeslagen">{m}</p> })}
            {move || lijst.read().is_empty().then(|| view! { <p class="utrecht-paragraph leeg">{trvo().geen}</p> })}
            <ul class="rvo-lijst">
                <For each=move || lijst.get() key=|v| (v.id.clone(), v.versie) let:v>
                    <RvoRegel v klaar />
                </For>
            </ul>
            <NieuweRvo klaar />
        </section>
    }
}

#[component]
fn RvoRegel(v: Vergadering, klaar: Callback<Result<(), String>>) -> impl IntoView {
    let tr = trvo();
    let datum = RwSignal::new(v.datum.clone());
    let vak = format!("rvo-datum-{}", v.id);
    let (id, versie) = (StoredValue::new(v.id.clone()), v.versie);
    let verplaats = move |ev: SubmitEvent| {
        ev.prevent_default();
        let invoer = Verplaatsen {
            id: id.get_value(),
            versie,
            datum: datum.get_untracked().trim().to_string(),
        };
        spawn_local(async move {
            let r = verplaats_vergadering(invoer).await.map_err(|e| fout_tekst(&e));
            klaar.run(r);
        });
    };
    let weg = move |_| {
        spawn_local(async move {
            let r = verwijder_vergadering(&id.get_value(), versie)
                .await
                .map_err(|e| fout_tekst(&e));
            klaar.run(r);
        });
    };
    view! {
        <li data-testid="rvo-regel" data-datum=v.datum.clone()>
            <form class="formulier rvo-regel" on:submit=verplaats>
                <span class="rvo-omschrijving">{format!("{} — {}", v.datum, v.omschrijving)}</span>
                <label class="utrecht-form-label" for=vak.clone()>{(tr.nieuwe_datum)(&v.omschrijving)}</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" id=vak type="text" inputmode="numeric"
                    required data-testid="rvo-nieuwe-datum"
                    prop:value=move || datum.get() on:input=move |ev| datum.set(event_target_value(&ev)) />
                <button type="submit" class="utrecht-button utrecht-button--secondary-action knop-klein"
                    data-testid="rvo-verplaatsen">{(tr.verplaatsen)(&v.omschrijving)}</button>
                <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                    data-testid="rvo-verwijderen" on:click=weg>{(tr.verwijderen)(&v.omschrijving)}</button>
            </form>
        </li>
    }
}

#[component]
fn NieuweRvo(klaar: Callback<Result<(), String>>) -> impl IntoView {
    let tr = trvo();
    let datum = RwSignal::new(String::new());
    let omschrijving = RwSignal::new(String::new());
    let velden = VeldFouten::new();
    let fout = RwSignal::new(None::<String>);
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let invoer = NieuweVergadering {
            datum: datum.get_untracked().trim().to_string(),
            omschrijving: omschrijving.get_untracked().trim().to_string(),
        };
        spawn_local(async move {
            match maak_vergadering(invoer).await {
                Ok(()) => {
                    velden.0.set(Vec::new());
                    fout.set(None);
                    datum.set(String::new());
                    omschrijving.set(String::new());
                    klaar.run(Ok(()));
                }
                Err(e) => toon_fout(&e, velden, fout),
            }
        });
    };
    view! {
        <form class="formulier" on:submit=verstuur data-testid="rvo-formulier">
            <h3 class="utrecht-heading-3">{tr.nieuw}</h3>
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert">{f}</p> })}
            <Veld id="rvo-datum" veld="datum" label=tr.datum waarde=datum velden soort="text" />
            <Veld id="rvo-omschrijving" veld="omschrijving" label=tr.omschrijving waarde=omschrijving velden soort="text" />
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="rvo-toevoegen">{tr.toevoegen}</button>
        </form>
    }
}
