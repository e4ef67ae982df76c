//! The status of one actie: an icon of its own shape plus the label, never colour alone.

use crate::i18n::label;
use koers_shared::Status;
use leptos::prelude::*;

/// Status label with icon (`data-status` carries the wire value).
#[component]
pub fn StatusLabel(
    /// The status.
    status: Status,
) -> impl IntoView {
    view! {
        <span class=format!("status status-{}", status.as_str()) data-status=status.as_str()>
            <StatusIcoon status />
            <span>{label(status)}</span>
        </span>
    }
}

/// A decorative icon per status: an empty circle (gepland), a half-filled one (in uitvoering), a circle with
/// arrows (doorlopend), a filled one with a tick (afgerond) and a square (gestopt).
#[component]
pub fn StatusIcoon(
    /// Which status.
    status: Status,
) -> impl IntoView {
    let cirkel = "M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13z";
    let (vulling, teken, lijn) = match status {
        Status::Gepland => ("none", "", "currentColor"),
        Status::InUitvoering => ("none", "M8 1.5a6.5 6.5 0 0 1 0 13z", "currentColor"),
        Status::Doorlopend => (
            "none",
            "M5 8a3 3 0 1 1 3 3M8 11l-1.6-1.2M8 11l-1.2 1.6",
            "currentColor",
        ),
        Status::Afgerond => ("currentColor", "M4.6 8.2l2.3 2.3l4.5-4.8", "#ffffff"),
        Status::Gestopt => ("none", "M5 5h6v6h-6z", "currentColor"),
    };
    let teken_vulling = if matches!(status, Status::InUitvoering | Status::Gestopt) {
        "currentColor"
    } else {
        "none"
    };
    view! {
        <svg class="icoon" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
            <path d=cirkel fill=vulling stroke="currentColor" stroke-width="1.6"></path>
            <path d=teken fill=teken_vulling stroke=lijn stroke-width="1.8" stroke-linecap="round"></path>
        </svg>
    }
}
