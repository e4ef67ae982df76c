//! What the beheer forms share: a labelled field with the server's message next to it, and an error put into
//! the field messages or, without a field, into words (CONFLICT in words of its own).

use crate::api::ApiError;
use crate::components::fout::uitleg;
use crate::components::veld_fouten::VeldFouten;
use crate::i18n::tpl;
use koers_shared::FieldError;
use leptos::prelude::*;

/// What an error says: CONFLICT in words of its own, otherwise the general explanation.
pub fn fout_tekst(e: &ApiError) -> String {
    if e.code() == Some("CONFLICT") {
        tpl().conflict.to_string()
    } else {
        uitleg(e)
    }
}

/// Puts the server's field errors into `velden`; the rest of the error as text.
pub fn toon_fout(e: &ApiError, velden: VeldFouten, fout: RwSignal<Option<String>>) {
    let v: Vec<FieldError> = e.veld_fouten().into_iter().map(|f| f.veld_fout()).collect();
    if v.is_empty() {
        fout.set(Some(fout_tekst(e)));
    } else {
        fout.set(None);
    }
    velden.0.set(v);
}

/// A text or number field with its label and the server's message for it; `vrij` makes it optional, `hint`
/// describes the form it takes.
#[component]
pub fn Veld(
    id: &'static str,
    veld: &'static str,
    label: &'static str,
    waarde: RwSignal<String>,
    velden: VeldFouten,
    soort: &'static str,
    #[prop(optional)] vrij: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let fout_id = format!("{id}-fout");
    let hint_id = format!("{id}-hint");
    let beschreven = fout_id.clone();
    let hint_ref = hint.map(|_| hint_id.clone());
    let melding = velden.melding(veld);
    let beschrijving = move || {
        let delen: Vec<String> = hint_ref
            .iter()
            .cloned()
            .chain(melding().map(|_| beschreven.clone()))
            .collect();
        (!delen.is_empty()).then(|| delen.join(" "))
    };
    view! {
        <div class="utrecht-form-field">
            <label class="utrecht-form-label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="utrecht-paragraph meta" id=hint_id>{h}</p> })}
            {move || melding().map(|m| view! { <p class="utrecht-form-field-error-message" id=fout_id.clone() data-testid=format!("{id}-fout")>{m}</p> })}
            <input class="utrecht-textbox utrecht-textbox--html-input" id=id type=soort required=!vrij data-testid=id
                aria-invalid=velden.ongeldig(veld) aria-describedby=beschrijving
                prop:value=move || waarde.get() on:input=move |ev| waarde.set(event_target_value(&ev)) />
        </div>
    }
}
