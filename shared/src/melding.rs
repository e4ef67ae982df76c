//! Validation messages as a stable key with parameters, so that each UI language can say them: the API sends
//! the key and its values in `extensions.fouten` (next to the Dutch text it keeps in `message`), the front end
//! translates them. [`Melding::nl`] is the Dutch text; a UI without a translation never shows it raw.

use crate::domain::{Gezondheid, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub mod ding;
mod nl;
pub mod sleutel;
#[cfg(test)]
mod tests;
mod voorbeelden;

pub use ding::Ding;
pub use voorbeelden::voorbeelden;

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
    /// This thing does not exist.
    BestaatNiet {
        /// What kind of thing.
        ding: Ding,
    },
    /// One of these things does not exist.
    EenBestaatNiet {
        /// What kind of thing.
        ding: Ding,
    },
    /// This thing exists already.
    BestaatAl {
        /// What kind of thing.
        ding: Ding,
    },
    /// This thing is retired (vervallen).
    Vervallen {
        /// What kind of thing.
        ding: Ding,
    },
    /// A thing is named twice.
    Dubbel {
        /// What kind of thing.
        ding: Ding,
    },
    /// A text of 1 to `max` characters.
    Lengte {
        /// What kind of text.
        ding: Ding,
        /// The most characters allowed.
        max: usize,
    },
    /// Not a valid (global) id.
    GeenGeldigId {
        /// The id sent.
        id: String,
    },
    /// An id of the wrong kind.
    VerkeerdeSoortId {
        /// The kind expected (a GraphQL type name).
        verwacht: String,
        /// The kind sent (a GraphQL type name).
        kreeg: String,
    },
    /// Use one of two fields, not both.
    NietBeide {
        /// The one field (its GraphQL name).
        een: String,
        /// The other field (its GraphQL name).
        ander: String,
    },
    /// Name at least one thema, or leave the field out for all.
    MinstensEenThema,
    /// Choose at least one event.
    MinstensEenGebeurtenis,
    /// A password has at least `min` characters.
    WachtwoordTeKort {
        /// The fewest characters allowed.
        min: usize,
    },
    /// A password has at most `max` characters.
    WachtwoordTeLang {
        /// The most characters allowed.
        max: usize,
    },
    /// The current password is wrong.
    WachtwoordKloptNiet,
    /// User name or password is wrong.
    AanmeldingKloptNiet,
    /// A sign-in is JSON with user name and password.
    AanmeldingVorm,
    /// A user name is 1 to `max` characters, without spaces.
    GebruikersnaamVorm {
        /// The most characters allowed.
        max: usize,
    },
    /// Only a redacteur has themas of their own.
    AlleenRedacteurThemas,
    /// The last active beheerder cannot go.
    LaatsteBeheerder,
    /// The opgave still has acties.
    NogActies {
        /// How many.
        aantal: u64,
    },
    /// Name every opgave of the plan exactly once.
    ElkeOpgaveEenKeer,
    /// A plan cannot (through others) succeed itself.
    OpvolgerKring,
    /// The plan names no successor.
    GeenOpvolger,
    /// Choose a (not retired) opgave of the succeeding plan.
    KiesOpgaveOpvolger,
    /// Acties without an opgave of the same title in the succeeding plan.
    ActiesZonderOpgave {
        /// How many.
        aantal: u64,
    },
    /// An organisatie does not merge into itself.
    InZichzelf,
    /// This organisatie has been merged already.
    AlSamengevoegd,
    /// This organisatie has itself been merged.
    ZelfSamengevoegd,
    /// There is a meeting on this date already.
    DatumBezet,
    /// The webhook is off.
    WebhookUit,
    /// This object has no management history.
    GeenHistorie,
    /// A secret is `prefix` and base64 of `min` to `max` bytes.
    GeheimVorm {
        /// The prefix.
        prefix: String,
        /// The fewest bytes.
        min: usize,
        /// The most bytes.
        max: usize,
    },
    /// Ask for a .csv or .xlsx file.
    BestandsFormaat,
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
            Melding::BestaatNiet { .. } => sleutel::BESTAAT_NIET,
            Melding::EenBestaatNiet { .. } => sleutel::EEN_BESTAAT_NIET,
            Melding::BestaatAl { .. } => sleutel::BESTAAT_AL,
            Melding::Vervallen { .. } => sleutel::VERVALLEN,
            Melding::Dubbel { .. } => sleutel::DUBBEL,
            Melding::Lengte { .. } => sleutel::LENGTE,
            Melding::GeenGeldigId { .. } => sleutel::GEEN_GELDIG_ID,
            Melding::VerkeerdeSoortId { .. } => sleutel::VERKEERDE_SOORT_ID,
            Melding::NietBeide { .. } => sleutel::NIET_BEIDE,
            Melding::WachtwoordTeKort { .. } => sleutel::WACHTWOORD_TE_KORT,
            Melding::WachtwoordTeLang { .. } => sleutel::WACHTWOORD_TE_LANG,
            Melding::GebruikersnaamVorm { .. } => sleutel::GEBRUIKERSNAAM_VORM,
            Melding::NogActies { .. } => sleutel::NOG_ACTIES,
            Melding::ActiesZonderOpgave { .. } => sleutel::ACTIES_ZONDER_OPGAVE,
            Melding::GeheimVorm { .. } => sleutel::GEHEIM_VORM,
            Melding::MinstensEenThema => sleutel::MINSTENS_EEN_THEMA,
            Melding::MinstensEenGebeurtenis => sleutel::MINSTENS_EEN_GEBEURTENIS,
            Melding::WachtwoordKloptNiet => sleutel::WACHTWOORD_KLOPT_NIET,
            Melding::AanmeldingKloptNiet => sleutel::AANMELDING_KLOPT_NIET,
            Melding::AanmeldingVorm => sleutel::AANMELDING_VORM,
            Melding::AlleenRedacteurThemas => sleutel::ALLEEN_REDACTEUR_THEMAS,
            Melding::LaatsteBeheerder => sleutel::LAATSTE_BEHEERDER,
            Melding::ElkeOpgaveEenKeer => sleutel::ELKE_OPGAVE_EEN_KEER,
            Melding::OpvolgerKring => sleutel::OPVOLGER_KRING,
            Melding::GeenOpvolger => sleutel::GEEN_OPVOLGER,
            Melding::KiesOpgaveOpvolger => sleutel::KIES_OPGAVE_OPVOLGER,
            Melding::InZichzelf => sleutel::IN_ZICHZELF,
            Melding::AlSamengevoegd => sleutel::AL_SAMENGEVOEGD,
            Melding::ZelfSamengevoegd => sleutel::ZELF_SAMENGEVOEGD,
            Melding::DatumBezet => sleutel::DATUM_BEZET,
            Melding::WebhookUit => sleutel::WEBHOOK_UIT,
            Melding::GeenHistorie => sleutel::GEEN_HISTORIE,
            Melding::BestandsFormaat => sleutel::BESTANDSFORMAAT,
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
            Melding::BestaatNiet { ding }
            | Melding::EenBestaatNiet { ding }
            | Melding::BestaatAl { ding }
            | Melding::Vervallen { ding }
            | Melding::Dubbel { ding } => vec![("ding", ding.as_str().to_string())],
            Melding::Lengte { ding, max } => {
                vec![("ding", ding.as_str().to_string()), ("max", max.to_string())]
            }
            Melding::GeenGeldigId { id } => vec![("id", id.clone())],
            Melding::VerkeerdeSoortId { verwacht, kreeg } => {
                vec![("verwacht", verwacht.clone()), ("kreeg", kreeg.clone())]
            }
            Melding::NietBeide { een, ander } => vec![("een", een.clone()), ("ander", ander.clone())],
            Melding::WachtwoordTeKort { min } => vec![("min", min.to_string())],
            Melding::WachtwoordTeLang { max } | Melding::GebruikersnaamVorm { max } => {
                vec![("max", max.to_string())]
            }
            Melding::NogActies { aantal } | Melding::ActiesZonderOpgave { aantal } => {
                vec![("aantal", aantal.to_string())]
            }
            Melding::GeheimVorm { prefix, min, max } => vec![
                ("prefix", prefix.clone()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ],
            Melding::Verplicht
            | Melding::AfgerondIsHonderd
            | Melding::RedenOnverwacht
            | Melding::SleutelOngeldig
            | Melding::PeriodeOmgekeerd
            | Melding::DatumOngeldig
            | Melding::MinstensEenThema
            | Melding::MinstensEenGebeurtenis
            | Melding::WachtwoordKloptNiet
            | Melding::AanmeldingKloptNiet
            | Melding::AanmeldingVorm
            | Melding::AlleenRedacteurThemas
            | Melding::LaatsteBeheerder
            | Melding::ElkeOpgaveEenKeer
            | Melding::OpvolgerKring
            | Melding::GeenOpvolger
            | Melding::KiesOpgaveOpvolger
            | Melding::InZichzelf
            | Melding::AlSamengevoegd
            | Melding::ZelfSamengevoegd
            | Melding::DatumBezet
            | Melding::WebhookUit
            | Melding::GeenHistorie
            | Melding::BestandsFormaat
            | Melding::Ongeldig { .. } => Vec::new(),
        }
    }

    /// The message from a key and its parameters as the API sends them; the Dutch `tekst` (the API's own
    /// message) for an unknown key or missing parameters.
    pub fn uit_sleutel(sleutel: &str, waarden: &BTreeMap<String, String>, tekst: &str) -> Melding {
        let getal = |naam: &str| waarden.get(naam).and_then(|w| w.parse::<i64>().ok());
        let tekst_waarde = |naam: &str| waarden.get(naam).map(|w| w.to_lowercase());
        let tekst_veld = |naam: &str| waarden.get(naam).cloned();
        let aantal = |naam: &str| getal(naam).and_then(|g| usize::try_from(g).ok());
        let teller = || getal("aantal").and_then(|g| u64::try_from(g).ok());
        let ding = || waarden.get("ding").and_then(|d| Ding::parse(d));
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
            sleutel::BESTAAT_NIET => ding().map(|ding| Melding::BestaatNiet { ding }),
            sleutel::EEN_BESTAAT_NIET => ding().map(|ding| Melding::EenBestaatNiet { ding }),
            sleutel::BESTAAT_AL => ding().map(|ding| Melding::BestaatAl { ding }),
            sleutel::VERVALLEN => ding().map(|ding| Melding::Vervallen { ding }),
            sleutel::DUBBEL => ding().map(|ding| Melding::Dubbel { ding }),
            sleutel::LENGTE => ding()
                .zip(aantal("max"))
                .map(|(ding, max)| Melding::Lengte { ding, max }),
            sleutel::GEEN_GELDIG_ID => tekst_veld("id").map(|id| Melding::GeenGeldigId { id }),
            sleutel::VERKEERDE_SOORT_ID => tekst_veld("verwacht")
                .zip(tekst_veld("kreeg"))
                .map(|(verwacht, kreeg)| Melding::VerkeerdeSoortId { verwacht, kreeg }),
            sleutel::NIET_BEIDE => tekst_veld("een")
                .zip(tekst_veld("ander"))
                .map(|(een, ander)| Melding::NietBeide { een, ander }),
            sleutel::WACHTWOORD_TE_KORT => aantal("min").map(|min| Melding::WachtwoordTeKort { min }),
            sleutel::WACHTWOORD_TE_LANG => aantal("max").map(|max| Melding::WachtwoordTeLang { max }),
            sleutel::GEBRUIKERSNAAM_VORM => aantal("max").map(|max| Melding::GebruikersnaamVorm { max }),
            sleutel::NOG_ACTIES => teller().map(|aantal| Melding::NogActies { aantal }),
            sleutel::ACTIES_ZONDER_OPGAVE => teller().map(|aantal| Melding::ActiesZonderOpgave { aantal }),
            sleutel::GEHEIM_VORM => tekst_veld("prefix")
                .zip(aantal("min"))
                .zip(aantal("max"))
                .map(|((prefix, min), max)| Melding::GeheimVorm { prefix, min, max }),
            sleutel::MINSTENS_EEN_THEMA => Some(Melding::MinstensEenThema),
            sleutel::MINSTENS_EEN_GEBEURTENIS => Some(Melding::MinstensEenGebeurtenis),
            sleutel::WACHTWOORD_KLOPT_NIET => Some(Melding::WachtwoordKloptNiet),
            sleutel::AANMELDING_KLOPT_NIET => Some(Melding::AanmeldingKloptNiet),
            sleutel::AANMELDING_VORM => Some(Melding::AanmeldingVorm),
            sleutel::ALLEEN_REDACTEUR_THEMAS => Some(Melding::AlleenRedacteurThemas),
            sleutel::LAATSTE_BEHEERDER => Some(Melding::LaatsteBeheerder),
            sleutel::ELKE_OPGAVE_EEN_KEER => Some(Melding::ElkeOpgaveEenKeer),
            sleutel::OPVOLGER_KRING => Some(Melding::OpvolgerKring),
            sleutel::GEEN_OPVOLGER => Some(Melding::GeenOpvolger),
            sleutel::KIES_OPGAVE_OPVOLGER => Some(Melding::KiesOpgaveOpvolger),
            sleutel::IN_ZICHZELF => Some(Melding::InZichzelf),
            sleutel::AL_SAMENGEVOEGD => Some(Melding::AlSamengevoegd),
            sleutel::ZELF_SAMENGEVOEGD => Some(Melding::ZelfSamengevoegd),
            sleutel::DATUM_BEZET => Some(Melding::DatumBezet),
            sleutel::WEBHOOK_UIT => Some(Melding::WebhookUit),
            sleutel::GEEN_HISTORIE => Some(Melding::GeenHistorie),
            sleutel::BESTANDSFORMAAT => Some(Melding::BestandsFormaat),
            _ => None,
        };
        m.unwrap_or_else(|| Melding::Ongeldig {
            tekst: tekst.to_string(),
        })
    }
}
