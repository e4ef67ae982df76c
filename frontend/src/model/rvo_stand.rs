//! The frozen snapshots of RVO meetings for the Sinds-vorige-RVO view: which meetings have one
//! (`rvoStanden`), and what changed since one — until now or until a later meeting's snapshot
//! (`rvoVergelijking`) — grouped per plan. The pure parts run in host tests.

use crate::api::{self, ApiError, GeenVariabelen};
use koers_shared::{Gezondheid, Status, Voortgang};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{RVO_STANDEN_QUERY, RVO_VERGELIJKING_QUERY};

/// Query key of the meeting whose snapshot is the other side of the comparison (absent: now).
pub const MET: &str = "met";

/// An id, as a nested object gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Id {
    /// Opaque id.
    pub id: String,
}

/// A frozen snapshot, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StandKop {
    /// The meeting (absent when it was removed since).
    pub vergadering: Option<Id>,
    /// The meeting's date (`JJJJ-MM-DD`).
    pub datum: String,
    /// The moment it shows (RFC 3339).
    pub peilmoment: String,
}

impl StandKop {
    /// The id of its meeting, or empty.
    pub fn vergadering_id(&self) -> &str {
        self.vergadering.as_ref().map_or("", |v| v.id.as_str())
    }
}

#[derive(Deserialize)]
struct StandenData {
    #[serde(rename = "rvoStanden")]
    rvo_standen: Vec<StandKop>,
}

/// The state of one actie in a snapshot (or now).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StandToestand {
    /// Status.
    pub status: Status,
    /// Health, if any.
    pub gezondheid: Option<Gezondheid>,
    /// Reason of the health, if any.
    #[serde(rename = "gezondheidReden")]
    pub gezondheid_reden: Option<String>,
    /// Progress, if any.
    pub voortgang: Option<Voortgang>,
}

/// One actie whose state differs between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StandVerschil {
    /// Its plan's id.
    pub plan: String,
    /// Its id.
    pub actie: String,
    /// Its title.
    pub titel: String,
    /// In the snapshot; absent when it did not exist then.
    pub voor: Option<StandToestand>,
    /// Now or in the later snapshot; absent when gone (or no longer visible).
    pub na: Option<StandToestand>,
}

/// A plan's id and title.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PlanKop {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
}

/// The snapshot the comparison starts from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct VanStand {
    /// The meeting's date.
    pub datum: String,
    /// The moment it shows.
    pub peilmoment: String,
    /// Its plans.
    pub plannen: Vec<PlanKop>,
}

/// What changed since a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Vergelijking {
    /// The snapshot compared from.
    pub van: VanStand,
    /// The later snapshot compared with; absent: now.
    pub met: Option<StandKop>,
    /// Every actie that changed, appeared or went.
    pub verschillen: Vec<StandVerschil>,
}

#[derive(Deserialize)]
struct VergelijkingData {
    #[serde(rename = "rvoVergelijking")]
    rvo_vergelijking: Vergelijking,
    actieplannen: Vec<PlanKop>,
}

#[derive(Serialize)]
struct VergelijkingVariabelen<'a> {
    van: &'a str,
    met: Option<&'a str>,
}

/// Every frozen snapshot, by meeting date.
pub async fn haal_standen() -> Result<Vec<StandKop>, ApiError> {
    let data: StandenData = api::graphql(RVO_STANDEN_QUERY, "RvoStanden", GeenVariabelen {}).await?;
    Ok(data.rvo_standen)
}

/// What changed since the snapshot of meeting `van`, until now or the snapshot of meeting `met`; with the
/// plans of now (for the titles of plans that are new since).
pub async fn haal_vergelijking(
    van: &str,
    met: Option<&str>,
) -> Result<(Vergelijking, Vec<PlanKop>), ApiError> {
    let data: VergelijkingData = api::graphql(
        RVO_VERGELIJKING_QUERY,
        "RvoVergelijking",
        VergelijkingVariabelen { van, met },
    )
    .await?;
    Ok((data.rvo_vergelijking, data.actieplannen))
}

/// The snapshot of the meeting with `vergadering` id, if frozen.
pub fn stand_van<'a>(standen: &'a [StandKop], vergadering: &str) -> Option<&'a StandKop> {
    standen
        .iter()
        .find(|s| !vergadering.is_empty() && s.vergadering_id() == vergadering)
}

/// The snapshots of meetings after `datum` (to compare with), by date.
pub fn latere(standen: &[StandKop], datum: &str) -> Vec<StandKop> {
    let mut out: Vec<StandKop> = standen
        .iter()
        .filter(|s| s.datum.as_str() > datum && s.vergadering.is_some())
        .cloned()
        .collect();
    crate::sorteer::sorteer_op(&mut out, |a, b| a.datum.cmp(&b.datum));
    out
}

/// What differs for one actie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoortVerschil {
    /// It did not exist in the snapshot.
    Nieuw,
    /// It is no longer there (or no longer visible).
    Weg,
    /// Its status changed.
    Status,
    /// Its health (or the reason) changed.
    Gezondheid,
    /// Its progress changed.
    Voortgang,
}

impl SoortVerschil {
    /// The value of `data-soort`.
    pub fn as_str(self) -> &'static str {
        match self {
            SoortVerschil::Nieuw => "nieuw",
            SoortVerschil::Weg => "weg",
            SoortVerschil::Status => "status",
            SoortVerschil::Gezondheid => "gezondheid",
            SoortVerschil::Voortgang => "voortgang",
        }
    }
}

impl StandVerschil {
    /// What differs, in a fixed order.
    pub fn soorten(&self) -> Vec<SoortVerschil> {
        match (&self.voor, &self.na) {
            (None, _) => vec![SoortVerschil::Nieuw],
            (_, None) => vec![SoortVerschil::Weg],
            (Some(v), Some(n)) => [
                (v.status != n.status, SoortVerschil::Status),
                (
                    (v.gezondheid, &v.gezondheid_reden) != (n.gezondheid, &n.gezondheid_reden),
                    SoortVerschil::Gezondheid,
                ),
                (v.voortgang != n.voortgang, SoortVerschil::Voortgang),
            ]
            .into_iter()
            .filter_map(|(anders, s)| anders.then_some(s))
            .collect(),
        }
    }
}

/// The changes per plan: `(plan id, title, changes)`, plans in the snapshot's order, then plans new since (their
/// title from `nu`, else empty).
pub fn per_plan(v: &Vergelijking, nu: &[PlanKop]) -> Vec<(String, String, Vec<StandVerschil>)> {
    let mut out: Vec<(String, String, Vec<StandVerschil>)> = Vec::new();
    for d in &v.verschillen {
        match out.iter_mut().find(|(id, ..)| *id == d.plan) {
            Some((.., lijst)) => lijst.push(d.clone()),
            None => {
                let titel = v
                    .van
                    .plannen
                    .iter()
                    .chain(nu)
                    .find(|p| p.id == d.plan)
                    .map(|p| p.titel.clone())
                    .unwrap_or_default();
                out.push((d.plan.clone(), titel, vec![d.clone()]));
            }
        }
    }
    let plek = |id: &str| {
        v.van
            .plannen
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(usize::MAX)
    };
    crate::sorteer::sorteer_op(&mut out, |a, b| plek(&a.0).cmp(&plek(&b.0)));
    out
}

#[cfg(test)]
#[path = "rvo_stand_tests.rs"]
mod tests;
