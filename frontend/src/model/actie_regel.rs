//! One actie as the API sends it, shared by every view (Actieplan, Per organisatie, Sinds vorige RVO, Actie and
//! the forms): one wire type instead of one per query. Fields a query does not ask for keep their default.

use crate::model::actie::OpgaveNaam;
use koers_shared::{ActieStand, Gezondheid, Status, Voortgang};
use miniserde::Deserialize;

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
pub struct ActieRegel {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Description (searched by the free-text filter), when asked for.
    pub beschrijving: Option<String>,
    /// Lifecycle status.
    pub status: Status,
    /// Health, if reported.
    pub gezondheid: Option<Gezondheid>,
    /// Why the health is aandacht or risico.
    #[serde(rename = "gezondheidReden")]
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
    /// Last change (RFC 3339), when asked for.
    #[serde(rename = "gewijzigdOp")]
    pub gewijzigd_op: Option<String>,
    /// The opgave and plan, when asked for (across plans).
    pub opgave: Option<OpgaveNaam>,
    /// True when Koers chose the opgave because the source did not (when asked for).
    #[serde(rename = "opgaveAfgeleid")]
    pub opgave_afgeleid: Option<bool>,
    /// Source, when asked for.
    pub bron: Option<String>,
    /// Version for optimistic concurrency, when asked for.
    pub versie: Option<i32>,
    /// Every accepted change, oldest first, when asked for.
    pub historie: Option<Vec<Voortgangsupdate>>,
}

impl ActieRegel {
    /// The description, or empty when the query did not ask for it.
    pub fn beschrijving(&self) -> &str {
        self.beschrijving.as_deref().unwrap_or_default()
    }

    /// The source, or empty when the query did not ask for it.
    pub fn bron(&self) -> &str {
        self.bron.as_deref().unwrap_or_default()
    }

    /// The last change (RFC 3339), or empty when the query did not ask for it.
    pub fn gewijzigd_op(&self) -> &str {
        self.gewijzigd_op.as_deref().unwrap_or_default()
    }

    /// The version, or 0 when the query did not ask for it.
    pub fn versie(&self) -> i32 {
        self.versie.unwrap_or_default()
    }

    /// Every accepted change, oldest first; empty when the query did not ask for them.
    pub fn historie(&self) -> &[Voortgangsupdate] {
        self.historie.as_deref().unwrap_or_default()
    }

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
        let mut h = self.historie().to_vec();
        crate::sorteer::sorteer_op_sleutel(&mut h, |u| std::cmp::Reverse(u.versie));
        h
    }
}

/// One accepted change of an actie; fields a query does not ask for keep their default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Voortgangsupdate {
    /// Opaque id, when asked for.
    pub id: Option<String>,
    /// Version of the actie after this change.
    pub versie: i32,
    /// When (RFC 3339, UTC).
    pub tijdstip: String,
    /// By whom.
    pub door: String,
    /// Status before; none when the actie was created.
    #[serde(rename = "statusVan")]
    pub status_van: Option<Status>,
    /// Status after.
    #[serde(rename = "statusNaar")]
    pub status_naar: Status,
    /// Health before.
    #[serde(rename = "gezondheidVan")]
    pub gezondheid_van: Option<Gezondheid>,
    /// Health after.
    #[serde(rename = "gezondheidNaar")]
    pub gezondheid_naar: Option<Gezondheid>,
    /// Reason of the health before (aandacht, risico).
    #[serde(rename = "gezondheidRedenVan")]
    pub gezondheid_reden_van: Option<String>,
    /// Reason of the health after.
    #[serde(rename = "gezondheidRedenNaar")]
    pub gezondheid_reden_naar: Option<String>,
    /// Progress before.
    #[serde(rename = "voortgangVan")]
    pub voortgang_van: Option<Voortgang>,
    /// Progress after.
    #[serde(rename = "voortgangNaar")]
    pub voortgang_naar: Option<Voortgang>,
    /// Note.
    pub toelichting: Option<String>,
    /// Which fields the change touched, when asked for.
    pub velden: Option<Vec<String>>,
    /// The state comes from the source document (the seed), dated by it; when asked for.
    #[serde(rename = "uitBron")]
    pub uit_bron: Option<bool>,
}

#[cfg(test)]
impl ActieRegel {
    /// A row with only the given fields set, for unit tests.
    pub(crate) fn voor_test(id: &str, titel: &str, status: Status, jaar: i32) -> Self {
        ActieRegel {
            id: id.to_string(),
            titel: titel.to_string(),
            beschrijving: None,
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
            gewijzigd_op: None,
            opgave: None,
            opgave_afgeleid: None,
            bron: None,
            versie: None,
            historie: None,
        }
    }
}
