//! The frozen state of every plan at one RVO meeting: written once, never changed.

use sea_orm::entity::prelude::*;

/// A row of `rvo_stand`; `inhoud` is the JSON of [`crate::service::peil::Stand`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rvo_stand")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub rvo_vergadering_id: i32,
    /// The meeting's date when it was frozen.
    pub datum: Date,
    /// The moment whose state it holds.
    pub peilmoment: DateTimeUtc,
    pub vastgelegd_op: DateTimeUtc,
    pub door: String,
    /// Frozen by the job at the meeting's start rather than by a beheerder.
    pub automatisch: bool,
    pub inhoud: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
