//! Errors of the service layer and how they reach API clients.
//!
//! Policy:
//! - Every error a client can cause is a [`ServiceError`] variant with a stable `extensions.code`:
//!   `BAD_USER_INPUT` (with `field`, the offending input field, and `fouten`, every problem found),
//!   `NOT_FOUND`, `CONFLICT` (with `huidigeVersie`), `UNAUTHENTICATED` (sign in first), `FORBIDDEN` (signed in,
//!   but not allowed), `CSRF_REQUIRED` (a change over the session cookie without its `X-CSRF-Token`). These change nothing: validation happens before any write
//!   and a write happens in one transaction.
//! - `DATABASE_WRITE_FAILED`: the database did not store the change (the commit failed: a full disk, an I/O
//!   error, a database file deleted under the server; see [`crate::db::Db::commit`]). Nothing is acknowledged;
//!   the client may send the same change again later.
//! - Anything else is `DATABASE_UNAVAILABLE` when the database cannot be reached (down, restarting, locked,
//!   connection lost: see [`is_unavailable`]) and `INTERNAL` otherwise (a broken row, a failing statement):
//!   logged in full on the server, reported to the client without internals.
//! - Request paths never panic: no `unwrap`/`expect` outside tests and start-up.

use async_graphql::{ErrorExtensions, FieldError as GqlError};
use koers_shared::{FieldError, Melding};
use sea_orm::{DbErr, RuntimeErr, SqlxError, SqlxPostgresError, SqlxSqliteError};

/// Result of a service call.
pub type ServiceResult<T> = Result<T, ServiceError>;

/// What can go wrong in the service layer.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The input breaks a rule; the first field is the main one.
    #[error("ongeldige invoer: {}", .0.first().map(FieldError::tekst).unwrap_or_else(|| "onbekend".into()))]
    Invalid(Vec<FieldError>),
    /// No such record.
    #[error("{0} niet gevonden")]
    NotFound(String),
    /// Optimistic concurrency: the record changed since the client read it.
    #[error("intussen gewijzigd door een ander: de huidige versie is {huidige}, u stuurde {gestuurd}")]
    Conflict {
        /// The current version.
        huidige: i32,
        /// The version the client sent.
        gestuurd: i32,
    },
    /// Nobody is signed in, and the operation needs someone.
    #[error("meld u eerst aan")]
    Unauthenticated,
    /// Signed in, but not allowed to do this.
    #[error("u mag dit niet: {0}")]
    Forbidden(String),
    /// A change sent with the session cookie but without the session's CSRF token.
    #[error("stuur het CSRF-token van uw sessie mee in de header X-CSRF-Token")]
    CsrfRequired,
    /// The database did not store the change; why, in words for the client.
    #[error("de wijziging is niet opgeslagen: {0}")]
    WriteFailed(String),
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

    /// A single invalid field, with a message that has a key of its own.
    pub fn melding(veld: &str, melding: Melding) -> Self {
        ServiceError::Invalid(vec![FieldError::met(veld, melding)])
    }

    /// The stable code clients see in `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ServiceError::Invalid(_) => "BAD_USER_INPUT",
            ServiceError::NotFound(_) => "NOT_FOUND",
            ServiceError::Conflict { .. } => "CONFLICT",
            ServiceError::Unauthenticated => "UNAUTHENTICATED",
            ServiceError::Forbidden(_) => "FORBIDDEN",
            ServiceError::CsrfRequired => "CSRF_REQUIRED",
            ServiceError::WriteFailed(_) => "DATABASE_WRITE_FAILED",
            ServiceError::Database(e) if is_unavailable(e) => "DATABASE_UNAVAILABLE",
            ServiceError::Database(e) if is_bad_text(e) => "BAD_USER_INPUT",
            ServiceError::Database(e) if cannot_store(e) => "DATABASE_WRITE_FAILED",
            ServiceError::Database(_) | ServiceError::Internal(_) => "INTERNAL",
        }
    }
}

/// Whether `e` means the database cannot be reached right now (down, restarting, locked by another process,
/// connection lost mid-query) rather than that a statement or a row is wrong. Such errors are transient: the
/// pool reconnects on its own once the database is back.
pub fn is_unavailable(e: &DbErr) -> bool {
    match e {
        // No connection within the pool's acquire timeout (server down: every connect attempt is refused).
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        // A connection that broke while in use: sea-orm wraps it as a failed statement.
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => sqlx_unavailable(e),
        _ => false,
    }
}

/// Whether the database refused a text it cannot hold (PostgreSQL: a NUL byte, SQLSTATE 22021 or 22P05). The
/// input checks refuse such text first, naming the field; this keeps any path they miss a client error.
pub fn is_bad_text(e: &DbErr) -> bool {
    match e {
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => match &**e {
            SqlxError::Database(d) => {
                d.try_downcast_ref::<SqlxPostgresError>().is_some()
                    && matches!(d.code().as_deref(), Some("22021" | "22P05"))
            }
            _ => false,
        },
        _ => false,
    }
}

const FULL: &str = "de schijf is vol";
const READ_ONLY: &str = "het databasebestand is alleen-lezen of verplaatst";
const NO_RESOURCES: &str = "de database heeft onvoldoende middelen";

/// Whether `e`, from any statement, means that the database cannot store anything now (a full disk, a
/// read-only or moved file, no resources left), rather than that the statement is wrong.
fn cannot_store(e: &DbErr) -> bool {
    storage_failure(e).is_some_and(|r| [FULL, READ_ONLY, NO_RESOURCES].contains(&r))
}

/// Why the database could not store a change, when `e` says so: a full disk, an I/O error, a read-only or
/// moved file (SQLite), or no room left (PostgreSQL class 53, `58030` io_error). In words for clients and
/// `/readyz`.
pub fn storage_failure(e: &DbErr) -> Option<&'static str> {
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = e else {
        return None;
    };
    let SqlxError::Database(d) = &**e else {
        return None;
    };
    let code = d.code().unwrap_or_default();
    if d.try_downcast_ref::<SqlxSqliteError>().is_some() {
        match code.parse::<i32>().map(|c| c & 0xff) {
            Ok(13) => Some(FULL),
            Ok(10) => Some("de schijf gaf een schrijffout"),
            Ok(8) => Some(READ_ONLY),
            _ => None,
        }
    } else if d.try_downcast_ref::<SqlxPostgresError>().is_some() {
        match &*code {
            "53100" => Some(FULL),
            "58030" => Some("de schijf gaf een schrijffout"),
            c if c.starts_with("53") => Some(NO_RESOURCES),
            _ => None,
        }
    } else {
        None
    }
}

fn sqlx_unavailable(e: &SqlxError) -> bool {
    match e {
        SqlxError::Io(_)
        | SqlxError::Tls(_)
        | SqlxError::PoolTimedOut
        | SqlxError::PoolClosed
        | SqlxError::WorkerCrashed => true,
        SqlxError::Database(d) => {
            let code = d.code().unwrap_or_default();
            if d.try_downcast_ref::<SqlxPostgresError>().is_some() {
                // Class 08: connection exception; 57P01–57P03: the server shuts down, crashed or is starting.
                code.starts_with("08") || matches!(&*code, "57P01" | "57P02" | "57P03")
            } else if d.try_downcast_ref::<SqlxSqliteError>().is_some() {
                // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes: another process holds the
                // file longer than the busy timeout; SQLITE_CANTOPEN (14): the file is gone.
                code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6 | 14))
            } else {
                false
            }
        }
        _ => false,
    }
}

impl ErrorExtensions for ServiceError {
    fn extend(&self) -> GqlError {
        let message = match self {
            ServiceError::Database(e) if is_bad_text(e) => {
                "de tekst bevat een teken dat niet kan worden opgeslagen".to_string()
            }
            ServiceError::Database(_) | ServiceError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                if self.code() == "DATABASE_UNAVAILABLE" {
                    "de database is tijdelijk niet bereikbaar".to_string()
                } else if let ServiceError::Database(e) = self
                    && cannot_store(e)
                    && let Some(reden) = storage_failure(e)
                {
                    ServiceError::WriteFailed(reden.to_string()).to_string()
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
                            m.insert(async_graphql::Name::new("melding"), f.tekst().into());
                            m.insert(async_graphql::Name::new("sleutel"), f.melding.sleutel().into());
                            let waarden = f
                                .melding
                                .waarden()
                                .into_iter()
                                .map(|(k, v)| (async_graphql::Name::new(k), async_graphql::Value::from(v)))
                                .collect();
                            m.insert(
                                async_graphql::Name::new("waarden"),
                                async_graphql::Value::Object(waarden),
                            );
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

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::ConnAcquireErr;
    use std::sync::Arc;

    fn sqlx(e: SqlxError) -> RuntimeErr {
        RuntimeErr::SqlxError(Arc::new(e))
    }

    #[test]
    fn an_unreachable_database_is_unavailable_not_internal() {
        let down = [
            DbErr::ConnectionAcquire(ConnAcquireErr::Timeout),
            DbErr::ConnectionAcquire(ConnAcquireErr::ConnectionClosed),
            DbErr::Query(sqlx(SqlxError::Io(std::io::ErrorKind::ConnectionReset.into()))),
            DbErr::Exec(sqlx(SqlxError::Io(std::io::ErrorKind::UnexpectedEof.into()))),
            DbErr::Query(sqlx(SqlxError::PoolTimedOut)),
        ];
        for e in down {
            assert_eq!(ServiceError::Database(e).code(), "DATABASE_UNAVAILABLE");
        }
        let broken = [
            DbErr::Query(sqlx(SqlxError::RowNotFound)),
            DbErr::Type("x".into()),
            DbErr::RecordNotFound("x".into()),
        ];
        for e in broken {
            assert_eq!(ServiceError::Database(e).code(), "INTERNAL");
        }
    }
}
