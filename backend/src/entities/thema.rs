//! A VAR portefeuille (thema), e.g. Mensenhandel.

use sea_orm::entity::prelude::*;

/// A row of `thema`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "thema")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub sleutel: String,
    pub naam: String,
    pub portefeuillehouder: Option<String>,
    pub volgorde: i32,
    pub bron: String,
    /// Optimistic concurrency: bumped by every change.
    pub versie: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
