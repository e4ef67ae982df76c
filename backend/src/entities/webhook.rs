//! A webhook of a partner: where Koers announces changes, signed with its secret, within its scope.

use sea_orm::entity::prelude::*;

/// A row of `webhook`. `geheim` is the Standard Webhooks secret (`whsec_` + base64), kept so Koers can sign;
/// `gebeurtenissen` is a JSON array of [`super::webhook_levering::Gebeurtenis`] texts.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub naam: String,
    pub url: String,
    pub geheim: String,
    pub alle_themas: bool,
    pub vertrouwelijk: bool,
    pub gebeurtenissen: String,
    pub actief: bool,
    pub uitgeschakeld_reden: Option<String>,
    pub uitgeschakeld_op: Option<DateTimeUtc>,
    pub opeenvolgende_fouten: i32,
    pub aangemaakt_door: String,
    pub aangemaakt_op: DateTimeUtc,
    pub gewijzigd_op: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
