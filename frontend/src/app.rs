//! The app shell: skip link, header with navigation, the session bar and the language switch, the routed main
//! content and the footer. The session (`ik`) is loaded once here and shared through context.
//! The skip link has `target="_self"` so that the router leaves it to the browser, which moves the focus.

use crate::components::sessie_balk::SessieBalk;
use crate::components::verbinding_melding::VerbindingMelding;
use crate::i18n::{keuze, t, taal, to, tp};
use crate::pages::aanmelden::AanmeldenPagina;
use crate::pages::actie_form::{NieuweActiePagina, WijzigActiePagina};
use crate::pages::beheer::BeheerPagina;
use crate::pages::{ActiePagina, ActieplanPagina, NietGevonden, OverzichtPagina, PresentatiePagina};
use crate::pages::{OrganisatiePagina, OrganisatiesPagina, SindsRvoPagina};
use crate::sessie::Sessie;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

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
                <Routes fallback=|| view! { <NietGevonden /> }>
                    <Route path=path!("/") view=OverzichtPagina />
                    <Route path=path!("/actieplan/:id") view=ActieplanPagina />
                    <Route path=path!("/actie/nieuw") view=NieuweActiePagina />
                    <Route path=path!("/actie/:id/wijzigen") view=WijzigActiePagina />
                    <Route path=path!("/actie/:id") view=ActiePagina />
                    <Route path=path!("/presentatie") view=PresentatiePagina />
                    <Route path=path!("/organisaties") view=OrganisatiesPagina />
                    <Route path=path!("/organisatie/:id") view=OrganisatiePagina />
                    <Route path=path!("/sinds-rvo") view=SindsRvoPagina />
                    <Route path=path!("/aanmelden") view=AanmeldenPagina />
                    <Route path=path!("/beheer") view=BeheerPagina />
                    <Route path=path!("/wachtwoord") view=crate::pages::wachtwoord::WachtwoordPagina />
                </Routes>
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
