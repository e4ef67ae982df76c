//! The app shell: skip link, header with navigation, the routed main content and the footer.
//! The skip link has `target="_self"` so that the router leaves it to the browser, which moves the focus.

use crate::i18n::t;
use crate::pages::{NietGevonden, OverzichtPagina};
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

/// Path of the GraphQL explorer (served by the backend, outside this app).
pub const VERKENNER_PAD: &str = "/graphql";

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let t = t();
    view! {
        <Router>
            <a class="overslaan" href="#inhoud" target="_self">{t.naar_inhoud}</a>
            <header class="kop">
                <div class="kop-binnen">
                    <p class="app-naam">
                        <A href="/">{t.app_naam}</A>
                    </p>
                    <p class="app-ondertitel">{t.app_ondertitel}</p>
                </div>
                <nav class="menu" aria-label=t.navigatie>
                    <ul>
                        <li>
                            <A href="/">{t.overzicht_titel}</A>
                        </li>
                        <li>
                            <a href=VERKENNER_PAD rel="external">{t.api_verkenner}</a>
                        </li>
                    </ul>
                </nav>
            </header>
            <main id="inhoud" tabindex="-1">
                <Routes fallback=|| view! { <NietGevonden /> }>
                    <Route path=path!("/") view=OverzichtPagina />
                </Routes>
            </main>
            <footer class="voet">
                <p>{t.voettekst}</p>
            </footer>
        </Router>
    }
}
