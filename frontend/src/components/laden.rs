//! The loading state.

use crate::i18n::t;
use leptos::prelude::*;

/// Tells (politely, to screen readers too) that data is on its way.
#[component]
pub fn Laden() -> impl IntoView {
    view! {
        <p class="laden" role="status" data-testid="laden">
            <span class="laden-teken" aria-hidden="true"></span>
            {t().laden}
        </p>
    }
}
