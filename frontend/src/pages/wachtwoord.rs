//! The page `/wachtwoord`: everyone signed in changes their own password (the current one, then the new one);
//! the server ends their other sessions.

use crate::components::{Laden, zet_titel};
use crate::i18n::{tg, tt};
use crate::model::beheer_gebruikers::wijzig_eigen_wachtwoord;
use crate::pages::beheer_conflict::Opslag;
use crate::pages::beheer_veld::Veld;
use crate::sessie::Sessie;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The route `/wachtwoord`.
#[component]
pub fn WachtwoordPagina() -> impl IntoView {
    let t = tg();
    zet_titel(t.eigen_titel);
    let sessie = Sessie::van_context();
    view! {
        <section class="pagina" data-testid="wachtwoord-pagina">
            <h1 class="utrecht-heading-1">{t.eigen_titel}</h1>
            {move || match sessie.0.get() {
                Some(ik) if ik.is_aangemeld() => view! { <EigenWachtwoord /> }.into_any(),
                Some(_) => view! {
                    <p class="utrecht-paragraph">{tg().eerst_aanmelden}" "
                        <a class="utrecht-link" href="/aanmelden?terug=/wachtwoord">{tt().aanmelden}</a></p>
                }.into_any(),
                None => view! { <Laden /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn EigenWachtwoord() -> impl IntoView {
    let t = tg();
    let huidig = RwSignal::new(String::new());
    let nieuw = RwSignal::new(String::new());
    let opslag = Opslag::<(String, String)>::new();
    let Opslag { velden, fout, .. } = opslag;
    let klaar = RwSignal::new(false);
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        klaar.set(false);
        let invoer = (huidig.get_untracked(), nieuw.get_untracked());
        let bewaar = |(h, n): (String, String)| async move { wijzig_eigen_wachtwoord(&h, &n).await };
        opslag.stuur(invoer, bewaar, move || {
            huidig.set(String::new());
            nieuw.set(String::new());
            klaar.set(true);
        });
    };
    view! {
        <form class="formulier" on:submit=verstuur data-testid="wachtwoord-formulier">
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert" data-testid="wachtwoord-fout">{f}</p> })}
            {move || klaar.get().then(|| view! { <p class="utrecht-paragraph" role="status" data-testid="wachtwoord-gewijzigd">{tg().gewijzigd}</p> })}
            <Veld id="wachtwoord-huidig" veld="huidigWachtwoord" label=t.huidig waarde=huidig velden soort="password" />
            <Veld id="wachtwoord-nieuw" veld="nieuwWachtwoord" label=t.nieuw_wachtwoord waarde=nieuw velden soort="password" />
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="wachtwoord-wijzigen">{t.wijzigen}</button>
        </form>
    }
}
