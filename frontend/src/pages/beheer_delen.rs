//! The sections of the beheer page in three lazily loaded parts (`#[lazy]`, moved by wasm-split into modules of
//! their own): plans and import; thema's, organisaties, RVO dates and users; tokens, webhooks and audit. The
//! page's frame paints from the beheer route's small module, each part appears once loaded, a loading state
//! meanwhile. The parts are named `<part>_deel_view_<hash>` (the names
//! `.ci/bench-size` looks for).

use crate::components::Laden;
use crate::pages::beheer::{Audit, Tokens};
use crate::pages::beheer_gebruikers::Gebruikers;
use crate::pages::beheer_import::PlanImport;
use crate::pages::beheer_organisaties::Organisaties;
use crate::pages::beheer_plannen::Plannen;
use crate::pages::beheer_rvo::RvoDatums;
use crate::pages::beheer_themas::Themas;
use crate::pages::beheer_webhooks::Webhooks;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;

/// A section's lazily loaded view.
type Laadbaar = fn() -> Pin<Box<dyn Future<Output = AnyView>>>;

// Three parts, not one per section: every split point adds shared chunks and entries to the loader that the
// main module (every route) carries.
#[lazy(plannen_deel_view)]
fn plannen_deel() -> AnyView {
    // An imported plan: the plans list (and every choice of a plan) loads anew.
    let geimporteerd = Trigger::new();
    view! { <Plannen geimporteerd /> <PlanImport geimporteerd /> }.into_any()
}

#[lazy(stamdata_deel_view)]
fn stamdata_deel() -> AnyView {
    view! { <Themas /> <Organisaties /> <RvoDatums /> <Gebruikers /> }.into_any()
}

#[lazy(koppelingen_deel_view)]
fn koppelingen_deel() -> AnyView {
    view! { <Tokens /> <Webhooks /> <Audit /> }.into_any()
}

/// Every part in the page's order.
const DELEN: [Laadbaar; 3] = [
    || Box::pin(plannen_deel()),
    || Box::pin(stamdata_deel()),
    || Box::pin(koppelingen_deel()),
];

/// Every part of the beheer page, each loading on its own.
#[component]
pub fn BeheerDelen() -> impl IntoView {
    DELEN
        .iter()
        .map(|laad| {
            let toekomst = SendWrapper::new(laad());
            view! { <Suspense fallback=|| view! { <Laden /> }>{Suspend::new(toekomst)}</Suspense> }
        })
        .collect_view()
}
