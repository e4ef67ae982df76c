//! An immutable history row: one accepted change of an actie, from → to.

use sea_orm::entity::prelude::*;

/// A row of `voortgangsupdate`; `versie` is the actie's version after the change.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "voortgangsupdate")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub actie_id: i32,
    pub versie: i32,
    pub tijdstip: DateTimeUtc,
    pub door: String,
    pub status_van: Option<String>,
    pub status_naar: String,
    pub gezondheid_van: Option<String>,
    pub gezondheid_naar: Option<String>,
    pub gezondheid_reden_van: Option<String>,
    pub gezondheid_reden_naar: Option<String>,
    pub voortgang_van: Option<i32>,
    pub voortgang_naar: Option<i32>,
    pub toelichting: Option<String>,
    /// Comma-separated GraphQL names of the fields this change touched.
    pub velden: String,
    /// Made by seeding: the state the source document gives, not a change in Koers.
    pub uit_bron: bool,
    /// The opgave the actie was in after this change; set on every row (rows older than the column got the
    /// actie's opgave when it was added).
    pub opgave_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
