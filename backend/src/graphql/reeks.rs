//! `rollupReeks` in the schema: the trend of a plan or opgave, its roll-up at evenly spaced moments.

use super::types::RollupGql;
use super::zicht::zicht;
use crate::service::Services;
use crate::service::peil::reeks::{self, Interval, Punt};
use crate::service::trend::{reeks_per_actieplan, reeks_per_opgave};
use crate::service::zicht::Zicht;
use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, Enum, ErrorExtensions, Object, Result};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// De stap tussen twee punten van een reeks.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Hash, Debug)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    // Checked here too, so a bad range is an error of this field even when the batch fails as a whole.
    reeks::momenten(begin, eind.unwrap_or_else(Utc::now), interval.into()).map_err(|e| e.extend())?;
    // Through the loader: a board asking every plan's and opgave's trend costs one batch of each.
    let punten = ctx
        .data::<DataLoader<ReeksPerPlan>>()?
        .load_one((z, begin, eind, interval, van))
        .await?
        .unwrap_or_default();
    Ok(punten.into_iter().map(ReeksPunt).collect())
}

/// A key of [`ReeksPerPlan`]: viewer, first point, last point, interval and plan or opgave.
pub type ReeksSleutel = (Zicht, DateTime<Utc>, Option<DateTime<Utc>>, ReeksIntervalGql, Van);

/// The series per plan and per opgave, batched per viewer, series and kind (one request's moments are computed
/// once, so every plan and opgave of a board gets the same points).
pub struct ReeksPerPlan(pub Services);

impl Loader<ReeksSleutel> for ReeksPerPlan {
    type Value = Vec<Punt>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[ReeksSleutel]) -> Result<HashMap<ReeksSleutel, Self::Value>> {
        let soort = |v: Van| matches!(v, Van::Plan(_));
        let id = |v: Van| match v {
            Van::Plan(id) | Van::Opgave(id) => id,
        };
        let mut groepen: Vec<(&ReeksSleutel, Vec<i32>)> = Vec::new();
        for k in keys {
            match groepen
                .iter_mut()
                .find(|(g, _)| (&g.0, g.1, g.2, g.3, soort(g.4)) == (&k.0, k.1, k.2, k.3, soort(k.4)))
            {
                Some((_, ids)) => ids.push(id(k.4)),
                None => groepen.push((k, vec![id(k.4)])),
            }
        }
        let db = &self.0.db.reader;
        let mut out = HashMap::new();
        for ((z, begin, eind, interval, van), ids) in groepen {
            let momenten = reeks::momenten(*begin, eind.unwrap_or_else(Utc::now), (*interval).into())
                .map_err(|e| e.extend())?;
            let (found, maak): (_, fn(i32) -> Van) = match van {
                Van::Plan(_) => (reeks_per_actieplan(db, z, &ids, &momenten).await, Van::Plan),
                Van::Opgave(_) => (reeks_per_opgave(db, z, &ids, &momenten).await, Van::Opgave),
            };
            out.extend(
                found
                    .map_err(|e| e.extend())?
                    .into_iter()
                    .map(|(id, v)| ((z.clone(), *begin, *eind, *interval, maak(id)), v)),
            );
        }
        Ok(out)
    }
}
