//! The trend of a plan for the chart: its roll-up per month from the start of its period until now
//! (`rollupReeks`), reduced to the share afgerond and the counts per health.

use crate::api::{self, ApiError};
use koers_shared::Gezondheid;
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::TREND_QUERY;

#[derive(Serialize)]
struct TrendVariabelen<'a> {
    id: &'a str,
    van: String,
    zonder: bool,
}

#[derive(Deserialize)]
struct TrendData {
    actieplan: Option<PlanReeks>,
}

#[derive(Deserialize)]
struct PlanReeks {
    #[serde(rename = "rollupReeks")]
    rollup_reeks: Vec<PuntData>,
}

/// One point of `rollupReeks` as the API sends it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PuntData {
    moment: String,
    rollup: PuntRollup,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct PuntRollup {
    /// Absent when the query did not ask (the overview's compact chart does not show it).
    totaal: Option<u32>,
    #[serde(rename = "aandeelAfgerond")]
    aandeel_afgerond: f64,
    #[serde(rename = "aantalPerGezondheid")]
    per_gezondheid: Vec<GezondheidAantal>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct GezondheidAantal {
    gezondheid: Gezondheid,
    aantal: u32,
}

/// One point of a trend.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPunt {
    /// The day, `JJJJ-MM-DD` (UTC).
    pub datum: String,
    /// Acties then, gestopt included (0 when the query did not ask).
    pub totaal: u32,
    /// Share afgerond then, in percent.
    pub afgerond: f64,
    /// Acties in progress per health then, in the order of [`Gezondheid::ALL`].
    pub per_gezondheid: [u32; 3],
}

impl TrendPunt {
    /// The point of the API's `p`.
    pub fn van(p: PuntData) -> Self {
        let mut per_gezondheid = [0; 3];
        for g in p.rollup.per_gezondheid {
            per_gezondheid[g.gezondheid.index()] += g.aantal;
        }
        TrendPunt {
            datum: p.moment.chars().take(10).collect(),
            totaal: p.rollup.totaal.unwrap_or_default(),
            afgerond: p.rollup.aandeel_afgerond,
            per_gezondheid,
        }
    }
}

/// The monthly trend of plan `id` since 1 January of `van_jaar`; empty when the plan is unknown.
/// `zonder_vertrouwelijk`: leave confidential acties out (the presentation and the print view).
pub async fn haal_trend(
    id: &str,
    van_jaar: i32,
    zonder_vertrouwelijk: bool,
) -> Result<Vec<TrendPunt>, ApiError> {
    let v = TrendVariabelen {
        id,
        van: format!("{van_jaar}-01-01T00:00:00Z"),
        zonder: zonder_vertrouwelijk,
    };
    let d: TrendData = api::graphql(TREND_QUERY, "Trend", v).await?;
    Ok(d.actieplan
        .map(|p| p.rollup_reeks.into_iter().map(TrendPunt::van).collect())
        .unwrap_or_default())
}
