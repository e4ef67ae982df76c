//! An actie under an opgave, with its state and optimistic-concurrency version.

use sea_orm::entity::prelude::*;

/// A row of `actie`. `status` and `gezondheid` hold the texts of [`koers_shared::Status`] and
/// [`koers_shared::Gezondheid`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "actie")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub sleutel: Option<String>,
    pub opgave_id: i32,
    pub opgave_afgeleid: bool,
    pub titel: String,
    pub beschrijving: String,
    pub jaar: i32,
    pub kwartaal: Option<i32>,
    pub datum: Option<Date>,
    pub status: String,
    pub gezondheid: Option<String>,
    pub gezondheid_reden: Option<String>,
    pub voortgang: Option<i32>,
    pub vertrouwelijk: bool,
    pub bron: String,
    pub versie: i32,
    pub aangemaakt_op: DateTimeUtc,
    pub gewijzigd_op: DateTimeUtc,
    /// Title and description in search form ([`koers_shared::tekst::zoektekst`]); set by every write.
    pub zoektekst: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
