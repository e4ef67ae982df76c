//! Validation messages as a stable key with parameters, so that each UI language can say them: the API sends
//! the key and its values in `extensions.fouten` (next to the Dutch text it keeps in `message`), the front end
//! translates them. [`Melding::nl`] is the Dutch text; a UI without a translation never shows it raw.

use crate::domain::{Gezondheid, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The keys of [`Melding`], as sent in `extensions.fouten[].sleutel`.
pub mod sleutel {
    /// The field is required.
    pub const VERPLICHT: &str = "VERPLICHT";
    /// The text is longer than `max` characters.
    pub const TE_LANG: &str = "TE_LANG";
    /// The text has a character that cannot be stored (`teken`, hexadecimal code point).
    pub const ONGELDIG_TEKEN: &str = "ONGELDIG_TEKEN";
    /// The number is not from `min` to `max`.
    pub const BUITEN_BEREIK: &str = "BUITEN_BEREIK";
    /// An afgeronde actie has progress 100.
    pub const AFGEROND_IS_HONDERD: &str = "AFGEROND_IS_HONDERD";
    /// Health only while in progress, not with `status`.
    pub const GEZONDHEID_BUITEN_UITVOERING: &str = "GEZONDHEID_BUITEN_UITVOERING";
    /// Health `gezondheid` requires a reason.
    pub const REDEN_VERPLICHT: &str = "REDEN_VERPLICHT";
    /// A reason belongs only with aandacht or risico.
    pub const REDEN_ONVERWACHT: &str = "REDEN_ONVERWACHT";
    /// A key (`sleutel`) is 1 to 100 lower-case letters, digits or dashes.
    pub const SLEUTEL_ONGELDIG: &str = "SLEUTEL_ONGELDIG";
    /// A period ends before it begins.
    pub const PERIODE_OMGEKEERD: &str = "PERIODE_OMGEKEERD";
    /// A rough date is `JJJJ`, `JJJJ-MM` or `JJJJ-MM-DD`.
    pub const DATUM_ONGELDIG: &str = "DATUM_ONGELDIG";
    /// Any other problem; its text is Dutch only.
    pub const ONGELDIG: &str = "ONGELDIG";
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Melding {
    /// The field is required.
    Verplicht,
    /// The text is longer than `max` characters.
    TeLang {
        /// The most characters allowed.
        max: usize,
    },
    /// The text has a character that cannot be stored.
    OngeldigTeken {
        /// Its code point.
        teken: u32,
    },
    /// The number lies outside `min..=max`.
    BuitenBereik {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// An afgeronde actie has progress 100.
    AfgerondIsHonderd,
    /// Health only while in progress.
    GezondheidBuitenUitvoering {
        /// The status the actie has.
        status: Status,
    },
    /// This health requires a reason.
    RedenVerplicht {
        /// The health given.
        gezondheid: Gezondheid,
    },
    /// A reason belongs only with aandacht or risico.
    RedenOnverwacht,
    /// A key (`sleutel`) is 1 to 100 lower-case letters, digits or dashes.
    SleutelOngeldig,
    /// A period ends before it begins.
    PeriodeOmgekeerd,
    /// A rough date is `JJJJ`, `JJJJ-MM` or `JJJJ-MM-DD`.
    DatumOngeldig,
    /// Any other problem, in Dutch (not yet given a key of its own).
    Ongeldig {
        /// The Dutch text.
        tekst: String,
    },
}

impl Melding {
    /// The stable key (one of [`sleutel`]).
    pub fn sleutel(&self) -> &'static str {
        match self {
            Melding::Verplicht => sleutel::VERPLICHT,
            Melding::TeLang { .. } => sleutel::TE_LANG,
            Melding::OngeldigTeken { .. } => sleutel::ONGELDIG_TEKEN,
            Melding::BuitenBereik { .. } => sleutel::BUITEN_BEREIK,
            Melding::AfgerondIsHonderd => sleutel::AFGEROND_IS_HONDERD,
            Melding::GezondheidBuitenUitvoering { .. } => sleutel::GEZONDHEID_BUITEN_UITVOERING,
            Melding::RedenVerplicht { .. } => sleutel::REDEN_VERPLICHT,
            Melding::RedenOnverwacht => sleutel::REDEN_ONVERWACHT,
            Melding::SleutelOngeldig => sleutel::SLEUTEL_ONGELDIG,
            Melding::PeriodeOmgekeerd => sleutel::PERIODE_OMGEKEERD,
            Melding::DatumOngeldig => sleutel::DATUM_ONGELDIG,
            Melding::Ongeldig { .. } => sleutel::ONGELDIG,
        }
    }

    /// The parameters, as sent in `extensions.fouten[].waarden` (every value a string; status and health
    /// as their GraphQL enum value).
    pub fn waarden(&self) -> Vec<(&'static str, String)> {
        match self {
            Melding::TeLang { max } => vec![("max", max.to_string())],
            Melding::OngeldigTeken { teken } => vec![("teken", format!("{teken:04X}"))],
            Melding::BuitenBereik { min, max } => vec![("min", min.to_string()), ("max", max.to_string())],
            Melding::GezondheidBuitenUitvoering { status } => {
                vec![("status", status.as_str().to_uppercase())]
            }
            Melding::RedenVerplicht { gezondheid } => {
                vec![("gezondheid", gezondheid.as_str().to_uppercase())]
            }
            Melding::Verplicht
            | Melding::AfgerondIsHonderd
            | Melding::RedenOnverwacht
            | Melding::SleutelOngeldig
            | Melding::PeriodeOmgekeerd
            | Melding::DatumOngeldig
            | Melding::Ongeldig { .. } => Vec::new(),
        }
    }

    /// The message from a key and its parameters as the API sends them; the Dutch `tekst` (the API's own
    /// message) for an unknown key or missing parameters.
    pub fn uit_sleutel(sleutel: &str, waarden: &BTreeMap<String, String>, tekst: &str) -> Melding {
        let getal = |naam: &str| waarden.get(naam).and_then(|w| w.parse::<i64>().ok());
        let tekst_waarde = |naam: &str| waarden.get(naam).map(|w| w.to_lowercase());
        let m = match sleutel {
            sleutel::VERPLICHT => Some(Melding::Verplicht),
            sleutel::TE_LANG => getal("max")
                .and_then(|m| usize::try_from(m).ok())
                .map(|max| Melding::TeLang { max }),
            sleutel::ONGELDIG_TEKEN => waarden
                .get("teken")
                .and_then(|t| u32::from_str_radix(t, 16).ok())
                .map(|teken| Melding::OngeldigTeken { teken }),
            sleutel::BUITEN_BEREIK => getal("min")
                .zip(getal("max"))
                .map(|(min, max)| Melding::BuitenBereik { min, max }),
            sleutel::AFGEROND_IS_HONDERD => Some(Melding::AfgerondIsHonderd),
            sleutel::GEZONDHEID_BUITEN_UITVOERING => tekst_waarde("status")
                .and_then(|s| s.parse().ok())
                .map(|status| Melding::GezondheidBuitenUitvoering { status }),
            sleutel::REDEN_VERPLICHT => tekst_waarde("gezondheid")
                .and_then(|g| g.parse().ok())
                .map(|gezondheid| Melding::RedenVerplicht { gezondheid }),
            sleutel::REDEN_ONVERWACHT => Some(Melding::RedenOnverwacht),
            sleutel::SLEUTEL_ONGELDIG => Some(Melding::SleutelOngeldig),
            sleutel::PERIODE_OMGEKEERD => Some(Melding::PeriodeOmgekeerd),
            sleutel::DATUM_ONGELDIG => Some(Melding::DatumOngeldig),
            _ => None,
        };
        m.unwrap_or_else(|| Melding::Ongeldig {
            tekst: tekst.to_string(),
        })
    }

    /// The Dutch text.
    pub fn nl(&self) -> String {
        match self {
            Melding::Verplicht => "dit veld is verplicht".to_string(),
            Melding::TeLang { max } => format!("tekst is langer dan {max} tekens"),
            Melding::OngeldigTeken { teken } => format!("tekst bevat een ongeldig teken (U+{teken:04X})"),
            Melding::BuitenBereik { min, max } => format!("de waarde moet tussen {min} en {max} liggen"),
            Melding::AfgerondIsHonderd => "een afgeronde actie heeft voortgang 100".to_string(),
            Melding::GezondheidBuitenUitvoering { status } => format!(
                "gezondheid geldt alleen tijdens uitvoering, niet bij status '{}'",
                status.label()
            ),
            Melding::RedenVerplicht { gezondheid } => {
                format!("bij gezondheid '{}' is een reden verplicht", gezondheid.label())
            }
            Melding::RedenOnverwacht => {
                "een reden hoort alleen bij gezondheid 'Aandacht' of 'Risico'".to_string()
            }
            Melding::SleutelOngeldig => {
                "een sleutel is 1 tot 100 kleine letters, cijfers of streepjes".to_string()
            }
            Melding::PeriodeOmgekeerd => "de looptijd eindigt voor zij begint".to_string(),
            Melding::DatumOngeldig => "schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD".to_string(),
            Melding::Ongeldig { tekst } => tekst.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_survives_the_wire() {
        let alle = [
            Melding::Verplicht,
            Melding::TeLang { max: 300 },
            Melding::OngeldigTeken { teken: 0 },
            Melding::BuitenBereik { min: 2000, max: 2100 },
            Melding::AfgerondIsHonderd,
            Melding::GezondheidBuitenUitvoering {
                status: Status::InUitvoering,
            },
            Melding::RedenVerplicht {
                gezondheid: Gezondheid::OpKoers,
            },
            Melding::RedenOnverwacht,
            Melding::SleutelOngeldig,
            Melding::PeriodeOmgekeerd,
            Melding::DatumOngeldig,
        ];
        for m in alle {
            let waarden = m.waarden().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            assert_eq!(Melding::uit_sleutel(m.sleutel(), &waarden, "x"), m);
        }
    }

    #[test]
    fn an_unknown_key_keeps_the_dutch_text() {
        let m = Melding::uit_sleutel("NIEUW", &BTreeMap::new(), "iets anders");
        assert_eq!(m.nl(), "iets anders");
        assert_eq!(m.sleutel(), sleutel::ONGELDIG);
    }
}
