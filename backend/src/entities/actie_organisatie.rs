//! Which organisations lead (`trekker`) or join (`partner`) an actie.

use sea_orm::entity::prelude::*;

/// Role of a leading organisation.
pub const TREKKER: &str = "trekker";
/// Role of a joining organisation.
pub const PARTNER: &str = "partner";

/// A row of `actie_organisatie`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "actie_organisatie")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub actie_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisatie_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub rol: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The organisation of the link.
    #[sea_orm(
        belongs_to = "super::organisatie::Entity",
        from = "Column::OrganisatieId",
        to = "super::organisatie::Column::Id"
    )]
    Organisatie,
}

impl Related<super::organisatie::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organisatie.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
