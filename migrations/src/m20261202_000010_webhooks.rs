//! Webhooks: the registrations of a beheerder (URL, signing secret, thema's, events, on/off) and their outbox
//! of deliveries, written in the same transaction as the change they announce.

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
enum Webhook {
    Table,
    Id,
    Naam,
    Url,
    Geheim,
    AlleThemas,
    Vertrouwelijk,
    Gebeurtenissen,
    Actief,
    UitgeschakeldReden,
    UitgeschakeldOp,
    OpeenvolgendeFouten,
    AangemaaktDoor,
    AangemaaktOp,
    GewijzigdOp,
}

#[derive(DeriveIden, Clone, Copy)]
enum WebhookThema {
    Table,
    WebhookId,
    ThemaId,
}

#[derive(DeriveIden)]
enum WebhookLevering {
    Table,
    Id,
    WebhookId,
    Gebeurtenis,
    BerichtId,
    Payload,
    Toestand,
    Pogingen,
    VolgendePogingOp,
    GeclaimdTot,
    LaatsteStatus,
    LaatsteAntwoord,
    LaatsteFout,
    AangemaaktOp,
    LaatstePogingOp,
    BezorgdOp,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Webhook::Table)
                .col(pk_auto(Webhook::Id))
                .col(string(Webhook::Naam))
                .col(text(Webhook::Url))
                .col(string(Webhook::Geheim))
                .col(boolean(Webhook::AlleThemas))
                .col(boolean(Webhook::Vertrouwelijk))
                .col(text(Webhook::Gebeurtenissen))
                .col(boolean(Webhook::Actief).default(true))
                .col(text_null(Webhook::UitgeschakeldReden))
                .col(timestamp_with_time_zone_null(Webhook::UitgeschakeldOp))
                .col(integer(Webhook::OpeenvolgendeFouten).default(0))
                .col(string(Webhook::AangemaaktDoor))
                .col(timestamp_with_time_zone(Webhook::AangemaaktOp))
                .col(timestamp_with_time_zone(Webhook::GewijzigdOp))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookThema::Table)
                .col(integer(WebhookThema::WebhookId))
                .col(integer(WebhookThema::ThemaId))
                .primary_key(
                    Index::create()
                        .col(WebhookThema::WebhookId)
                        .col(WebhookThema::ThemaId),
                )
                .foreign_key(&mut fk(
                    "fk_webhook_thema_webhook",
                    (WebhookThema::Table, WebhookThema::WebhookId),
                    (Webhook::Table, Webhook::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_webhook_thema_thema",
                    (WebhookThema::Table, WebhookThema::ThemaId),
                    (Thema::Table, Thema::Id),
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookLevering::Table)
                .col(pk_auto(WebhookLevering::Id))
                .col(integer(WebhookLevering::WebhookId))
                .col(string_len(WebhookLevering::Gebeurtenis, 40))
                .col(string_uniq(WebhookLevering::BerichtId))
                .col(text(WebhookLevering::Payload))
                .col(string_len(WebhookLevering::Toestand, 20))
                .col(integer(WebhookLevering::Pogingen).default(0))
                .col(timestamp_with_time_zone(WebhookLevering::VolgendePogingOp))
                .col(timestamp_with_time_zone_null(WebhookLevering::GeclaimdTot))
                .col(integer_null(WebhookLevering::LaatsteStatus))
                .col(text_null(WebhookLevering::LaatsteAntwoord))
                .col(text_null(WebhookLevering::LaatsteFout))
                .col(timestamp_with_time_zone(WebhookLevering::AangemaaktOp))
                .col(timestamp_with_time_zone_null(WebhookLevering::LaatstePogingOp))
                .col(timestamp_with_time_zone_null(WebhookLevering::BezorgdOp))
                .foreign_key(&mut fk(
                    "fk_webhook_levering_webhook",
                    (WebhookLevering::Table, WebhookLevering::WebhookId),
                    (Webhook::Table, Webhook::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_webhook_levering_te_doen",
            WebhookLevering::Table,
            &["toestand", "volgende_poging_op"],
        ))
        .await?;
        m.create_index(index(
            "idx_webhook_levering_webhook",
            WebhookLevering::Table,
            &["webhook_id", "id"],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            WebhookLevering::Table.into_iden(),
            WebhookThema::Table.into_iden(),
            Webhook::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
