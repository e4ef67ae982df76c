//! The one source of Koers' database schema: sea-orm migrations that run on SQLite and PostgreSQL alike.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_schema;
mod m20261123_000002_toegang;
mod m20261201_000003_zoektekst;
mod m20261202_000010_webhooks;
mod m20261202_000020_instanties;
mod m20261202_000030_beheer;
mod m20261202_000040_zoeken;
mod m20261202_000050_peil;
mod m20261202_000070_fts;
mod m20261202_000083_historie_opgave;
mod util;

/// Runs Koers' migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_schema::Migration),
            Box::new(m20261123_000002_toegang::Migration),
            Box::new(m20261201_000003_zoektekst::Migration),
            Box::new(m20261202_000010_webhooks::Migration),
            Box::new(m20261202_000020_instanties::Migration),
            Box::new(m20261202_000030_beheer::Migration),
            Box::new(m20261202_000040_zoeken::Migration),
            Box::new(m20261202_000050_peil::Migration),
            Box::new(m20261202_000070_fts::Migration),
            Box::new(m20261202_000083_historie_opgave::Migration),
        ]
    }
}
