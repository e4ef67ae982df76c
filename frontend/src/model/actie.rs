//! One actie with its history, for the Actie view, and the query that asks for it.
//!
//! The query text is the contract with the backend: its field names are fixed.

use crate::api::{self, ApiError};
use crate::model::actie_regel::Organisatie;
use crate::model::plan::IdVariabelen;
use koers_shared::{Gezondheid, Status, Voortgang};
use serde::Deserialize;

/// The `Actie` query: one actie with its opgave and plan, owners and history.
pub const ACTIE_QUERY: &str = "query Actie($id: ID!) { actie(id: $id) { id titel beschrijving opgaveAfgeleid \
opgave { id titel actieplan { id titel thema { id } } } trekkers { id naam afkorting } partners { id naam afkorting } jaar \
kwartaal datum status gezondheid gezondheidReden voortgang vertrouwelijk bron versie gewijzigdOp historie { id \
versie tijdstip door statusVan statusNaar gezondheidVan gezondheidNaar gezondheidRedenVan gezondheidRedenNaar \
voortgangVan voortgangNaar toelichting velden } } }";

#[derive(Deserialize)]
struct ActieData {
    actie: Option<ActieDetail>,
}

/// A plan, only its title (and its thema, to know who may change its acties).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlanNaam {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// The thema of the plan.
    #[serde(default)]
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
    /// Position within the plan; 0 when not asked for.
    #[serde(default)]
    pub volgorde: i32,
    /// Title.
    pub titel: String,
    /// The plan of the opgave.
    pub actieplan: Option<PlanNaam>,
}

/// An actie with everything the Actie view shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActieDetail {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Description.
    pub beschrijving: String,
    /// True when Koers chose the opgave because the source did not.
    pub opgave_afgeleid: bool,
    /// The opgave and plan.
    pub opgave: Option<OpgaveNaam>,
    /// Leading organisations.
    pub trekkers: Vec<Organisatie>,
    /// Participating organisations.
    pub partners: Vec<Organisatie>,
    /// Year.
    pub jaar: i32,
    /// Quarter (1–4), if known.
    pub kwartaal: Option<i32>,
    /// Date (`JJJJ-MM-DD`), if known.
    pub datum: Option<String>,
    /// Lifecycle status.
    pub status: Status,
    /// Health, if reported.
    pub gezondheid: Option<Gezondheid>,
    /// Why the health is aandacht or risico.
    pub gezondheid_reden: Option<String>,
    /// Progress, if reported.
    pub voortgang: Option<Voortgang>,
    /// Confidential work.
    pub vertrouwelijk: bool,
    /// Source.
    pub bron: String,
    /// Version for optimistic concurrency.
    pub versie: i32,
    /// Last change (RFC 3339).
    pub gewijzigd_op: String,
    /// Every accepted change, oldest first.
    pub historie: Vec<Voortgangsupdate>,
}

impl ActieDetail {
    /// The history, newest first.
    pub fn historie_nieuwste_eerst(&self) -> Vec<Voortgangsupdate> {
        let mut h = self.historie.clone();
        crate::sorteer::sorteer_op_sleutel(&mut h, |u| std::cmp::Reverse(u.versie));
        h
    }
}

/// One accepted change of an actie.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Voortgangsupdate {
    /// Opaque id.
    pub id: String,
    /// Version of the actie after this change.
    pub versie: i32,
    /// When (RFC 3339).
    pub tijdstip: String,
    /// By whom.
    pub door: String,
    /// Status before; none when the actie was created.
    pub status_van: Option<Status>,
    /// Status after.
    pub status_naar: Status,
    /// Health before.
    pub gezondheid_van: Option<Gezondheid>,
    /// Health after.
    pub gezondheid_naar: Option<Gezondheid>,
    /// Reason of the health before (aandacht, risico).
    #[serde(default)]
    pub gezondheid_reden_van: Option<String>,
    /// Reason of the health after.
    #[serde(default)]
    pub gezondheid_reden_naar: Option<String>,
    /// Progress before.
    pub voortgang_van: Option<Voortgang>,
    /// Progress after.
    pub voortgang_naar: Option<Voortgang>,
    /// Note.
    pub toelichting: Option<String>,
    /// Which fields the change touched.
    pub velden: Vec<String>,
}

/// Fetches one actie; `Ok(None)` when it does not exist.
pub async fn haal_actie(id: &str) -> Result<Option<ActieDetail>, ApiError> {
    let data: ActieData = api::graphql(ACTIE_QUERY, "Actie", IdVariabelen { id }).await?;
    Ok(data.actie)
}
