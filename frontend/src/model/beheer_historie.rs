//! The history of a thema, plan, opgave or organisatie on the beheer page (`beheerHistorie`).
//!
//! The query text is in [`crate::model::documenten`], where a host test checks it against the schema.

use crate::api::{self, ApiError, IdVariabelen};
use miniserde::Deserialize;

pub use crate::model::documenten::BEHEER_HISTORIE;

/// One field a change touched: before and after, as text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct VeldWijziging {
    /// The field (as in the mutation's input).
    pub veld: String,
    /// Before.
    pub van: Option<String>,
    /// After.
    pub naar: Option<String>,
}

/// One accepted change.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BeheerWijziging {
    /// Version after it.
    pub versie: i32,
    /// When (RFC 3339).
    pub tijdstip: String,
    /// By whom.
    pub door: String,
    /// Which fields (`aangemaakt` at the start).
    pub velden: Vec<String>,
    /// Per field: before → after.
    pub wijzigingen: Vec<VeldWijziging>,
    /// Note.
    pub toelichting: Option<String>,
    /// The state comes from the source document (the seed).
    #[serde(rename = "uitBron")]
    pub uit_bron: bool,
}

#[derive(Deserialize)]
struct HistorieData {
    #[serde(rename = "beheerHistorie")]
    historie: Vec<BeheerWijziging>,
}

/// The history of record `id`, newest first.
pub async fn haal_historie(id: &str) -> Result<Vec<BeheerWijziging>, ApiError> {
    let d: HistorieData = api::graphql(BEHEER_HISTORIE, "BeheerHistorie", IdVariabelen { id }).await?;
    let mut h = d.historie;
    h.reverse();
    Ok(h)
}
