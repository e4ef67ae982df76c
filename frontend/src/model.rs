//! The data of the overview page as the API delivers it, and the query that asks for it.
//!
//! The query text is in [`crate::model::documenten`], where a host test checks it against the schema.

pub mod actie;
pub mod actie_bewerken;
pub mod actie_regel;
pub mod beheer;
pub mod beheer_gebruikers;
pub mod beheer_historie;
pub mod beheer_import;
pub mod beheer_opgaven;
pub mod beheer_plannen;
pub mod beheer_rvo;
pub mod beheer_stamdata;
pub mod documenten;
pub mod export;
pub mod melden;
pub mod organisatie;
pub mod plan;
pub mod rvo_stand;
pub mod trend;
pub mod webhooks;

use crate::api::{self, ApiError};
use koers_shared::{Gezondheid, PlanSoort, PlanStatus, Status};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::OVERZICHT_QUERY;

/// The `data` of the `Overzicht` query.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Overzicht {
    /// Every thema.
    pub themas: Vec<Thema>,
}

/// A thema of the alliance, with its plans.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Thema {
    /// Opaque id.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Responsible board member, if known.
    pub portefeuillehouder: Option<String>,
    /// The plans of this thema.
    pub actieplannen: Vec<Actieplan>,
}

/// An actieplan (or programme, agenda …) with its opgaven.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Actieplan {
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
    /// The opgaven, in any order; see [`Actieplan::opgaven_op_volgorde`].
    pub opgaven: Vec<Opgave>,
    /// Roll-up over all acties of the plan.
    pub rollup: RollupCijfers,
    /// Its roll-up at the start of the last RVO meeting's day (now when there was none).
    pub vorige: RollupCijfers,
    /// Acties in progress overdue with an update.
    #[serde(rename = "aantalTeLaat")]
    pub aantal_te_laat: u32,
    /// Its roll-up per month over the last year, oldest first (absent in older answers).
    pub trend: Option<Vec<crate::model::trend::PuntData>>,
}

/// The chart's points of a row's `trend` (none when the answer had none).
fn trend_punten(trend: &Option<Vec<crate::model::trend::PuntData>>) -> Vec<crate::model::trend::TrendPunt> {
    trend
        .iter()
        .flatten()
        .cloned()
        .map(crate::model::trend::TrendPunt::van)
        .collect()
}

impl Actieplan {
    /// The points of [`Actieplan::trend`] for the chart.
    pub fn trend_punten(&self) -> Vec<crate::model::trend::TrendPunt> {
        trend_punten(&self.trend)
    }

    /// The opgaven ordered by `volgorde` (stable for equal values).
    pub fn opgaven_op_volgorde(&self) -> Vec<Opgave> {
        let mut opgaven = self.opgaven.clone();
        crate::sorteer::sorteer_op_sleutel(&mut opgaven, |o| o.volgorde);
        opgaven
    }
}

/// An opgave of a plan.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Opgave {
    /// Opaque id.
    pub id: String,
    /// Position within the plan.
    pub volgorde: i32,
    /// Title.
    pub titel: String,
    /// Roll-up over the acties of this opgave.
    pub rollup: RollupCijfers,
    /// Its roll-up at the start of the last RVO meeting's day (now when there was none).
    pub vorige: RollupCijfers,
    /// Acties in progress overdue with an update.
    #[serde(rename = "aantalTeLaat")]
    pub aantal_te_laat: u32,
    /// Its roll-up per month over the last year, oldest first (absent in older answers).
    pub trend: Option<Vec<crate::model::trend::PuntData>>,
}

impl Opgave {
    /// The points of [`Opgave::trend`] for the chart.
    pub fn trend_punten(&self) -> Vec<crate::model::trend::TrendPunt> {
        trend_punten(&self.trend)
    }
}

/// Roll-up figures as the API computes them with `koers_shared::rollup`, over what the viewer may see.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RollupCijfers {
    /// All acties the viewer may see, gestopt included.
    pub totaal: u32,
    /// Acties left out because the viewer may not see them (absent when the query did not ask).
    #[serde(rename = "aantalVerborgen")]
    pub aantal_verborgen: Option<u32>,
    /// Share afgerond in percent (0–100).
    #[serde(rename = "aandeelAfgerond")]
    pub aandeel_afgerond: f64,
    /// Share in uitvoering or doorlopend in percent (0–100).
    #[serde(rename = "aandeelInUitvoering")]
    pub aandeel_in_uitvoering: f64,
    /// Average progress in percent, if any actie reported one.
    #[serde(rename = "gemiddeldeVoortgang")]
    pub gemiddelde_voortgang: Option<f64>,
    /// How many acties count in the average progress (absent when the query did not ask).
    #[serde(rename = "aantalMetVoortgang")]
    pub aantal_met_voortgang: Option<u32>,
    /// Worst health among acties in progress, if any reported one.
    #[serde(rename = "slechtsteGezondheid")]
    pub slechtste_gezondheid: Option<Gezondheid>,
    /// Number of acties per status.
    #[serde(rename = "aantalPerStatus")]
    pub aantal_per_status: Vec<StatusAantal>,
    /// Number of acties in progress per health (absent when the query did not ask).
    #[serde(rename = "aantalPerGezondheid")]
    pub aantal_per_gezondheid: Option<Vec<GezondheidAantal>>,
}

impl RollupCijfers {
    /// The non-zero counts in the order of [`Status::ALL`]; a status listed twice is summed.
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

    /// The number of acties in progress with health `g` (0 when the query did not ask).
    pub fn aantal_gezondheid(&self, g: Gezondheid) -> u32 {
        self.aantal_per_gezondheid
            .iter()
            .flatten()
            .filter(|a| a.gezondheid == g)
            .map(|a| a.aantal)
            .sum()
    }
}

/// Number of acties in progress with one health.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct GezondheidAantal {
    /// The health.
    pub gezondheid: Gezondheid,
    /// How many acties in progress have it.
    pub aantal: u32,
}

/// Number of acties with one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct StatusAantal {
    /// The status.
    pub status: Status,
    /// How many acties have it.
    pub aantal: u32,
}

/// The variables of the `Overzicht` query.
#[derive(Serialize)]
struct OverzichtVariabelen<'a> {
    vorige: Option<String>,
    peildatum: &'a str,
    weken: u32,
    #[serde(rename = "trendVan")]
    trend_van: String,
}

/// The first point of the board's trend: the first of the month a year before `vandaag` (`JJJJ-MM-DD`), so a
/// trend has at most 13 points.
pub fn trend_van(vandaag: &str) -> String {
    let jaar: i32 = vandaag.get(..4).and_then(|j| j.parse().ok()).unwrap_or(2000);
    let maand = vandaag.get(5..7).unwrap_or("01");
    format!("{}-{maand}-01T00:00:00Z", jaar - 1)
}

/// Fetches the overview with the roll-ups at the start of day `vorige_rvo` (`JJJJ-MM-DD`, UTC) and the acties
/// overdue at `peildatum` after `weken` weeks, each plan with its trend over the year before `vandaag`.
pub async fn haal_overzicht(
    vorige_rvo: Option<&str>,
    peildatum: &str,
    weken: u32,
    vandaag: &str,
) -> Result<Overzicht, ApiError> {
    let variabelen = OverzichtVariabelen {
        vorige: vorige_rvo.map(|d| format!("{d}T00:00:00Z")),
        peildatum,
        weken,
        trend_van: trend_van(vandaag),
    };
    api::graphql(OVERZICHT_QUERY, "Overzicht", variabelen).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_wire_format() {
        let json = r#"{"themas":[{"id":"VGhlbWE6MQ==","naam":"Ondermijning","portefeuillehouder":null,
          "actieplannen":[{"id":"p1","titel":"Plan","soort":"UITVOERINGSPROGRAMMA","periodeVan":2024,
          "periodeTot":2027,"status":"IN_UITVOERING","opgaven":[{"id":"o2","volgorde":2,"titel":"B",
          "rollup":{"totaal":0,"aandeelAfgerond":0.0,"aandeelInUitvoering":0.0,"gemiddeldeVoortgang":null,
          "slechtsteGezondheid":null,"aantalPerStatus":[]},"vorige":LEEG,"aantalTeLaat":0},
          {"id":"o1","volgorde":1,"titel":"A",
          "rollup":{"totaal":3,"aandeelAfgerond":33.3,"aandeelInUitvoering":66.7,"gemiddeldeVoortgang":55.5,
          "slechtsteGezondheid":"RISICO","aantalPerStatus":[{"status":"AFGEROND","aantal":1},
          {"status":"IN_UITVOERING","aantal":2}]},"vorige":LEEG,"aantalTeLaat":2}],
          "rollup":{"totaal":3,"aandeelAfgerond":33.3,"aandeelInUitvoering":66.7,"gemiddeldeVoortgang":55.5,
          "slechtsteGezondheid":"RISICO","aantalPerStatus":[]},"vorige":LEEG,"aantalTeLaat":2}]}]}"#;
        let leeg = r#"{"totaal":0,"aandeelAfgerond":0.0,"aandeelInUitvoering":0.0,"gemiddeldeVoortgang":null,
          "slechtsteGezondheid":null,"aantalPerStatus":[]}"#;
        let json = json.replace("LEEG", leeg);
        let o: Overzicht = miniserde::json::from_str(&json).expect("decodes");
        let plan = &o.themas[0].actieplannen[0];
        assert_eq!(plan.soort, PlanSoort::Uitvoeringsprogramma);
        let ids: Vec<_> = plan.opgaven_op_volgorde().into_iter().map(|o| o.id).collect();
        assert_eq!(ids, ["o1", "o2"]);
        let r = &plan.opgaven[1].rollup;
        assert_eq!(r.slechtste_gezondheid, Some(Gezondheid::Risico));
        assert_eq!(r.tellingen(), [(Status::InUitvoering, 2), (Status::Afgerond, 1)]);
        assert_eq!((plan.opgaven[1].aantal_te_laat, plan.aantal_te_laat), (2, 2));
        assert_eq!(plan.vorige.totaal, 0);
        assert!(plan.trend_punten().is_empty());
        assert_eq!(trend_van("2026-12-02"), "2025-12-01T00:00:00Z");
    }
}
