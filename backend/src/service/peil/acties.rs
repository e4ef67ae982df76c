//! Acties as of a moment: in the opgave they were in then, with their state of then, for a viewer that may see
//! them now and could see them where they were — per opgave and by id.

use super::{als_toen, ooit_in, standen, themas_van};
use crate::entities::actie;
use crate::error::ServiceResult;
use crate::service::zicht::{Zicht, Zichtbaar};
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// `nu` (acties `zicht` may see now) as they were at `moment`: those that existed then, in their opgave of
/// then, and only where `zicht` may see them in that opgave's thema.
pub(crate) async fn als_toen_zichtbaar(
    db: &DatabaseConnection,
    zicht: &Zicht,
    nu: Vec<actie::Model>,
    moment: DateTime<Utc>,
) -> ServiceResult<Vec<actie::Model>> {
    let ids: Vec<i32> = nu.iter().map(|a| a.id).collect();
    let toen = standen(db, &ids, moment).await?;
    let acties: Vec<actie::Model> = nu
        .into_iter()
        .filter_map(|a| toen.get(&a.id).map(|s| als_toen(a, s)))
        .collect();
    let mut opgaven: Vec<i32> = acties.iter().map(|a| a.opgave_id).collect();
    opgaven.sort_unstable();
    opgaven.dedup();
    let thema = themas_van(db, &opgaven).await?;
    Ok(acties
        .into_iter()
        .filter(|a| {
            thema
                .get(&a.opgave_id)
                .is_some_and(|t| zicht.ziet_actie(*t, a.vertrouwelijk))
        })
        .collect())
}

/// The acties `zicht` may see per opgave of `ids` as they were at `moment` (those in it then), by year and id.
pub async fn acties_per_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Vec<actie::Model>>> {
    let nu = actie::Entity::find()
        .filter(actie::Entity::zichtbaar(zicht))
        .filter(ooit_in(ids, moment))
        .all(db)
        .await?;
    let mut toen = als_toen_zichtbaar(db, zicht, nu, moment).await?;
    toen.sort_by_key(|a| (a.jaar, a.id));
    let mut map: HashMap<i32, Vec<actie::Model>> = ids.iter().map(|id| (*id, Vec::new())).collect();
    for a in toen {
        if let Some(v) = map.get_mut(&a.opgave_id) {
            v.push(a);
        }
    }
    Ok(map)
}

/// The acties `zicht` may see by id as they were at `moment`.
pub async fn acties_by_id(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, actie::Model>> {
    let nu = crate::service::lezen::by_ids::<actie::Entity>(db, zicht, ids).await?;
    let toen = als_toen_zichtbaar(db, zicht, nu.into_values().collect(), moment).await?;
    Ok(toen.into_iter().map(|a| (a.id, a)).collect())
}
