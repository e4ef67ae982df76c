//! The sections of the beheer page, each a lazily loaded part (`#[lazy]`, moved by wasm-split into a module of
//! its own): the page's frame paints from the beheer route's small module, each section appears once its part
//! has loaded, with a loading state meanwhile. The parts are named `<section>_deel_view_<hash>` (the names
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

#[lazy(plannen_deel_view)]
fn plannen_deel() -> AnyView {
    view! { <Plannen /> }.into_any()
}

#[lazy(import_deel_view)]
fn import_deel() -> AnyView {
    view! { <PlanImport /> }.into_any()
}

#[lazy(themas_deel_view)]
fn themas_deel() -> AnyView {
    view! { <Themas /> }.into_any()
}

#[lazy(organisaties_deel_view)]
fn organisaties_deel() -> AnyView {
    view! { <Organisaties /> }.into_any()
}

#[lazy(rvo_deel_view)]
fn rvo_deel() -> AnyView {
    view! { <RvoDatums /> }.into_any()
}

#[lazy(gebruikers_deel_view)]
fn gebruikers_deel() -> AnyView {
    view! { <Gebruikers /> }.into_any()
}

#[lazy(tokens_deel_view)]
fn tokens_deel() -> AnyView {
    view! { <Tokens /> }.into_any()
}

#[lazy(webhooks_deel_view)]
fn webhooks_deel() -> AnyView {
    view! { <Webhooks /> }.into_any()
}

#[lazy(audit_deel_view)]
fn audit_deel() -> AnyView {
    view! { <Audit /> }.into_any()
}

/// Every section in the page's order.
const DELEN: [Laadbaar; 9] = [
    || Box::pin(plannen_deel()),
    || Box::pin(import_deel()),
    || Box::pin(themas_deel()),
    || Box::pin(organisaties_deel()),
    || Box::pin(rvo_deel()),
    || Box::pin(gebruikers_deel()),
    || Box::pin(tokens_deel()),
    || Box::pin(webhooks_deel()),
    || Box::pin(audit_deel()),
];

/// Every section of the beheer page, each loading on its own.
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
