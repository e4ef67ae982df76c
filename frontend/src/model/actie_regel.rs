//! One actie as the API sends it, shared by every view (Actieplan, Per organisatie, Sinds vorige RVO, Actie and
//! the forms): one wire type instead of one per query. Fields a query does not ask for keep their default.

use crate::model::actie::OpgaveNaam;
use koers_shared::{ActieStand, Gezondheid, Status, Voortgang};
use serde::Deserialize;

/// An organisation as a trekker or partner.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Organisatie {
    /// Opaque id.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Abbreviation, if common.
    pub afkorting: Option<String>,
}

impl Organisatie {
    /// The abbreviation when there is one, otherwise the name.
    pub fn korte_naam(&self) -> &str {
        self.afkorting.as_deref().unwrap_or(&self.naam)
    }
}

/// One actie, as far as the query asked for it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActieRegel {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Description (searched by the free-text filter); empty when not asked for.
    #[serde(default)]
    pub beschrijving: String,
    /// Lifecycle status.
    pub status: Status,
    /// Health, if reported.
    pub gezondheid: Option<Gezondheid>,
    /// Why the health is aandacht or risico.
    pub gezondheid_reden: Option<String>,
    /// Progress, if reported.
    pub voortgang: Option<Voortgang>,
    /// Year.
    pub jaar: i32,
    /// Quarter (1–4), if known.
    pub kwartaal: Option<i32>,
    /// Date (`JJJJ-MM-DD`), if known.
    pub datum: Option<String>,
    /// Confidential work.
    pub vertrouwelijk: bool,
    /// Leading organisations.
    pub trekkers: Vec<Organisatie>,
    /// Participating organisations.
    pub partners: Vec<Organisatie>,
    /// Last change (RFC 3339); empty when not asked for.
    #[serde(default)]
    pub gewijzigd_op: String,
    /// The opgave and plan, when asked for (across plans).
    #[serde(default)]
    pub opgave: Option<OpgaveNaam>,
    /// True when Koers chose the opgave because the source did not.
    #[serde(default)]
    pub opgave_afgeleid: bool,
    /// Source; empty when not asked for.
    #[serde(default)]
    pub bron: String,
    /// Version for optimistic concurrency; 0 when not asked for.
    #[serde(default)]
    pub versie: i32,
    /// Every accepted change, oldest first, when asked for.
    #[serde(default)]
    pub historie: Vec<Voortgangsupdate>,
}

impl ActieRegel {
    /// What the shared roll-up rules need of this actie.
    pub fn stand(&self) -> ActieStand {
        ActieStand {
            status: self.status,
            gezondheid: self.gezondheid,
            voortgang: self.voortgang,
        }
    }

    /// The plan's id and title, or empty strings when the opgave (or its plan) is unknown.
    pub fn plan(&self) -> (String, String) {
        self.opgave
            .as_ref()
            .and_then(|o| o.actieplan.as_ref())
            .map(|p| (p.id.clone(), p.titel.clone()))
            .unwrap_or_default()
    }

    /// The history, newest first.
    pub fn historie_nieuwste_eerst(&self) -> Vec<Voortgangsupdate> {
        let mut h = self.historie.clone();
        crate::sorteer::sorteer_op_sleutel(&mut h, |u| std::cmp::Reverse(u.versie));
        h
    }
}

/// One accepted change of an actie; fields a query does not ask for keep their default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Voortgangsupdate {
    /// Opaque id; empty when not asked for.
    #[serde(default)]
    pub id: String,
    /// Version of the actie after this change.
    pub versie: i32,
    /// When (RFC 3339, UTC).
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
    #[serde(default)]
    pub voortgang_van: Option<Voortgang>,
    /// Progress after.
    #[serde(default)]
    pub voortgang_naar: Option<Voortgang>,
    /// Note.
    pub toelichting: Option<String>,
    /// Which fields the change touched; empty when not asked for.
    #[serde(default)]
    pub velden: Vec<String>,
}

#[cfg(test)]
impl ActieRegel {
    /// A row with only the given fields set, for unit tests.
    pub(crate) fn voor_test(id: &str, titel: &str, status: Status, jaar: i32) -> Self {
        ActieRegel {
            id: id.to_string(),
            titel: titel.to_string(),
            beschrijving: String::new(),
            status,
            gezondheid: None,
            gezondheid_reden: None,
            voortgang: None,
            jaar,
            kwartaal: None,
            datum: None,
            vertrouwelijk: false,
            trekkers: Vec::new(),
            partners: Vec::new(),
            gewijzigd_op: String::new(),
            opgave: None,
            opgave_afgeleid: false,
            bron: String::new(),
            versie: 0,
            historie: Vec::new(),
        }
    }
}
