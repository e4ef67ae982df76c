//! The page for an address the app does not know.

use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Pagina niet gevonden" with a way back.
#[component]
pub fn NietGevonden() -> impl IntoView {
    let t = t();
    view! {
        <h1>{t.niet_gevonden_titel}</h1>
        <p>{t.niet_gevonden_tekst}</p>
        <p>
            <A href="/">{t.naar_overzicht}</A>
        </p>
    }
}
