//! The session area in the header: a sign-in link, or who is signed in with a link to beheer (for a
//! beheerder), a link to change one's own password and a sign-out button.

use crate::api;
use crate::i18n::tt;
use crate::sessie::Sessie;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

/// The session area (`data-testid="sessie-balk"`).
#[component]
pub fn SessieBalk() -> impl IntoView {
    let tt = tt();
    let sessie = Sessie::van_context();
    let locatie = use_location();
    let navigate = use_navigate();
    let afmelden = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            // Signed out or not, the page forgets the session; a failed call leaves the cookie to expire.
            let _ = api::afmelden().await;
            sessie.vergeet();
            sessie.ververs();
            navigate("/", Default::default());
        });
    };
    view! {
        <div class="sessie-balk" role="group" aria-label=tt.sessie_label data-testid="sessie-balk">
            {move || match sessie.0.get() {
                Some(ik) if ik.is_aangemeld() => {
                    let rol = ik.rol.as_deref().map(tt.rol).unwrap_or_default();
                    let beheer = ik.beheerder.then(|| view! {
                        <A attr:class="utrecht-link" href="/beheer" attr:data-testid="beheer-link">{tt.beheer}</A>
                    });
                    view! {
                        <span data-testid="aangemeld-als">{(tt.aangemeld_als)(&ik.naam)}" ("{rol}")"</span>
                        {beheer}
                        <A attr:class="utrecht-link" href="/wachtwoord" attr:data-testid="wachtwoord-link">{crate::i18n::tg().eigen_titel}</A>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                            on:click=afmelden.clone() data-testid="afmelden-knop">{tt.afmelden}</button>
                    }.into_any()
                }
                _ => {
                    let terug = locatie.pathname.get();
                    let href = if terug.starts_with("/aanmelden") {
                        "/aanmelden".to_string()
                    } else {
                        format!("/aanmelden?terug={}", js_sys::encode_uri_component(&terug))
                    };
                    view! { <A attr:class="utrecht-link" href=href attr:data-testid="aanmelden-link">{tt.aanmelden}</A> }.into_any()
                }
            }}
        </div>
    }
}
