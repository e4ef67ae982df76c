//! The roll-up as GraphQL sees it.

use super::enums::{GezondheidGql, StatusGql};
use crate::service::rollups::Samenvatting;
use async_graphql::{Object, SimpleObject};
use koers_shared::{Gezondheid, Status};

/// Samenvatting van de acties onder een opgave, actieplan of thema die de vrager mag zien.
pub struct RollupGql(pub Samenvatting);

/// Aantal acties met een status.
#[derive(SimpleObject)]
pub struct StatusAantal {
    /// De status.
    status: StatusGql,
    /// Aantal acties met die status.
    aantal: u32,
}

/// Aantal acties in uitvoering met een gezondheid.
#[derive(SimpleObject)]
pub struct GezondheidAantal {
    /// De gezondheid.
    gezondheid: GezondheidGql,
    /// Aantal acties in uitvoering met die gezondheid.
    aantal: u32,
}

/// Samenvatting van de acties onder een opgave, actieplan of thema. Alle cijfers gaan alleen over de acties
/// die u mag zien; van de andere (vertrouwelijk werk) staat alleen het aantal in `aantalVerborgen`.
#[Object(name = "Rollup")]
impl RollupGql {
    /// Alle acties die u mag zien, gestopte meegeteld.
    async fn totaal(&self) -> u32 {
        self.0.rollup.totaal()
    }

    /// Aantal acties dat u niet mag zien (vertrouwelijk werk) en dat daarom nergens in deze samenvatting
    /// meetelt.
    async fn aantal_verborgen(&self) -> u32 {
        self.0.verborgen
    }

    /// Aantal acties per status, in de volgorde van de levensfase.
    #[graphql(complexity = "crate::graphql::cost::list(crate::graphql::cost::PER_WAARDE, child_complexity)")]
    async fn aantal_per_status(&self) -> Vec<StatusAantal> {
        Status::ALL
            .iter()
            .map(|&s| StatusAantal {
                status: s.into(),
                aantal: self.0.rollup.aantal(s),
            })
            .collect()
    }

    /// Aantal acties in uitvoering per gezondheid.
    #[graphql(complexity = "crate::graphql::cost::list(crate::graphql::cost::PER_WAARDE, child_complexity)")]
    async fn aantal_per_gezondheid(&self) -> Vec<GezondheidAantal> {
        Gezondheid::ALL
            .iter()
            .map(|&g| GezondheidAantal {
                gezondheid: g.into(),
                aantal: self.0.rollup.aantal_gezondheid(g),
            })
            .collect()
    }

    /// Aandeel afgeronde acties in procenten (0–100), gestopte niet meegeteld.
    async fn aandeel_afgerond(&self) -> f64 {
        self.0.rollup.aandeel_afgerond()
    }

    /// Aandeel acties in uitvoering of doorlopend in procenten (0–100), gestopte niet meegeteld.
    async fn aandeel_in_uitvoering(&self) -> f64 {
        self.0.rollup.aandeel_in_uitvoering()
    }

    /// Gemiddelde voortgang in procenten over de acties met een bekende voortgang (afgerond telt als 100,
    /// gepland zonder cijfer als 0); leeg als geen enkele actie een voortgang heeft.
    async fn gemiddelde_voortgang(&self) -> Option<f64> {
        self.0.rollup.gemiddelde_voortgang()
    }

    /// Aantal acties dat meetelt in de gemiddelde voortgang.
    async fn aantal_met_voortgang(&self) -> u32 {
        self.0.rollup.voortgang_aantal
    }

    /// De slechtste gezondheid onder de acties in uitvoering, als er een is gemeld.
    async fn slechtste_gezondheid(&self) -> Option<GezondheidGql> {
        self.0.rollup.slechtste_gezondheid().map(Into::into)
    }
}
