//! The thema's a redacteur may change.

use sea_orm::entity::prelude::*;

/// A row of `gebruiker_thema`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gebruiker_thema")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub gebruiker_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub thema_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
