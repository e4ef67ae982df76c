//! Batch loaders: each turns the many look-ups of one GraphQL level into one service call, so a whole tree
//! costs a constant number of SQL statements (no N+1).

use crate::entities::{actie, actieplan, opgave, organisatie, voortgangsupdate};
use crate::service::{Services, lezen, rollups};
use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, ErrorExtensions, Result};
use koers_shared::Rollup;
use std::collections::HashMap;
use std::marker::PhantomData;

macro_rules! loader {
    ($(#[$m:meta])* $name:ident => $value:ty, |$svc:ident, $keys:ident| $body:expr) => {
        $(#[$m])*
        pub struct $name(pub Services);

        impl Loader<i32> for $name {
            type Value = $value;
            type Error = async_graphql::Error;

            async fn load(&self, $keys: &[i32]) -> Result<HashMap<i32, Self::Value>, Self::Error> {
                let $svc = &self.0;
                $body.await.map_err(|e| e.extend())
            }
        }
    };
}

loader!(
    /// Plans per thema id.
    PlannenPerThema => Vec<actieplan::Model>, |s, k| lezen::actieplannen_per_thema(&s.db.reader, k)
);
loader!(
    /// Opgaven per plan id.
    OpgavenPerPlan => Vec<opgave::Model>, |s, k| lezen::opgaven_per_actieplan(&s.db.reader, k)
);
loader!(
    /// Acties per opgave id.
    ActiesPerOpgave => Vec<actie::Model>, |s, k| lezen::acties_per_opgave(&s.db.reader, k)
);
loader!(
    /// Organisations with role per actie id.
    OrganisatiesPerActie => Vec<(String, organisatie::Model)>, |s, k| lezen::organisaties_per_actie(&s.db.reader, k)
);
loader!(
    /// History per actie id.
    HistoriePerActie => Vec<voortgangsupdate::Model>, |s, k| lezen::historie_per_actie(&s.db.reader, k)
);
loader!(
    /// Roll-up per opgave id.
    RollupPerOpgave => Rollup, |s, k| rollups::per_opgave(&s.db.reader, k)
);
loader!(
    /// Roll-up per plan id.
    RollupPerPlan => Rollup, |s, k| rollups::per_actieplan(&s.db.reader, k)
);
loader!(
    /// Roll-up per thema id.
    RollupPerThema => Rollup, |s, k| rollups::per_thema(&s.db.reader, k)
);

/// Rows of entity `E` by primary key.
pub struct ById<E>(pub Services, PhantomData<E>);

impl<E> Loader<i32> for ById<E>
where
    E: sea_orm::EntityTrait + Send + Sync + 'static,
    E::Model: lezen::HasId + Clone + Send + Sync,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    type Value = E::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, E::Model>, Self::Error> {
        lezen::by_ids::<E>(&self.0.db.reader, keys)
            .await
            .map_err(|e| e.extend())
    }
}

/// Registers every loader on a schema builder.
pub fn register<Q, M, S>(
    b: async_graphql::SchemaBuilder<Q, M, S>,
    s: &Services,
) -> async_graphql::SchemaBuilder<Q, M, S> {
    fn dl<T: Loader<i32>>(t: T) -> DataLoader<T> {
        DataLoader::new(t, tokio::spawn)
    }
    b.data(dl(PlannenPerThema(s.clone())))
        .data(dl(OpgavenPerPlan(s.clone())))
        .data(dl(ActiesPerOpgave(s.clone())))
        .data(dl(OrganisatiesPerActie(s.clone())))
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

/// Loads one value with loader `T`; a missing key gives `default`.
pub async fn one<T>(ctx: &Context<'_>, key: i32) -> Result<Option<T::Value>>
where
    T: Loader<i32, Error = async_graphql::Error>,
{
    ctx.data::<DataLoader<T>>()?.load_one(key).await
}
