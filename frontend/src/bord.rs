//! Pure logic of the board view on the overview: per opgave and per plan the change since the last RVO
//! meeting, the difference of two roll-ups the API gives (now, and at the start of that meeting's day). No
//! browser needed: the unit tests run on the host.

use crate::model::RollupCijfers;
use koers_shared::{Gezondheid, Status};

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

/// The number of acties with status `s` in a roll-up.
fn aantal(r: &RollupCijfers, s: Status) -> i64 {
    r.aantal_per_status
        .iter()
        .filter(|a| a.status == s)
        .map(|a| i64::from(a.aantal))
        .sum()
}

/// The change from roll-up `toen` to roll-up `nu` of one opgave or plan.
pub fn verschil(nu: &RollupCijfers, toen: &RollupCijfers) -> Verschil {
    let mut per_gezondheid = [0; 3];
    for g in Gezondheid::ALL {
        per_gezondheid[g.index()] =
            i64::from(nu.aantal_gezondheid(*g)) - i64::from(toen.aantal_gezondheid(*g));
    }
    Verschil {
        afgerond_punten: punten(nu.aandeel_afgerond) - punten(toen.aandeel_afgerond),
        afgerond: aantal(nu, Status::Afgerond) - aantal(toen, Status::Afgerond),
        per_gezondheid,
    }
}

#[cfg(test)]
#[path = "bord_tests.rs"]
mod tests;
