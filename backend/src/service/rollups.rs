//! Roll-ups per opgave, actieplan and thema, computed with the shared rules from a constant number of queries.

use crate::entities::{actie, actieplan, opgave};
use crate::error::{ServiceError, ServiceResult};
use koers_shared::{ActieStand, Gezondheid, Rollup, Status, Voortgang};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

type StandRow = (i32, String, Option<String>, Option<i32>);

/// The shared-rule view of stored state.
pub fn stand(status: &str, gezondheid: Option<&str>, voortgang: Option<i32>) -> ServiceResult<ActieStand> {
    let bad = |what: &str| ServiceError::Internal(format!("ongeldige {what} in database"));
    Ok(ActieStand {
        status: status.parse::<Status>().map_err(|_| bad("status"))?,
        gezondheid: gezondheid
            .map(str::parse::<Gezondheid>)
            .transpose()
            .map_err(|_| bad("gezondheid"))?,
        voortgang: voortgang
            .map(Voortgang::try_from)
            .transpose()
            .map_err(|_| bad("voortgang"))?,
    })
}

/// The state of a stored actie.
pub fn stand_van(a: &actie::Model) -> ServiceResult<ActieStand> {
    stand(&a.status, a.gezondheid.as_deref(), a.voortgang)
}

/// Roll-up per opgave id; opgaven without acties get an empty roll-up.
pub async fn per_opgave(db: &DatabaseConnection, ids: &[i32]) -> ServiceResult<HashMap<i32, Rollup>> {
    let rows: Vec<StandRow> = actie::Entity::find()
        .select_only()
        .column(actie::Column::OpgaveId)
        .column(actie::Column::Status)
        .column(actie::Column::Gezondheid)
        .column(actie::Column::Voortgang)
        .filter(actie::Column::OpgaveId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let mut map: HashMap<i32, Rollup> = ids.iter().map(|id| (*id, Rollup::default())).collect();
    for (opgave_id, status, gezondheid, voortgang) in rows {
        let s = stand(&status, gezondheid.as_deref(), voortgang)?;
        map.entry(opgave_id).or_default().add(&s);
    }
    Ok(map)
}

/// Merges child roll-ups into their parents given `(child, parent)` pairs.
fn merge_up(parents: &[i32], links: &[(i32, i32)], child: &HashMap<i32, Rollup>) -> HashMap<i32, Rollup> {
    let mut map: HashMap<i32, Rollup> = parents.iter().map(|id| (*id, Rollup::default())).collect();
    for (c, p) in links {
        if let Some(r) = child.get(c) {
            let e = map.entry(*p).or_default();
            *e = e.merge(r);
        }
    }
    map
}

/// Roll-up per actieplan id.
pub async fn per_actieplan(db: &DatabaseConnection, ids: &[i32]) -> ServiceResult<HashMap<i32, Rollup>> {
    let links: Vec<(i32, i32)> = opgave::Entity::find()
        .select_only()
        .column(opgave::Column::Id)
        .column(opgave::Column::ActieplanId)
        .filter(opgave::Column::ActieplanId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let opgaven: Vec<i32> = links.iter().map(|(o, _)| *o).collect();
    let per_opgave = per_opgave(db, &opgaven).await?;
    Ok(merge_up(ids, &links, &per_opgave))
}

/// Roll-up per thema id.
pub async fn per_thema(db: &DatabaseConnection, ids: &[i32]) -> ServiceResult<HashMap<i32, Rollup>> {
    let links: Vec<(i32, i32)> = actieplan::Entity::find()
        .select_only()
        .column(actieplan::Column::Id)
        .column(actieplan::Column::ThemaId)
        .filter(actieplan::Column::ThemaId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let plannen: Vec<i32> = links.iter().map(|(p, _)| *p).collect();
    let per_plan = per_actieplan(db, &plannen).await?;
    Ok(merge_up(ids, &links, &per_plan))
}
