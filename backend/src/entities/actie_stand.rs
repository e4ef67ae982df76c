//! How many acties an opgave has per confidentiality, status and health, kept by triggers on `actie` (see
//! migration `m20261202_000040_zoeken`): what roll-ups read.

use sea_orm::entity::prelude::*;

/// A row of `actie_stand`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "actie_stand")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub opgave_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub vertrouwelijk: bool,
    #[sea_orm(primary_key, auto_increment = false)]
    pub status: String,
    /// '' when the acties have no health.
    #[sea_orm(primary_key, auto_increment = false)]
    pub gezondheid: String,
    /// Acties in the group.
    pub aantal: i32,
    /// Of those, how many have a progress.
    pub met_voortgang: i32,
    /// The sum of those progresses.
    pub voortgang_som: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
