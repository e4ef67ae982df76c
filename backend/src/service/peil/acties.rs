//! Acties as of a moment: in the opgave they were in then, with their state of then, for a viewer that may see
//! them now and could see them where they were — per opgave, by id, and searched (the root `acties`).

use super::{als_toen, ooit_in, standen, themas_van};
use crate::entities::{actie, voortgangsupdate};
use crate::error::ServiceResult;
use crate::service::acties::{ActieFilter, ActiePagina, Pagina, Toestandkolommen, Vragen, pagina_van};
use crate::service::zicht::{Zicht, Zichtbaar};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};
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

/// `SELECT actie_id` of the history rows that give their actie's state at `moment` (its highest version
/// written by then) and meet `cond`, a condition on those rows (table alias [`RIJ`]).
fn laatste_rijen(moment: DateTime<Utc>, cond: Condition) -> SelectStatement {
    use voortgangsupdate::Column as V;
    let (h, later) = (Alias::new(RIJ), Alias::new("peil_later"));
    let nieuwer = Query::select()
        .expr(Expr::val(1))
        .from_as(voortgangsupdate::Entity, later.clone())
        .and_where(Expr::col((later.clone(), V::ActieId)).equals((h.clone(), V::ActieId)))
        .and_where(Expr::col((later.clone(), V::Tijdstip)).lte(moment))
        .and_where(Expr::col((later, V::Versie)).gt(Expr::col((h.clone(), V::Versie))))
        .to_owned();
    Query::select()
        .column((h.clone(), V::ActieId))
        .from_as(voortgangsupdate::Entity, h.clone())
        .and_where(Expr::col((h, V::Tijdstip)).lte(moment))
        .and_where(Expr::exists(nieuwer).not())
        .cond_where(cond)
        .to_owned()
}

/// The alias of the history row that gives an actie's state in [`laatste_rijen`].
const RIJ: &str = "peil_rij";

/// The acties whose state at `moment` meets `cond` (on the [`RIJ`] row), as a condition on `actie`.
fn toen(moment: DateTime<Utc>, cond: Condition) -> Condition {
    Condition::all().add(actie::Column::Id.in_subquery(laatste_rijen(moment, cond)))
}

/// A page of the acties matching `filter` as they were at `moment`, that `zicht` may see now and could see
/// where they were then; ordered by id, so a cursor stays valid for the same moment.
pub async fn zoek(
    db: &DatabaseConnection,
    zicht: &Zicht,
    filter: &ActieFilter,
    pagina: Pagina,
    vragen: Vragen,
    moment: DateTime<Utc>,
) -> ServiceResult<ActiePagina> {
    use voortgangsupdate::Column as V;
    let rij = |c: V| Expr::col((Alias::new(RIJ), c));
    // Every row records its opgave (the migration that added it filled in the older ones).
    let k = Toestandkolommen {
        opgave: rij(V::OpgaveId),
        status: rij(V::StatusNaar),
        gezondheid: rij(V::GezondheidNaar),
        gewijzigd: rij(V::Tijdstip),
    };
    let waar_toen = zicht.acties_in(|opgaven| {
        toen(
            moment,
            Condition::all().add(k.opgave.clone().in_subquery(opgaven)),
        )
    });
    let cond = filter
        .vast(db.get_database_backend())
        .add(zicht.acties())
        .add(waar_toen)
        .add(toen(moment, filter.toestand(&k)));
    let mut p = pagina_van(db, cond, pagina, vragen).await?;
    let standen = standen(db, &p.acties.iter().map(|a| a.id).collect::<Vec<_>>(), moment).await?;
    p.acties = std::mem::take(&mut p.acties)
        .into_iter()
        .filter_map(|a| standen.get(&a.id).map(|s| als_toen(a, s)))
        .collect();
    Ok(p)
}
