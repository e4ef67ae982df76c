//! A sign-in session: the cookie holds a random secret, the table only its SHA-256.

use sea_orm::entity::prelude::*;

/// A row of `sessie`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessie")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub token_hash: String,
    /// The token a signed-in page sends in `X-CSRF-Token` with every change.
    pub csrf_token: String,
    pub gebruiker_id: i32,
    pub aangemaakt_op: DateTimeUtc,
    pub verloopt_op: DateTimeUtc,
    pub ingetrokken_op: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
