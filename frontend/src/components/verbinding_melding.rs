//! The notice shown while the API is unreachable: the views keep their last data, this says how old it is,
//! checks `/readyz` every few seconds and refreshes every view once the API answers again.

use crate::i18n::t;
use crate::verbinding::{self, HERHAAL_MS, Staat};
use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// The notice (`data-testid="verbinding-melding"`), only while the data is old.
#[component]
pub fn VerbindingMelding(staat: Staat) -> impl IntoView {
    Effect::new(move |vorige: Option<Option<IntervalHandle>>| {
        if let Some(Some(h)) = vorige {
            h.clear();
        }
        staat.onderbroken.get()?;
        set_interval_with_handle(
            move || {
                spawn_local(async move {
                    let klaar = Request::get("/readyz").send().await.is_ok_and(|r| r.ok());
                    if klaar && staat.onderbroken.get_untracked().is_some() {
                        verbinding::hersteld();
                    }
                });
            },
            Duration::from_millis(u64::from(HERHAAL_MS)),
        )
        .ok()
    });
    move || {
        staat.onderbroken.get().map(|moment| {
            view! {
                <p class="verbinding-melding" role="status" data-testid="verbinding-melding">
                    {(t().verbinding_weg)(&moment.tekst)}
                </p>
            }
        })
    }
}
