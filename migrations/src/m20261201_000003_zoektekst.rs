//! The searchable text of an actie (`actie.zoektekst`): title and description lower-cased by the full Unicode
//! rules, filled for existing acties here and kept up to date by every write, so that text search is
//! case-insensitive beyond ASCII on SQLite as on PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::text;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Actie {
    Table,
    Id,
    Titel,
    Beschrijving,
    Zoektekst,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Actie::Table)
                .add_column(text(Actie::Zoektekst).default(""))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let select = Query::select()
            .columns([Actie::Id, Actie::Titel, Actie::Beschrijving])
            .from(Actie::Table)
            .to_owned();
        for row in db.query_all(&select).await? {
            let id: i32 = row.try_get("", "id")?;
            let titel: String = row.try_get("", "titel")?;
            let beschrijving: String = row.try_get("", "beschrijving")?;
            let update = Query::update()
                .table(Actie::Table)
                .value(
                    Actie::Zoektekst,
                    koers_shared::tekst::zoektekst(&titel, &beschrijving),
                )
                .and_where(Expr::col(Actie::Id).eq(id))
                .to_owned();
            db.execute(&update).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Actie::Table)
                .drop_column(Actie::Zoektekst)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
