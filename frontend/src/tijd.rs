//! The current moment as people in the region read it, via the browser's `Date` and `Intl`.

use crate::i18n::taal;
use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

/// Time zone of the VeiligheidsAlliantie regio Rotterdam.
pub const TIJDZONE: &str = "Europe/Amsterdam";

/// A moment in two forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    /// ISO 8601 in UTC, for `<time datetime>`.
    pub iso: String,
    /// Date and time for people, in the current language and Dutch time ("9 mei 2025 om 14:00").
    pub tekst: String,
}

/// The moment now.
pub fn nu() -> Moment {
    let datum = Date::new_0();
    let opties = Object::new();
    for (sleutel, waarde) in [
        ("dateStyle", "long"),
        ("timeStyle", "short"),
        ("timeZone", TIJDZONE),
    ] {
        // Setting a property on a fresh plain object cannot fail; if it did, the default format remains.
        let _ = Reflect::set(&opties, &JsValue::from_str(sleutel), &JsValue::from_str(waarde));
    }
    Moment {
        iso: String::from(datum.to_iso_string()),
        tekst: String::from(datum.to_locale_string(taal().code(), &opties)),
    }
}
