//! Batch loaders: each turns the many look-ups of one GraphQL level into one service call, so a whole tree
//! costs a constant number of SQL statements (no N+1). Every key carries the viewer's [`Zicht`]: the loaders
//! are shared by all requests, and one viewer's answer never serves another.

use crate::entities::{actie, actieplan, opgave, organisatie, voortgangsupdate};
use crate::service::rollups::Samenvatting;
use crate::service::zicht::{Zicht, Zichtbaar};
use crate::service::{Services, lezen, rollups};
use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, ErrorExtensions, Result};
use std::collections::HashMap;
use std::marker::PhantomData;

/// A loader key: what the viewer may see, and the id.
pub type Sleutel = (Zicht, i32);

/// The keys grouped by `Zicht` (in one request there is one).
fn per_zicht(keys: &[Sleutel]) -> Vec<(&Zicht, Vec<i32>)> {
    let mut groups: Vec<(&Zicht, Vec<i32>)> = Vec::new();
    for (z, id) in keys {
        match groups.iter_mut().find(|(g, _)| *g == z) {
            Some((_, ids)) => ids.push(*id),
            None => groups.push((z, vec![*id])),
        }
    }
    groups
}

macro_rules! loader {
    ($(#[$m:meta])* $name:ident => $value:ty, |$db:ident, $zicht:ident, $ids:ident| $body:expr) => {
        $(#[$m])*
        pub struct $name(pub Services);

        impl Loader<Sleutel> for $name {
            type Value = $value;
            type Error = async_graphql::Error;

            async fn load(&self, keys: &[Sleutel]) -> Result<HashMap<Sleutel, Self::Value>, Self::Error> {
                let $db = &self.0.db.reader;
                let mut out = HashMap::new();
                for ($zicht, ids) in per_zicht(keys) {
                    let $ids = &ids[..];
                    let found = $body.await.map_err(|e| e.extend())?;
                    out.extend(found.into_iter().map(|(id, v)| (($zicht.clone(), id), v)));
                }
                Ok(out)
            }
        }
    };
}

loader!(
    /// Visible plans per thema id.
    PlannenPerThema => Vec<actieplan::Model>, |db, z, k| lezen::actieplannen_per_thema(db, z, k)
);
loader!(
    /// Visible opgaven per plan id.
    OpgavenPerPlan => Vec<opgave::Model>, |db, z, k| lezen::opgaven_per_actieplan(db, z, k)
);
loader!(
    /// Visible acties per opgave id.
    ActiesPerOpgave => Vec<actie::Model>, |db, z, k| lezen::acties_per_opgave(db, z, k)
);
loader!(
    /// Organisations with role per visible actie id.
    OrganisatiesPerActie => Vec<(String, organisatie::Model)>, |db, z, k| lezen::organisaties_per_actie(db, z, k)
);
loader!(
    /// Organisations with role per visible actie, of every actie per opgave id (a list's look-ahead).
    OrganisatiesPerOpgave => HashMap<i32, Vec<(String, organisatie::Model)>>,
    |db, z, k| lezen::organisaties_per_opgave(db, z, k)
);
loader!(
    /// History per visible actie id.
    HistoriePerActie => Vec<voortgangsupdate::Model>, |db, z, k| lezen::historie_per_actie(db, z, k)
);
loader!(
    /// Roll-up per opgave id, over the visible acties.
    RollupPerOpgave => Samenvatting, |db, z, k| rollups::per_opgave(db, z, k)
);
loader!(
    /// Roll-up per plan id, over the visible acties.
    RollupPerPlan => Samenvatting, |db, z, k| rollups::per_actieplan(db, z, k)
);
loader!(
    /// Roll-up per thema id, over the visible acties.
    RollupPerThema => Samenvatting, |db, z, k| rollups::per_thema(db, z, k)
);

/// Visible rows of entity `E` by primary key.
pub struct ById<E>(pub Services, PhantomData<E>);

impl<E> Loader<Sleutel> for ById<E>
where
    E: Zichtbaar + Send + Sync + 'static,
    E::Model: lezen::HasId + Clone + Send + Sync,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    type Value = E::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Sleutel]) -> Result<HashMap<Sleutel, E::Model>, Self::Error> {
        let mut out = HashMap::new();
        for (z, ids) in per_zicht(keys) {
            let found = lezen::by_ids::<E>(&self.0.db.reader, z, &ids)
                .await
                .map_err(|e| e.extend())?;
            out.extend(found.into_iter().map(|(id, v)| ((z.clone(), id), v)));
        }
        Ok(out)
    }
}

/// Registers every loader on a schema builder.
pub fn register<Q, M, S>(
    b: async_graphql::SchemaBuilder<Q, M, S>,
    s: &Services,
) -> async_graphql::SchemaBuilder<Q, M, S> {
    // The default delay (1 ms) stays: without it a list of more than 32 items is fetched in pieces, since
    // futures' `FuturesUnordered` yields every 32 polls and the fetch then runs with the keys queued so far.
    fn dl<T: Loader<Sleutel>>(t: T) -> DataLoader<T> {
        DataLoader::new(t, tokio::spawn)
    }
    b.data(dl(PlannenPerThema(s.clone())))
        .data(dl(OpgavenPerPlan(s.clone())))
        .data(dl(ActiesPerOpgave(s.clone())))
        .data(dl(OrganisatiesPerActie(s.clone())))
        .data(dl(OrganisatiesPerOpgave(s.clone())))
        .data(dl(HistoriePerActie(s.clone())))
        .data(dl(RollupPerOpgave(s.clone())))
        .data(dl(RollupPerPlan(s.clone())))
        .data(dl(RollupPerThema(s.clone())))
        .data(dl(ById::<crate::entities::thema::Entity>(s.clone(), PhantomData)))
        .data(dl(ById::<actieplan::Entity>(s.clone(), PhantomData)))
        .data(dl(ById::<opgave::Entity>(s.clone(), PhantomData)))
        .data(dl(ById::<actie::Entity>(s.clone(), PhantomData)))
        .data(dl(ById::<organisatie::Entity>(s.clone(), PhantomData)))
        .data(dl(ById::<crate::entities::rvo_vergadering::Entity>(
            s.clone(),
            PhantomData,
        )))
        .data(dl(ById::<voortgangsupdate::Entity>(s.clone(), PhantomData)))
}

/// Loads with loader `T` the value for `id` that this request may see; hidden and missing look alike.
pub async fn one<T>(ctx: &Context<'_>, id: i32) -> Result<Option<T::Value>>
where
    T: Loader<Sleutel, Error = async_graphql::Error>,
{
    one_as::<T>(ctx, super::zicht::zicht(ctx)?, id).await
}

/// Loads with loader `T` the value for `id` as `zicht` sees it (a narrower view than the request's).
pub async fn one_as<T>(ctx: &Context<'_>, zicht: Zicht, id: i32) -> Result<Option<T::Value>>
where
    T: Loader<Sleutel, Error = async_graphql::Error>,
{
    ctx.data::<DataLoader<T>>()?.load_one((zicht, id)).await
}
