//! The service layer: every query and write of Koers. GraphQL resolvers stay thin and call in here.

mod actie_rijen;
pub mod acties;
pub mod audit;
pub mod beheer;
pub mod events;
pub mod export;
pub mod grenzen;
pub mod invoer;
pub mod lezen;
pub mod luisteraar;
pub mod peil;
pub mod rechten;
pub mod rollups;
pub mod schrijven;
pub mod taken;
pub mod te_laat;
pub mod toegang;
pub mod tokens;
pub mod trend;
pub mod webhooks;
pub mod zicht;

use crate::db::Db;
use events::{ActieEvent, BeheerEvent};
use std::sync::Arc;
use tokio::sync::broadcast;

/// A name unique to this process: host, process id and start time.
fn instantie_naam() -> String {
    let host: String = std::fs::read_to_string("/etc/hostname")
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .take(32)
        .collect();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "{}-{}-{:x}",
        if host.is_empty() { "koers" } else { &host },
        std::process::id(),
        nanos
    )
}

/// Shared state of the service layer.
#[derive(Debug, Clone)]
pub struct Services {
    /// The database.
    pub db: Db,
    /// Change notifications for subscriptions.
    pub events: broadcast::Sender<ActieEvent>,
    /// Webhook deliveries: the worker's alarm clock and the settings.
    pub webhooks: webhooks::Webhooks,
    /// Sent when changes may have been missed (the PostgreSQL listener reconnected): subscribers reload.
    pub herladen: broadcast::Sender<()>,
    /// This process' name among the instances on one database (in change notifications and job claims).
    pub instantie: Arc<str>,
    /// Set when the server begins to stop: `/readyz` then says so.
    pub stopt: Arc<std::sync::atomic::AtomicBool>,
    /// Change notifications of records above acties (beheer).
    pub beheer_events: broadcast::Sender<BeheerEvent>,
}

impl Services {
    /// Services over `db`.
    pub fn new(db: Db) -> Self {
        let (events, _) = broadcast::channel(1024);
        let (herladen, _) = broadcast::channel(4);
        let (beheer_events, _) = broadcast::channel(256);
        Services {
            db,
            events,
            herladen,
            instantie: instantie_naam().into(),
            stopt: Arc::default(),
            webhooks: webhooks::Webhooks::default(),
            beheer_events,
        }
    }
}
