//! Change notifications: announced inside the write's transaction, delivered to GraphQL subscriptions after the
//! commit. On PostgreSQL the announcement is also a `NOTIFY` on [`KANAAL`], which PostgreSQL delivers to the
//! other Koers instances only when (and exactly when) the transaction commits (see `service::luisteraar`).

use super::Services;
use crate::entities::actie;
use crate::error::ServiceResult;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, Statement};
use serde::{Deserialize, Serialize};

/// The PostgreSQL channel of change notifications.
pub const KANAAL: &str = "koers_wijziging";

/// An actie changed (created, edited or its progress reported).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActieEvent {
    /// The actie.
    pub actie_id: i32,
    /// Its opgave after the change.
    pub opgave_id: i32,
    /// The plan of that opgave.
    pub actieplan_id: i32,
    /// The thema of that plan.
    pub thema_id: i32,
    /// Whether the actie is confidential after the change.
    pub vertrouwelijk: bool,
    /// Whether it was confidential before (a new actie: as now).
    pub was_vertrouwelijk: bool,
    /// Its version after the change.
    pub versie: i32,
}

/// The payload of a `NOTIFY`: the event and the instance that made it (which delivers it itself).
#[derive(Debug, Serialize, Deserialize)]
pub struct Melding {
    /// The instance that wrote the change ([`Services::instantie`]).
    pub bron: String,
    /// The change.
    pub event: ActieEvent,
}

impl Services {
    /// The event of a change to `a` inside `txn`, announced to the other instances on PostgreSQL (delivered
    /// by PostgreSQL only if `txn` commits); `a` lies in plan and thema `(actieplan_id, thema_id)`. Hand it to [`Services::verspreid`] after the commit.
    pub(crate) async fn aankondigen(
        &self,
        txn: &DatabaseTransaction,
        a: &actie::Model,
        was_vertrouwelijk: bool,
        (actieplan_id, thema_id): (i32, i32),
    ) -> ServiceResult<ActieEvent> {
        let event = ActieEvent {
            actie_id: a.id,
            opgave_id: a.opgave_id,
            actieplan_id,
            thema_id,
            vertrouwelijk: a.vertrouwelijk,
            was_vertrouwelijk,
            versie: a.versie,
        };
        if txn.get_database_backend() == DbBackend::Postgres {
            let melding = Melding {
                bron: self.instantie.to_string(),
                event,
            };
            let payload = serde_json::to_string(&melding).map_err(|e| {
                crate::error::ServiceError::Internal(format!("melding niet te schrijven: {e}"))
            })?;
            txn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [KANAAL.into(), payload.into()],
            ))
            .await?;
        }
        Ok(event)
    }

    /// Delivers a committed change to this instance's subscribers.
    pub fn verspreid(&self, event: ActieEvent) {
        // No subscribers is fine.
        let _ = self.events.send(event);
        self.webhooks.wek();
    }
}

/// A record above acties changed (beheer): a thema, plan, opgave, organisatie or RVO meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BeheerEvent {
    /// Its kind, as in the history (`actieplan`, `opgave`, …).
    pub soort: &'static str,
    /// Its id.
    pub id: i32,
    /// The thema it belongs to; none for organisaties and RVO meetings (public to every reader).
    pub thema_id: Option<i32>,
    /// Its version after the change (0: removed).
    pub versie: i32,
}
