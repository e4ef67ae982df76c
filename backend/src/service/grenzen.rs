//! Limits that all instances on one PostgreSQL hold together: sign-in attempts per client address, counted per
//! minute in `aanmeldpoging` (one upsert per attempt). On SQLite there is one instance, whose own limiter
//! (in `http::ratelimit`) is enough: nothing is counted here.

use super::Services;
use crate::error::ServiceResult;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// The minute of `nu`: whole minutes since 1970.
pub fn venster(nu: DateTime<Utc>) -> i64 {
    nu.timestamp().div_euclid(60)
}

impl Services {
    /// Counts a sign-in attempt from `adres`: `Err(seconds until the next minute)` when this minute already
    /// had `per_minuut` attempts from it, on any instance.
    pub async fn aanmeldpoging(&self, adres: &str, per_minuut: u32) -> ServiceResult<Result<(), u64>> {
        if self.db.backend() != DbBackend::Postgres {
            return Ok(Ok(()));
        }
        let nu = Utc::now();
        let txn = self.db.begin_write().await?;
        let rij = txn
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "INSERT INTO aanmeldpoging (sleutel, venster, aantal) VALUES ($1, $2, 1) \
                 ON CONFLICT (sleutel, venster) DO UPDATE SET aantal = aanmeldpoging.aantal + 1 \
                 RETURNING aantal",
                [adres.into(), venster(nu).into()],
            ))
            .await?;
        self.db.commit(txn).await?;
        let aantal = rij
            .map(|r| r.try_get_by_index::<i32>(0))
            .transpose()?
            .unwrap_or(1);
        if u32::try_from(aantal).unwrap_or(u32::MAX) > per_minuut {
            let rest = 60 - nu.timestamp().rem_euclid(60);
            return Ok(Err(u64::try_from(rest).unwrap_or(60)));
        }
        Ok(Ok(()))
    }
}
