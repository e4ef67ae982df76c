//! The RVO dates section of the beheer page: the meetings by date, a new one, and per meeting a move to
//! another date and its removal (each with the versie read; on CONFLICT the panel with theirs next to mine),
//! and for a meeting of today or before the freeze of its snapshot, or who froze it when.

use crate::api::ApiError;
use crate::components::fout::uitleg;
use crate::i18n::trvo;
use crate::model::beheer_rvo::{
    NieuweVergadering, RvoStap, Stand, Vergadering, Verplaatsen, haal_vergaderingen, leg_stand_vast,
    maak_vergadering, voer_uit,
};
use crate::pages::beheer_conflict::Opslag;
use crate::pages::beheer_veld::Veld;
use crate::tijd::{moment, vandaag};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The section "RVO-vergaderingen".
#[component]
pub fn RvoDatums() -> impl IntoView {
    let tr = trvo();
    let lijst = RwSignal::new(Vec::<Vergadering>::new());
    let standen = RwSignal::new(Vec::<Stand>::new());
    let fout = RwSignal::new(None::<String>);
    let melding = RwSignal::new(None::<String>);
    let laad = move || {
        spawn_local(async move {
            match haal_vergaderingen().await {
                Ok((v, s)) => {
                    fout.set(None);
                    lijst.set(v);
                    standen.set(s);
                }
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    };
    laad();
    // Done with a notice, or (`None`) theirs taken: the list anew.
    let klaar = Callback::new(move |m: Option<String>| {
        melding.set(m);
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
                // Keyed by id and versie: a reloaded meeting gets a fresh row (its versie, no panel).
                <For each=move || lijst.get() key=|v| (v.id.clone(), v.versie) let:v>
                    <RvoRegel v standen klaar />
                </For>
            </ul>
            <NieuweRvo klaar />
        </section>
    }
}

/// The error of a freeze in words: a snapshot frozen already (BAD_USER_INPUT on `vergadering`) in words of
/// its own, otherwise the general explanation.
fn stand_fout(e: &ApiError) -> String {
    if e.veld_fouten().iter().any(|f| f.veld == "vergadering") {
        trvo().al_vastgelegd.to_string()
    } else {
        uitleg(e)
    }
}

#[component]
fn RvoRegel(v: Vergadering, standen: RwSignal<Vec<Stand>>, klaar: Callback<Option<String>>) -> impl IntoView {
    let tr = trvo();
    let datum = RwSignal::new(v.datum.clone());
    let vak = format!("rvo-datum-{}", v.id);
    let (id, versie) = (StoredValue::new(v.id.clone()), v.versie);
    let opslag = Opslag::<RvoStap>::new();
    let fout = opslag.fout;
    let stuur = move |stap: RvoStap| {
        opslag.stuur(stap, voer_uit, move || {
            klaar.run(Some(trvo().opgeslagen.to_string()))
        });
    };
    let verplaats = move |ev: SubmitEvent| {
        ev.prevent_default();
        stuur(RvoStap::Verplaatsen(Verplaatsen {
            id: id.get_value(),
            versie,
            datum: datum.get_untracked().trim().to_string(),
        }));
    };
    let weg = move |_| stuur(RvoStap::Verwijderen(id.get_value(), versie));
    let paneel = opslag.paneel(
        |s| Some(s.record()),
        move |s, nu| stuur(s.met_versie(nu)),
        Callback::new(move |()| klaar.run(None)),
        3,
    );
    let omschrijving = StoredValue::new(v.omschrijving.clone());
    let stand = move || {
        standen.with(|s| {
            s.iter()
                .find(|s| s.vergadering.as_ref().is_some_and(|m| m.id == id.get_value()))
                .cloned()
        })
    };
    let stand_fout_tekst = RwSignal::new(None::<String>);
    let vastleggen = move |_| {
        spawn_local(async move {
            match leg_stand_vast(&id.get_value()).await {
                Ok(()) => {
                    stand_fout_tekst.set(None);
                    klaar.run(Some((trvo().stand_opgeslagen)(&omschrijving.get_value())));
                }
                Err(e) => stand_fout_tekst.set(Some(stand_fout(&e))),
            }
        });
    };
    let begonnen = v.datum <= vandaag();
    let bevriezen = move || match stand() {
        Some(s) => {
            let m = moment(&s.vastgelegd_op);
            Some(
                view! {
                    <p class="utrecht-paragraph meta" data-testid="rvo-stand">
                        {(trvo().stand_vastgelegd)(&m.tekst, &s.door)}
                    </p>
                }
                .into_any(),
            )
        }
        None => begonnen.then(|| {
            view! {
                <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                    data-testid="rvo-stand-vastleggen" on:click=vastleggen>
                    {(trvo().stand_vastleggen)(&omschrijving.get_value())}
                </button>
            }
            .into_any()
        }),
    };
    view! {
        <li data-testid="rvo-regel" data-datum=v.datum.clone()>
            <form class="formulier rvo-regel" on:submit=verplaats>
                <span class="rvo-omschrijving">{format!("{} — {}", v.datum, v.omschrijving)}</span>
                {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert" data-testid="rvo-regel-fout">{f}</p> })}
                <label class="utrecht-form-label" for=vak.clone()>{(tr.nieuwe_datum)(&v.omschrijving)}</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" id=vak type="text" inputmode="numeric"
                    required data-testid="rvo-nieuwe-datum"
                    prop:value=move || datum.get() on:input=move |ev| datum.set(event_target_value(&ev)) />
                <button type="submit" class="utrecht-button utrecht-button--secondary-action knop-klein"
                    data-testid="rvo-verplaatsen">{(tr.verplaatsen)(&v.omschrijving)}</button>
                <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                    data-testid="rvo-verwijderen" on:click=weg>{(tr.verwijderen)(&v.omschrijving)}</button>
                {paneel}
            </form>
            {move || stand_fout_tekst.get().map(|f| view! { <p class="fout-melding" role="alert" data-testid="rvo-stand-fout">{f}</p> })}
            {bevriezen}
        </li>
    }
}

#[component]
fn NieuweRvo(klaar: Callback<Option<String>>) -> impl IntoView {
    let tr = trvo();
    let datum = RwSignal::new(String::new());
    let omschrijving = RwSignal::new(String::new());
    let opslag = Opslag::<NieuweVergadering>::new();
    let Opslag { velden, fout, .. } = opslag;
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let invoer = NieuweVergadering {
            datum: datum.get_untracked().trim().to_string(),
            omschrijving: omschrijving.get_untracked().trim().to_string(),
        };
        opslag.stuur(invoer, maak_vergadering, move || {
            datum.set(String::new());
            omschrijving.set(String::new());
            klaar.run(Some(trvo().opgeslagen.to_string()));
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
