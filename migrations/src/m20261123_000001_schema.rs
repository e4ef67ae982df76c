//! The domain tables: organisatie, thema, actieplan, opgave, actie (+ its organisaties), voortgangsupdate and
//! rvo_vergadering.

use crate::util::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisatie {
    Table,
    Id,
    Sleutel,
    Naam,
    Afkorting,
    Soort,
    Bron,
}

#[derive(DeriveIden)]
enum Thema {
    Table,
    Id,
    Sleutel,
    Naam,
    Portefeuillehouder,
    Volgorde,
    Bron,
}

#[derive(DeriveIden)]
enum Actieplan {
    Table,
    Id,
    Sleutel,
    ThemaId,
    Titel,
    Soort,
    PeriodeVan,
    PeriodeTot,
    VastgesteldDoor,
    VastgesteldOp,
    Status,
    Bron,
}

#[derive(DeriveIden)]
enum Opgave {
    Table,
    Id,
    Sleutel,
    ActieplanId,
    Volgorde,
    Titel,
    Beschrijving,
    Bron,
}

#[derive(DeriveIden)]
enum Actie {
    Table,
    Id,
    Sleutel,
    OpgaveId,
    OpgaveAfgeleid,
    Titel,
    Beschrijving,
    Jaar,
    Kwartaal,
    Datum,
    Status,
    Gezondheid,
    GezondheidReden,
    Voortgang,
    Vertrouwelijk,
    Bron,
    Versie,
    AangemaaktOp,
    GewijzigdOp,
}

#[derive(DeriveIden)]
enum ActieOrganisatie {
    Table,
    ActieId,
    OrganisatieId,
    Rol,
}

#[derive(DeriveIden)]
enum Voortgangsupdate {
    Table,
    Id,
    ActieId,
    Versie,
    Tijdstip,
    Door,
    StatusVan,
    StatusNaar,
    GezondheidVan,
    GezondheidNaar,
    VoortgangVan,
    VoortgangNaar,
    Toelichting,
    Velden,
}

#[derive(DeriveIden)]
enum RvoVergadering {
    Table,
    Id,
    Datum,
    Omschrijving,
    Bron,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Organisatie::Table)
                .col(pk_auto(Organisatie::Id))
                .col(string_uniq(Organisatie::Sleutel))
                .col(string(Organisatie::Naam))
                .col(string_null(Organisatie::Afkorting))
                .col(string(Organisatie::Soort))
                .col(text(Organisatie::Bron))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Thema::Table)
                .col(pk_auto(Thema::Id))
                .col(string_uniq(Thema::Sleutel))
                .col(string(Thema::Naam))
                .col(string_null(Thema::Portefeuillehouder))
                .col(integer(Thema::Volgorde))
                .col(text(Thema::Bron))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Actieplan::Table)
                .col(pk_auto(Actieplan::Id))
                .col(string_uniq(Actieplan::Sleutel))
                .col(integer(Actieplan::ThemaId))
                .col(string(Actieplan::Titel))
                .col(string(Actieplan::Soort))
                .col(integer(Actieplan::PeriodeVan))
                .col(integer(Actieplan::PeriodeTot))
                .col(string_null(Actieplan::VastgesteldDoor))
                .col(string_null(Actieplan::VastgesteldOp))
                .col(string(Actieplan::Status))
                .col(text(Actieplan::Bron))
                .foreign_key(&mut fk(
                    "fk_actieplan_thema",
                    (Actieplan::Table, Actieplan::ThemaId),
                    (Thema::Table, Thema::Id),
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_actieplan_thema", Actieplan::Table, &["thema_id"]))
            .await?;
        m.create_table(
            Table::create()
                .table(Opgave::Table)
                .col(pk_auto(Opgave::Id))
                .col(string_uniq(Opgave::Sleutel))
                .col(integer(Opgave::ActieplanId))
                .col(integer(Opgave::Volgorde))
                .col(string(Opgave::Titel))
                .col(text(Opgave::Beschrijving))
                .col(text(Opgave::Bron))
                .foreign_key(&mut fk(
                    "fk_opgave_actieplan",
                    (Opgave::Table, Opgave::ActieplanId),
                    (Actieplan::Table, Actieplan::Id),
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_opgave_actieplan",
            Opgave::Table,
            &["actieplan_id", "volgorde"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(Actie::Table)
                .col(pk_auto(Actie::Id))
                .col(string_null(Actie::Sleutel).unique_key())
                .col(integer(Actie::OpgaveId))
                .col(boolean(Actie::OpgaveAfgeleid).default(false))
                .col(string(Actie::Titel))
                .col(text(Actie::Beschrijving))
                .col(integer(Actie::Jaar))
                .col(integer_null(Actie::Kwartaal))
                .col(date_null(Actie::Datum))
                .col(string(Actie::Status))
                .col(string_null(Actie::Gezondheid))
                .col(text_null(Actie::GezondheidReden))
                .col(integer_null(Actie::Voortgang))
                .col(boolean(Actie::Vertrouwelijk).default(false))
                .col(text(Actie::Bron))
                .col(integer(Actie::Versie).default(1))
                .col(timestamp_with_time_zone(Actie::AangemaaktOp))
                .col(timestamp_with_time_zone(Actie::GewijzigdOp))
                .foreign_key(&mut fk(
                    "fk_actie_opgave",
                    (Actie::Table, Actie::OpgaveId),
                    (Opgave::Table, Opgave::Id),
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_actie_opgave", Actie::Table, &["opgave_id"]))
            .await?;
        m.create_index(index("idx_actie_status", Actie::Table, &["status"]))
            .await?;
        m.create_index(index("idx_actie_gewijzigd", Actie::Table, &["gewijzigd_op"]))
            .await?;
        m.create_table(
            Table::create()
                .table(ActieOrganisatie::Table)
                .col(integer(ActieOrganisatie::ActieId))
                .col(integer(ActieOrganisatie::OrganisatieId))
                .col(string(ActieOrganisatie::Rol))
                .primary_key(
                    Index::create()
                        .col(ActieOrganisatie::ActieId)
                        .col(ActieOrganisatie::OrganisatieId)
                        .col(ActieOrganisatie::Rol),
                )
                .foreign_key(&mut fk(
                    "fk_actie_organisatie_actie",
                    (ActieOrganisatie::Table, ActieOrganisatie::ActieId),
                    (Actie::Table, Actie::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_actie_organisatie_organisatie",
                    (ActieOrganisatie::Table, ActieOrganisatie::OrganisatieId),
                    (Organisatie::Table, Organisatie::Id),
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "idx_actie_organisatie_org",
            ActieOrganisatie::Table,
            &["organisatie_id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(Voortgangsupdate::Table)
                .col(pk_auto(Voortgangsupdate::Id))
                .col(integer(Voortgangsupdate::ActieId))
                .col(integer(Voortgangsupdate::Versie))
                .col(timestamp_with_time_zone(Voortgangsupdate::Tijdstip))
                .col(string(Voortgangsupdate::Door))
                .col(string_null(Voortgangsupdate::StatusVan))
                .col(string(Voortgangsupdate::StatusNaar))
                .col(string_null(Voortgangsupdate::GezondheidVan))
                .col(string_null(Voortgangsupdate::GezondheidNaar))
                .col(integer_null(Voortgangsupdate::VoortgangVan))
                .col(integer_null(Voortgangsupdate::VoortgangNaar))
                .col(text_null(Voortgangsupdate::Toelichting))
                .col(text(Voortgangsupdate::Velden))
                .foreign_key(&mut fk(
                    "fk_voortgangsupdate_actie",
                    (Voortgangsupdate::Table, Voortgangsupdate::ActieId),
                    (Actie::Table, Actie::Id),
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "idx_voortgangsupdate_actie_versie",
                Voortgangsupdate::Table,
                &["actie_id", "versie"],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RvoVergadering::Table)
                .col(pk_auto(RvoVergadering::Id))
                .col(date_uniq(RvoVergadering::Datum))
                .col(string(RvoVergadering::Omschrijving))
                .col(text(RvoVergadering::Bron))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            RvoVergadering::Table.into_iden(),
            Voortgangsupdate::Table.into_iden(),
            ActieOrganisatie::Table.into_iden(),
            Actie::Table.into_iden(),
            Opgave::Table.into_iden(),
            Actieplan::Table.into_iden(),
            Thema::Table.into_iden(),
            Organisatie::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
