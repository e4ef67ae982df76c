//! The worst health of a roll-up: an icon of its own shape plus the label, never colour alone.

use crate::i18n::label;
use crate::i18n::t;
use koers_shared::Gezondheid;
use leptos::prelude::*;

/// Health label with icon; says "niet gerapporteerd" when there is none.
#[component]
pub fn GezondheidLabel(
    /// The worst health, if any actie in progress reported one.
    gezondheid: Option<Gezondheid>,
) -> impl IntoView {
    match gezondheid {
        Some(g) => view! {
            <span class=format!("utrecht-status-badge utrecht-status-badge--{} gezondheid gezondheid-{}", badge(g), g.as_str()) data-gezondheid=g.as_str()>
                <GezondheidIcoon gezondheid=g />
                <span>{label(g)}</span>
            </span>
        }
        .into_any(),
        None => view! { <span class="gezondheid gezondheid-geen">{t().geen_gezondheid}</span> }.into_any(),
    }
}

/// A decorative icon per health: a tick in a circle, an exclamation mark in a triangle, a cross in an octagon.
/// The NL Design System status badge variant of a health: safe, warning or danger.
fn badge(gezondheid: Gezondheid) -> &'static str {
    match gezondheid {
        Gezondheid::OpKoers => "safe",
        Gezondheid::Aandacht => "warning",
        Gezondheid::Risico => "danger",
    }
}

#[component]
pub fn GezondheidIcoon(
    /// Which health.
    gezondheid: Gezondheid,
) -> impl IntoView {
    let (vorm, teken) = match gezondheid {
        Gezondheid::OpKoers => (
            "M8 .5a7.5 7.5 0 1 1 0 15a7.5 7.5 0 1 1 0-15z",
            "M4.4 8.3l2.4 2.4l4.8-5",
        ),
        Gezondheid::Aandacht => ("M8 .6l7.6 14.2H.4z", "M8 5.6v4.6M8 11.8v1.4"),
        Gezondheid::Risico => (
            "M5 .5h6l4.5 4.5v6l-4.5 4.5h-6l-4.5-4.5v-6z",
            "M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2",
        ),
    };
    view! {
        <svg class="icoon" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
            <path d=vorm fill="currentColor"></path>
            <path d=teken fill="none" stroke="#ffffff" stroke-width="2" stroke-linecap="round"></path>
        </svg>
    }
}
