//! A meeting of the Regionaal Veiligheidsoverleg.

use sea_orm::entity::prelude::*;

/// A row of `rvo_vergadering`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rvo_vergadering")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub datum: Date,
    pub omschrijving: String,
    pub bron: String,
    pub versie: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
