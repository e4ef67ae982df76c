//! Webhooks: partners are told of changes. A change writes its outbox rows ([`enqueue`]) in its own transaction,
//! one per webhook whose scope may see it; the delivery worker ([`bezorger`]) posts them, signed as the Standard
//! Webhooks specification says, at least once, with back-off; a webhook that keeps failing is switched off.
//!
//! Scope rule: a webhook sees an event as an API token with the same scope would see its subject *after* the
//! change — the thema after the change, and confidential work only with the confidential scope. An actie that
//! becomes confidential is therefore not announced to a webhook without that scope (not even that it changed);
//! one that becomes public is announced with its public content.

pub mod beheer;
pub mod bezorger;
pub mod doel;
pub mod geheim;
pub mod leveringen;
pub mod verzenden;

use crate::config;
use crate::entities::webhook_levering::{Gebeurtenis, Toestand};
use crate::entities::{actie, webhook, webhook_levering, webhook_thema};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use std::sync::Arc;
use tokio::sync::Notify;

/// What the service layer keeps for webhooks: the worker's alarm clock and the delivery settings.
#[derive(Debug, Clone, Default)]
pub struct Webhooks {
    /// Woken after a commit that wrote outbox rows, so the worker delivers at once instead of at its next poll.
    pub wekker: Arc<Notify>,
    /// Back-off, switch-off and target rules.
    pub instellingen: config::Webhooks,
}

impl Webhooks {
    /// Tells the worker there may be new deliveries. Call it after the commit of a transaction that called
    /// [`enqueue`].
    pub fn wek(&self) {
        self.wekker.notify_one();
    }
}

/// A change to announce: its kind, the thema and confidentiality of its subject after the change, and the
/// payload's `data` (only what a webhook in that scope may see).
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookEvent {
    /// The event type.
    pub gebeurtenis: Gebeurtenis,
    /// The thema of the subject after the change.
    pub thema_id: i32,
    /// Whether the subject is confidential after the change.
    pub vertrouwelijk: bool,
    /// The payload's `data`.
    pub data: Value,
}

/// The global id the GraphQL API gives row `id` of kind `soort` (as `graphql::ids::encode`), so a partner can
/// look the subject up with `node(id:)`.
fn global_id(soort: &str, id: i32) -> String {
    URL_SAFE_NO_PAD.encode(format!("{soort}:{id}"))
}

impl WebhookEvent {
    /// An event about actie `a` (after the change) in plan `actieplan_id` of thema `thema_id`.
    pub fn actie(gebeurtenis: Gebeurtenis, a: &actie::Model, actieplan_id: i32, thema_id: i32) -> Self {
        WebhookEvent {
            gebeurtenis,
            thema_id,
            vertrouwelijk: a.vertrouwelijk,
            data: json!({
                "id": global_id("Actie", a.id),
                "versie": a.versie,
                "titel": a.titel,
                "status": a.status.to_uppercase(),
                "gezondheid": a.gezondheid.as_ref().map(|g| g.to_uppercase()),
                "voortgang": a.voortgang,
                "vertrouwelijk": a.vertrouwelijk,
                "opgave": global_id("Opgave", a.opgave_id),
                "actieplan": global_id("Actieplan", actieplan_id),
                "thema": global_id("Thema", thema_id),
                "gewijzigdOp": a.gewijzigd_op,
            }),
        }
    }

    /// `actieplan.gewijzigd` for plan `actieplan_id` of thema `thema_id`; `data` gets the plan's id and thema
    /// plus `extra` (e.g. `{"naam": …}`) merged in.
    pub fn actieplan(actieplan_id: i32, thema_id: i32, extra: Value) -> Self {
        let mut data = json!({
            "id": global_id("Actieplan", actieplan_id),
            "thema": global_id("Thema", thema_id),
        });
        if let (Some(d), Value::Object(e)) = (data.as_object_mut(), extra) {
            d.extend(e);
        }
        WebhookEvent {
            gebeurtenis: Gebeurtenis::ActieplanGewijzigd,
            thema_id,
            vertrouwelijk: false,
            data,
        }
    }
}

/// The events a webhook listens to, from its stored JSON (unknown texts are skipped).
pub fn gebeurtenissen(w: &webhook::Model) -> Vec<Gebeurtenis> {
    serde_json::from_str::<Vec<String>>(&w.gebeurtenissen)
        .unwrap_or_default()
        .iter()
        .filter_map(|s| Gebeurtenis::from_text(s))
        .collect()
}

/// Writes the outbox rows of a change to actie `a` (as it is after the change, in plan and thema
/// `(actieplan_id, thema_id)`) in the change's transaction.
pub(crate) async fn aankondigen(
    txn: &sea_orm::DatabaseTransaction,
    g: Gebeurtenis,
    a: &actie::Model,
    (actieplan_id, thema_id): (i32, i32),
) -> crate::error::ServiceResult<()> {
    enqueue(txn, &WebhookEvent::actie(g, a, actieplan_id, thema_id)).await?;
    Ok(())
}

/// Writes the outbox rows of `actieplan.gewijzigd` for plan `p` as it is after the change; `wijziging` says what
/// changed (`aangemaakt`, `gewijzigd`, `opgaven`, `acties`, `geimporteerd`).
pub(crate) async fn plan_melden<C: ConnectionTrait>(
    c: &C,
    p: &crate::entities::actieplan::Model,
    wijziging: &str,
) -> Result<usize, DbErr> {
    let extra = json!({
        "titel": p.titel,
        "status": p.status.to_uppercase(),
        "versie": p.versie,
        "wijziging": wijziging,
    });
    enqueue(c, &WebhookEvent::actieplan(p.id, p.thema_id, extra)).await
}

/// Writes the outbox rows of `event` in transaction `c`: one per active webhook that listens to its type and
/// whose scope may see it. Call it after the change and before the commit (then [`Webhooks::wek`]); returns how
/// many rows it wrote. The payload is `{"type", "timestamp", "data"}` as Standard Webhooks suggests.
pub async fn enqueue<C: ConnectionTrait>(c: &C, event: &WebhookEvent) -> Result<usize, DbErr> {
    let mut q = webhook::Entity::find().filter(webhook::Column::Actief.eq(true));
    if event.vertrouwelijk {
        q = q.filter(webhook::Column::Vertrouwelijk.eq(true));
    }
    let kandidaten = q.all(c).await?;
    if kandidaten.is_empty() {
        return Ok(0);
    }
    let in_thema: std::collections::HashSet<i32> = webhook_thema::Entity::find()
        .filter(webhook_thema::Column::ThemaId.eq(event.thema_id))
        .all(c)
        .await?
        .into_iter()
        .map(|r| r.webhook_id)
        .collect();
    let nu = chrono::Utc::now();
    let payload = json!({
        "type": event.gebeurtenis.as_str(),
        "timestamp": nu,
        "data": event.data,
    })
    .to_string();
    let rows: Vec<_> = kandidaten
        .iter()
        .filter(|w| w.alle_themas || in_thema.contains(&w.id))
        .filter(|w| gebeurtenissen(w).contains(&event.gebeurtenis))
        .map(|w| webhook_levering::ActiveModel {
            webhook_id: Set(w.id),
            gebeurtenis: Set(event.gebeurtenis),
            bericht_id: Set(format!("msg_{}", crate::toegang::geheim::willekeurig())),
            payload: Set(payload.clone()),
            toestand: Set(Toestand::Wachtend),
            pogingen: Set(0),
            volgende_poging_op: Set(nu),
            geclaimd_tot: Set(None),
            laatste_status: Set(None),
            laatste_antwoord: Set(None),
            laatste_fout: Set(None),
            aangemaakt_op: Set(nu),
            laatste_poging_op: Set(None),
            bezorgd_op: Set(None),
            ..Default::default()
        })
        .collect();
    let n = rows.len();
    if n > 0 {
        webhook_levering::Entity::insert_many(rows).exec(c).await?;
    }
    Ok(n)
}
