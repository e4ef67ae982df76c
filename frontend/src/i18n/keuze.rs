//! The chosen language: read from `localStorage` (key [`SLEUTEL`]) when the app starts, written by the
//! language switch, and shown in `<html lang>`. Switching reloads the page, so that every view renders in the
//! new language without keeping the texts reactive.

use super::Taal;
use js_sys::{Function, Reflect};
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::{JsCast, JsValue};

/// The `localStorage` key of the chosen language (`nl` or `en`).
pub const SLEUTEL: &str = "koers.taal";

/// Whether English is the current language (Dutch otherwise). Set once by [`start`] before the app renders.
static ENGELS: AtomicBool = AtomicBool::new(false);

/// The current language.
pub fn huidige() -> Taal {
    if ENGELS.load(Ordering::Relaxed) {
        Taal::En
    } else {
        Taal::Nl
    }
}

fn zet(taal: Taal) {
    ENGELS.store(taal == Taal::En, Ordering::Relaxed);
}

/// Reads the stored choice (Dutch when none or unreadable), makes it the current language and sets
/// `<html lang>`. Call before mounting the app.
pub fn start() {
    let taal = opgeslagen().unwrap_or_default();
    zet(taal);
    zet_html_lang(taal);
}

/// Stores `taal` as the choice and reloads the page in it.
pub fn kies(taal: Taal) {
    bewaar(taal);
    zet(taal);
    zet_html_lang(taal);
    if let Some(window) = web_sys::window() {
        // The page shows the new language after the reload; if it fails, the next visit does.
        let _ = window.location().reload();
    }
}

/// `window.localStorage`, if the browser allows it (it may throw in private modes).
fn opslag() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str("localStorage"))
        .ok()
        .filter(|o| o.is_object())
}

/// Calls `localStorage[methode](...args)`.
fn roep(methode: &str, args: &[&str]) -> Option<JsValue> {
    let opslag = opslag()?;
    let functie: Function = Reflect::get(&opslag, &JsValue::from_str(methode))
        .ok()?
        .dyn_into()
        .ok()?;
    let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    functie.apply(&opslag, &args).ok()
}

/// The stored language, if any.
fn opgeslagen() -> Option<Taal> {
    roep("getItem", &[SLEUTEL])?
        .as_string()
        .and_then(|kort| Taal::uit_kort(&kort))
}

fn bewaar(taal: Taal) {
    // Without storage the choice lasts until the reload only; nothing else to do.
    let _ = roep("setItem", &[SLEUTEL, taal.kort()]);
}

fn zet_html_lang(taal: Taal) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", taal.kort());
    }
}
