//! The trend of many plans or opgaven at once (the board's `rollupReeks` per plan and per opgave): one kring
//! and one history for all their opgaven, so the statement count does not grow with the number of rows.

use crate::error::ServiceResult;
use crate::service::peil::reeks::Punt;
use crate::service::peil::rollup::{kring, samenvatten};
use crate::service::peil::{historie, op};
use crate::service::rollups::{Samenvatting, merge_up, opgaven_van};
use crate::service::zicht::Zicht;
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use std::collections::HashMap;

/// The series per plan id (each already known to be visible) at `momenten`, as `zicht` sees it; the same
/// points as [`crate::service::peil::reeks::van_actieplan`] per plan.
pub async fn reeks_per_actieplan(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    momenten: &[DateTime<Utc>],
) -> ServiceResult<HashMap<i32, Vec<Punt>>> {
    let Some(laatste) = momenten.last().copied() else {
        return Ok(ids.iter().map(|id| (*id, Vec::new())).collect());
    };
    let links = opgaven_van(db, ids).await?;
    let opgaven: Vec<i32> = links.iter().map(|(o, _)| *o).collect();
    let kring = kring(db, &opgaven, laatste).await?;
    let h = historie(db, &kring.ids(), laatste).await?;
    let mut out: HashMap<i32, Vec<Punt>> = ids.iter().map(|id| (*id, Vec::new())).collect();
    for &moment in momenten {
        let per_opgave: HashMap<i32, Samenvatting> =
            samenvatten(zicht, &kring, |id| h.get(&id).and_then(|r| op(r, moment)))?;
        for (plan, samenvatting) in merge_up(ids, &links, &per_opgave) {
            out.entry(plan).or_default().push(Punt { moment, samenvatting });
        }
    }
    Ok(out)
}

/// The series per opgave id (each already known to be visible) at `momenten`, as `zicht` sees it; the same
/// points as [`crate::service::peil::reeks::van_opgave`] per opgave.
pub async fn reeks_per_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    momenten: &[DateTime<Utc>],
) -> ServiceResult<HashMap<i32, Vec<Punt>>> {
    let mut out: HashMap<i32, Vec<Punt>> = ids.iter().map(|id| (*id, Vec::new())).collect();
    let Some(laatste) = momenten.last().copied() else {
        return Ok(out);
    };
    let kring = kring(db, ids, laatste).await?;
    let h = historie(db, &kring.ids(), laatste).await?;
    for &moment in momenten {
        let per_opgave = samenvatten(zicht, &kring, |id| h.get(&id).and_then(|r| op(r, moment)))?;
        for (id, punten) in out.iter_mut() {
            let samenvatting = per_opgave.get(id).copied().unwrap_or_default();
            punten.push(Punt { moment, samenvatting });
        }
    }
    Ok(out)
}
