//! A plan adopted for a thema (actieplan, uitvoeringsprogramma, …).

use sea_orm::entity::prelude::*;

/// A row of `actieplan`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "actieplan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub sleutel: String,
    pub thema_id: i32,
    pub titel: String,
    pub soort: String,
    pub periode_van: i32,
    pub periode_tot: i32,
    pub vastgesteld_door: Option<String>,
    pub vastgesteld_op: Option<String>,
    pub status: String,
    pub bron: String,
    pub versie: i32,
    /// The plan that succeeds this one.
    pub opvolger_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
