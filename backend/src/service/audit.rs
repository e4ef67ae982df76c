//! The audit log: written in the same transaction as the change it records, read by a beheerder.

use super::Services;
use crate::entities::audit;
use crate::error::{ServiceError, ServiceResult};
use crate::toegang::{Kijker, Wie};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

/// Largest page of the audit log.
pub const MAX_PAGE: u64 = 200;

/// Writes one audit entry for `kijker` doing `handeling` on `object`.
pub async fn schrijf<C: ConnectionTrait>(
    c: &C,
    kijker: &Kijker,
    handeling: &str,
    object: Option<String>,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    let (gebruiker_id, sessie_id, token_id) = match &kijker.wie {
        Wie::Gebruiker { id, sessie_id, .. } => (Some(*id), Some(*sessie_id), None),
        Wie::Token { id, .. } => (None, None, Some(*id)),
        Wie::Anoniem | Wie::Systeem(_) => (None, None, None),
    };
    audit::ActiveModel {
        tijdstip: Set(chrono::Utc::now()),
        actor: Set(kijker.naam()),
        gebruiker_id: Set(gebruiker_id),
        sessie_id: Set(sessie_id),
        token_id: Set(token_id),
        handeling: Set(handeling.to_string()),
        object: Set(object),
        details: Set(details.to_string()),
        ..Default::default()
    }
    .insert(c)
    .await?;
    Ok(())
}

/// What to read from the log: newest first, before entry `voor`, optionally one `handeling`.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub handeling: Option<String>,
    pub voor: Option<i32>,
    pub aantal: u64,
}

/// A page of the log, newest first.
#[derive(Debug, Clone)]
pub struct AuditPagina {
    pub regels: Vec<audit::Model>,
    pub meer: bool,
    pub totaal: u64,
}

impl Services {
    /// Reads the audit log; only a beheerder may.
    pub async fn audit_log(&self, kijker: &Kijker, f: AuditFilter) -> ServiceResult<AuditPagina> {
        if !kijker.beheer {
            return Err(if kijker.is_aangemeld() {
                ServiceError::Forbidden("alleen een beheerder leest het auditlog".into())
            } else {
                ServiceError::Unauthenticated
            });
        }
        let mut q = audit::Entity::find();
        if let Some(h) = &f.handeling {
            q = q.filter(audit::Column::Handeling.eq(h.clone()));
        }
        let totaal = q.clone().count(&self.db.reader).await?;
        if let Some(v) = f.voor {
            q = q.filter(audit::Column::Id.lt(v));
        }
        let mut regels = q
            .order_by_desc(audit::Column::Id)
            .limit(f.aantal + 1)
            .all(&self.db.reader)
            .await?;
        let meer = regels.len() as u64 > f.aantal;
        regels.truncate(usize::try_from(f.aantal).unwrap_or(usize::MAX));
        Ok(AuditPagina { regels, meer, totaal })
    }
}
