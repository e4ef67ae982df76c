//! One actie with its history, for the Actie view, and the query that asks for it.
//!
//! The query text is in [`crate::model::documenten`], where a host test checks it against the schema.

use crate::api::IdVariabelen;
use crate::api::{self, ApiError};
use crate::model::actie_regel::ActieRegel;
use miniserde::Deserialize;

pub use crate::model::documenten::ACTIE_QUERY;

#[derive(Deserialize)]
struct ActieData {
    actie: Option<ActieRegel>,
}

/// A plan, only its title (and its thema, to know who may change its acties).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlanNaam {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// The thema of the plan.
    pub thema: Option<IdAlleen>,
}

/// Only an id.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct IdAlleen {
    /// Opaque id.
    pub id: String,
}

/// The opgave of an actie, with its plan.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OpgaveNaam {
    /// Opaque id.
    pub id: String,
    /// Position within the plan, when asked for.
    pub volgorde: Option<i32>,
    /// Title.
    pub titel: String,
    /// The plan of the opgave.
    pub actieplan: Option<PlanNaam>,
}

/// Fetches one actie; `Ok(None)` when it does not exist.
pub async fn haal_actie(id: &str) -> Result<Option<ActieRegel>, ApiError> {
    let data: ActieData = api::graphql(ACTIE_QUERY, "Actie", IdVariabelen { id }).await?;
    Ok(data.actie)
}
