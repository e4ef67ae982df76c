//! An immutable history row of a record above acties (thema, actieplan, opgave, organisatie, RVO meeting,
//! gebruiker): who changed it when, its state before → after.

use sea_orm::entity::prelude::*;

/// A row of `beheer_historie`; `voor`/`na` are JSON objects of the record's fields.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "beheer_historie")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `thema`, `actieplan`, `opgave`, `organisatie`, `rvo_vergadering` or `gebruiker`.
    pub soort: String,
    pub object_id: i32,
    /// The record's version after the change.
    pub versie: i32,
    pub tijdstip: DateTimeUtc,
    pub door: String,
    pub voor: Option<String>,
    pub na: String,
    /// Comma-separated names of the fields that changed.
    pub velden: String,
    pub toelichting: Option<String>,
    /// Made by seeding.
    pub uit_bron: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
