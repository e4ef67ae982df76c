//! Several instances on one database: the run log of scheduled jobs (one row per job and period, claimed by one
//! instance with a lease) and the sign-in attempts per address and minute that all instances count together.
//! Only new tables: an older instance keeps running beside a migrated one.

use crate::util::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TaakRun {
    Table,
    Id,
    Naam,
    Periode,
    Instantie,
    BegonnenOp,
    GeclaimdTot,
    KlaarOp,
    Pogingen,
    Resultaat,
}

#[derive(DeriveIden, Clone, Copy)]
enum Aanmeldpoging {
    Table,
    Sleutel,
    Venster,
    Aantal,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TaakRun::Table)
                .if_not_exists()
                .col(pk_auto(TaakRun::Id))
                .col(string(TaakRun::Naam))
                .col(big_integer(TaakRun::Periode))
                .col(string(TaakRun::Instantie))
                .col(timestamp_with_time_zone(TaakRun::BegonnenOp))
                .col(timestamp_with_time_zone(TaakRun::GeclaimdTot))
                .col(timestamp_with_time_zone_null(TaakRun::KlaarOp))
                .col(integer(TaakRun::Pogingen).default(1))
                .col(text_null(TaakRun::Resultaat))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("idx_taak_run_naam_periode", TaakRun::Table, &["naam", "periode"])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Aanmeldpoging::Table)
                .if_not_exists()
                .col(string(Aanmeldpoging::Sleutel))
                .col(big_integer(Aanmeldpoging::Venster))
                .col(integer(Aanmeldpoging::Aantal))
                .primary_key(
                    Index::create()
                        .col(Aanmeldpoging::Sleutel)
                        .col(Aanmeldpoging::Venster),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [Aanmeldpoging::Table.into_iden(), TaakRun::Table.into_iden()] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
