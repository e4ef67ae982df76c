//! The data of the Per-organisatie and Sinds-vorige-RVO views: organisations, RVO meetings and acties across
//! all plans (with their opgave, plan and history), fetched page by page from `acties(filter)`.
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, GeenVariabelen};
use crate::model::actie_regel::ActieRegel;
use crate::sorteer::{sorteer_op, sorteer_op_sleutel};
use koers_shared::OrganisatieSoort;
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{ACTIES_QUERY, ORGANISATIES_QUERY, RVO_QUERY};

/// The largest page the API gives.
pub const PAGINA: u32 = 100;

/// An organisation with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OrganisatieInfo {
    /// Opaque id.
    pub id: String,
    /// Stable key, e.g. `politie`.
    pub sleutel: String,
    /// Name.
    pub naam: String,
    /// Abbreviation, if common.
    pub afkorting: Option<String>,
    /// Kind.
    pub soort: OrganisatieSoort,
}

#[derive(Deserialize)]
struct OrganisatiesData {
    organisaties: Vec<OrganisatieInfo>,
}

/// An RVO meeting.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RvoVergadering {
    /// Opaque id.
    pub id: String,
    /// Date (`JJJJ-MM-DD`).
    pub datum: String,
    /// Description.
    pub omschrijving: String,
}

#[derive(Deserialize)]
struct RvoData {
    #[serde(rename = "rvoVergaderingen")]
    rvo_vergaderingen: Vec<RvoVergadering>,
}

/// The filter of the `Acties` query; an empty field is sent as `null`, which the API reads as "no filter".
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ActieFilterInvoer {
    /// Only acties this organisation leads or joins.
    pub organisatie: Option<String>,
    /// Only acties changed since this moment (RFC 3339).
    #[serde(rename = "gewijzigdSinds")]
    pub gewijzigd_sinds: Option<String>,
    /// Only acties with one of these statuses (wire values, e.g. `IN_UITVOERING`).
    pub status: Option<Vec<String>>,
}

#[derive(Serialize)]
struct ActiesVariabelen<'a> {
    filter: &'a ActieFilterInvoer,
    first: u32,
    after: Option<String>,
}

#[derive(Deserialize)]
struct ActiesData {
    acties: ActiesPagina,
}

#[derive(Deserialize)]
struct ActiesPagina {
    #[serde(rename = "pageInfo")]
    page_info: PageInfo,
    nodes: Vec<ActieRegel>,
}

#[derive(Deserialize)]
struct PageInfo {
    #[serde(rename = "hasNextPage")]
    has_next_page: bool,
    #[serde(rename = "endCursor")]
    end_cursor: Option<String>,
}

/// Fetches every organisation.
pub async fn haal_organisaties() -> Result<Vec<OrganisatieInfo>, ApiError> {
    let data: OrganisatiesData = api::graphql(ORGANISATIES_QUERY, "Organisaties", GeenVariabelen {}).await?;
    Ok(data.organisaties)
}

/// Fetches every RVO meeting.
pub async fn haal_rvo_vergaderingen() -> Result<Vec<RvoVergadering>, ApiError> {
    let data: RvoData = api::graphql(RVO_QUERY, "RvoVergaderingen", GeenVariabelen {}).await?;
    Ok(data.rvo_vergaderingen)
}

/// Fetches every actie that passes `filter`, page by page until the API says there is no more.
pub async fn haal_alle_acties(filter: &ActieFilterInvoer) -> Result<Vec<ActieRegel>, ApiError> {
    let mut alle = Vec::new();
    let mut after = None;
    loop {
        let variabelen = ActiesVariabelen {
            filter,
            first: PAGINA,
            after: after.take(),
        };
        let data: ActiesData = api::graphql(ACTIES_QUERY, "Acties", variabelen).await?;
        alle.extend(data.acties.nodes);
        match data.acties.page_info.end_cursor {
            Some(cursor) if data.acties.page_info.has_next_page => after = Some(cursor),
            _ => return Ok(alle),
        }
    }
}

/// The role an organisation has in an actie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rol {
    /// It leads the actie (a trekker); wins when it is also a partner.
    Trekker,
    /// It joins the actie.
    Partner,
}

impl Rol {
    /// The value of `data-rol`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rol::Trekker => "trekker",
            Rol::Partner => "partner",
        }
    }

    /// The role of organisation `id` in `actie`, if it has one.
    pub fn van(actie: &ActieRegel, id: &str) -> Option<Rol> {
        if actie.trekkers.iter().any(|o| o.id == id) {
            Some(Rol::Trekker)
        } else if actie.partners.iter().any(|o| o.id == id) {
            Some(Rol::Partner)
        } else {
            None
        }
    }
}

/// Acties of one opgave.
#[derive(Debug, Clone, PartialEq)]
pub struct OpgaveGroep {
    /// Opaque id (empty for acties without opgave).
    pub id: String,
    /// Position within the plan.
    pub volgorde: i32,
    /// Title.
    pub titel: String,
    /// The acties, in the API's order.
    pub acties: Vec<ActieRegel>,
}

/// Acties of one plan, per opgave.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanGroep {
    /// Opaque id (empty for acties without plan).
    pub id: String,
    /// Title.
    pub titel: String,
    /// The opgaven in volgorde.
    pub opgaven: Vec<OpgaveGroep>,
}

/// Groups acties by plan (by title) and opgave (by volgorde); within an opgave the API's order stays.
pub fn groepeer_per_plan(acties: Vec<ActieRegel>) -> Vec<PlanGroep> {
    let mut plannen: Vec<PlanGroep> = Vec::new();
    for actie in acties {
        let (plan_id, plan_titel) = actie.plan();
        let (opgave_id, volgorde, opgave_titel) = actie
            .opgave
            .as_ref()
            .map(|o| (o.id.clone(), o.volgorde.unwrap_or_default(), o.titel.clone()))
            .unwrap_or_default();
        let plan = match plannen.iter().position(|p| p.id == plan_id) {
            Some(i) => &mut plannen[i],
            None => {
                plannen.push(PlanGroep {
                    id: plan_id,
                    titel: plan_titel,
                    opgaven: Vec::new(),
                });
                let laatste = plannen.len() - 1;
                &mut plannen[laatste]
            }
        };
        match plan.opgaven.iter_mut().find(|o| o.id == opgave_id) {
            Some(o) => o.acties.push(actie),
            None => plan.opgaven.push(OpgaveGroep {
                id: opgave_id,
                volgorde,
                titel: opgave_titel,
                acties: vec![actie],
            }),
        }
    }
    sorteer_op(&mut plannen, |a, b| {
        a.titel.cmp(&b.titel).then_with(|| a.id.cmp(&b.id))
    });
    for plan in &mut plannen {
        sorteer_op_sleutel(&mut plan.opgaven, |o| o.volgorde);
    }
    plannen
}

/// Organisations grouped by kind, in the order of [`OrganisatieSoort::ALL`], each group by name.
pub fn per_soort(organisaties: &[OrganisatieInfo]) -> Vec<(OrganisatieSoort, Vec<OrganisatieInfo>)> {
    OrganisatieSoort::ALL
        .iter()
        .filter_map(|&soort| {
            let mut groep: Vec<_> = organisaties
                .iter()
                .filter(|o| o.soort == soort)
                .cloned()
                .collect();
            sorteer_op(&mut groep, |a, b| a.naam.cmp(&b.naam));
            (!groep.is_empty()).then_some((soort, groep))
        })
        .collect()
}

#[cfg(test)]
#[path = "organisatie_tests.rs"]
pub(crate) mod tests;
