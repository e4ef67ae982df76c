//! The audit log: every change, sign-in and token event — who, through which session or token, when, what.

use sea_orm::entity::prelude::*;

/// A row of `audit`; `details` is a JSON object.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub tijdstip: DateTimeUtc,
    pub actor: String,
    pub gebruiker_id: Option<i32>,
    pub sessie_id: Option<i32>,
    pub token_id: Option<i32>,
    pub handeling: String,
    pub object: Option<String>,
    pub details: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
