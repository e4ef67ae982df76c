//! RVO meeting dates for the beheer page: the list, and adding, moving and removing one (each with its versie).
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, GeenVariabelen, InvoerVariabelen};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{BEHEER_RVO_QUERY, RVO_AANMAKEN, RVO_VERWIJDEREN, RVO_WIJZIGEN};

/// An RVO meeting as the beheer page lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Vergadering {
    /// Opaque id.
    pub id: String,
    /// Date, `JJJJ-MM-DD`.
    pub datum: String,
    /// Description.
    pub omschrijving: String,
    /// Version for optimistic concurrency.
    pub versie: i32,
}

#[derive(Deserialize)]
struct LijstData {
    #[serde(rename = "rvoVergaderingen")]
    vergaderingen: Vec<Vergadering>,
}

/// A new meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NieuweVergadering {
    /// Date, `JJJJ-MM-DD`.
    pub datum: String,
    /// Description.
    pub omschrijving: String,
}

/// A meeting moved to another date (only the date changes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verplaatsen {
    /// Meeting id.
    pub id: String,
    /// The version read.
    pub versie: i32,
    /// The new date, `JJJJ-MM-DD`.
    pub datum: String,
}

#[derive(Serialize)]
struct WegVariabelen<'a> {
    id: &'a str,
    versie: i32,
}

#[derive(Deserialize)]
struct Id {
    #[allow(dead_code)]
    id: String,
}

#[derive(Deserialize)]
struct AangemaaktData {
    #[serde(rename = "rvoVergaderingAanmaken")]
    #[allow(dead_code)]
    vergadering: Id,
}

#[derive(Deserialize)]
struct GewijzigdData {
    #[serde(rename = "rvoVergaderingWijzigen")]
    #[allow(dead_code)]
    vergadering: Id,
}

#[derive(Deserialize)]
struct VerwijderdData {
    #[serde(rename = "rvoVergaderingVerwijderen")]
    #[allow(dead_code)]
    vergadering: Id,
}

/// Loads every meeting, by date.
pub async fn haal_vergaderingen() -> Result<Vec<Vergadering>, ApiError> {
    let d: LijstData = api::graphql(BEHEER_RVO_QUERY, "BeheerRvo", GeenVariabelen {}).await?;
    let mut v = d.vergaderingen;
    v.sort_by(|a, b| a.datum.cmp(&b.datum));
    Ok(v)
}

/// Plans a meeting.
pub async fn maak_vergadering(invoer: NieuweVergadering) -> Result<(), ApiError> {
    let _: AangemaaktData = api::graphql(RVO_AANMAKEN, "RvoAanmaken", InvoerVariabelen { invoer }).await?;
    Ok(())
}

/// Moves a meeting.
pub async fn verplaats_vergadering(invoer: Verplaatsen) -> Result<(), ApiError> {
    let _: GewijzigdData = api::graphql(RVO_WIJZIGEN, "RvoWijzigen", InvoerVariabelen { invoer }).await?;
    Ok(())
}

/// Removes meeting `id` (version `versie`).
pub async fn verwijder_vergadering(id: &str, versie: i32) -> Result<(), ApiError> {
    let _: VerwijderdData =
        api::graphql(RVO_VERWIJDEREN, "RvoVerwijderen", WegVariabelen { id, versie }).await?;
    Ok(())
}
