//! Scheduled jobs, each run once per period across every instance on the database: an instance claims the
//! period's run by inserting its row in `taak_run` (unique per job and period, so one insert wins) with a lease;
//! an unfinished run whose lease ended (its instance died) is taken over by the next instance that looks.
//! Jobs must be safe to run again (a run taken over may have done part of its work).

use super::Services;
use crate::config::Taken;
use crate::entities::{sessie, taak_run};
use crate::error::ServiceResult;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement,
};
use std::time::Duration;

/// The job that removes what has expired: sessions, sign-in counters, old run log rows.
pub const OPRUIMEN: &str = "opruimen";
/// How long an expired or ended session is kept (for the audit trail's sake) before it is removed.
const SESSIE_BEWAREN: chrono::TimeDelta = chrono::TimeDelta::days(7);
/// How long the run log is kept.
const LOG_BEWAREN: chrono::TimeDelta = chrono::TimeDelta::days(30);

/// The period of `nu` for a job every `interval`: whole intervals since 1970.
pub fn periode(nu: DateTime<Utc>, interval: Duration) -> i64 {
    let secs = i64::try_from(std::cmp::max(interval.as_secs(), 1)).unwrap_or(i64::MAX);
    nu.timestamp().div_euclid(secs)
}

fn lease_tot(nu: DateTime<Utc>, lease: Duration) -> DateTime<Utc> {
    nu + chrono::TimeDelta::from_std(lease).unwrap_or(chrono::TimeDelta::minutes(5))
}

/// Runs the jobs until the task is aborted: looks a few times per interval whether a run is due.
pub async fn plan(services: Services, taken: Taken) {
    let tik = (taken.interval / 10).clamp(Duration::from_millis(100), Duration::from_secs(30));
    loop {
        if let Err(e) = services.taak_draaien(OPRUIMEN, taken).await {
            tracing::warn!(error = %e, taak = OPRUIMEN, "geplande taak niet gelukt");
        }
        // Every tick, not once per period: a meeting begins at its own moment; the unique key makes it once.
        if let Err(e) = services.rvo_standen_vastleggen().await {
            tracing::warn!(error = %e, taak = "rvo-stand", "stand van de RVO-vergadering niet vastgelegd");
        }
        tokio::time::sleep(tik).await;
    }
}

impl Services {
    /// Runs job `naam` if its current period has no run yet, or takes over a run whose instance's lease
    /// ended; `Ok(None)` when there was nothing to do, else what the run did.
    pub async fn taak_draaien(&self, naam: &str, taken: Taken) -> ServiceResult<Option<String>> {
        let Some(id) = self.claim(naam, taken).await? else {
            return Ok(None);
        };
        let resultaat = match naam {
            OPRUIMEN => self.opruimen().await,
            _ => Ok(format!("onbekende taak {naam}")),
        };
        let tekst = match &resultaat {
            Ok(t) => t.clone(),
            Err(e) => format!("mislukt: {e}"),
        };
        let txn = self.db.begin_write().await?;
        taak_run::Entity::update_many()
            .col_expr(taak_run::Column::KlaarOp, Expr::value(Utc::now()))
            .col_expr(taak_run::Column::Resultaat, Expr::value(tekst.clone()))
            .filter(taak_run::Column::Id.eq(id))
            .filter(taak_run::Column::Instantie.eq(&*self.instantie))
            .exec(&txn)
            .await?;
        self.db.commit(txn).await?;
        resultaat?;
        Ok(Some(tekst))
    }

    /// The id of the run this instance now holds: the current period's (a new row) or one taken over.
    async fn claim(&self, naam: &str, taken: Taken) -> ServiceResult<Option<i32>> {
        let nu = Utc::now();
        let periode = periode(nu, taken.interval);
        let txn = self.db.begin_write().await?;
        let nieuw = taak_run::ActiveModel {
            naam: Set(naam.to_string()),
            periode: Set(periode),
            instantie: Set(self.instantie.to_string()),
            begonnen_op: Set(nu),
            geclaimd_tot: Set(lease_tot(nu, taken.lease)),
            klaar_op: Set(None),
            pogingen: Set(1),
            resultaat: Set(None),
            ..Default::default()
        };
        let ingevoegd = taak_run::Entity::insert(nieuw)
            .on_conflict(
                OnConflict::columns([taak_run::Column::Naam, taak_run::Column::Periode])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        let mut geclaimd = None;
        if ingevoegd == 1 {
            geclaimd = taak_run::Entity::find()
                .filter(taak_run::Column::Naam.eq(naam))
                .filter(taak_run::Column::Periode.eq(periode))
                .one(&txn)
                .await?
                .map(|r| r.id);
        } else if let Some(dood) = taak_run::Entity::find()
            .filter(taak_run::Column::Naam.eq(naam))
            .filter(taak_run::Column::KlaarOp.is_null())
            .filter(taak_run::Column::GeclaimdTot.lt(nu))
            .order_by_asc(taak_run::Column::Id)
            .one(&txn)
            .await?
        {
            // The same conditions again: of two instances that both saw it, one update wins.
            let r = taak_run::Entity::update_many()
                .col_expr(
                    taak_run::Column::Instantie,
                    Expr::value(self.instantie.to_string()),
                )
                .col_expr(
                    taak_run::Column::GeclaimdTot,
                    Expr::value(lease_tot(nu, taken.lease)),
                )
                .col_expr(
                    taak_run::Column::Pogingen,
                    Expr::col(taak_run::Column::Pogingen).add(1),
                )
                .filter(taak_run::Column::Id.eq(dood.id))
                .filter(taak_run::Column::KlaarOp.is_null())
                .filter(taak_run::Column::GeclaimdTot.lt(nu))
                .exec(&txn)
                .await?;
            if r.rows_affected == 1 {
                tracing::info!(taak = naam, van = %dood.instantie, "onafgemaakte taak overgenomen");
                geclaimd = Some(dood.id);
            }
        }
        self.db.commit(txn).await?;
        Ok(geclaimd)
    }

    /// Removes sessions that ended more than a week ago, sign-in counters of past minutes and run log rows
    /// older than a month.
    async fn opruimen(&self) -> ServiceResult<String> {
        let nu = Utc::now();
        let grens = nu - SESSIE_BEWAREN;
        let txn = self.db.begin_write().await?;
        let sessies = sessie::Entity::delete_many()
            .filter(
                sessie::Column::VerlooptOp
                    .lt(grens)
                    .or(sessie::Column::IngetrokkenOp.lt(grens)),
            )
            .exec(&txn)
            .await?
            .rows_affected;
        let backend = txn.get_database_backend();
        let pogingen = txn
            .execute_raw(Statement::from_sql_and_values(
                backend,
                match backend {
                    sea_orm::DbBackend::Postgres => "DELETE FROM aanmeldpoging WHERE venster < $1",
                    _ => "DELETE FROM aanmeldpoging WHERE venster < ?",
                },
                [(super::grenzen::venster(nu) - 1).into()],
            ))
            .await?
            .rows_affected();
        let runs = taak_run::Entity::delete_many()
            .filter(taak_run::Column::BegonnenOp.lt(nu - LOG_BEWAREN))
            .exec(&txn)
            .await?
            .rows_affected;
        self.db.commit(txn).await?;
        Ok(format!(
            "{sessies} sessies, {pogingen} aanmeldtellers, {runs} oude runs verwijderd"
        ))
    }
}
