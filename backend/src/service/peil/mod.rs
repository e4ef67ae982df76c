//! The state as of a moment (a "peilmoment"), reconstructed from the actie history: an actie existed then when
//! it has a history row at or before it, and its status, health (with reason), progress and opgave are those
//! of its latest such row. What the history does not record — titles, confidentiality — is as now. Plans and
//! opgaven of then come from the beheer history ([`plannen`]). A viewer
//! sees of the past only what it may see today and could see then: an actie moved between thema's shows only
//! to who may see both.
//!
//! A peilmoment before any history gives the defined answer "nothing existed yet" (empty roll-ups, no
//! acties); one more than [`PEIL_MARGE_SECONDEN`] past the server's clock is BAD_USER_INPUT on `peilmoment`.

pub mod acties;
pub mod plannen;
pub mod reeks;
pub mod rollup;
pub mod stand;
mod stand_zicht;

pub use acties::{acties_by_id, acties_per_opgave};
pub use rollup::{rollup_per_actieplan, rollup_per_opgave, rollup_per_thema};

use crate::entities::{actie, actieplan, opgave, voortgangsupdate};
use crate::error::{ServiceError, ServiceResult};
use chrono::{DateTime, Utc};
use koers_shared::Melding;
use koers_shared::peil::PEIL_MARGE_SECONDEN;
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
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
    /// The opgave it was in (`None`: not recorded, as now). Not stored in a snapshot, whose opgave says it.
    #[serde(skip)]
    pub opgave_id: Option<i32>,
}

/// Refuses a peilmoment that lies in the future (beyond the clock-skew margin), naming `veld`.
pub fn controleer(moment: DateTime<Utc>, veld: &str) -> ServiceResult<DateTime<Utc>> {
    if moment > Utc::now() + chrono::TimeDelta::seconds(PEIL_MARGE_SECONDEN) {
        return Err(ServiceError::melding(veld, Melding::InDeToekomst));
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
        .column(voortgangsupdate::Column::OpgaveId)
        .filter(voortgangsupdate::Column::ActieId.is_in(ids.iter().copied()))
        .filter(voortgangsupdate::Column::Tijdstip.lte(tot))
        .order_by_asc(voortgangsupdate::Column::ActieId)
        .order_by_asc(voortgangsupdate::Column::Versie)
        .into_tuple()
        .all(db)
        .await?;
    for (actie_id, versie, tijdstip, status, gezondheid, gezondheid_reden, voortgang, opgave_id) in rows {
        map.entry(actie_id).or_default().push(ActieOp {
            versie,
            tijdstip,
            status,
            gezondheid,
            gezondheid_reden,
            voortgang,
            opgave_id,
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

/// `a` with its state of then: opgave, status, health, reason, progress, version and time of that version.
pub fn als_toen(mut a: actie::Model, s: &ActieOp) -> actie::Model {
    a.opgave_id = s.opgave_id.unwrap_or(a.opgave_id);
    a.status = s.status.clone();
    a.gezondheid = s.gezondheid.clone();
    a.gezondheid_reden = s.gezondheid_reden.clone();
    a.voortgang = s.voortgang;
    a.versie = s.versie;
    a.gewijzigd_op = s.tijdstip;
    a
}

/// The acties that may have been in one of the opgaven `ids` at or before `tot`: those with a history row in
/// them by then, and those in them now (for rows that do not record their opgave). Whether one was in them
/// at a given moment its state then says.
pub(crate) fn ooit_in(ids: &[i32], tot: DateTime<Utc>) -> Condition {
    let rijen = Query::select()
        .column(voortgangsupdate::Column::ActieId)
        .from(voortgangsupdate::Entity)
        .and_where(voortgangsupdate::Column::OpgaveId.is_in(ids.iter().copied()))
        .and_where(voortgangsupdate::Column::Tijdstip.lte(tot))
        .to_owned();
    Condition::any()
        .add(actie::Column::Id.in_subquery(rijen))
        .add(actie::Column::OpgaveId.is_in(ids.iter().copied()))
}

/// The thema of each of the opgaven `ids`.
pub(crate) async fn themas_van(db: &DatabaseConnection, ids: &[i32]) -> ServiceResult<HashMap<i32, i32>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let q = opgave::Entity::find()
        .select_only()
        .column(opgave::Column::Id)
        .column(actieplan::Column::ThemaId);
    let rows: Vec<(i32, i32)> = super::rollups::met_plan_van_opgave(q)
        .filter(opgave::Column::Id.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}
