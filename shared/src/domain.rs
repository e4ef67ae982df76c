//! The vocabulary of an actie: lifecycle status, health while in progress, and progress as a parsed 0–100 value.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Error for a status or health text that names no known value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnbekendeWaarde(pub String);

impl fmt::Display for OnbekendeWaarde {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "onbekende waarde '{}'", self.0)
    }
}

impl std::error::Error for OnbekendeWaarde {}

/// Defines a closed set of domain values with their stored text, Dutch label and parsing.
macro_rules! tekst_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => ($text:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value stored in the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Dutch label for people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Position in `ALL`.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = OnbekendeWaarde;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let norm = s.trim().to_lowercase().replace([' ', '-'], "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == norm)
                    .ok_or_else(|| OnbekendeWaarde(s.to_string()))
            }
        }
    };
}

tekst_enum! {
    /// Lifecycle status of an actie.
    Status {
        /// Planned, not started.
        Gepland => ("gepland", "Gepland"),
        /// Started, with an end in sight.
        InUitvoering => ("in_uitvoering", "In uitvoering"),
        /// Ongoing work without an end date (networks, recurring meetings).
        Doorlopend => ("doorlopend", "Doorlopend"),
        /// Finished.
        Afgerond => ("afgerond", "Afgerond"),
        /// Stopped before it was finished.
        Gestopt => ("gestopt", "Gestopt"),
    }
}

impl Status {
    /// Whether work is going on, so that a health applies.
    pub fn is_actief(self) -> bool {
        matches!(self, Status::InUitvoering | Status::Doorlopend)
    }
}

tekst_enum! {
    /// Health of an actie while it is in progress; ordered from best to worst.
    Gezondheid {
        /// On track.
        OpKoers => ("op_koers", "Op koers"),
        /// Needs attention; a reason is required.
        Aandacht => ("aandacht", "Aandacht"),
        /// At risk; a reason is required.
        Risico => ("risico", "Risico"),
    }
}

impl Gezondheid {
    /// Aandacht and risico must say why.
    pub fn vereist_reden(self) -> bool {
        !matches!(self, Gezondheid::OpKoers)
    }
}

tekst_enum! {
    /// What kind of plan an actieplan is.
    PlanSoort {
        /// Actieplan.
        Actieplan => ("actieplan", "Actieplan"),
        /// Uitvoeringsprogramma.
        Uitvoeringsprogramma => ("uitvoeringsprogramma", "Uitvoeringsprogramma"),
        /// Uitvoeringsagenda.
        Uitvoeringsagenda => ("uitvoeringsagenda", "Uitvoeringsagenda"),
        /// Jaarplan.
        Jaarplan => ("jaarplan", "Jaarplan"),
        /// Werkagenda.
        Werkagenda => ("werkagenda", "Werkagenda"),
    }
}

tekst_enum! {
    /// Where a plan stands.
    PlanStatus {
        /// Adopted, not yet being carried out.
        Vastgesteld => ("vastgesteld", "Vastgesteld"),
        /// Being carried out.
        InUitvoering => ("in_uitvoering", "In uitvoering"),
        /// Finished.
        Afgerond => ("afgerond", "Afgerond"),
    }
}

tekst_enum! {
    /// What kind of organisation.
    OrganisatieSoort {
        /// The VAR itself and other alliances.
        Samenwerkingsverband => ("samenwerkingsverband", "Samenwerkingsverband"),
        /// A gemeente of the eenheid Rotterdam.
        Gemeente => ("gemeente", "Gemeente"),
        /// Politie.
        Politie => ("politie", "Politie"),
        /// Openbaar Ministerie and other justice partners.
        Justitie => ("justitie", "Justitie"),
        /// Any other partner.
        Partner => ("partner", "Partner"),
    }
}

/// Progress of an actie in percent: always within 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Voortgang(u8);

/// A progress figure outside 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoortgangError(pub i64);

impl fmt::Display for VoortgangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "voortgang moet tussen 0 en 100 liggen, niet {}", self.0)
    }
}

impl std::error::Error for VoortgangError {}

impl Voortgang {
    /// Nothing done.
    pub const NUL: Voortgang = Voortgang(0);
    /// Everything done.
    pub const VOLLEDIG: Voortgang = Voortgang(100);

    /// The percentage.
    pub fn procent(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Voortgang {
    type Error = VoortgangError;
    fn try_from(v: i64) -> Result<Self, Self::Error> {
        u8::try_from(v)
            .ok()
            .filter(|p| *p <= 100)
            .map(Voortgang)
            .ok_or(VoortgangError(v))
    }
}

impl TryFrom<i32> for Voortgang {
    type Error = VoortgangError;
    fn try_from(v: i32) -> Result<Self, Self::Error> {
        Voortgang::try_from(i64::from(v))
    }
}

impl From<Voortgang> for i64 {
    fn from(v: Voortgang) -> i64 {
        i64::from(v.0)
    }
}

impl From<Voortgang> for i32 {
    fn from(v: Voortgang) -> i32 {
        i32::from(v.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_round_trips_through_its_stored_text() {
        for &s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(s));
        }
        assert_eq!("In uitvoering".parse::<Status>(), Ok(Status::InUitvoering));
        assert!("klaar".parse::<Status>().is_err());
    }

    #[test]
    fn health_orders_from_best_to_worst() {
        assert!(Gezondheid::OpKoers < Gezondheid::Aandacht);
        assert!(Gezondheid::Aandacht < Gezondheid::Risico);
        assert!(!Gezondheid::OpKoers.vereist_reden());
        assert!(Gezondheid::Risico.vereist_reden());
    }

    #[test]
    fn progress_rejects_values_outside_0_to_100() {
        assert_eq!(Voortgang::try_from(100i64).map(Voortgang::procent), Ok(100));
        assert_eq!(Voortgang::try_from(101i64), Err(VoortgangError(101)));
        assert_eq!(Voortgang::try_from(-1i64), Err(VoortgangError(-1)));
        assert!(serde_json::from_str::<Voortgang>("250").is_err());
    }
}
