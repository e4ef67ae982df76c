//! The error state: what went wrong in words, the technical details folded away, and a retry button.

use crate::api::ApiError;
use crate::i18n::t;
use leptos::prelude::*;

/// The explanation for people of an API error.
pub fn uitleg(fout: &ApiError) -> String {
    let t = t();
    if let Some(tekst) = fout.code().and_then(t.fout_bij_code) {
        return tekst.to_string();
    }
    match fout {
        ApiError::Netwerk(_) => t.fout_netwerk.to_string(),
        ApiError::Http { status, .. } => (t.fout_http)(*status),
        ApiError::GraphQl(_) => t.fout_graphql.to_string(),
        ApiError::Onleesbaar(_) => t.fout_onleesbaar.to_string(),
    }
}

/// Technical lines about an API error: the error itself and every GraphQL error with its code.
pub fn details(fout: &ApiError) -> Vec<String> {
    std::iter::once(fout.to_string())
        .chain(fout.graphql_fouten().iter().map(ToString::to_string))
        .collect()
}

/// Error box for a failed API call (`data-testid="fout"`).
#[component]
pub fn FoutMelding(
    /// What went wrong.
    fout: ApiError,
    /// Called when the user asks to try again.
    opnieuw: Callback<()>,
) -> impl IntoView {
    let t = t();
    let code = fout.code().map(str::to_string);
    view! {
        <div class="fout" role="alert" data-testid="fout" data-code=code>
            <h2 class="utrecht-heading-2">{t.fout_titel}</h2>
            <p>{uitleg(&fout)}</p>
            <details>
                <summary>{t.fout_details}</summary>
                <ul class="fout-details">
                    {details(&fout).into_iter().map(|regel| view! { <li><code>{regel}</code></li> }).collect_view()}
                </ul>
            </details>
            <button type="button" class="utrecht-button utrecht-button--primary-action knop" on:click=move |_| opnieuw.run(())>{t.opnieuw}</button>
        </div>
    }
}
