//! The thema's a webhook is scoped to (unless it has `alle_themas`).

use sea_orm::entity::prelude::*;

/// A row of `webhook_thema`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_thema")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub webhook_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub thema_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
