//! A person who signs in: a lezer, redacteur (per thema, see `gebruiker_thema`) or beheerder.

use sea_orm::entity::prelude::*;

/// A row of `gebruiker`; `wachtwoord_hash` is an argon2 PHC string.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gebruiker")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub gebruikersnaam: String,
    pub naam: String,
    pub wachtwoord_hash: String,
    pub rol: String,
    pub actief: bool,
    pub aangemaakt_op: DateTimeUtc,
    pub versie: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
