//! Drafts: the input of a form, kept in the browser's `localStorage` on every change, so that nothing typed is
//! lost on an error, a dropped connection or a reload. Cleared after a successful save.

use miniserde::{Deserialize, Serialize, json};

fn opslag() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn sleutel(naam: &str) -> String {
    format!("koers.concept.{naam}")
}

/// Keeps `waarde` as the draft `naam`.
pub fn bewaar<T: Serialize>(naam: &str, waarde: &T) {
    if let Some(o) = opslag() {
        let tekst = json::to_string(waarde);
        // A full or blocked storage only means the draft is not kept; the form itself still works.
        let _ = o.set_item(&sleutel(naam), &tekst);
    }
}

/// The draft `naam`, if there is one.
pub fn lees<T: Deserialize>(naam: &str) -> Option<T> {
    let tekst = opslag()?.get_item(&sleutel(naam)).ok()??;
    json::from_str(&tekst).ok()
}

/// Forgets the draft `naam`.
pub fn wis(naam: &str) {
    if let Some(o) = opslag() {
        let _ = o.remove_item(&sleutel(naam));
    }
}

/// A three-way merge of one field after a version conflict: what the person changed (`mijn` differs from
/// `basis`, the version the form started from) wins; a field they left alone takes the new version's value
/// (`nu`), so applying one's input again never reverts someone else's change.
pub fn samenvoegen<T: PartialEq>(basis: T, mijn: T, nu: T) -> T {
    if mijn != basis { mijn } else { nu }
}
