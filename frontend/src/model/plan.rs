//! One actieplan with its opgaven and their acties, for the Actieplan view, and the query that asks for it.
//!
//! The query text is in [`crate::model::documenten`], where a host test checks it against the schema.

use crate::api::{self, ApiError, IdVariabelen};
use crate::model::RollupCijfers;
use crate::model::actie_regel::{ActieRegel, Organisatie};
use crate::sorteer::{sorteer_op, sorteer_op_sleutel};
use koers_shared::{PlanSoort, PlanStatus};
use miniserde::Deserialize;

pub use crate::model::documenten::ACTIEPLAN_QUERY;

#[derive(Deserialize)]
struct ActieplanData {
    actieplan: Option<PlanDetail>,
}

/// A thema, only its name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ThemaNaam {
    /// Opaque id.
    pub id: String,
    /// Name.
    pub naam: String,
}

/// A plan with everything the Actieplan view shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlanDetail {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// What kind of plan.
    pub soort: PlanSoort,
    /// First year.
    #[serde(rename = "periodeVan")]
    pub periode_van: i32,
    /// Last year.
    #[serde(rename = "periodeTot")]
    pub periode_tot: i32,
    /// Where the plan stands.
    pub status: PlanStatus,
    /// Source document and section.
    pub bron: String,
    /// Who adopted the plan, if known.
    #[serde(rename = "vastgesteldDoor")]
    pub vastgesteld_door: Option<String>,
    /// When the plan was adopted, as precise as the source says.
    #[serde(rename = "vastgesteldOp")]
    pub vastgesteld_op: Option<String>,
    /// The thema of the plan.
    pub thema: Option<ThemaNaam>,
    /// Roll-up over all acties of the plan.
    pub rollup: RollupCijfers,
    /// The opgaven, in any order; see [`PlanDetail::opgaven_op_volgorde`].
    pub opgaven: Vec<OpgaveDetail>,
}

impl PlanDetail {
    /// The opgaven ordered by `volgorde` (stable for equal values).
    pub fn opgaven_op_volgorde(&self) -> Vec<OpgaveDetail> {
        let mut opgaven = self.opgaven.clone();
        sorteer_op_sleutel(&mut opgaven, |o| o.volgorde);
        opgaven
    }

    /// Every actie of the plan.
    pub fn acties(&self) -> impl Iterator<Item = &ActieRegel> {
        self.opgaven.iter().flat_map(|o| o.acties.iter())
    }

    /// Every organisation that leads or joins an actie of the plan, once each, by name.
    pub fn organisaties(&self) -> Vec<Organisatie> {
        let mut alle: Vec<Organisatie> = self
            .acties()
            .flat_map(|a| a.trekkers.iter().chain(a.partners.iter()))
            .cloned()
            .collect();
        sorteer_op(&mut alle, |a, b| {
            a.naam.cmp(&b.naam).then_with(|| a.id.cmp(&b.id))
        });
        alle.dedup_by(|a, b| a.id == b.id);
        alle
    }

    /// Every year an actie of the plan has, ascending.
    pub fn jaren(&self) -> Vec<i32> {
        let mut jaren: Vec<i32> = self.acties().map(|a| a.jaar).collect();
        sorteer_op_sleutel(&mut jaren, |j| *j);
        jaren.dedup();
        jaren
    }
}

/// An opgave with its roll-up and acties.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OpgaveDetail {
    /// Opaque id.
    pub id: String,
    /// Position within the plan.
    pub volgorde: i32,
    /// Title.
    pub titel: String,
    /// Roll-up over the acties of this opgave.
    pub rollup: RollupCijfers,
    /// The acties, in the API's order (by year).
    pub acties: Vec<ActieRegel>,
}

/// Fetches one plan; `Ok(None)` when it does not exist.
pub async fn haal_actieplan(id: &str) -> Result<Option<PlanDetail>, ApiError> {
    let data: ActieplanData = api::graphql(ACTIEPLAN_QUERY, "Actieplan", IdVariabelen { id }).await?;
    Ok(data.actieplan)
}
