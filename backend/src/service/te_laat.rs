//! How many acties are overdue with an update, per opgave and per actieplan, as a viewer may see them: the
//! shared rule [`koers_shared::te_laat`] over the visible acties in progress, their last update being their
//! newest history row (or their last change when they have none). One statement per level, however many
//! opgaven or plans are asked at once.

use super::zicht::{Zicht, Zichtbaar};
use crate::entities::{actie, voortgangsupdate};
use crate::error::{ServiceError, ServiceResult};
use chrono::{DateTime, NaiveDate, Utc};
use koers_shared::Melding;
use koers_shared::Status;
use koers_shared::te_laat::{self, STANDAARD_WEKEN, geldige_weken};
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// Days since 1970-01-01 of `datum` (the day numbers of [`koers_shared::te_laat`]).
pub fn dagnummer(datum: NaiveDate) -> i64 {
    datum
        .signed_duration_since(DateTime::UNIX_EPOCH.date_naive())
        .num_days()
}

/// The limit of [`te_laat::grens`] for `peildatum` and `weken` (default [`STANDAARD_WEKEN`]); weeks outside
/// the shared limits are BAD_USER_INPUT on `weken`.
pub fn grens(peildatum: NaiveDate, weken: Option<i32>) -> ServiceResult<i64> {
    let weken = match weken {
        None => STANDAARD_WEKEN,
        Some(w) => u32::try_from(w)
            .ok()
            .filter(|w| geldige_weken(*w))
            .ok_or_else(|| {
                ServiceError::melding(
                    "weken",
                    Melding::BuitenBereik {
                        min: i64::from(te_laat::MIN_WEKEN),
                        max: i64::from(te_laat::MAX_WEKEN),
                    },
                )
            })?,
    };
    Ok(te_laat::grens(dagnummer(peildatum), weken))
}

/// An actie in progress: its opgave, status, last change and newest history row's moment.
type ActieRij = (i32, String, DateTime<Utc>, Option<DateTime<Utc>>);

/// The number of visible acties overdue against `grens` per opgave id (0 for an opgave without any).
pub async fn per_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    grens: i64,
) -> ServiceResult<HashMap<i32, u32>> {
    let actief = [Status::InUitvoering, Status::Doorlopend].map(|s| s.as_str().to_string());
    let rows: Vec<ActieRij> = actie::Entity::find()
        .select_only()
        .column(actie::Column::OpgaveId)
        .column(actie::Column::Status)
        .column(actie::Column::GewijzigdOp)
        .column_as(
            Expr::col((voortgangsupdate::Entity, voortgangsupdate::Column::Tijdstip)).max(),
            "laatste",
        )
        .join(
            JoinType::LeftJoin,
            actie::Entity::belongs_to(voortgangsupdate::Entity)
                .from(actie::Column::Id)
                .to(voortgangsupdate::Column::ActieId)
                .into(),
        )
        .filter(actie::Entity::zichtbaar(zicht))
        .filter(actie::Column::OpgaveId.is_in(ids.iter().copied()))
        .filter(actie::Column::Status.is_in(actief))
        .group_by(actie::Column::Id)
        .group_by(actie::Column::OpgaveId)
        .group_by(actie::Column::Status)
        .group_by(actie::Column::GewijzigdOp)
        .into_tuple()
        .all(db)
        .await?;
    let mut map: HashMap<i32, u32> = ids.iter().map(|id| (*id, 0)).collect();
    for (opgave_id, status, gewijzigd_op, laatste) in rows {
        let status = status
            .parse::<Status>()
            .map_err(|_| ServiceError::Internal("ongeldige status in database".into()))?;
        let dag = dagnummer(laatste.unwrap_or(gewijzigd_op).date_naive());
        if te_laat::te_laat(status, dag, grens) {
            *map.entry(opgave_id).or_default() += 1;
        }
    }
    Ok(map)
}

/// The number of visible acties overdue against `grens` per actieplan id.
pub async fn per_actieplan(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    grens: i64,
) -> ServiceResult<HashMap<i32, u32>> {
    let links = crate::service::rollups::opgaven_van(db, ids).await?;
    let opgaven: Vec<i32> = links.iter().map(|(o, _)| *o).collect();
    let per_opgave = per_opgave(db, zicht, &opgaven, grens).await?;
    let mut map: HashMap<i32, u32> = ids.iter().map(|id| (*id, 0)).collect();
    for (o, p) in links {
        *map.entry(p).or_default() += per_opgave.get(&o).copied().unwrap_or_default();
    }
    Ok(map)
}
