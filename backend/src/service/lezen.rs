//! Reads by key and batched reads by parent, so that a whole tree loads in a constant number of statements.

use crate::entities::{
    actie, actie_organisatie, actieplan, opgave, organisatie, rvo_vergadering, thema, voortgangsupdate,
};
use crate::error::ServiceResult;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

fn group<M, K: std::hash::Hash + Eq>(rows: Vec<M>, key: impl Fn(&M) -> K) -> HashMap<K, Vec<M>> {
    let mut map: HashMap<K, Vec<M>> = HashMap::new();
    for r in rows {
        map.entry(key(&r)).or_default().push(r);
    }
    map
}

/// All themas in their order.
pub async fn themas(db: &DatabaseConnection) -> ServiceResult<Vec<thema::Model>> {
    Ok(thema::Entity::find()
        .order_by_asc(thema::Column::Volgorde)
        .all(db)
        .await?)
}

/// All plans, optionally of one thema, ordered by thema and start year.
pub async fn actieplannen(
    db: &DatabaseConnection,
    thema_id: Option<i32>,
) -> ServiceResult<Vec<actieplan::Model>> {
    let mut q = actieplan::Entity::find()
        .order_by_asc(actieplan::Column::ThemaId)
        .order_by_asc(actieplan::Column::PeriodeVan)
        .order_by_asc(actieplan::Column::Id);
    if let Some(t) = thema_id {
        q = q.filter(actieplan::Column::ThemaId.eq(t));
    }
    Ok(q.all(db).await?)
}

/// All organisations by name.
pub async fn organisaties(db: &DatabaseConnection) -> ServiceResult<Vec<organisatie::Model>> {
    Ok(organisatie::Entity::find()
        .order_by_asc(organisatie::Column::Naam)
        .all(db)
        .await?)
}

/// All RVO meetings by date.
pub async fn rvo_vergaderingen(db: &DatabaseConnection) -> ServiceResult<Vec<rvo_vergadering::Model>> {
    Ok(rvo_vergadering::Entity::find()
        .order_by_asc(rvo_vergadering::Column::Datum)
        .all(db)
        .await?)
}

/// Plans per thema.
pub async fn actieplannen_per_thema(
    db: &DatabaseConnection,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<actieplan::Model>>> {
    let rows = actieplan::Entity::find()
        .filter(actieplan::Column::ThemaId.is_in(ids.iter().copied()))
        .order_by_asc(actieplan::Column::PeriodeVan)
        .order_by_asc(actieplan::Column::Id)
        .all(db)
        .await?;
    Ok(group(rows, |p| p.thema_id))
}

/// Opgaven per plan, in their order.
pub async fn opgaven_per_actieplan(
    db: &DatabaseConnection,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<opgave::Model>>> {
    let rows = opgave::Entity::find()
        .filter(opgave::Column::ActieplanId.is_in(ids.iter().copied()))
        .order_by_asc(opgave::Column::Volgorde)
        .order_by_asc(opgave::Column::Id)
        .all(db)
        .await?;
    Ok(group(rows, |o| o.actieplan_id))
}

/// Acties per opgave, by year and id.
pub async fn acties_per_opgave(
    db: &DatabaseConnection,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<actie::Model>>> {
    let rows = actie::Entity::find()
        .filter(actie::Column::OpgaveId.is_in(ids.iter().copied()))
        .order_by_asc(actie::Column::Jaar)
        .order_by_asc(actie::Column::Id)
        .all(db)
        .await?;
    Ok(group(rows, |a| a.opgave_id))
}

/// Organisations of each actie with their role.
pub async fn organisaties_per_actie(
    db: &DatabaseConnection,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<(String, organisatie::Model)>>> {
    let rows = actie_organisatie::Entity::find()
        .filter(actie_organisatie::Column::ActieId.is_in(ids.iter().copied()))
        .find_also_related(organisatie::Entity)
        .order_by_asc(organisatie::Column::Naam)
        .all(db)
        .await?;
    let mut map: HashMap<i32, Vec<(String, organisatie::Model)>> = HashMap::new();
    for (link, org) in rows {
        if let Some(org) = org {
            map.entry(link.actie_id).or_default().push((link.rol, org));
        }
    }
    Ok(map)
}

/// History rows per actie, oldest first.
pub async fn historie_per_actie(
    db: &DatabaseConnection,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<voortgangsupdate::Model>>> {
    let rows = voortgangsupdate::Entity::find()
        .filter(voortgangsupdate::Column::ActieId.is_in(ids.iter().copied()))
        .order_by_asc(voortgangsupdate::Column::Versie)
        .all(db)
        .await?;
    Ok(group(rows, |v| v.actie_id))
}

/// An actie with its opgave and that opgave's roll-up, as a subscription delivers it.
pub async fn actie_met_opgave(
    db: &DatabaseConnection,
    actie_id: i32,
) -> ServiceResult<Option<(actie::Model, opgave::Model, koers_shared::Rollup)>> {
    let Some(a) = actie::Entity::find_by_id(actie_id).one(db).await? else {
        return Ok(None);
    };
    let Some(o) = opgave::Entity::find_by_id(a.opgave_id).one(db).await? else {
        return Ok(None);
    };
    let r = super::rollups::per_opgave(db, &[o.id])
        .await?
        .remove(&o.id)
        .unwrap_or_default();
    Ok(Some((a, o, r)))
}

/// Rows of `E` by primary key.
pub async fn by_ids<E>(db: &DatabaseConnection, ids: &[i32]) -> ServiceResult<HashMap<i32, E::Model>>
where
    E: EntityTrait,
    E::Model: HasId,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    use sea_orm::{Iterable, PrimaryKeyToColumn};
    let Some(pk) = E::PrimaryKey::iter().next() else {
        return Ok(HashMap::new());
    };
    let rows = E::find()
        .filter(pk.into_column().is_in(ids.iter().copied()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|m| (m.id(), m)).collect())
}

/// Models with an integer primary key.
pub trait HasId {
    /// The primary key.
    fn id(&self) -> i32;
}

macro_rules! has_id {
    ($($m:ident),*) => { $(impl HasId for $m::Model { fn id(&self) -> i32 { self.id } })* };
}
has_id!(
    thema,
    actieplan,
    opgave,
    actie,
    organisatie,
    voortgangsupdate,
    rvo_vergadering
);
