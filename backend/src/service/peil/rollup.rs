//! Roll-ups as of a moment: each actie counted in the opgave it was in then, with its state of then, merged up
//! to plan and thema by the same fold as the current roll-ups ([`crate::service::rollups`]).

use super::{ActieOp, ooit_in, standen, themas_van};
use crate::entities::{actie, actieplan};
use crate::error::ServiceResult;
use crate::service::rollups::{
    Samenvatting, met_plan, per_actieplan_uit, per_thema_uit, stand as actie_stand,
};
use crate::service::zicht::Zicht;
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// What a roll-up needs of an actie now: id, opgave, confidentiality and the thema of its plan.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActieMeta {
    pub id: i32,
    pub opgave_id: i32,
    pub vertrouwelijk: bool,
    pub thema_id: i32,
}

/// The acties that may have been in the opgaven `ids` by `tot` (visible or not), and the thema of each of
/// those opgaven.
#[derive(Debug, Clone, Default)]
pub(crate) struct Kring {
    pub acties: Vec<ActieMeta>,
    pub thema: HashMap<i32, i32>,
}

impl Kring {
    /// The ids of its acties.
    pub fn ids(&self) -> Vec<i32> {
        self.acties.iter().map(|a| a.id).collect()
    }
}

/// The [`Kring`] of the opgaven `ids` up to `tot`.
pub(crate) async fn kring(db: &DatabaseConnection, ids: &[i32], tot: DateTime<Utc>) -> ServiceResult<Kring> {
    if ids.is_empty() {
        return Ok(Kring::default());
    }
    let q = actie::Entity::find()
        .select_only()
        .column(actie::Column::Id)
        .column(actie::Column::OpgaveId)
        .column(actie::Column::Vertrouwelijk)
        .column(actieplan::Column::ThemaId);
    let rows: Vec<(i32, i32, bool, i32)> = met_plan(q, actie::Column::OpgaveId)
        .filter(ooit_in(ids, tot))
        .into_tuple()
        .all(db)
        .await?;
    Ok(Kring {
        acties: rows
            .into_iter()
            .map(|(id, opgave_id, vertrouwelijk, thema_id)| ActieMeta {
                id,
                opgave_id,
                vertrouwelijk,
                thema_id,
            })
            .collect(),
        thema: themas_van(db, ids).await?,
    })
}

/// The roll-up per opgave of the kring's opgaven as `zicht` sees it, the state of each actie given by `toen`
/// (absent: it did not exist). As [`crate::service::rollups::per_opgave`]: acties in a thema it may not see
/// are not even counted; one it may not see now, or not where it was then, is counted as hidden.
pub(crate) fn samenvatten<'a>(
    zicht: &Zicht,
    kring: &Kring,
    toen: impl Fn(i32) -> Option<&'a ActieOp>,
) -> ServiceResult<HashMap<i32, Samenvatting>> {
    let mut map: HashMap<i32, Samenvatting> = kring
        .thema
        .keys()
        .map(|id| (*id, Samenvatting::default()))
        .collect();
    for a in &kring.acties {
        let Some(s) = toen(a.id) else { continue };
        let opgave = s.opgave_id.unwrap_or(a.opgave_id);
        let Some(&thema) = kring.thema.get(&opgave) else {
            continue;
        };
        if !zicht.ziet_thema(thema) {
            continue;
        }
        let e = map.entry(opgave).or_default();
        if zicht.ziet_actie(thema, a.vertrouwelijk) && zicht.ziet_actie(a.thema_id, a.vertrouwelijk) {
            e.rollup
                .add(&actie_stand(&s.status, s.gezondheid.as_deref(), s.voortgang)?);
        } else {
            e.verborgen += 1;
        }
    }
    Ok(map)
}

/// Roll-up per opgave id at `moment`, as `zicht` sees it.
pub async fn rollup_per_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Samenvatting>> {
    let kring = kring(db, ids, moment).await?;
    let toen = standen(db, &kring.ids(), moment).await?;
    let mut map = samenvatten(zicht, &kring, |id| toen.get(&id))?;
    for id in ids {
        map.entry(*id).or_default();
    }
    Ok(map)
}

/// Roll-up per plan id at `moment`, as `zicht` sees it.
pub async fn rollup_per_actieplan(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Samenvatting>> {
    per_actieplan_uit(db, ids, |o| async move {
        rollup_per_opgave(db, zicht, &o, moment).await
    })
    .await
}

/// Roll-up per thema id at `moment`, as `zicht` sees it.
pub async fn rollup_per_thema(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Samenvatting>> {
    per_thema_uit(db, ids, |p| async move {
        rollup_per_actieplan(db, zicht, &p, moment).await
    })
    .await
}
