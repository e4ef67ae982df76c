//! The opgave an actie was in after each change, on its history row (`voortgangsupdate.opgave_id`), so the
//! state as of a moment puts an actie in the opgave it was in then. Existing rows get the actie's current
//! opgave: what the as-of answers showed for them before. Additive only: an older Koers still runs on this.

use crate::util::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Voortgangsupdate {
    Table,
    OpgaveId,
}

/// The index of the as-of reads: which acties were ever in these opgaven by a moment.
const INDEX: &str = "idx_voortgangsupdate_opgave";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Voortgangsupdate::Table)
                .add_column(integer_null(Voortgangsupdate::OpgaveId))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "UPDATE voortgangsupdate SET opgave_id =
                    (SELECT actie.opgave_id FROM actie WHERE actie.id = voortgangsupdate.actie_id)",
            )
            .await?;
        m.create_index(index(INDEX, Voortgangsupdate::Table, &["opgave_id", "tijdstip"]))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name(INDEX)
                .table(Voortgangsupdate::Table)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Voortgangsupdate::Table)
                .drop_column(Voortgangsupdate::OpgaveId)
                .to_owned(),
        )
        .await
    }
}
