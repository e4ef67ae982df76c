//! Reads by key and batched reads by parent, so that a whole tree loads in a constant number of statements.
//! Every read takes the viewer's [`Zicht`] and returns only what it may see.

use super::events::ActieEvent;
use super::zicht::{Zicht, Zichtbaar, van_zichtbare_acties};
use crate::entities::{
    actie, actie_organisatie, actieplan, opgave, organisatie, rvo_vergadering, thema, voortgangsupdate,
};
use crate::error::ServiceResult;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

fn group<M, K: std::hash::Hash + Eq>(rows: Vec<M>, key: impl Fn(&M) -> K) -> HashMap<K, Vec<M>> {
    let mut map: HashMap<K, Vec<M>> = HashMap::new();
    for r in rows {
        map.entry(key(&r)).or_default().push(r);
    }
    map
}

/// The themas `zicht` may see, in their order.
pub async fn themas(db: &DatabaseConnection, zicht: &Zicht) -> ServiceResult<Vec<thema::Model>> {
    Ok(thema::Entity::find()
        .filter(thema::Entity::zichtbaar(zicht))
        .order_by_asc(thema::Column::Volgorde)
        .all(db)
        .await?)
}

/// The plans `zicht` may see, optionally of one thema, ordered by thema and start year.
pub async fn actieplannen(
    db: &DatabaseConnection,
    zicht: &Zicht,
    thema_id: Option<i32>,
) -> ServiceResult<Vec<actieplan::Model>> {
    let mut q = actieplan::Entity::find()
        .filter(actieplan::Entity::zichtbaar(zicht))
        .order_by_asc(actieplan::Column::ThemaId)
        .order_by_asc(actieplan::Column::PeriodeVan)
        .order_by_asc(actieplan::Column::Id);
    if let Some(t) = thema_id {
        q = q.filter(actieplan::Column::ThemaId.eq(t));
    }
    Ok(q.all(db).await?)
}

/// All organisations by name, without those merged into another (public to every reader).
pub async fn organisaties(db: &DatabaseConnection, zicht: &Zicht) -> ServiceResult<Vec<organisatie::Model>> {
    Ok(organisatie::Entity::find()
        .filter(organisatie::Entity::zichtbaar(zicht))
        .filter(organisatie::Column::SamengevoegdIn.is_null())
        .order_by_asc(organisatie::Column::Naam)
        .all(db)
        .await?)
}

/// All RVO meetings by date (public to every reader).
pub async fn rvo_vergaderingen(
    db: &DatabaseConnection,
    zicht: &Zicht,
) -> ServiceResult<Vec<rvo_vergadering::Model>> {
    Ok(rvo_vergadering::Entity::find()
        .filter(rvo_vergadering::Entity::zichtbaar(zicht))
        .order_by_asc(rvo_vergadering::Column::Datum)
        .all(db)
        .await?)
}

/// The plans `zicht` may see, per thema.
pub async fn actieplannen_per_thema(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<actieplan::Model>>> {
    let rows = actieplan::Entity::find()
        .filter(actieplan::Entity::zichtbaar(zicht))
        .filter(actieplan::Column::ThemaId.is_in(ids.iter().copied()))
        .order_by_asc(actieplan::Column::PeriodeVan)
        .order_by_asc(actieplan::Column::Id)
        .all(db)
        .await?;
    Ok(group(rows, |p| p.thema_id))
}

/// The opgaven `zicht` may see, per plan, in their order.
pub async fn opgaven_per_actieplan(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<opgave::Model>>> {
    let rows = opgave::Entity::find()
        .filter(opgave::Entity::zichtbaar(zicht))
        .filter(opgave::Column::ActieplanId.is_in(ids.iter().copied()))
        .order_by_asc(opgave::Column::Volgorde)
        .order_by_asc(opgave::Column::Id)
        .all(db)
        .await?;
    Ok(group(rows, |o| o.actieplan_id))
}

/// The acties `zicht` may see, per opgave, by year and id.
pub async fn acties_per_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<actie::Model>>> {
    let rows = actie::Entity::find()
        .filter(actie::Entity::zichtbaar(zicht))
        .filter(actie::Column::OpgaveId.is_in(ids.iter().copied()))
        .order_by_asc(actie::Column::Jaar)
        .order_by_asc(actie::Column::Id)
        .all(db)
        .await?;
    Ok(group(rows, |a| a.opgave_id))
}

/// Organisations with their role, per actie that `zicht` may see.
pub async fn organisaties_per_actie(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<(String, organisatie::Model)>>> {
    let rows = actie_organisatie::Entity::find()
        .filter(van_zichtbare_acties(actie_organisatie::Column::ActieId, zicht))
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

/// Organisations with their role of every actie `zicht` may see in these opgaven, per opgave and actie: two
/// statements for a whole plan, however many acties it has (per actie id the keys would be fetched in
/// batches of the loader's size).
pub async fn organisaties_per_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, HashMap<i32, Vec<(String, organisatie::Model)>>>> {
    let acties = Query::select()
        .column(actie::Column::Id)
        .from(actie::Entity)
        .cond_where(zicht.acties())
        .and_where(actie::Column::OpgaveId.is_in(ids.iter().copied()))
        .to_owned();
    let opgave_van: HashMap<i32, i32> = actie::Entity::find()
        .select_only()
        .column(actie::Column::Id)
        .column(actie::Column::OpgaveId)
        .filter(actie::Column::Id.in_subquery(acties.clone()))
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let rows = actie_organisatie::Entity::find()
        .filter(actie_organisatie::Column::ActieId.in_subquery(acties))
        .find_also_related(organisatie::Entity)
        .order_by_asc(organisatie::Column::Naam)
        .all(db)
        .await?;
    let mut map: HashMap<i32, HashMap<i32, Vec<(String, organisatie::Model)>>> = HashMap::new();
    for (link, org) in rows {
        if let (Some(org), Some(opgave)) = (org, opgave_van.get(&link.actie_id)) {
            map.entry(*opgave)
                .or_default()
                .entry(link.actie_id)
                .or_default()
                .push((link.rol, org));
        }
    }
    Ok(map)
}

/// History rows per actie that `zicht` may see, oldest first.
pub async fn historie_per_actie(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Vec<voortgangsupdate::Model>>> {
    let rows = voortgangsupdate::Entity::find()
        .filter(voortgangsupdate::Entity::zichtbaar(zicht))
        .filter(voortgangsupdate::Column::ActieId.is_in(ids.iter().copied()))
        .order_by_asc(voortgangsupdate::Column::Versie)
        .all(db)
        .await?;
    Ok(group(rows, |v| v.actie_id))
}

/// A change to an actie as one viewer may see it, as a subscription delivers it.
#[derive(Debug, Clone)]
pub struct Wijziging {
    /// The actie as it is now, if the viewer may see it.
    pub actie: Option<actie::Model>,
    /// The id of an actie the viewer could see before but not any more.
    pub verborgen: Option<i32>,
    /// Its opgave.
    pub opgave: opgave::Model,
    /// That opgave's roll-up as the viewer sees it.
    pub rollup: super::rollups::Samenvatting,
}

/// Whether `zicht` hears of `ev` at all: every change in a thema it may see (hidden work moves the roll-up).
pub fn hoort(zicht: &Zicht, ev: &ActieEvent) -> bool {
    zicht.ziet_thema(ev.thema_id)
}

/// The change `ev` as `zicht` may see it, read as it is now (the actie may have changed again since);
/// `None` when the actie is gone or now lies in a thema it may not see.
pub async fn wijziging(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ev: &ActieEvent,
) -> ServiceResult<Option<Wijziging>> {
    let Some(a) = actie::Entity::find_by_id(ev.actie_id).one(db).await? else {
        return Ok(None);
    };
    let Some(o) = opgave::Entity::find_by_id(a.opgave_id).one(db).await? else {
        return Ok(None);
    };
    let Some(p) = actieplan::Entity::find_by_id(o.actieplan_id).one(db).await? else {
        return Ok(None);
    };
    if !zicht.ziet_thema(p.thema_id) {
        return Ok(None);
    }
    let rollup = super::rollups::per_opgave(db, zicht, &[o.id])
        .await?
        .remove(&o.id)
        .unwrap_or_default();
    let zichtbaar = zicht.ziet_actie(p.thema_id, a.vertrouwelijk);
    // Only an actie it could see before may be named; of other hidden work only the roll-up shows.
    let zag = zicht.ziet_actie(ev.thema_id, ev.was_vertrouwelijk);
    Ok(Some(Wijziging {
        verborgen: (!zichtbaar && zag).then_some(a.id),
        actie: zichtbaar.then_some(a),
        opgave: o,
        rollup,
    }))
}

/// The rows of `E` with these primary keys that `zicht` may see.
pub async fn by_ids<E>(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, E::Model>>
where
    E: Zichtbaar,
    E::Model: HasId,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    use sea_orm::{Iterable, PrimaryKeyToColumn};
    let Some(pk) = E::PrimaryKey::iter().next() else {
        return Ok(HashMap::new());
    };
    let rows = E::find()
        .filter(pk.into_column().is_in(ids.iter().copied()))
        .filter(E::zichtbaar(zicht))
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
