//! The service layer: every query and write of Koers. GraphQL resolvers stay thin and call in here.

pub mod acties;
pub mod audit;
pub mod beheer;
pub mod events;
pub mod invoer;
pub mod lezen;
pub mod rechten;
pub mod rollups;
pub mod schrijven;
pub mod toegang;
pub mod tokens;
pub mod zicht;

use crate::db::Db;
use events::{ActieEvent, BeheerEvent};
use tokio::sync::broadcast;

/// Shared state of the service layer.
#[derive(Debug, Clone)]
pub struct Services {
    /// The database.
    pub db: Db,
    /// Change notifications for subscriptions.
    pub events: broadcast::Sender<ActieEvent>,
    /// Change notifications of records above acties (beheer).
    pub beheer_events: broadcast::Sender<BeheerEvent>,
}

impl Services {
    /// Services over `db`.
    pub fn new(db: Db) -> Self {
        let (events, _) = broadcast::channel(1024);
        let (beheer_events, _) = broadcast::channel(256);
        Services {
            db,
            events,
            beheer_events,
        }
    }
}
