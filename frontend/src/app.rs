//! The app shell: skip link, header with navigation, the routed main content and the footer.
//! The skip link has `target="_self"` so that the router leaves it to the browser, which moves the focus.

use crate::i18n::{t, to, tp};
use crate::pages::{ActiePagina, ActieplanPagina, NietGevonden, OverzichtPagina, PresentatiePagina};
use crate::pages::{OrganisatiePagina, OrganisatiesPagina, SindsRvoPagina};
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
                            <A href="/organisaties" attr:data-testid="organisaties-link">{to().organisaties_menu}</A>
                        </li>
                        <li>
                            <A href="/sinds-rvo" attr:data-testid="sinds-rvo-link">{to().sinds_rvo_menu}</A>
                        </li>
                        <li>
                            <A href="/presentatie" attr:data-testid="presentatie-link">{tp().menu}</A>
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
                    <Route path=path!("/actieplan/:id") view=ActieplanPagina />
                    <Route path=path!("/actie/:id") view=ActiePagina />
                    <Route path=path!("/presentatie") view=PresentatiePagina />
                    <Route path=path!("/organisaties") view=OrganisatiesPagina />
                    <Route path=path!("/organisatie/:id") view=OrganisatiePagina />
                    <Route path=path!("/sinds-rvo") view=SindsRvoPagina />
                </Routes>
            </main>
            <footer class="voet">
                <p>{t.voettekst}</p>
            </footer>
        </Router>
    }
}
