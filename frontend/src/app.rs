//! The app shell: skip link, header with navigation, the session bar and the language switch, the routed main
//! content and the footer. The session (`ik`) is loaded once here and shared through context.
//! The skip link has `target="_self"` so that the router leaves it to the browser, which moves the focus.

use crate::components::sessie_balk::SessieBalk;
use crate::components::verbinding_melding::VerbindingMelding;
use crate::i18n::{keuze, t, taal, to, tp};
use crate::pages::{NietGevonden, OverzichtPagina};
use crate::routes;
use crate::sessie::Sessie;
use leptos::prelude::*;
use leptos_router::components::{A, FlatRoutes, Route, Router};
use leptos_router::{Lazy, path};

/// Path of the GraphQL explorer (served by the backend, outside this app).
pub const VERKENNER_PAD: &str = "/graphql";

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let t = t();
    Sessie::geef();
    let verbinding = crate::verbinding::start();
    view! {
        <Router>
            <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus overslaan" href="#inhoud" target="_self">{t.naar_inhoud}</a>
            <header class="utrecht-page-header kop">
                <div class="kop-binnen">
                    <p class="app-naam">
                        <A attr:class="utrecht-link" href="/">{t.app_naam}</A>
                    </p>
                    <p class="app-ondertitel">{t.app_ondertitel}</p>
                </div>
                <nav class="menu" aria-label=t.navigatie>
                    <ul>
                        <li>
                            <A attr:class="utrecht-link" href="/" attr:data-testid="overzicht-link">{t.overzicht_titel}</A>
                        </li>
                        <li>
                            <A attr:class="utrecht-link" href="/organisaties" attr:data-testid="organisaties-link">{to().organisaties_menu}</A>
                        </li>
                        <li>
                            <A attr:class="utrecht-link" href="/sinds-rvo" attr:data-testid="sinds-rvo-link">{to().sinds_rvo_menu}</A>
                        </li>
                        <li>
                            <A attr:class="utrecht-link" href="/presentatie" attr:data-testid="presentatie-link">{tp().menu}</A>
                        </li>
                        <li>
                            <a class="utrecht-link" href=VERKENNER_PAD rel="external">{t.api_verkenner}</a>
                        </li>
                    </ul>
                </nav>
                <SessieBalk />
                <TaalKeuze />
            </header>
            <main id="inhoud" class="utrecht-page-body" tabindex="-1">
                <VerbindingMelding staat=verbinding />
                <FlatRoutes fallback=|| view! { <NietGevonden /> }>
                    <Route path=path!("/") view=OverzichtPagina />
                    <Route path=path!("/actieplan/:id") view={Lazy::<routes::Actieplan>::new()} />
                    <Route path=path!("/actie/nieuw") view={Lazy::<routes::NieuweActie>::new()} />
                    <Route path=path!("/actie/:id/wijzigen") view={Lazy::<routes::WijzigActie>::new()} />
                    <Route path=path!("/actie/:id") view={Lazy::<routes::Actie>::new()} />
                    <Route path=path!("/presentatie") view={Lazy::<routes::Presentatie>::new()} />
                    <Route path=path!("/afdrukken") view={Lazy::<routes::Afdruk>::new()} />
                    <Route path=path!("/organisaties") view={Lazy::<routes::Organisaties>::new()} />
                    <Route path=path!("/organisatie/:id") view={Lazy::<routes::Organisatie>::new()} />
                    <Route path=path!("/sinds-rvo") view={Lazy::<routes::SindsRvo>::new()} />
                    <Route path=path!("/aanmelden") view={Lazy::<routes::Aanmelden>::new()} />
                    <Route path=path!("/beheer") view={Lazy::<routes::Beheer>::new()} />
                    <Route path=path!("/wachtwoord") view={Lazy::<routes::Wachtwoord>::new()} />
                </FlatRoutes>
            </main>
            <footer class="utrecht-page-footer voet">
                <p class="utrecht-paragraph">{t.voettekst}</p>
            </footer>
        </Router>
    }
}

/// The language switch: a button in the other language ("English" on Dutch pages) that stores the choice and
/// reloads the page in it.
#[component]
fn TaalKeuze() -> impl IntoView {
    let andere = taal().andere();
    let tekst = t().andere_taal;
    view! {
        <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action taal-knop"
            lang=andere.kort()
            data-testid="taal-knop"
            data-taal=andere.kort()
            aria-label=t().andere_taal_uitleg
            on:click=move |_| keuze::kies(andere)
        >
            {tekst}
        </button>
    }
}
