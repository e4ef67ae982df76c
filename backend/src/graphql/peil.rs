//! `peilmoment` in the schema: batch loaders of the state as of a moment (keyed by viewer, moment and id, so
//! a tree asked "as of" costs a constant number of statements too), and the resolver helpers the types call.

use crate::entities::{actie, actieplan, opgave};
use crate::graphql::zicht::zicht;
use crate::service::Services;
use crate::service::peil;
use crate::service::rollups::Samenvatting;
use crate::service::zicht::Zicht;
use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, ErrorExtensions, Result};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// A loader key: what the viewer may see, the moment, and the id.
pub type PeilSleutel = (Zicht, DateTime<Utc>, i32);

/// The keys grouped by viewer and moment (in one request usually one group).
fn groepen(keys: &[PeilSleutel]) -> Vec<(&Zicht, DateTime<Utc>, Vec<i32>)> {
    let mut out: Vec<(&Zicht, DateTime<Utc>, Vec<i32>)> = Vec::new();
    for (z, t, id) in keys {
        match out.iter_mut().find(|(g, m, _)| *g == z && m == t) {
            Some((_, _, ids)) => ids.push(*id),
            None => out.push((z, *t, vec![*id])),
        }
    }
    out
}

macro_rules! peil_loader {
    ($(#[$m:meta])* $name:ident => $value:ty, $f:path) => {
        $(#[$m])*
        pub struct $name(pub Services);

        impl Loader<PeilSleutel> for $name {
            type Value = $value;
            type Error = async_graphql::Error;

            async fn load(&self, keys: &[PeilSleutel]) -> Result<HashMap<PeilSleutel, Self::Value>> {
                let mut out = HashMap::new();
                for (z, t, ids) in groepen(keys) {
                    let found = $f(&self.0.db.reader, z, &ids, t).await.map_err(|e| e.extend())?;
                    out.extend(found.into_iter().map(|(id, v)| ((z.clone(), t, id), v)));
                }
                Ok(out)
            }
        }
    };
}

peil_loader!(
    /// Roll-up per opgave id as of a moment.
    RollupPerOpgaveOp => Samenvatting, peil::rollup_per_opgave
);
peil_loader!(
    /// Roll-up per plan id as of a moment.
    RollupPerPlanOp => Samenvatting, peil::rollup_per_actieplan
);
peil_loader!(
    /// Roll-up per thema id as of a moment.
    RollupPerThemaOp => Samenvatting, peil::rollup_per_thema
);
peil_loader!(
    /// Visible acties per opgave id as they were at a moment.
    ActiesPerOpgaveOp => Vec<actie::Model>, peil::acties_per_opgave
);
peil_loader!(
    /// A visible actie by id as it was at a moment.
    ActieOp => actie::Model, peil::acties_by_id
);
peil_loader!(
    /// A visible plan by id as it was at a moment.
    ActieplanOp => actieplan::Model, peil::plannen::actieplannen_by_id
);
peil_loader!(
    /// The opgaven per plan id as they were at a moment.
    OpgavenPerPlanOp => Vec<opgave::Model>, peil::plannen::opgaven_per_actieplan
);

/// Registers the loaders on a schema builder.
pub fn register<Q, M, S>(
    b: async_graphql::SchemaBuilder<Q, M, S>,
    s: &Services,
) -> async_graphql::SchemaBuilder<Q, M, S> {
    fn dl<T: Loader<PeilSleutel>>(t: T) -> DataLoader<T> {
        DataLoader::new(t, tokio::spawn)
    }
    b.data(dl(RollupPerOpgaveOp(s.clone())))
        .data(dl(RollupPerPlanOp(s.clone())))
        .data(dl(RollupPerThemaOp(s.clone())))
        .data(dl(ActiesPerOpgaveOp(s.clone())))
        .data(dl(ActieOp(s.clone())))
        .data(dl(ActieplanOp(s.clone())))
        .data(dl(OpgavenPerPlanOp(s.clone())))
        .data(DataLoader::new(
            crate::graphql::reeks::ReeksPerPlan(s.clone()),
            tokio::spawn,
        ))
}

/// Loads with loader `T` the value for `id` at `moment` as `zicht` sees it; a future moment is BAD_USER_INPUT
/// on `peilmoment`.
pub async fn op<T>(
    ctx: &Context<'_>,
    zicht: Zicht,
    moment: DateTime<Utc>,
    id: i32,
) -> Result<Option<T::Value>>
where
    T: Loader<PeilSleutel, Error = async_graphql::Error>,
{
    let moment = peil::controleer(moment, "peilmoment").map_err(|e| e.extend())?;
    ctx.data::<DataLoader<T>>()?.load_one((zicht, moment, id)).await
}

/// [`op`] as this request sees it.
pub async fn op_mijn<T>(ctx: &Context<'_>, moment: DateTime<Utc>, id: i32) -> Result<Option<T::Value>>
where
    T: Loader<PeilSleutel, Error = async_graphql::Error>,
{
    op::<T>(ctx, zicht(ctx)?, moment, id).await
}
