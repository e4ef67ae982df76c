//! The data of the presentation mode: every plan with its opgaven and their acties, the slides made from it,
//! and how a live change is applied in place.
//!
//! Confidential acties (`vertrouwelijk`) are dropped the moment they arrive, from the first load and from
//! every live change, so nothing later can show them. The roll-ups are asked without confidential work
//! (`zonderVertrouwelijk`), whoever is signed in, and come from the API as they are.

use crate::api::{self, ApiError, GeenVariabelen};
use crate::model::StatusAantal;
pub use crate::model::documenten::LIVE_SUBSCRIPTION;
use crate::model::documenten::PRESENTATIE_QUERY;
use koers_shared::{Gezondheid, PlanSoort, Status, Voortgang};
use miniserde::Deserialize;

/// At most this many acties on one slide; an opgave with more gets several slides.
pub const ACTIES_PER_DIA: usize = 5;

/// At most this many opgaven on one plan slide; a plan with more gets several plan slides.
pub const OPGAVEN_PER_DIA: usize = 5;

/// A roll-up as the slides use it: the shared figures plus the count per health.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DiaRollup {
    /// All shown acties, gestopt included.
    pub totaal: u32,
    /// Share afgerond in percent (0–100).
    #[serde(rename = "aandeelAfgerond")]
    pub aandeel_afgerond: f64,
    /// Share in uitvoering or doorlopend in percent (0–100).
    #[serde(rename = "aandeelInUitvoering")]
    pub aandeel_in_uitvoering: f64,
    /// Worst health among acties in progress, if any reported one.
    #[serde(rename = "slechtsteGezondheid")]
    pub slechtste_gezondheid: Option<Gezondheid>,
    /// Number of acties per status.
    #[serde(rename = "aantalPerStatus")]
    pub aantal_per_status: Vec<StatusAantal>,
    /// Number of acties in progress per health.
    #[serde(rename = "aantalPerGezondheid")]
    pub aantal_per_gezondheid: Vec<GezondheidAantal>,
}

/// How many acties in progress have one health.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GezondheidAantal {
    /// The health.
    pub gezondheid: Gezondheid,
    /// How many.
    pub aantal: u32,
}

impl DiaRollup {
    /// The non-zero counts per status, in the order of [`Status::ALL`].
    pub fn tellingen(&self) -> Vec<(Status, u32)> {
        Status::ALL
            .iter()
            .map(|&s| {
                let n = self
                    .aantal_per_status
                    .iter()
                    .filter(|a| a.status == s)
                    .map(|a| a.aantal)
                    .sum();
                (s, n)
            })
            .filter(|&(_, n)| n > 0)
            .collect()
    }

    /// The count of every health (zero included), in the order of [`Gezondheid::ALL`].
    pub fn per_gezondheid(&self) -> Vec<(Gezondheid, u32)> {
        Gezondheid::ALL
            .iter()
            .map(|&g| {
                let n = self
                    .aantal_per_gezondheid
                    .iter()
                    .filter(|a| a.gezondheid == g)
                    .map(|a| a.aantal)
                    .sum();
                (g, n)
            })
            .collect()
    }
}

#[derive(Deserialize)]
struct Antwoord {
    themas: Vec<ThemaData>,
}

#[derive(Deserialize)]
struct ThemaData {
    naam: String,
    actieplannen: Vec<PlanData>,
}

#[derive(Deserialize)]
struct PlanData {
    id: String,
    titel: String,
    soort: PlanSoort,
    #[serde(rename = "periodeVan")]
    periode_van: i32,
    #[serde(rename = "periodeTot")]
    periode_tot: i32,
    rollup: DiaRollup,
    opgaven: Vec<OpgaveData>,
}

#[derive(Deserialize)]
struct OpgaveData {
    id: String,
    volgorde: i32,
    titel: String,
    rollup: DiaRollup,
    acties: Vec<ActieData>,
}

/// One actie as the API sends it, confidential or not.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ActieData {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Lifecycle status.
    pub status: Status,
    /// Health, if reported.
    pub gezondheid: Option<Gezondheid>,
    /// Progress, if reported.
    pub voortgang: Option<Voortgang>,
    /// Confidential work: never shown here.
    pub vertrouwelijk: bool,
}

/// One actie that may be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Actie {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Lifecycle status.
    pub status: Status,
    /// Health, if reported.
    pub gezondheid: Option<Gezondheid>,
    /// Progress, if reported.
    pub voortgang: Option<Voortgang>,
}

impl Actie {
    /// The actie if it may be shown: `None` for confidential work.
    pub fn openbaar(a: ActieData) -> Option<Actie> {
        (!a.vertrouwelijk).then_some(Actie {
            id: a.id,
            titel: a.titel,
            status: a.status,
            gezondheid: a.gezondheid,
            voortgang: a.voortgang,
        })
    }
}

/// An opgave with its roll-up and its shown acties.
#[derive(Debug, Clone, PartialEq)]
pub struct Opgave {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Roll-up from the API.
    pub rollup: DiaRollup,
    /// The acties that may be shown, in the API's order.
    pub acties: Vec<Actie>,
}

/// A plan with its thema, roll-up and opgaven in volgorde.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
    /// Name of the thema.
    pub thema: String,
    /// What kind of plan.
    pub soort: PlanSoort,
    /// First and last year.
    pub periode: (i32, i32),
    /// Roll-up from the API.
    pub rollup: DiaRollup,
    /// The opgaven in volgorde.
    pub opgaven: Vec<Opgave>,
}

/// Everything the presentation shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Presentatie {
    /// The plans, thema by thema.
    pub plannen: Vec<Plan>,
}

/// Which kind of slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    /// The roll-up of a whole plan.
    Plan,
    /// An opgave with (part of) its acties.
    Opgave,
}

impl Soort {
    /// The value of `data-soort`.
    pub fn as_str(self) -> &'static str {
        match self {
            Soort::Plan => "plan",
            Soort::Opgave => "opgave",
        }
    }
}

/// One slide: what it shows, by position in [`Presentatie::plannen`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dia {
    /// Plan or opgave.
    pub soort: Soort,
    /// Index of the plan.
    pub plan: usize,
    /// Index of the opgave within the plan (opgave slides only).
    pub opgave: usize,
    /// Which part of the opgave's acties, or of the plan's opgaven (0-based).
    pub deel: usize,
    /// How many parts the opgave or plan has.
    pub delen: usize,
}

impl Presentatie {
    /// The slides: per plan one or more of its own, then one or more per opgave.
    pub fn dias(&self) -> Vec<Dia> {
        let mut dias = Vec::new();
        for (p, plan) in self.plannen.iter().enumerate() {
            let plan_delen = plan.opgaven.len().div_ceil(OPGAVEN_PER_DIA).max(1);
            dias.extend((0..plan_delen).map(|deel| Dia {
                soort: Soort::Plan,
                plan: p,
                opgave: 0,
                deel,
                delen: plan_delen,
            }));
            for (o, opgave) in plan.opgaven.iter().enumerate() {
                let delen = opgave.acties.len().div_ceil(ACTIES_PER_DIA).max(1);
                dias.extend((0..delen).map(|deel| Dia {
                    soort: Soort::Opgave,
                    plan: p,
                    opgave: o,
                    deel,
                    delen,
                }));
            }
        }
        dias
    }

    /// Takes the roll-ups of the plans from newer data, leaving everything else as it is.
    pub fn neem_plan_rollups_over(&mut self, nieuw: &Presentatie) {
        for plan in &mut self.plannen {
            if let Some(n) = nieuw.plannen.iter().find(|n| n.id == plan.id) {
                plan.rollup = n.rollup.clone();
            }
        }
    }

    /// Applies a live change in place: the opgave gets its new roll-up; the actie is replaced where it was,
    /// added at the end of its opgave, or removed (moved elsewhere or now confidential).
    pub fn pas_toe(&mut self, wijziging: Wijziging) {
        let Wijziging {
            actie,
            verborgen,
            opgave,
            opgave_rollup,
        } = wijziging;
        // Hidden work (no actie, no id) still moves the opgave's roll-up.
        let id = actie.as_ref().map(|a| a.id.clone()).or(verborgen);
        let openbaar = actie.and_then(Actie::openbaar);
        for plan in &mut self.plannen {
            for o in &mut plan.opgaven {
                if o.id == opgave.id {
                    o.rollup = opgave_rollup.clone();
                    let plek = id
                        .as_ref()
                        .and_then(|id| o.acties.iter().position(|a| &a.id == id));
                    match (plek, &openbaar) {
                        (Some(i), Some(a)) => o.acties[i] = a.clone(),
                        (Some(i), None) => {
                            o.acties.remove(i);
                        }
                        (None, Some(a)) => o.acties.push(a.clone()),
                        (None, None) => {}
                    }
                } else if let Some(id) = &id {
                    o.acties.retain(|a| &a.id != id);
                }
            }
        }
    }
}

/// A reference to an opgave in a live change.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OpgaveId {
    /// Opaque id.
    pub id: String,
}

/// One `actieGewijzigd` event.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Wijziging {
    /// The actie as it is now, if this viewer may see it.
    pub actie: Option<ActieData>,
    /// The id of an actie that is now hidden from this viewer (made confidential).
    pub verborgen: Option<String>,
    /// Its opgave.
    pub opgave: OpgaveId,
    /// The new roll-up of that opgave.
    #[serde(rename = "opgaveRollup")]
    pub opgave_rollup: DiaRollup,
}

/// The `data` of a `next` message of the subscription.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LiveData {
    /// The change.
    #[serde(rename = "actieGewijzigd")]
    pub actie_gewijzigd: Wijziging,
}

fn van_antwoord(antwoord: Antwoord) -> Presentatie {
    let mut plannen = Vec::new();
    for thema in antwoord.themas {
        for plan in thema.actieplannen {
            let mut opgaven = plan.opgaven;
            crate::sorteer::sorteer_op_sleutel(&mut opgaven, |o| o.volgorde);
            plannen.push(Plan {
                id: plan.id,
                titel: plan.titel,
                thema: thema.naam.clone(),
                soort: plan.soort,
                periode: (plan.periode_van, plan.periode_tot),
                rollup: plan.rollup,
                opgaven: opgaven
                    .into_iter()
                    .map(|o| Opgave {
                        id: o.id,
                        titel: o.titel,
                        rollup: o.rollup,
                        acties: o.acties.into_iter().filter_map(Actie::openbaar).collect(),
                    })
                    .collect(),
            });
        }
    }
    Presentatie { plannen }
}

/// Fetches everything the presentation shows, without confidential acties.
pub async fn haal_presentatie() -> Result<Presentatie, ApiError> {
    let antwoord: Antwoord = api::graphql(PRESENTATIE_QUERY, "Presentatie", GeenVariabelen {}).await?;
    Ok(van_antwoord(antwoord))
}

#[cfg(test)]
#[path = "data_tests.rs"]
mod tests;
