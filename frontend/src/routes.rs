//! The routes that load on demand: each is a [`LazyRoute`] whose view wasm-split moves into its own chunk
//! (`.ci/build-frontend.sh`), fetched on the first visit or navigation to it. The overview stays in the main
//! module, so `/` needs nothing more than the first download.

use crate::pages;
use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// A lazy route `$route` showing the page component `$pagina`.
macro_rules! lazy_pagina {
    ($(#[$doc:meta])* $route:ident => $pagina:ident $(, titel $titel:expr)?) => {
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                use pages::*;
                $(crate::components::zet_titel($titel);)?
                view! { <$pagina /> }.into_any()
            }
        }
    };
}

lazy_pagina!(
    /// `/actieplan/:id`.
    Actieplan => ActieplanPagina
);
lazy_pagina!(
    /// `/actie/:id`.
    Actie => ActiePagina
);
lazy_pagina!(
    /// `/actie/nieuw`.
    NieuweActie => NieuweActiePagina
);
lazy_pagina!(
    /// `/actie/:id/wijzigen`.
    WijzigActie => WijzigActiePagina
);
lazy_pagina!(
    /// `/presentatie`.
    Presentatie => PresentatiePagina, titel crate::i18n::tp().menu
);
lazy_pagina!(
    /// `/afdrukken`.
    Afdruk => AfdrukPagina
);
lazy_pagina!(
    /// `/organisaties`.
    Organisaties => OrganisatiesPagina
);
lazy_pagina!(
    /// `/organisatie/:id`.
    Organisatie => OrganisatiePagina
);
lazy_pagina!(
    /// `/sinds-rvo`.
    SindsRvo => SindsRvoPagina
);
lazy_pagina!(
    /// `/aanmelden`.
    Aanmelden => AanmeldenPagina
);
lazy_pagina!(
    /// `/beheer`.
    Beheer => BeheerPagina
);
lazy_pagina!(
    /// `/wachtwoord`.
    Wachtwoord => WachtwoordPagina
);
