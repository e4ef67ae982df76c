//! Pure logic of the board view on the overview: per opgave and per plan the change since the last RVO
//! meeting (reconstructed from each actie's history) and how many acties in progress are overdue with an
//! update. No browser needed: the unit tests run on the host.

use crate::model::actie_regel::ActieRegel;
use crate::wijzigingen::zonder_update;
use koers_shared::{ActieStand, Gezondheid, Rollup, Status, rollup};

/// What an actie was at the start of day `sinds` (`JJJJ-MM-DD`): its state before the first history row of
/// that day or later; `None` when that row created it (it did not exist yet). Without such rows: as it is now.
/// Progress is left out: the board compares statuses and health only.
pub fn stand_op(actie: &ActieRegel, sinds: &str) -> Option<ActieStand> {
    let eerste = actie
        .historie()
        .iter()
        .filter(|r| r.tijdstip.get(..10).is_some_and(|d| d >= sinds))
        .min_by_key(|r| r.versie);
    match eerste {
        None => Some(ActieStand {
            voortgang: None,
            ..actie.stand()
        }),
        Some(regel) => regel.status_van.map(|status| ActieStand {
            status,
            gezondheid: regel.gezondheid_van,
            voortgang: None,
        }),
    }
}

/// The change of a group of acties since a date: now minus then.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Verschil {
    /// Change of the share afgerond, in whole percentage points.
    pub afgerond_punten: i64,
    /// Change of the number of afgeronde acties.
    pub afgerond: i64,
    /// Change of the number of acties in progress per health, indexed as [`Gezondheid::ALL`].
    pub per_gezondheid: [i64; 3],
}

impl Verschil {
    /// True when nothing the board shows changed.
    pub fn is_leeg(&self) -> bool {
        *self == Verschil::default()
    }

    /// The change for one health.
    pub fn gezondheid(&self, g: Gezondheid) -> i64 {
        self.per_gezondheid[g.index()]
    }
}

/// Whole percentage points the way the screen rounds them (`procent_tekst`).
fn punten(p: f64) -> i64 {
    p.round() as i64
}

/// The change of `acties` (one opgave or plan) since the start of day `sinds`.
pub fn verschil<'a>(acties: impl IntoIterator<Item = &'a ActieRegel> + Clone, sinds: &str) -> Verschil {
    let nu: Rollup = rollup(acties.clone().into_iter().map(|a| ActieStand {
        voortgang: None,
        ..a.stand()
    }));
    let toen: Rollup = rollup(acties.into_iter().filter_map(|a| stand_op(a, sinds)));
    let mut per_gezondheid = [0; 3];
    for g in Gezondheid::ALL {
        per_gezondheid[g.index()] =
            i64::from(nu.aantal_gezondheid(*g)) - i64::from(toen.aantal_gezondheid(*g));
    }
    Verschil {
        afgerond_punten: punten(nu.aandeel_afgerond()) - punten(toen.aandeel_afgerond()),
        afgerond: i64::from(nu.aantal(Status::Afgerond)) - i64::from(toen.aantal(Status::Afgerond)),
        per_gezondheid,
    }
}

/// The acties of opgave `opgave` (by its id).
pub fn van_opgave<'a>(
    acties: &'a [ActieRegel],
    opgave: &'a str,
) -> impl Iterator<Item = &'a ActieRegel> + Clone {
    acties
        .iter()
        .filter(move |a| a.opgave.as_ref().is_some_and(|o| o.id == opgave))
}

/// The acties of plan `plan` (by its id).
pub fn van_plan<'a>(acties: &'a [ActieRegel], plan: &'a str) -> impl Iterator<Item = &'a ActieRegel> + Clone {
    acties.iter().filter(move |a| a.plan().0 == plan)
}

/// How many of `acties` are in progress and had no update for more than `weken` weeks before `peildatum`
/// (the same check as the Sinds-vorige-RVO view).
pub fn aantal_te_laat<'a>(
    acties: impl Iterator<Item = &'a ActieRegel>,
    peildatum: &str,
    weken: u32,
) -> usize {
    let lijst: Vec<ActieRegel> = acties.cloned().collect();
    zonder_update(&lijst, peildatum, weken).len()
}

#[cfg(test)]
#[path = "bord_tests.rs"]
mod tests;
