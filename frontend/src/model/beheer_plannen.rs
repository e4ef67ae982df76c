//! Plans and opgaven for the beheer page: the list per thema, creating and changing a plan, adding an opgave,
//! and moving the open acties of an ending plan to its successor (preview, then one step).
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, GeenVariabelen, InvoerVariabelen};
use koers_shared::{PlanSoort, PlanStatus};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{
    ACTIEPLAN_AANMAKEN, ACTIEPLAN_WIJZIGEN, ACTIES_NAAR_OPVOLGER, BEHEER_PLANNEN_QUERY, OPGAVE_AANMAKEN,
    VERPLAATSING_QUERY,
};

/// A record named by its title.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Titel {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
}

/// An opgave of a plan as listed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BeheerOpgave {
    /// Opaque id.
    pub id: String,
    /// Position in the plan.
    pub volgorde: i32,
    /// Title.
    pub titel: String,
    /// Description (may be empty).
    pub beschrijving: String,
    /// Source document and section.
    pub bron: String,
    /// Version for optimistic concurrency.
    pub versie: i32,
    /// Retired: no acties left, none accepted.
    pub vervallen: bool,
}

/// A plan as the beheer page lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BeheerPlan {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Kind of plan.
    pub soort: PlanSoort,
    /// First year.
    #[serde(rename = "periodeVan")]
    pub periode_van: i32,
    /// Last year.
    #[serde(rename = "periodeTot")]
    pub periode_tot: i32,
    /// Who adopted it, if known.
    #[serde(rename = "vastgesteldDoor")]
    pub vastgesteld_door: Option<String>,
    /// When it was adopted: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(rename = "vastgesteldOp")]
    pub vastgesteld_op: Option<String>,
    /// Source document and section.
    pub bron: String,
    /// Where it stands.
    pub status: PlanStatus,
    /// Version for optimistic concurrency.
    pub versie: i32,
    /// The plan succeeding it, if named.
    pub opvolger: Option<Titel>,
    /// Its opgaven.
    pub opgaven: Vec<BeheerOpgave>,
}

impl BeheerPlan {
    /// The opgaven in their order.
    pub fn opgaven_op_volgorde(&self) -> Vec<BeheerOpgave> {
        let mut o = self.opgaven.clone();
        o.sort_by_key(|x| x.volgorde);
        o
    }

    /// A key that changes whenever the plan or one of its opgaven does (a fresh form for each state).
    pub fn stand(&self) -> String {
        let opgaven: Vec<String> = self
            .opgaven
            .iter()
            .map(|o| format!("{}:{}", o.id, o.versie))
            .collect();
        format!("{}:{}|{}", self.id, self.versie, opgaven.join(","))
    }
}

/// A thema with its plans.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BeheerThema {
    /// Opaque id.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Its plans.
    pub actieplannen: Vec<BeheerPlan>,
}

#[derive(Deserialize)]
struct PlannenData {
    themas: Vec<BeheerThema>,
}

/// A new plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NieuwPlan {
    /// Thema id.
    pub thema: String,
    /// Title.
    pub titel: String,
    /// Kind of plan.
    pub soort: PlanSoort,
    /// First year.
    #[serde(rename = "periodeVan")]
    pub periode_van: i32,
    /// Last year.
    #[serde(rename = "periodeTot")]
    pub periode_tot: i32,
}

/// A change of a plan (the form always sends every field; `None` clears one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanWijziging {
    /// Plan id.
    pub id: String,
    /// The version read.
    pub versie: i32,
    /// Title.
    pub titel: String,
    /// Kind of plan.
    pub soort: PlanSoort,
    /// First year.
    #[serde(rename = "periodeVan")]
    pub periode_van: i32,
    /// Last year.
    #[serde(rename = "periodeTot")]
    pub periode_tot: i32,
    /// Who adopted it; `None` clears it.
    #[serde(rename = "vastgesteldDoor")]
    pub vastgesteld_door: Option<String>,
    /// When it was adopted; `None` clears it.
    #[serde(rename = "vastgesteldOp")]
    pub vastgesteld_op: Option<String>,
    /// Source.
    pub bron: String,
    /// Where it stands.
    pub status: PlanStatus,
    /// Successor plan id; `None` clears it.
    pub opvolger: Option<String>,
}

/// A new opgave at the end of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NieuweOpgave {
    /// Plan id.
    pub actieplan: String,
    /// Title.
    pub titel: String,
}

/// One open actie and where it goes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct VerplaatsingRegel {
    /// The actie.
    pub actie: Titel,
    /// Its opgave now.
    pub van: Titel,
    /// Its opgave in the successor; `None` when none matches.
    pub naar: Option<Titel>,
}

/// The preview of moving a plan's open acties to its successor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Verplaatsing {
    /// Acties without an opgave to go to (then the move is refused).
    #[serde(rename = "zonderOpgave")]
    pub zonder_opgave: i32,
    /// The successor.
    pub opvolger: Titel,
    /// Each open actie.
    pub regels: Vec<VerplaatsingRegel>,
}

#[derive(Serialize)]
struct PlanVariabelen<'a> {
    actieplan: &'a str,
    #[serde(rename = "naarOpgave")]
    naar_opgave: Option<&'a str>,
}

#[derive(Deserialize)]
struct VerplaatsingData {
    #[serde(rename = "verplaatsingNaarOpvolger")]
    verplaatsing: Verplaatsing,
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

#[derive(Deserialize)]
struct AangemaaktData {
    #[serde(rename = "actieplanAanmaken")]
    plan: Id,
}

#[derive(Deserialize)]
struct Versie {
    versie: i32,
}

#[derive(Deserialize)]
struct GewijzigdData {
    #[serde(rename = "actieplanWijzigen")]
    plan: Versie,
}

#[derive(Deserialize)]
struct OpgaveData {
    #[serde(rename = "opgaveAanmaken")]
    opgave: Id,
}

#[derive(Deserialize)]
struct Regel {
    #[allow(dead_code)]
    actie: Id,
}

#[derive(Deserialize)]
struct Verplaatst {
    regels: Vec<Regel>,
}

#[derive(Deserialize)]
struct VerplaatstData {
    #[serde(rename = "actiesNaarOpvolger")]
    verplaatst: Verplaatst,
}

/// Loads every thema with its plans.
pub async fn haal_plannen() -> Result<Vec<BeheerThema>, ApiError> {
    let d: PlannenData = api::graphql(BEHEER_PLANNEN_QUERY, "BeheerPlannen", GeenVariabelen {}).await?;
    Ok(d.themas)
}

/// Creates a plan; returns its id.
pub async fn maak_plan(invoer: NieuwPlan) -> Result<String, ApiError> {
    let d: AangemaaktData = api::graphql(
        ACTIEPLAN_AANMAKEN,
        "ActieplanAanmaken",
        InvoerVariabelen { invoer },
    )
    .await?;
    Ok(d.plan.id)
}

/// Changes a plan; returns its new version.
pub async fn wijzig_plan(invoer: PlanWijziging) -> Result<i32, ApiError> {
    let d: GewijzigdData = api::graphql(
        ACTIEPLAN_WIJZIGEN,
        "ActieplanWijzigen",
        InvoerVariabelen { invoer },
    )
    .await?;
    Ok(d.plan.versie)
}

/// Adds an opgave to a plan; returns its id.
pub async fn maak_opgave(invoer: NieuweOpgave) -> Result<String, ApiError> {
    let d: OpgaveData = api::graphql(OPGAVE_AANMAKEN, "OpgaveAanmaken", InvoerVariabelen { invoer }).await?;
    Ok(d.opgave.id)
}

/// The preview of moving plan `actieplan`'s open acties to its successor; acties without an opgave of the
/// same title there go to `naar_opgave` when given.
pub async fn haal_verplaatsing(actieplan: &str, naar_opgave: Option<&str>) -> Result<Verplaatsing, ApiError> {
    let vars = PlanVariabelen {
        actieplan,
        naar_opgave,
    };
    let d: VerplaatsingData = api::graphql(VERPLAATSING_QUERY, "Verplaatsing", vars).await?;
    Ok(d.verplaatsing)
}

/// Moves plan `actieplan`'s open acties to its successor (see [`haal_verplaatsing`]); returns how many moved.
pub async fn verplaats(actieplan: &str, naar_opgave: Option<&str>) -> Result<usize, ApiError> {
    let d: VerplaatstData = api::graphql(
        ACTIES_NAAR_OPVOLGER,
        "ActiesNaarOpvolger",
        PlanVariabelen {
            actieplan,
            naar_opgave,
        },
    )
    .await?;
    Ok(d.verplaatst.regels.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_change_sends_its_version_and_clears_a_successor_with_null() {
        let w = PlanWijziging {
            id: "p".into(),
            versie: 3,
            titel: "Nieuw".into(),
            soort: PlanSoort::Jaarplan,
            periode_van: 2027,
            periode_tot: 2027,
            vastgesteld_door: None,
            vastgesteld_op: Some("2026-12".into()),
            bron: "Jaarplan 2027".into(),
            status: PlanStatus::Afgerond,
            opvolger: None,
        };
        let v = miniserde::json::to_string(&w);
        assert!(
            v.contains(r#""versie":3"#) && v.contains(r#""opvolger":null"#),
            "{v}"
        );
        assert!(v.contains(r#""status":"AFGEROND""#), "{v}");
        assert!(
            v.contains(r#""vastgesteldDoor":null"#) && v.contains(r#""periodeVan":2027"#),
            "{v}"
        );
    }
}
