//! Roll-ups per opgave, actieplan and thema, computed with the shared rules from a constant number of queries,
//! over the acties a viewer may see: of the others only their number is told. They read `actie_stand`, the
//! counts per opgave, confidentiality, status and health that the database keeps on every write, so their
//! cost grows with the opgaven, not the acties.

use super::zicht::Zicht;
use crate::entities::{actie, actie_stand, actieplan, opgave};
use crate::error::{ServiceError, ServiceResult};
use koers_shared::{ActieStand, Gezondheid, Rollup, Status, Voortgang};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QuerySelect, Select};
use std::collections::HashMap;

/// One group of acties with the same opgave, thema, confidentiality, status and health ('' for none): how
/// many, how many with a progress, and the sum of those.
type GroepRow = (i32, i32, bool, String, String, i32, i32, i32);

/// A roll-up as one viewer may see it: the figures over the acties it may see, and how many it may not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Samenvatting {
    /// The figures over the visible acties.
    pub rollup: Rollup,
    /// Acties left out because the viewer may not see them.
    pub verborgen: u32,
}

impl Samenvatting {
    /// The roll-up of the union of two disjoint sets.
    pub fn merge(self, other: &Samenvatting) -> Samenvatting {
        Samenvatting {
            rollup: self.rollup.merge(&other.rollup),
            verborgen: self.verborgen + other.verborgen,
        }
    }
}

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

/// The roll-up of the `n` acties of `row` (`met` of them with a progress that sums to `som`).
fn groep(row: &GroepRow) -> ServiceResult<Rollup> {
    let (_, _, _, status, gezondheid, n, met, som) = row;
    let bad = |what: &str| ServiceError::Internal(format!("ongeldige {what} in database"));
    let n = u32::try_from(*n).map_err(|_| bad("telling"))?;
    let met = u32::try_from(*met).map_err(|_| bad("telling"))?;
    let som = u64::try_from(*som).map_err(|_| bad("voortgang"))?;
    let gezondheid = Some(gezondheid.as_str()).filter(|g| !g.is_empty());
    let eerste = stand(status, gezondheid, None)?;
    let mut r = Rollup::default();
    r.per_status[eerste.status.index()] = n;
    if let (true, Some(g)) = (eerste.status.is_actief(), eerste.gezondheid) {
        r.per_gezondheid[g.index()] = n;
    }
    // As `ActieStand::effectieve_voortgang`: gestopt counts not, afgerond as 100, gepland without one as 0.
    match eerste.status {
        Status::Gestopt => {}
        Status::Afgerond => (r.voortgang_som, r.voortgang_aantal) = (100 * u64::from(n), n),
        Status::Gepland => (r.voortgang_som, r.voortgang_aantal) = (som, n),
        _ => (r.voortgang_som, r.voortgang_aantal) = (som, met),
    }
    Ok(r)
}

/// Roll-up per opgave id as `zicht` sees it; opgaven without acties get an empty roll-up. Acties in a thema it
/// may not see are not even counted as hidden.
pub async fn per_opgave(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
) -> ServiceResult<HashMap<i32, Samenvatting>> {
    let q = actie_stand::Entity::find()
        .select_only()
        .column(actie_stand::Column::OpgaveId)
        .column(actieplan::Column::ThemaId)
        .column(actie_stand::Column::Vertrouwelijk)
        .column(actie_stand::Column::Status)
        .column(actie_stand::Column::Gezondheid)
        .column(actie_stand::Column::Aantal)
        .column(actie_stand::Column::MetVoortgang)
        .column(actie_stand::Column::VoortgangSom);
    let rows: Vec<GroepRow> = met_plan(q, actie_stand::Column::OpgaveId)
        .filter(actie_stand::Column::OpgaveId.is_in(ids.iter().copied()))
        .filter(actie_stand::Column::Aantal.gt(0))
        .into_tuple()
        .all(db)
        .await?;
    let mut map: HashMap<i32, Samenvatting> = ids.iter().map(|id| (*id, Samenvatting::default())).collect();
    for row in rows {
        let (opgave_id, thema_id, vertrouwelijk, .., n, _, _) = &row;
        if !zicht.ziet_thema(*thema_id) {
            continue;
        }
        let e = map.entry(*opgave_id).or_default();
        if zicht.ziet_actie(*thema_id, *vertrouwelijk) {
            e.rollup = e.rollup.merge(&groep(&row)?);
        } else {
            e.verborgen +=
                u32::try_from(*n).map_err(|_| ServiceError::Internal("ongeldige telling".into()))?;
        }
    }
    Ok(map)
}

/// `q` joined to the opgave its `opgave` column names and that opgave's plan (to select `actieplan.thema_id`).
pub(crate) fn met_plan<E: EntityTrait>(q: Select<E>, opgave_kolom: E::Column) -> Select<E> {
    met_plan_van_opgave(
        q.join(
            JoinType::InnerJoin,
            E::belongs_to(opgave::Entity)
                .from(opgave_kolom)
                .to(opgave::Column::Id)
                .into(),
        ),
    )
}

/// `q`, which has `opgave` (itself or joined), joined to the opgave's plan.
pub(crate) fn met_plan_van_opgave<E: EntityTrait>(q: Select<E>) -> Select<E> {
    q.join(
        JoinType::InnerJoin,
        opgave::Entity::belongs_to(actieplan::Entity)
            .from(opgave::Column::ActieplanId)
            .to(actieplan::Column::Id)
            .into(),
    )
}

/// Merges child roll-ups into their parents given `(child, parent)` pairs.
pub(crate) fn merge_up(
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

/// `(plan, thema)` of the thema's `ids`.
async fn plannen_van(db: &DatabaseConnection, ids: &[i32]) -> ServiceResult<Vec<(i32, i32)>> {
    Ok(actieplan::Entity::find()
        .select_only()
        .column(actieplan::Column::Id)
        .column(actieplan::Column::ThemaId)
        .filter(actieplan::Column::ThemaId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?)
}

/// A roll-up per id of some level, from the ids of the level below.
type Samenvattingen = ServiceResult<HashMap<i32, Samenvatting>>;

/// Roll-up per plan id: `per_opgave` of all their opgaven, merged per plan.
pub(crate) async fn per_actieplan_uit<F, Fut>(
    db: &DatabaseConnection,
    ids: &[i32],
    per_opgave: F,
) -> Samenvattingen
where
    F: FnOnce(Vec<i32>) -> Fut,
    Fut: Future<Output = Samenvattingen>,
{
    let links = opgaven_van(db, ids).await?;
    let per = per_opgave(links.iter().map(|(o, _)| *o).collect()).await?;
    Ok(merge_up(ids, &links, &per))
}

/// Roll-up per thema id: `per_plan` of all their plans, merged per thema.
pub(crate) async fn per_thema_uit<F, Fut>(db: &DatabaseConnection, ids: &[i32], per_plan: F) -> Samenvattingen
where
    F: FnOnce(Vec<i32>) -> Fut,
    Fut: Future<Output = Samenvattingen>,
{
    let links = plannen_van(db, ids).await?;
    let per = per_plan(links.iter().map(|(p, _)| *p).collect()).await?;
    Ok(merge_up(ids, &links, &per))
}

/// Roll-up per actieplan id as `zicht` sees it.
pub async fn per_actieplan(db: &DatabaseConnection, zicht: &Zicht, ids: &[i32]) -> Samenvattingen {
    per_actieplan_uit(db, ids, |o| async move { per_opgave(db, zicht, &o).await }).await
}

/// Roll-up per thema id as `zicht` sees it.
pub async fn per_thema(db: &DatabaseConnection, zicht: &Zicht, ids: &[i32]) -> Samenvattingen {
    per_thema_uit(db, ids, |p| async move { per_actieplan(db, zicht, &p).await }).await
}
