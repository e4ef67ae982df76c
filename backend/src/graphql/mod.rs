//! The GraphQL schema, built without any knowledge of HTTP: the HTTP layer and the tests execute it alike.

pub mod apq;
pub mod beheer;
pub mod beheer_gebruikers;
pub mod beheer_import;
pub mod beheer_plannen;
pub mod beheer_stamdata;
pub mod codes;
pub mod cost;
pub mod export;
pub mod guard;
pub mod ids;
pub mod inputs;
pub mod loaders;
pub mod mutation;
pub mod peil;
pub mod queries_only;
pub mod query;
pub mod reeks;
pub mod rvo_stand;
pub mod subscription;
pub mod te_laat;
pub mod types;
pub mod uitvoeren;
pub mod voorraad;
pub mod webhooks;
pub mod zicht;

use crate::config::GraphqlLimits;
use crate::service::Services;
use async_graphql::{MergedObject, SDLExportOptions, Schema, SchemaBuilder};

pub use uitvoeren::KoersSchema;

/// Leesoperaties: het domein, de toegang en de webhooks.
#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct QueryRoot(
    query::Query,
    beheer::BeheerQuery,
    beheer_plannen::BeheerPlanQuery,
    beheer_gebruikers::GebruikersQuery,
    webhooks::WebhookQuery,
    rvo_stand::RvoStandQuery,
);

/// Schrijfoperaties: acties; plannen en opgaven (beheerders, redacteuren in hun thema's); voor beheerders
/// thema's, organisaties, RVO-vergaderingen, tokens, gebruikers en webhooks.
#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    mutation::Mutation,
    beheer::BeheerMutation,
    beheer_plannen::BeheerPlanMutation,
    beheer_stamdata::BeheerStamMutation,
    beheer_gebruikers::GebruikersMutation,
    beheer_import::ImportMutation,
    export::ExportMutation,
    webhooks::WebhookMutation,
    rvo_stand::RvoStandMutation,
);

/// Builds the schema over `services` with the given guard rails and introspection on.
pub fn build_schema(services: Services, limits: GraphqlLimits) -> KoersSchema {
    build_schema_with(services, limits, true)
}

/// Builds the schema; `introspection = false` refuses `__schema`/`__type` queries (production).
pub fn build_schema_with(services: Services, limits: GraphqlLimits, introspection: bool) -> KoersSchema {
    let mut served = builder(limits);
    if !introspection {
        served = served.disable_introspection();
    }
    let schema = te_laat::register(
        peil::register(loaders::register(served, &services), &services),
        &services,
    )
    .data(services)
    .finish();
    let factory = guard::batch::ProbeFactory::default();
    let probe = builder(limits).extension(factory.clone()).finish();
    KoersSchema::new(schema, guard::batch::ProbeSchema::new(probe, &factory), limits)
}

/// The builder of the served schema: its types and async-graphql's own limits, without data. It has no
/// extensions (see [`uitvoeren`]).
fn builder(limits: GraphqlLimits) -> SchemaBuilder<QueryRoot, MutationRoot, subscription::Subscription> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        subscription::Subscription,
    )
    .limit_depth(limits.depth)
    .limit_complexity(limits.complexity)
    .limit_recursive_depth(limits.nesting)
}

/// The SDL of the served schema (the same builder; `@specifiedBy` on scalars), as committed in `schema.graphql`.
pub fn sdl() -> String {
    builder(GraphqlLimits::default())
        .finish()
        .sdl_with_options(SDLExportOptions::new().include_specified_by())
}
