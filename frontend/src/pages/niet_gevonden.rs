//! The page for an address the app does not know.

use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Pagina niet gevonden" with a way back.
#[component]
pub fn NietGevonden() -> impl IntoView {
    let t = t();
    crate::components::zet_titel(t.niet_gevonden_titel);
    view! {
        <div class="niet-gevonden" data-testid="onbekende-pagina">
            <h1 class="utrecht-heading-1">{t.niet_gevonden_titel}</h1>
            <p class="utrecht-paragraph">{t.niet_gevonden_tekst}</p>
            <p class="utrecht-paragraph">
                <A attr:class="utrecht-link" href="/">{t.naar_overzicht}</A>
            </p>
        </div>
    }
}
