//! An opgave: an ordered part of an actieplan.

use sea_orm::entity::prelude::*;

/// A row of `opgave`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "opgave")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub sleutel: String,
    pub actieplan_id: i32,
    pub volgorde: i32,
    pub titel: String,
    pub beschrijving: String,
    pub bron: String,
    pub versie: i32,
    /// Retired: no acties left, kept for history.
    pub vervallen: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
