//! The roll-up of acties into the figures shown per opgave, actieplan and thema.
//!
//! Rules: gestopt acties are counted but left out of the shares and the average; an afgerond actie counts as
//! 100 % and a gepland one without a figure as 0 %; other acties without a reported figure are left out of the
//! average (we never invent progress). The worst health is taken over acties that are in progress.

use crate::domain::{Gezondheid, Status, Voortgang};
use serde::{Deserialize, Serialize};

/// What the roll-up needs to know of one actie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActieStand {
    /// Lifecycle status.
    pub status: Status,
    /// Health, if reported.
    pub gezondheid: Option<Gezondheid>,
    /// Progress, if reported.
    pub voortgang: Option<Voortgang>,
}

impl ActieStand {
    /// The progress that counts in the average, if any.
    pub fn effectieve_voortgang(&self) -> Option<u8> {
        match (self.status, self.voortgang) {
            (Status::Gestopt, _) => None,
            (Status::Afgerond, _) => Some(100),
            (Status::Gepland, None) => Some(0),
            (_, v) => v.map(Voortgang::procent),
        }
    }
}

/// Aggregated figures over a set of acties. Built with [`rollup`] or by [`Rollup::add`]; two roll-ups of
/// disjoint sets [`Rollup::merge`] into the roll-up of their union.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rollup {
    /// Number of acties per status, indexed as [`Status::ALL`].
    pub per_status: [u32; 5],
    /// Number of acties in progress per health, indexed as [`Gezondheid::ALL`].
    pub per_gezondheid: [u32; 3],
    /// Sum of the effective progress of the acties that have one.
    pub voortgang_som: u64,
    /// Number of acties that have an effective progress.
    pub voortgang_aantal: u32,
}

/// The roll-up of a set of acties.
pub fn rollup<I: IntoIterator<Item = ActieStand>>(acties: I) -> Rollup {
    acties.into_iter().fold(Rollup::default(), |mut r, a| {
        r.add(&a);
        r
    })
}

impl Rollup {
    /// Adds one actie.
    pub fn add(&mut self, a: &ActieStand) {
        self.per_status[a.status.index()] += 1;
        if let (true, Some(g)) = (a.status.is_actief(), a.gezondheid) {
            self.per_gezondheid[g.index()] += 1;
        }
        if let Some(p) = a.effectieve_voortgang() {
            self.voortgang_som += u64::from(p);
            self.voortgang_aantal += 1;
        }
    }

    /// The roll-up of the union of two disjoint sets.
    pub fn merge(mut self, other: &Rollup) -> Rollup {
        for (a, b) in self.per_status.iter_mut().zip(other.per_status) {
            *a += b;
        }
        for (a, b) in self.per_gezondheid.iter_mut().zip(other.per_gezondheid) {
            *a += b;
        }
        self.voortgang_som += other.voortgang_som;
        self.voortgang_aantal += other.voortgang_aantal;
        self
    }

    /// All acties, gestopt included.
    pub fn totaal(&self) -> u32 {
        self.per_status.iter().sum()
    }

    /// Acties with the given status.
    pub fn aantal(&self, status: Status) -> u32 {
        self.per_status[status.index()]
    }

    /// Acties in progress with the given health.
    pub fn aantal_gezondheid(&self, g: Gezondheid) -> u32 {
        self.per_gezondheid[g.index()]
    }

    /// Acties that count for the shares: all but the gestopt ones.
    pub fn relevant(&self) -> u32 {
        self.totaal() - self.aantal(Status::Gestopt)
    }

    fn aandeel(&self, n: u32) -> f64 {
        match self.relevant() {
            0 => 0.0,
            d => f64::from(n) * 100.0 / f64::from(d),
        }
    }

    /// Share afgerond in percent (0–100) of the relevant acties; 0 when there are none.
    pub fn aandeel_afgerond(&self) -> f64 {
        self.aandeel(self.aantal(Status::Afgerond))
    }

    /// Share in uitvoering or doorlopend in percent (0–100) of the relevant acties.
    pub fn aandeel_in_uitvoering(&self) -> f64 {
        self.aandeel(self.aantal(Status::InUitvoering) + self.aantal(Status::Doorlopend))
    }

    /// Average effective progress in percent, or `None` when no actie has one.
    pub fn gemiddelde_voortgang(&self) -> Option<f64> {
        (self.voortgang_aantal > 0).then(|| self.voortgang_som as f64 / f64::from(self.voortgang_aantal))
    }

    /// The worst health among acties in progress, if any reported one.
    pub fn slechtste_gezondheid(&self) -> Option<Gezondheid> {
        Gezondheid::ALL
            .iter()
            .copied()
            .rev()
            .find(|g| self.per_gezondheid[g.index()] > 0)
    }
}

/// Rounds a percentage for display ("42 %"), the same way in the API and the UI.
pub fn procent_tekst(p: f64) -> String {
    format!("{} %", p.round() as i64)
}

#[cfg(test)]
mod tests;
