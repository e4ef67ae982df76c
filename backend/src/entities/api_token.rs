//! An API token of an integration: stored as SHA-256 of the secret, with its scope and expiry.

use sea_orm::entity::prelude::*;

/// A row of `api_token`; `prefix` identifies a token in lists without revealing it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_token")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub naam: String,
    #[sea_orm(unique)]
    pub prefix: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub schrijven: bool,
    pub vertrouwelijk: bool,
    pub alle_themas: bool,
    pub aangemaakt_door: String,
    pub aangemaakt_op: DateTimeUtc,
    pub verloopt_op: DateTimeUtc,
    pub ingetrokken_op: Option<DateTimeUtc>,
    pub laatst_gebruikt_op: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
