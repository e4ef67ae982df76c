//! Keeping the dashboard useful while the API is briefly unreachable: every successful query answer is kept
//! (in memory, per query and variables); when the API cannot be reached, `api::graphql` answers from that
//! store and the app shows a notice with the time of the data. The notice checks `/readyz` every few seconds
//! and, once the API is back, refreshes every view by itself.

use crate::tijd::{Moment, nu};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;

/// How often the notice checks whether the API is back.
pub const HERHAAL_MS: u32 = 3_000;

thread_local! {
    static LAATSTE: RefCell<HashMap<String, (String, Moment)>> = RefCell::new(HashMap::new());
    static STAAT: RefCell<Option<Staat>> = const { RefCell::new(None) };
}

/// The connection state the views follow.
#[derive(Debug, Clone, Copy)]
pub struct Staat {
    /// Since when the shown data is old (the API is unreachable), if it is.
    pub onderbroken: RwSignal<Option<Moment>>,
    /// Bumped when the API is back: every view that follows it loads again.
    pub ronde: RwSignal<u32>,
}

/// Creates the state once, when the app starts.
pub fn start() -> Staat {
    let s = Staat {
        onderbroken: RwSignal::new(None),
        ronde: RwSignal::new(0),
    };
    STAAT.with(|st| *st.borrow_mut() = Some(s));
    s
}

fn staat() -> Option<Staat> {
    STAAT.with(|st| *st.borrow())
}

/// Makes the calling resource load again when the API comes back. Call it inside a resource's fetcher.
pub fn volg() {
    if let Some(s) = staat() {
        s.ronde.track();
    }
}

/// Keeps a successful answer for `sleutel`.
pub fn bewaar(sleutel: String, antwoord: String) {
    LAATSTE.with(|l| l.borrow_mut().insert(sleutel, (antwoord, nu())));
    if let Some(s) = staat()
        && s.onderbroken.get_untracked().is_some()
    {
        s.onderbroken.set(None);
    }
}

/// The last successful answer for `sleutel`, and marks the data as old (the API is unreachable).
pub fn laatste(sleutel: &str) -> Option<String> {
    let (antwoord, moment) = LAATSTE.with(|l| l.borrow().get(sleutel).cloned())?;
    if let Some(s) = staat() {
        s.onderbroken.set(Some(moment));
    }
    Some(antwoord)
}

/// Called by the notice when `/readyz` answers again: clears the notice and refreshes every view.
pub fn hersteld() {
    if let Some(s) = staat() {
        s.onderbroken.set(None);
        s.ronde.update(|r| *r += 1);
    }
}

/// The moment of the data just returned: now, or — while the API is unreachable — when it was fetched.
pub fn stand_van_gegevens() -> Moment {
    staat()
        .and_then(|s| s.onderbroken.get_untracked())
        .unwrap_or_else(nu)
}
