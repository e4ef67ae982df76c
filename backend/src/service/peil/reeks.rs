//! Trend series: the roll-up of a plan or opgave at evenly spaced moments, from the history, in a constant
//! number of queries (the history up to the end is read once and replayed per moment).

use super::rollup::{kring, samenvatten};
use super::{controleer, historie, op};
use crate::error::{ServiceError, ServiceResult};
use crate::service::rollups::Samenvatting;
use crate::service::rollups::opgaven_van;
use crate::service::zicht::Zicht;
use chrono::{DateTime, Months, TimeDelta, Utc};
use koers_shared::Melding;
use koers_shared::peil::MAX_REEKS_PUNTEN;
use sea_orm::DatabaseConnection;

/// The step between two points of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// A day.
    Dag,
    /// A week.
    Week,
    /// A calendar month (the same day of the month, or its last day).
    Maand,
    /// Three calendar months.
    Kwartaal,
}

impl Interval {
    /// The `n`-th moment after `van`, if representable.
    fn na(self, van: DateTime<Utc>, n: u32) -> Option<DateTime<Utc>> {
        match self {
            Interval::Dag => van.checked_add_signed(TimeDelta::days(i64::from(n))),
            Interval::Week => van.checked_add_signed(TimeDelta::weeks(i64::from(n))),
            Interval::Maand => van.checked_add_months(Months::new(n)),
            Interval::Kwartaal => van.checked_add_months(Months::new(n.checked_mul(3)?)),
        }
    }
}

/// The moments of a series: `van`, then every `interval` while before `tot`, and `tot` itself last.
/// BAD_USER_INPUT on `tot` when it lies before `van` or in the future, on `interval` past
/// [`MAX_REEKS_PUNTEN`] points.
pub fn momenten(
    van: DateTime<Utc>,
    tot: DateTime<Utc>,
    interval: Interval,
) -> ServiceResult<Vec<DateTime<Utc>>> {
    let tot = controleer(tot, "tot")?;
    if tot < van {
        return Err(ServiceError::melding("tot", Melding::TotVoorVan));
    }
    let te_veel = || {
        ServiceError::melding(
            "interval",
            Melding::TeVeelPunten {
                max: MAX_REEKS_PUNTEN,
            },
        )
    };
    let mut out = Vec::new();
    for n in 0u32.. {
        match interval.na(van, n) {
            Some(t) if t < tot => out.push(t),
            _ => break,
        }
        if out.len() >= MAX_REEKS_PUNTEN {
            return Err(te_veel());
        }
    }
    out.push(tot);
    Ok(out)
}

/// One point of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Punt {
    /// The moment.
    pub moment: DateTime<Utc>,
    /// The roll-up at that moment, as the viewer sees it.
    pub samenvatting: Samenvatting,
}

/// The series of opgave `ids` together (their roll-ups merged) at `momenten`.
async fn reeks_van_opgaven(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    momenten: &[DateTime<Utc>],
) -> ServiceResult<Vec<Punt>> {
    let Some(laatste) = momenten.last().copied() else {
        return Ok(Vec::new());
    };
    let kring = kring(db, ids, laatste).await?;
    let h = historie(db, &kring.ids(), laatste).await?;
    momenten
        .iter()
        .map(|&moment| {
            let per = samenvatten(zicht, &kring, |id| h.get(&id).and_then(|r| op(r, moment)))?;
            let samenvatting = per.values().fold(Samenvatting::default(), |acc, s| acc.merge(s));
            Ok(Punt { moment, samenvatting })
        })
        .collect()
}

/// The series of opgave `id` (already known to be visible).
pub async fn van_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    id: i32,
    momenten: &[DateTime<Utc>],
) -> ServiceResult<Vec<Punt>> {
    reeks_van_opgaven(db, zicht, &[id], momenten).await
}

/// The series of plan `id` (already known to be visible): all its opgaven together.
pub async fn van_actieplan(
    db: &DatabaseConnection,
    zicht: &Zicht,
    id: i32,
    momenten: &[DateTime<Utc>],
) -> ServiceResult<Vec<Punt>> {
    let opgaven: Vec<i32> = opgaven_van(db, &[id])
        .await?
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    reeks_van_opgaven(db, zicht, &opgaven, momenten).await
}
