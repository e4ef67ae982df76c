//! The document title of each page: "{page} – Koers", so that tabs, history and screen readers tell pages
//! apart.

use crate::i18n::t;

/// Sets `<title>` to "`pagina` – Koers" (the app's name in the current language).
pub fn zet_titel(pagina: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{pagina} – {}", t().app_naam));
    }
}
