//! The users section of the beheer page: every user with role, thema's and active (changed with the versie read), a
//! password reset per user, and a new user (name, gebruikersnaam, wachtwoord, rol, thema's).

use crate::components::fout::uitleg;
use crate::i18n::tg;
use crate::model::beheer::ThemaKeuze;
use crate::model::beheer_gebruikers::{
    Gebruiker, GebruikerWijziging, NieuweGebruiker, ROLLEN, haal_gebruikers, herstel_wachtwoord,
    maak_gebruiker, wijzig_gebruiker,
};
use crate::pages::beheer_conflict::Opslag;
use crate::pages::beheer_veld::{Veld, fout_tekst};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The section "Gebruikers".
#[component]
pub fn Gebruikers() -> impl IntoView {
    let t = tg();
    let lijst = RwSignal::new(Vec::<Gebruiker>::new());
    let themas = RwSignal::new(Vec::<ThemaKeuze>::new());
    let fout = RwSignal::new(None::<String>);
    let melding = RwSignal::new(None::<String>);
    let laad = move || {
        spawn_local(async move {
            match haal_gebruikers().await {
                Ok(d) => {
                    lijst.set(d.gebruikers);
                    themas.set(d.themas);
                }
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    };
    laad();
    let klaar = Callback::new(move |r: Result<(), String>| {
        match r {
            Ok(()) => {
                fout.set(None);
                melding.set(Some(tg().opgeslagen.to_string()));
            }
            Err(f) => {
                melding.set(None);
                fout.set(Some(f));
            }
        }
        laad();
    });
    view! {
        <section aria-labelledby="gebruikers-kop" data-testid="gebruikers">
            <h2 class="utrecht-heading-2" id="gebruikers-kop">{t.titel}</h2>
            <p class="utrecht-paragraph">{t.intro}</p>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert" data-testid="gebruiker-fout">{f}</p> })}
            {move || melding.get().map(|m| view! { <p class="utrecht-paragraph" role="status" data-testid="gebruiker-opgeslagen">{m}</p> })}
            <ul class="gebruikers-lijst">
                <For each=move || lijst.get() key=|g| (g.id.clone(), g.versie) let:g>
                    <GebruikerRegel g themas klaar />
                </For>
            </ul>
            <NieuweGebruikerFormulier themas klaar />
        </section>
    }
}

fn rol_opties(huidig: &str) -> impl IntoView + use<> {
    let t = tg();
    ROLLEN
        .iter()
        .map(|r| view! { <option value=*r selected=*r == huidig>{(t.rol_naam)(r)}</option> })
        .collect_view()
}

#[component]
fn GebruikerRegel(
    g: Gebruiker,
    themas: RwSignal<Vec<ThemaKeuze>>,
    klaar: Callback<Result<(), String>>,
) -> impl IntoView {
    let t = tg();
    let rol = RwSignal::new(g.rol.clone());
    let gekozen = RwSignal::new(g.themas.iter().map(|t| t.id.clone()).collect::<Vec<_>>());
    let actief = RwSignal::new(g.actief);
    let wachtwoord = RwSignal::new(String::new());
    let (id, versie) = (StoredValue::new(g.id.clone()), g.versie);
    let opslag = Opslag::<GebruikerWijziging>::new();
    let fout = opslag.fout;
    let stuur =
        move |invoer: GebruikerWijziging| opslag.stuur(invoer, wijzig_gebruiker, move || klaar.run(Ok(())));
    let opslaan = move |ev: SubmitEvent| {
        ev.prevent_default();
        stuur(GebruikerWijziging {
            id: id.get_value(),
            versie,
            rol: rol.get_untracked(),
            themas: gekozen.get_untracked(),
            actief: actief.get_untracked(),
        });
    };
    let paneel = opslag.paneel(
        |w| {
            let mijn = vec![("rol", w.rol.to_lowercase()), ("actief", w.actief.to_string())];
            Some((w.id.clone(), w.versie, mijn))
        },
        move |w, nu| stuur(GebruikerWijziging { versie: nu, ..w }),
        Callback::new(move |()| klaar.run(Ok(()))),
        3,
    );
    let herstel = move |ev: SubmitEvent| {
        ev.prevent_default();
        let w = wachtwoord.get_untracked();
        spawn_local(async move {
            klaar.run(
                herstel_wachtwoord(&id.get_value(), versie, &w)
                    .await
                    .map_err(|e| fout_tekst(&e)),
            );
        });
    };
    let eigen = g.id.clone();
    let vinkjes = move || thema_vinkjes(&themas.get(), gekozen, &format!("gebruiker-{eigen}-thema"));
    let themas = g
        .themas
        .iter()
        .map(|t| t.naam.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let wie = format!("{} ({})", g.naam, g.gebruikersnaam);
    let (rol_id, actief_id, ww_id) = (
        format!("rol-{}", g.id),
        format!("actief-{}", g.id),
        format!("ww-{}", g.id),
    );
    view! {
        <li data-testid="gebruiker-regel" data-gebruikersnaam=g.gebruikersnaam.clone()>
            <p class="utrecht-paragraph"><strong>{wie.clone()}</strong>" — "{(t.rol_naam)(&g.rol)}
                {(!themas.is_empty()).then(|| format!(" — {themas}"))}</p>
            <form class="formulier" on:submit=opslaan>
                {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert">{f}</p> })}
                <label class="utrecht-form-label" for=rol_id.clone()>{(t.rol_van)(&wie)}</label>
                <select class="utrecht-select utrecht-select--html-select" id=rol_id data-testid="gebruiker-rol"
                    on:change=move |ev| rol.set(event_target_value(&ev))>{rol_opties(&g.rol)}</select>
                <div class="utrecht-form-field utrecht-form-field--checkbox">
                    <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id=actief_id.clone()
                        data-testid="gebruiker-actief"
                        prop:checked=move || actief.get() on:change=move |ev| actief.set(event_target_checked(&ev)) />
                    <label class="utrecht-form-label utrecht-form-label--checkbox" for=actief_id>{(t.actief_van)(&wie)}</label>
                </div>
                <fieldset class="utrecht-form-fieldset" data-testid="gebruiker-themas">
                    <legend class="utrecht-form-fieldset__legend">{(t.themas_van)(&wie)}</legend>
                    {vinkjes}
                </fieldset>
                {paneel}
                <button type="submit" class="utrecht-button utrecht-button--secondary-action knop-klein"
                    data-testid="gebruiker-opslaan">{(t.opslaan_van)(&wie)}</button>
            </form>
            <form class="formulier" on:submit=herstel>
                <label class="utrecht-form-label" for=ww_id.clone()>{(t.nieuw_wachtwoord_van)(&wie)}</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" id=ww_id type="password" required minlength="12"
                    autocomplete="new-password" data-testid="gebruiker-nieuw-wachtwoord"
                    prop:value=move || wachtwoord.get() on:input=move |ev| wachtwoord.set(event_target_value(&ev)) />
                <button type="submit" class="utrecht-button utrecht-button--secondary-action knop-klein"
                    data-testid="gebruiker-herstellen">{(t.herstellen_van)(&wie)}</button>
            </form>
        </li>
    }
}

#[component]
fn NieuweGebruikerFormulier(
    themas: RwSignal<Vec<ThemaKeuze>>,
    klaar: Callback<Result<(), String>>,
) -> impl IntoView {
    let t = tg();
    let naam = RwSignal::new(String::new());
    let gebruikersnaam = RwSignal::new(String::new());
    let wachtwoord = RwSignal::new(String::new());
    let rol = RwSignal::new("LEZER".to_string());
    let gekozen = RwSignal::new(Vec::<String>::new());
    let opslag = Opslag::<NieuweGebruiker>::new();
    let Opslag { velden, fout, .. } = opslag;
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let invoer = NieuweGebruiker {
            gebruikersnaam: gebruikersnaam.get_untracked().trim().to_string(),
            naam: naam.get_untracked().trim().to_string(),
            wachtwoord: wachtwoord.get_untracked(),
            rol: rol.get_untracked(),
            themas: gekozen.get_untracked(),
        };
        opslag.stuur(invoer, maak_gebruiker, move || {
            for s in [naam, gebruikersnaam, wachtwoord] {
                s.set(String::new());
            }
            gekozen.set(Vec::new());
            klaar.run(Ok(()));
        });
    };
    let vinkjes = move || thema_vinkjes(&themas.get(), gekozen, "gebruiker-thema");
    view! {
        <form class="formulier" on:submit=verstuur data-testid="gebruiker-formulier">
            <h3 class="utrecht-heading-3">{t.nieuw}</h3>
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert">{f}</p> })}
            <Veld id="gebruiker-naam" veld="naam" label=t.naam waarde=naam velden soort="text" />
            <Veld id="gebruiker-gebruikersnaam" veld="gebruikersnaam" label=t.gebruikersnaam waarde=gebruikersnaam velden soort="text" />
            <Veld id="gebruiker-wachtwoord" veld="wachtwoord" label=t.wachtwoord waarde=wachtwoord velden soort="password" />
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="gebruiker-nieuwe-rol">{t.rol}</label>
                <select class="utrecht-select utrecht-select--html-select" id="gebruiker-nieuwe-rol" data-testid="gebruiker-nieuwe-rol"
                    on:change=move |ev| rol.set(event_target_value(&ev))>{rol_opties("LEZER")}</select>
            </div>
            <fieldset class="utrecht-form-fieldset">
                <legend class="utrecht-form-fieldset__legend">{t.themas_keuze}</legend>
                {vinkjes}
            </fieldset>
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="gebruiker-aanmaken">{t.aanmaken}</button>
        </form>
    }
}

/// A checkbox per thema, ticked when its id is in `gekozen`; `voorvoegsel` makes the ids unique.
fn thema_vinkjes(
    themas: &[ThemaKeuze],
    gekozen: RwSignal<Vec<String>>,
    voorvoegsel: &str,
) -> impl IntoView + use<> {
    themas
        .iter()
        .map(|th| {
            let (id, id2) = (th.id.clone(), th.id.clone());
            let vak = format!("{voorvoegsel}-{}", th.id);
            view! {
                <div class="utrecht-form-field utrecht-form-field--checkbox">
                    <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id=vak.clone()
                        data-testid="thema-vinkje" data-id=th.id.clone()
                        prop:checked=move || gekozen.get().contains(&id)
                        on:change=move |ev| {
                            let aan = event_target_checked(&ev);
                            gekozen.update(|g| { g.retain(|x| x != &id2); if aan { g.push(id2.clone()); } });
                        } />
                    <label class="utrecht-form-label utrecht-form-label--checkbox" for=vak>{th.naam.clone()}</label>
                </div>
            }
        })
        .collect_view()
}
