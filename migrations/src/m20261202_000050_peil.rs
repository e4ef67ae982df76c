//! `rvo_stand`: the frozen state of every plan at an RVO meeting, one per meeting (the unique key makes the
//! automatic freeze happen once across instances). Rows are never changed or removed.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RvoStand {
    Table,
    Id,
    RvoVergaderingId,
    Datum,
    Peilmoment,
    VastgelegdOp,
    Door,
    Automatisch,
    Inhoud,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // No foreign key: a meeting removed later keeps its snapshot (the record of what was shown).
        m.create_table(
            Table::create()
                .table(RvoStand::Table)
                .col(pk_auto(RvoStand::Id))
                .col(integer_uniq(RvoStand::RvoVergaderingId))
                .col(date(RvoStand::Datum))
                .col(timestamp_with_time_zone(RvoStand::Peilmoment))
                .col(timestamp_with_time_zone(RvoStand::VastgelegdOp))
                .col(string(RvoStand::Door))
                .col(boolean(RvoStand::Automatisch).default(false))
                .col(text(RvoStand::Inhoud))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RvoStand::Table).to_owned())
            .await
    }
}
