//! An organisation that leads or joins acties: the VAR, a gemeente, politie, OM, a partner.

use sea_orm::entity::prelude::*;

/// A row of `organisatie`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisatie")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub sleutel: String,
    pub naam: String,
    pub afkorting: Option<String>,
    pub soort: String,
    pub bron: String,
    pub versie: i32,
    /// Merged into this organisatie (its links moved there).
    pub samengevoegd_in: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
