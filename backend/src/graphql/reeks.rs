//! `rollupReeks` in the schema: the trend of a plan or opgave, its roll-up at evenly spaced moments.

use super::types::RollupGql;
use super::zicht::zicht;
use crate::service::Services;
use crate::service::peil::reeks::{self, Interval, Punt};
use async_graphql::{Context, Enum, ErrorExtensions, Object, Result};
use chrono::{DateTime, Utc};

/// De stap tussen twee punten van een reeks.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "ReeksInterval")]
pub enum ReeksIntervalGql {
    /// Een dag.
    Dag,
    /// Een week.
    Week,
    /// Een kalendermaand.
    Maand,
    /// Drie kalendermaanden.
    Kwartaal,
}

impl From<ReeksIntervalGql> for Interval {
    fn from(i: ReeksIntervalGql) -> Self {
        match i {
            ReeksIntervalGql::Dag => Interval::Dag,
            ReeksIntervalGql::Week => Interval::Week,
            ReeksIntervalGql::Maand => Interval::Maand,
            ReeksIntervalGql::Kwartaal => Interval::Kwartaal,
        }
    }
}

/// Eén punt van een reeks: de samenvatting zoals die op dat moment was.
pub struct ReeksPunt(pub Punt);

/// Eén punt van een reeks: de samenvatting zoals die op dat moment was.
#[Object]
impl ReeksPunt {
    /// Het moment.
    async fn moment(&self) -> DateTime<Utc> {
        self.0.moment
    }

    /// De samenvatting op dat moment, over de acties die u nu mag zien en die toen bestonden.
    async fn rollup(&self) -> RollupGql {
        RollupGql(self.0.samenvatting)
    }
}

/// Of what a series is.
#[derive(Debug, Clone, Copy)]
pub enum Van {
    /// A plan.
    Plan(i32),
    /// An opgave.
    Opgave(i32),
}

/// The series of `van` for this request.
pub async fn reeks(
    ctx: &Context<'_>,
    van: Van,
    begin: DateTime<Utc>,
    eind: Option<DateTime<Utc>>,
    interval: ReeksIntervalGql,
    zonder_vertrouwelijk: Option<bool>,
) -> Result<Vec<ReeksPunt>> {
    let mut z = zicht(ctx)?;
    if zonder_vertrouwelijk == Some(true) {
        z = z.zonder_vertrouwelijk();
    }
    let db = &ctx.data::<Services>()?.db.reader;
    let momenten =
        reeks::momenten(begin, eind.unwrap_or_else(Utc::now), interval.into()).map_err(|e| e.extend())?;
    let punten = match van {
        Van::Plan(id) => reeks::van_actieplan(db, &z, id, &momenten).await,
        Van::Opgave(id) => reeks::van_opgave(db, &z, id, &momenten).await,
    }
    .map_err(|e| e.extend())?;
    Ok(punten.into_iter().map(ReeksPunt).collect())
}
