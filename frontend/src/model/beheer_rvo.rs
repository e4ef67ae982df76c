//! RVO meeting dates for the beheer page: the list with the frozen snapshots, adding, moving and removing one
//! (each with its versie), and freezing a meeting's snapshot.
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, GeenVariabelen, InvoerVariabelen};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{
    BEHEER_RVO_QUERY, RVO_AANMAKEN, RVO_STAND_VASTLEGGEN, RVO_VERWIJDEREN, RVO_WIJZIGEN,
};

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

/// A frozen snapshot: of which meeting, when and by whom.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Stand {
    /// The meeting (`None` once it was removed).
    pub vergadering: Option<Id>,
    /// When it was frozen (ISO 8601).
    #[serde(rename = "vastgelegdOp")]
    pub vastgelegd_op: String,
    /// Who froze it.
    pub door: String,
}

#[derive(Deserialize)]
struct LijstData {
    #[serde(rename = "rvoVergaderingen")]
    vergaderingen: Vec<Vergadering>,
    #[serde(rename = "rvoStanden")]
    standen: Vec<Stand>,
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

/// A record's id.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Id {
    /// Opaque id.
    pub id: String,
}

/// A change of an existing meeting, sent with the versie read.
#[derive(Debug, Clone, PartialEq)]
pub enum RvoStap {
    /// To another date.
    Verplaatsen(Verplaatsen),
    /// Its removal: id and versie.
    Verwijderen(String, i32),
}

impl RvoStap {
    /// The meeting, the versie sent and the fields changed (API name, value), for the conflict panel.
    pub fn record(&self) -> (String, i32, Vec<(&'static str, String)>) {
        match self {
            RvoStap::Verplaatsen(v) => (v.id.clone(), v.versie, vec![("datum", v.datum.clone())]),
            RvoStap::Verwijderen(id, versie) => (id.clone(), *versie, Vec::new()),
        }
    }

    /// The same change with versie `nu`.
    pub fn met_versie(self, nu: i32) -> Self {
        match self {
            RvoStap::Verplaatsen(v) => RvoStap::Verplaatsen(Verplaatsen { versie: nu, ..v }),
            RvoStap::Verwijderen(id, _) => RvoStap::Verwijderen(id, nu),
        }
    }
}

#[derive(Serialize)]
struct VastleggenVariabelen<'a> {
    vergadering: &'a str,
}

#[derive(Deserialize)]
struct VastgelegdData {
    #[serde(rename = "rvoStandVastleggen")]
    #[allow(dead_code)]
    stand: Stand,
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

/// Loads every meeting, by date, and every frozen snapshot.
pub async fn haal_vergaderingen() -> Result<(Vec<Vergadering>, Vec<Stand>), ApiError> {
    let d: LijstData = api::graphql(BEHEER_RVO_QUERY, "BeheerRvo", GeenVariabelen {}).await?;
    let mut v = d.vergaderingen;
    v.sort_by(|a, b| a.datum.cmp(&b.datum));
    Ok((v, d.standen))
}

/// Moves or removes a meeting.
pub async fn voer_uit(stap: RvoStap) -> Result<(), ApiError> {
    match stap {
        RvoStap::Verplaatsen(v) => verplaats_vergadering(v).await,
        RvoStap::Verwijderen(id, versie) => verwijder_vergadering(&id, versie).await,
    }
}

/// Freezes the snapshot of meeting `vergadering` now (BAD_USER_INPUT on `vergadering` when it has one).
pub async fn leg_stand_vast(vergadering: &str) -> Result<(), ApiError> {
    let _: VastgelegdData = api::graphql(
        RVO_STAND_VASTLEGGEN,
        "RvoStandVastleggen",
        VastleggenVariabelen { vergadering },
    )
    .await?;
    Ok(())
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
