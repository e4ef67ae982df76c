//! Errors of the service layer and how they reach API clients.
//!
//! Policy:
//! - Every error a client can cause is a [`ServiceError`] variant with a stable `extensions.code`:
//!   `BAD_USER_INPUT` (with `field`, the offending input field, and `fouten`, every problem found),
//!   `NOT_FOUND`, `CONFLICT` (with `huidigeVersie`). These change nothing: validation happens before any write
//!   and a write happens in one transaction.
//! - Anything else (database down, a broken row) is `INTERNAL` / `DATABASE_UNAVAILABLE`: logged in full on the
//!   server, reported to the client without internals.
//! - Request paths never panic: no `unwrap`/`expect` outside tests and start-up.

use async_graphql::{ErrorExtensions, FieldError as GqlError};
use koers_shared::FieldError;
use sea_orm::DbErr;

/// Result of a service call.
pub type ServiceResult<T> = Result<T, ServiceError>;

/// What can go wrong in the service layer.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The input breaks a rule; the first field is the main one.
    #[error("ongeldige invoer: {}", .0.first().map(|f| f.melding.as_str()).unwrap_or("onbekend"))]
    Invalid(Vec<FieldError>),
    /// No such record.
    #[error("{0} niet gevonden")]
    NotFound(String),
    /// Optimistic concurrency: the record changed since the client read it.
    #[error("de actie is intussen gewijzigd (versie {huidige}, u stuurde {gestuurd})")]
    Conflict {
        /// The current version.
        huidige: i32,
        /// The version the client sent.
        gestuurd: i32,
    },
    /// The database could not be reached or failed.
    #[error("database: {0}")]
    Database(#[from] DbErr),
    /// Stored data that breaks the domain rules.
    #[error("interne fout: {0}")]
    Internal(String),
}

impl ServiceError {
    /// A single invalid field.
    pub fn invalid(veld: &str, melding: impl Into<String>) -> Self {
        ServiceError::Invalid(vec![FieldError::new(veld, melding)])
    }

    /// The stable code clients see in `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ServiceError::Invalid(_) => "BAD_USER_INPUT",
            ServiceError::NotFound(_) => "NOT_FOUND",
            ServiceError::Conflict { .. } => "CONFLICT",
            ServiceError::Database(DbErr::Conn(_) | DbErr::ConnectionAcquire(_)) => "DATABASE_UNAVAILABLE",
            ServiceError::Database(_) | ServiceError::Internal(_) => "INTERNAL",
        }
    }
}

impl ErrorExtensions for ServiceError {
    fn extend(&self) -> GqlError {
        let message = match self {
            ServiceError::Database(_) | ServiceError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                if self.code() == "DATABASE_UNAVAILABLE" {
                    "de database is tijdelijk niet bereikbaar".to_string()
                } else {
                    "interne fout".to_string()
                }
            }
            other => other.to_string(),
        };
        GqlError::new(message).extend_with(|_, e| {
            e.set("code", self.code());
            match self {
                ServiceError::Invalid(fouten) => {
                    if let Some(first) = fouten.first() {
                        e.set("field", first.veld.as_str());
                    }
                    let list: Vec<async_graphql::Value> = fouten
                        .iter()
                        .map(|f| {
                            let mut m = async_graphql::indexmap::IndexMap::new();
                            m.insert(async_graphql::Name::new("veld"), f.veld.as_str().into());
                            m.insert(async_graphql::Name::new("melding"), f.melding.as_str().into());
                            async_graphql::Value::Object(m)
                        })
                        .collect();
                    e.set("fouten", list);
                }
                ServiceError::Conflict { huidige, .. } => e.set("huidigeVersie", *huidige),
                _ => {}
            }
        })
    }
}
