//! Beheer of everything above acties: a version on thema, actieplan, opgave, organisatie, RVO meeting and user
//! (optimistic concurrency), a plan's successor, a retired opgave, a merged organisatie, the generic history
//! of those records (`beheer_historie`) and the "from the source" flag on history made by seeding. Additive
//! only: an older Koers still runs on this schema.

use crate::util::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Actieplan {
    Table,
    OpvolgerId,
}

#[derive(DeriveIden)]
enum Opgave {
    Table,
    Vervallen,
}

#[derive(DeriveIden)]
enum Organisatie {
    Table,
    SamengevoegdIn,
}

#[derive(DeriveIden)]
enum Voortgangsupdate {
    Table,
    UitBron,
}

#[derive(DeriveIden)]
enum BeheerHistorie {
    Table,
    Id,
    Soort,
    ObjectId,
    Versie,
    Tijdstip,
    Door,
    Voor,
    Na,
    Velden,
    Toelichting,
    UitBron,
}

/// The tables that get a `versie` column.
const MET_VERSIE: [&str; 6] = [
    "thema",
    "actieplan",
    "opgave",
    "organisatie",
    "rvo_vergadering",
    "gebruiker",
];

async fn add(m: &SchemaManager<'_>, table: impl IntoIden + 'static, col: ColumnDef) -> Result<(), DbErr> {
    let mut col = col;
    m.alter_table(Table::alter().table(table).add_column(&mut col).to_owned())
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in MET_VERSIE {
            add(
                m,
                Alias::new(t),
                integer(Alias::new("versie")).default(1).to_owned(),
            )
            .await?;
        }
        add(m, Actieplan::Table, integer_null(Actieplan::OpvolgerId)).await?;
        add(
            m,
            Opgave::Table,
            boolean(Opgave::Vervallen).default(false).to_owned(),
        )
        .await?;
        add(m, Organisatie::Table, integer_null(Organisatie::SamengevoegdIn)).await?;
        add(
            m,
            Voortgangsupdate::Table,
            boolean(Voortgangsupdate::UitBron).default(false).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(BeheerHistorie::Table)
                .col(pk_auto(BeheerHistorie::Id))
                .col(string(BeheerHistorie::Soort))
                .col(integer(BeheerHistorie::ObjectId))
                .col(integer(BeheerHistorie::Versie))
                .col(timestamp_with_time_zone(BeheerHistorie::Tijdstip))
                .col(string(BeheerHistorie::Door))
                .col(text_null(BeheerHistorie::Voor))
                .col(text(BeheerHistorie::Na))
                .col(text(BeheerHistorie::Velden))
                .col(text_null(BeheerHistorie::Toelichting))
                .col(boolean(BeheerHistorie::UitBron).default(false))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_beheer_historie_object",
            BeheerHistorie::Table,
            &["soort", "object_id", "versie"],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(BeheerHistorie::Table).to_owned())
            .await?;
        let drop = |t: &'static str, c: &'static str| {
            Table::alter()
                .table(Alias::new(t))
                .drop_column(Alias::new(c))
                .to_owned()
        };
        for (t, c) in [
            ("voortgangsupdate", "uit_bron"),
            ("organisatie", "samengevoegd_in"),
            ("opgave", "vervallen"),
            ("actieplan", "opvolger_id"),
        ] {
            m.alter_table(drop(t, c)).await?;
        }
        for t in MET_VERSIE {
            m.alter_table(drop(t, "versie")).await?;
        }
        Ok(())
    }
}
