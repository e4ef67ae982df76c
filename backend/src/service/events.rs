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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// The kinds of [`BeheerEvent::soort`], as the history names them.
pub const BEHEER_SOORTEN: [&str; 6] = [
    "thema",
    "actieplan",
    "opgave",
    "organisatie",
    "rvo_vergadering",
    "gebruiker",
];

/// A beheer change as another instance announced it (`soort` as text until it is known to be one of ours).
#[derive(Debug, Deserialize)]
pub struct BeheerBericht {
    soort: String,
    id: i32,
    thema_id: Option<i32>,
    versie: i32,
}

impl BeheerBericht {
    /// The event, when its kind is one Koers knows.
    pub fn event(&self) -> Option<BeheerEvent> {
        let soort = BEHEER_SOORTEN.into_iter().find(|s| *s == self.soort)?;
        Some(BeheerEvent {
            soort,
            id: self.id,
            thema_id: self.thema_id,
            versie: self.versie,
        })
    }
}

/// The payload of a beheer change's `NOTIFY`.
#[derive(Debug, Deserialize)]
pub struct BeheerMelding {
    /// The instance that made the change (which delivered it itself).
    pub bron: String,
    /// The change.
    pub beheer: BeheerBericht,
}

impl Services {
    /// Delivers a committed beheer change to this instance's subscribers and, on PostgreSQL, announces it to
    /// the other instances (after the commit, over the pool: a process that dies in between leaves them to
    /// their next reload).
    pub fn verspreid_beheer(&self, event: BeheerEvent) {
        let _ = self.beheer_events.send(event);
        if self.db.backend() != DbBackend::Postgres {
            return;
        }
        let payload = serde_json::json!({ "bron": &*self.instantie, "beheer": event }).to_string();
        let pool = self.db.writer.get_postgres_connection_pool().clone();
        tokio::spawn(async move {
            let stuur = sea_orm::sqlx::query("SELECT pg_notify($1, $2)")
                .bind(KANAAL)
                .bind(payload)
                .execute(&pool);
            if let Err(e) = stuur.await {
                tracing::warn!(error = %e, "beheerwijziging niet aan de andere instanties gemeld");
            }
        });
    }
}
