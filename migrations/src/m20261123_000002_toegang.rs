//! Access control and audit: gebruiker (+ thema's of a redacteur), sessie, api_token (+ its thema's) and the
//! audit log; and the health reason before → after in the history.

use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Thema {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Gebruiker {
    Table,
    Id,
    Gebruikersnaam,
    Naam,
    WachtwoordHash,
    Rol,
    Actief,
    AangemaaktOp,
}

#[derive(DeriveIden, Clone, Copy)]
enum GebruikerThema {
    Table,
    GebruikerId,
    ThemaId,
}

#[derive(DeriveIden)]
enum Sessie {
    Table,
    Id,
    TokenHash,
    CsrfToken,
    GebruikerId,
    AangemaaktOp,
    VerlooptOp,
    IngetrokkenOp,
}

#[derive(DeriveIden)]
enum ApiToken {
    Table,
    Id,
    Naam,
    Prefix,
    TokenHash,
    Schrijven,
    Vertrouwelijk,
    AlleThemas,
    AangemaaktDoor,
    AangemaaktOp,
    VerlooptOp,
    IngetrokkenOp,
    LaatstGebruiktOp,
}

#[derive(DeriveIden, Clone, Copy)]
enum ApiTokenThema {
    Table,
    TokenId,
    ThemaId,
}

#[derive(DeriveIden)]
enum Audit {
    Table,
    Id,
    Tijdstip,
    Actor,
    GebruikerId,
    SessieId,
    TokenId,
    Handeling,
    Object,
    Details,
}

#[derive(DeriveIden)]
enum Voortgangsupdate {
    Table,
    GezondheidRedenVan,
    GezondheidRedenNaar,
}

/// A link table `(owner, thema)` with its primary key and foreign keys.
fn thema_link(
    table: impl IntoIden + Copy + 'static,
    owner_col: impl IntoIden + Copy + 'static,
    thema_col: impl IntoIden + Copy + 'static,
    owner: (impl IntoIden + 'static, impl IntoIden + 'static),
    name: &str,
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(integer(owner_col))
        .col(integer(thema_col))
        .primary_key(Index::create().col(owner_col).col(thema_col))
        .foreign_key(&mut fk(
            &format!("fk_{name}_owner"),
            (table, owner_col),
            owner,
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut fk(
            &format!("fk_{name}_thema"),
            (table, thema_col),
            (Thema::Table, Thema::Id),
            ForeignKeyAction::Restrict,
        ))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Gebruiker::Table)
                .col(pk_auto(Gebruiker::Id))
                .col(string_uniq(Gebruiker::Gebruikersnaam))
                .col(string(Gebruiker::Naam))
                .col(string(Gebruiker::WachtwoordHash))
                .col(string(Gebruiker::Rol))
                .col(boolean(Gebruiker::Actief).default(true))
                .col(timestamp_with_time_zone(Gebruiker::AangemaaktOp))
                .to_owned(),
        )
        .await?;
        m.create_table(thema_link(
            GebruikerThema::Table,
            GebruikerThema::GebruikerId,
            GebruikerThema::ThemaId,
            (Gebruiker::Table, Gebruiker::Id),
            "gebruiker_thema",
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(Sessie::Table)
                .col(pk_auto(Sessie::Id))
                .col(string_uniq(Sessie::TokenHash))
                .col(string(Sessie::CsrfToken))
                .col(integer(Sessie::GebruikerId))
                .col(timestamp_with_time_zone(Sessie::AangemaaktOp))
                .col(timestamp_with_time_zone(Sessie::VerlooptOp))
                .col(timestamp_with_time_zone_null(Sessie::IngetrokkenOp))
                .foreign_key(&mut fk(
                    "fk_sessie_gebruiker",
                    (Sessie::Table, Sessie::GebruikerId),
                    (Gebruiker::Table, Gebruiker::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ApiToken::Table)
                .col(pk_auto(ApiToken::Id))
                .col(string(ApiToken::Naam))
                .col(string_uniq(ApiToken::Prefix))
                .col(string_uniq(ApiToken::TokenHash))
                .col(boolean(ApiToken::Schrijven))
                .col(boolean(ApiToken::Vertrouwelijk))
                .col(boolean(ApiToken::AlleThemas))
                .col(string(ApiToken::AangemaaktDoor))
                .col(timestamp_with_time_zone(ApiToken::AangemaaktOp))
                .col(timestamp_with_time_zone(ApiToken::VerlooptOp))
                .col(timestamp_with_time_zone_null(ApiToken::IngetrokkenOp))
                .col(timestamp_with_time_zone_null(ApiToken::LaatstGebruiktOp))
                .to_owned(),
        )
        .await?;
        m.create_table(thema_link(
            ApiTokenThema::Table,
            ApiTokenThema::TokenId,
            ApiTokenThema::ThemaId,
            (ApiToken::Table, ApiToken::Id),
            "api_token_thema",
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(Audit::Table)
                .col(pk_auto(Audit::Id))
                .col(timestamp_with_time_zone(Audit::Tijdstip))
                .col(string(Audit::Actor))
                .col(integer_null(Audit::GebruikerId))
                .col(integer_null(Audit::SessieId))
                .col(integer_null(Audit::TokenId))
                .col(string(Audit::Handeling))
                .col(string_null(Audit::Object))
                .col(text(Audit::Details))
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_audit_handeling", Audit::Table, &["handeling"]))
            .await?;
        for col in [
            Voortgangsupdate::GezondheidRedenVan,
            Voortgangsupdate::GezondheidRedenNaar,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Voortgangsupdate::Table)
                    .add_column(text_null(col))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            Voortgangsupdate::GezondheidRedenNaar,
            Voortgangsupdate::GezondheidRedenVan,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Voortgangsupdate::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        for t in [
            Audit::Table.into_iden(),
            ApiTokenThema::Table.into_iden(),
            ApiToken::Table.into_iden(),
            Sessie::Table.into_iden(),
            GebruikerThema::Table.into_iden(),
            Gebruiker::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
