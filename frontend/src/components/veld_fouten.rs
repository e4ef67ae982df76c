//! The problems per input field of a form — from the shared rules before sending, or from the server's
//! `extensions.fouten` after — and what a field shows of them: its message and `aria-invalid`.

use koers_shared::FieldError;
use leptos::prelude::*;

/// The current problems of a form, one list per form; cheap to copy into closures.
#[derive(Debug, Clone, Copy)]
pub struct VeldFouten(pub RwSignal<Vec<FieldError>>);

impl VeldFouten {
    /// An empty list.
    pub fn new() -> Self {
        VeldFouten(RwSignal::new(Vec::new()))
    }

    /// The message for the field `veld` (its GraphQL input name), if it has a problem; for the error element
    /// next to the field.
    pub fn melding(self, veld: &'static str) -> impl Fn() -> Option<String> + Copy {
        move || {
            self.0
                .read()
                .iter()
                .find(|f| f.veld == veld)
                .map(|f| crate::i18n::melding_tekst(&f.melding))
        }
    }

    /// `"true"` when the field `veld` has a problem, else `"false"`; for `aria-invalid`.
    pub fn ongeldig(self, veld: &'static str) -> impl Fn() -> String + Copy {
        move || self.0.read().iter().any(|f| f.veld == veld).to_string()
    }
}

impl Default for VeldFouten {
    fn default() -> Self {
        Self::new()
    }
}
