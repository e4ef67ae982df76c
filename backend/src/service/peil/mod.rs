//! The state as of a moment (a "peilmoment"), reconstructed from the actie history: an actie existed then when
//! it has a history row at or before it, and its status, health (with reason) and progress are those of its
//! latest such row. What the history does not record — titles, the opgave, confidentiality — is as now, and
//! so is visibility: a viewer sees of the past only what it may see today.
//!
//! A peilmoment before any history gives the defined answer "nothing existed yet" (empty roll-ups, no
//! acties); one more than [`PEIL_MARGE_SECONDEN`] past the server's clock is BAD_USER_INPUT on `peilmoment`.

pub mod reeks;
pub mod stand;

use super::rollups::{Samenvatting, stand as actie_stand};
use super::zicht::Zicht;
use crate::entities::{actie, actieplan, opgave, voortgangsupdate};
use crate::error::{ServiceError, ServiceResult};
use chrono::{DateTime, Utc};
use koers_shared::peil::PEIL_MARGE_SECONDEN;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The state of one actie at a moment, as its latest history row then says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActieOp {
    /// Its version then.
    pub versie: i32,
    /// When that version was written.
    pub tijdstip: DateTime<Utc>,
    /// Status text.
    pub status: String,
    /// Health text, if any.
    pub gezondheid: Option<String>,
    /// Reason of the health, if any.
    pub gezondheid_reden: Option<String>,
    /// Progress, if any.
    pub voortgang: Option<i32>,
}

/// Refuses a peilmoment that lies in the future (beyond the clock-skew margin), naming `veld`.
pub fn controleer(moment: DateTime<Utc>, veld: &str) -> ServiceResult<DateTime<Utc>> {
    if moment > Utc::now() + chrono::TimeDelta::seconds(PEIL_MARGE_SECONDEN) {
        return Err(ServiceError::invalid(
            veld,
            format!("{veld} ligt in de toekomst; alleen het verleden is na te gaan"),
        ));
    }
    Ok(moment)
}

type HistorieRij = (
    i32,
    i32,
    DateTime<Utc>,
    String,
    Option<String>,
    Option<String>,
    Option<i32>,
);

/// Every history row of `ids` at or before `tot`, per actie by version.
pub(crate) async fn historie(
    db: &DatabaseConnection,
    ids: &[i32],
    tot: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Vec<ActieOp>>> {
    let mut map: HashMap<i32, Vec<ActieOp>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    let rows: Vec<HistorieRij> = voortgangsupdate::Entity::find()
        .select_only()
        .column(voortgangsupdate::Column::ActieId)
        .column(voortgangsupdate::Column::Versie)
        .column(voortgangsupdate::Column::Tijdstip)
        .column(voortgangsupdate::Column::StatusNaar)
        .column(voortgangsupdate::Column::GezondheidNaar)
        .column(voortgangsupdate::Column::GezondheidRedenNaar)
        .column(voortgangsupdate::Column::VoortgangNaar)
        .filter(voortgangsupdate::Column::ActieId.is_in(ids.iter().copied()))
        .filter(voortgangsupdate::Column::Tijdstip.lte(tot))
        .order_by_asc(voortgangsupdate::Column::ActieId)
        .order_by_asc(voortgangsupdate::Column::Versie)
        .into_tuple()
        .all(db)
        .await?;
    for (actie_id, versie, tijdstip, status, gezondheid, gezondheid_reden, voortgang) in rows {
        map.entry(actie_id).or_default().push(ActieOp {
            versie,
            tijdstip,
            status,
            gezondheid,
            gezondheid_reden,
            voortgang,
        });
    }
    Ok(map)
}

/// The state at `moment` from one actie's rows (by version): the highest version written by then.
pub(crate) fn op(rijen: &[ActieOp], moment: DateTime<Utc>) -> Option<&ActieOp> {
    rijen.iter().rev().find(|r| r.tijdstip <= moment)
}

/// The state of each of `ids` at `moment`; an actie that did not exist yet is absent.
pub async fn standen(
    db: &DatabaseConnection,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, ActieOp>> {
    let h = historie(db, ids, moment).await?;
    Ok(h.into_iter()
        .filter_map(|(id, rijen)| op(&rijen, moment).cloned().map(|s| (id, s)))
        .collect())
}

/// `a` with its state of then: status, health, reason, progress, version and time of that version.
pub fn als_toen(mut a: actie::Model, s: &ActieOp) -> actie::Model {
    a.status = s.status.clone();
    a.gezondheid = s.gezondheid.clone();
    a.gezondheid_reden = s.gezondheid_reden.clone();
    a.voortgang = s.voortgang;
    a.versie = s.versie;
    a.gewijzigd_op = s.tijdstip;
    a
}

/// The acties `zicht` may see per opgave as they were at `moment` (those that existed then).
pub async fn acties_per_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Vec<actie::Model>>> {
    let nu = super::lezen::acties_per_opgave(db, zicht, ids).await?;
    let alle: Vec<i32> = nu.values().flatten().map(|a| a.id).collect();
    let toen = standen(db, &alle, moment).await?;
    Ok(nu
        .into_iter()
        .map(|(o, acties)| {
            let acties = acties
                .into_iter()
                .filter_map(|a| toen.get(&a.id).map(|s| als_toen(a, s)))
                .collect();
            (o, acties)
        })
        .collect())
}

/// The acties `zicht` may see by id as they were at `moment`.
pub async fn acties_by_id(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, actie::Model>> {
    let nu = super::lezen::by_ids::<actie::Entity>(db, zicht, ids).await?;
    let alle: Vec<i32> = nu.keys().copied().collect();
    let toen = standen(db, &alle, moment).await?;
    Ok(nu
        .into_iter()
        .filter_map(|(id, a)| toen.get(&id).map(|s| (id, als_toen(a, s))))
        .collect())
}

/// What a roll-up needs of an actie: id, opgave, confidentiality and the thema of its plan.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActieMeta {
    pub id: i32,
    pub opgave_id: i32,
    pub vertrouwelijk: bool,
    pub thema_id: i32,
}

/// Every actie of the opgaven `ids` (visible or not).
pub(crate) async fn acties_van(db: &DatabaseConnection, ids: &[i32]) -> ServiceResult<Vec<ActieMeta>> {
    let rows: Vec<(i32, i32, bool, i32)> = actie::Entity::find()
        .select_only()
        .column(actie::Column::Id)
        .column(actie::Column::OpgaveId)
        .column(actie::Column::Vertrouwelijk)
        .column(actieplan::Column::ThemaId)
        .join(
            JoinType::InnerJoin,
            actie::Entity::belongs_to(opgave::Entity)
                .from(actie::Column::OpgaveId)
                .to(opgave::Column::Id)
                .into(),
        )
        .join(
            JoinType::InnerJoin,
            opgave::Entity::belongs_to(actieplan::Entity)
                .from(opgave::Column::ActieplanId)
                .to(actieplan::Column::Id)
                .into(),
        )
        .filter(actie::Column::OpgaveId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, opgave_id, vertrouwelijk, thema_id)| ActieMeta {
            id,
            opgave_id,
            vertrouwelijk,
            thema_id,
        })
        .collect())
}

/// The roll-up per opgave of `ids` as `zicht` sees it, the state of each actie given by `toen` (absent: it
/// did not exist). As [`super::rollups::per_opgave`]: acties in a thema it may not see are not even counted.
pub(crate) fn samenvatten<'a>(
    zicht: &Zicht,
    ids: &[i32],
    acties: &[ActieMeta],
    toen: impl Fn(i32) -> Option<&'a ActieOp>,
) -> ServiceResult<HashMap<i32, Samenvatting>> {
    let mut map: HashMap<i32, Samenvatting> = ids.iter().map(|id| (*id, Samenvatting::default())).collect();
    for a in acties {
        let Some(s) = toen(a.id) else { continue };
        if !zicht.ziet_thema(a.thema_id) {
            continue;
        }
        let e = map.entry(a.opgave_id).or_default();
        if zicht.ziet_actie(a.thema_id, a.vertrouwelijk) {
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
    let acties = acties_van(db, ids).await?;
    let alle: Vec<i32> = acties.iter().map(|a| a.id).collect();
    let toen = standen(db, &alle, moment).await?;
    samenvatten(zicht, ids, &acties, |id| toen.get(&id))
}

/// Merges child roll-ups into their parents given `(child, parent)` pairs.
fn optellen(
    parents: &[i32],
    links: &[(i32, i32)],
    child: &HashMap<i32, Samenvatting>,
) -> HashMap<i32, Samenvatting> {
    let mut map: HashMap<i32, Samenvatting> =
        parents.iter().map(|id| (*id, Samenvatting::default())).collect();
    for (c, p) in links {
        if let Some(r) = child.get(c) {
            let e = map.entry(*p).or_default();
            *e = e.merge(r);
        }
    }
    map
}

/// `(opgave, plan)` of the plans `ids`.
pub(crate) async fn opgaven_van(db: &DatabaseConnection, ids: &[i32]) -> ServiceResult<Vec<(i32, i32)>> {
    Ok(opgave::Entity::find()
        .select_only()
        .column(opgave::Column::Id)
        .column(opgave::Column::ActieplanId)
        .filter(opgave::Column::ActieplanId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?)
}

/// Roll-up per plan id at `moment`, as `zicht` sees it.
pub async fn rollup_per_actieplan(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Samenvatting>> {
    let links = opgaven_van(db, ids).await?;
    let opgaven: Vec<i32> = links.iter().map(|(o, _)| *o).collect();
    let per_opgave = rollup_per_opgave(db, zicht, &opgaven, moment).await?;
    Ok(optellen(ids, &links, &per_opgave))
}

/// Roll-up per thema id at `moment`, as `zicht` sees it.
pub async fn rollup_per_thema(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Samenvatting>> {
    let links: Vec<(i32, i32)> = actieplan::Entity::find()
        .select_only()
        .column(actieplan::Column::Id)
        .column(actieplan::Column::ThemaId)
        .filter(actieplan::Column::ThemaId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let plannen: Vec<i32> = links.iter().map(|(p, _)| *p).collect();
    let per_plan = rollup_per_actieplan(db, zicht, &plannen, moment).await?;
    Ok(optellen(ids, &links, &per_plan))
}
