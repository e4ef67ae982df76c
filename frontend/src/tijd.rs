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

/// `Intl.DateTimeFormat` options from key–value pairs.
fn opties(paren: &[(&str, &str)]) -> Object {
    let opties = Object::new();
    for (sleutel, waarde) in paren {
        // Setting a property on a fresh plain object cannot fail; if it did, the default format remains.
        let _ = Reflect::set(&opties, &JsValue::from_str(sleutel), &JsValue::from_str(waarde));
    }
    opties
}

fn als_moment(datum: &Date) -> Moment {
    let o = opties(&[
        ("dateStyle", "long"),
        ("timeStyle", "short"),
        ("timeZone", TIJDZONE),
    ]);
    Moment {
        iso: String::from(datum.to_iso_string()),
        tekst: String::from(datum.to_locale_string(taal().code(), &o)),
    }
}

/// The moment now.
pub fn nu() -> Moment {
    als_moment(&Date::new_0())
}

/// A moment from the API (RFC 3339); an unreadable one is shown as it came.
pub fn moment(rfc3339: &str) -> Moment {
    let datum = Date::new(&JsValue::from_str(rfc3339));
    if datum.get_time().is_nan() {
        return Moment {
            iso: rfc3339.to_string(),
            tekst: rfc3339.to_string(),
        };
    }
    als_moment(&datum)
}

/// A calendar date from the API (`JJJJ-MM-DD`) for people ("4 maart 2025"); an unreadable one as it came.
pub fn datum_tekst(iso: &str) -> String {
    let datum = Date::new(&JsValue::from_str(iso));
    if datum.get_time().is_nan() {
        return iso.to_string();
    }
    // A bare ISO date is midnight UTC: format it in UTC so that it stays the same day.
    let o = opties(&[("dateStyle", "long"), ("timeZone", "UTC")]);
    String::from(datum.to_locale_date_string(taal().code(), &o))
}

/// Today's date in UTC (`JJJJ-MM-DD`), as the API's moments are in UTC.
pub fn vandaag() -> String {
    let iso = String::from(Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_string()
}
