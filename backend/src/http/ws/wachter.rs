//! The watcher of open sockets' credentials: every tick, one query for all sockets' API tokens and one for all
//! their sessions tells which are still live; a socket whose token was revoked (also by `koers token revoke`
//! in another process), whose session ended or expired, or whose user was switched off, is told to close.

use crate::service::Services;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;
use tokio::sync::Notify;

/// What a signed-in socket runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bewijs {
    /// An API token (its id).
    Token(i32),
    /// A session (its id).
    Sessie(i32),
}

/// The sockets being watched.
pub struct Wachter {
    services: Services,
    interval: Duration,
    sockets: Mutex<HashMap<u64, (Bewijs, Arc<Notify>)>>,
    volgende: AtomicU64,
    gestart: AtomicBool,
}

/// A socket's place in the watcher; leaving it (drop) stops the watching.
pub struct Inschrijving {
    wachter: Arc<Wachter>,
    id: u64,
}

impl Drop for Inschrijving {
    fn drop(&mut self) {
        if let Ok(mut s) = self.wachter.sockets.lock() {
            s.remove(&self.id);
        }
    }
}

impl Wachter {
    /// A watcher checking every `interval`.
    pub fn new(services: Services, interval: Duration) -> Arc<Self> {
        Arc::new(Wachter {
            services,
            interval: interval.max(Duration::from_millis(50)),
            sockets: Mutex::new(HashMap::new()),
            volgende: AtomicU64::new(0),
            gestart: AtomicBool::new(false),
        })
    }

    /// Watches `bewijs`; `sluit` is notified once it is no longer live. Starts the watching task on first use.
    pub fn inschrijven(self: &Arc<Self>, bewijs: Bewijs, sluit: Arc<Notify>) -> Inschrijving {
        if !self.gestart.swap(true, Ordering::SeqCst) {
            tokio::spawn(ronden(Arc::downgrade(self)));
        }
        let id = self.volgende.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut s) = self.sockets.lock() {
            s.insert(id, (bewijs, sluit));
        }
        Inschrijving {
            wachter: Arc::clone(self),
            id,
        }
    }

    fn bewijzen(&self) -> (Vec<i32>, Vec<i32>) {
        let (mut tokens, mut sessies) = (Vec::new(), Vec::new());
        if let Ok(s) = self.sockets.lock() {
            for (b, _) in s.values() {
                match b {
                    Bewijs::Token(id) => tokens.push(*id),
                    Bewijs::Sessie(id) => sessies.push(*id),
                }
            }
        }
        tokens.sort_unstable();
        tokens.dedup();
        sessies.sort_unstable();
        sessies.dedup();
        (tokens, sessies)
    }

    /// One tick: closes the sockets whose credential is no longer live.
    async fn ronde(&self) {
        let (gevraagd_tokens, gevraagd_sessies) = self.bewijzen();
        if gevraagd_tokens.is_empty() && gevraagd_sessies.is_empty() {
            return;
        }
        let (tokens, sessies) = match (
            self.services.lopende_tokens(&gevraagd_tokens).await,
            self.services.lopende_sessies(&gevraagd_sessies).await,
        ) {
            (Ok(t), Ok(s)) => (t, s),
            (Err(e), _) | (_, Err(e)) => {
                // Nothing is closed on a database hiccup; every operation re-checks its caller anyway.
                tracing::warn!(error = %e, "WebSocket-toegang niet te controleren");
                return;
            }
        };
        if let Ok(s) = self.sockets.lock() {
            for (b, sluit) in s.values() {
                // A socket that signed in while the queries ran was not asked about: judged next tick.
                let live = match b {
                    Bewijs::Token(id) => tokens.contains(id) || gevraagd_tokens.binary_search(id).is_err(),
                    Bewijs::Sessie(id) => sessies.contains(id) || gevraagd_sessies.binary_search(id).is_err(),
                };
                if !live {
                    sluit.notify_one();
                }
            }
        }
    }
}

async fn ronden(wachter: Weak<Wachter>) {
    loop {
        let Some(w) = wachter.upgrade() else { return };
        let interval = w.interval;
        w.ronde().await;
        drop(w);
        tokio::time::sleep(interval).await;
    }
}
