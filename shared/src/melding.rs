//! Validation messages as a stable key with parameters, so that each UI language can say them: the API sends
//! the key and its values in `extensions.fouten` (next to the Dutch text it keeps in `message`), the front end
//! translates them. [`Melding::nl`] is the Dutch text; a UI without a translation never shows it raw.

use crate::domain::{Gezondheid, Status};
use serde::{Deserialize, Serialize};

pub mod ding;
mod draad;
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
    /// Not a valid URL.
    GeenGeldigeUrl,
    /// Only http and https addresses.
    AlleenHttp,
    /// A URL without user name or password.
    UrlMetInlog,
    /// A webhook URL has no #fragment.
    UrlMetFragment,
    /// The URL names no host.
    UrlZonderHost,
    /// Internal addresses (loopback, private, link-local) are not allowed.
    InternAdres,
    /// The file is larger than `kb` KB.
    BestandTeGroot {
        /// The most kilobytes.
        kb: usize,
    },
    /// The file is empty.
    BestandLeeg,
    /// The file has more than `max` rows.
    TeVeelRegels {
        /// The most rows.
        max: usize,
    },
    /// The file is not UTF-8 from line `regel`.
    GeenUtf8 {
        /// The line.
        regel: usize,
    },
    /// An XLSX file comes as base64.
    GeenBase64,
    /// The XLSX file has no sheet.
    GeenWerkblad,
    /// Line `regel` of a CSV file cannot be read (`fout`).
    CsvFout {
        /// The line.
        regel: usize,
        /// The CSV reader's own (English) words.
        fout: String,
    },
    /// Not a valid XLSX file (`fout`).
    GeenXlsx {
        /// The XLSX reader's own (English) words.
        fout: String,
    },
    /// The file lacks the columns `kolommen` in its first line.
    KolommenOntbreken {
        /// The missing columns, comma-separated.
        kolommen: String,
    },
    /// The date is not in the year given.
    DatumNietInJaar,
    /// The date is not in the quarter given.
    DatumNietInKwartaal,
    /// The field, when given, is not empty.
    NietLeeg,
    /// A moment lies in the future; only the past can be looked up.
    InDeToekomst,
    /// The end of a range lies before its start.
    TotVoorVan,
    /// A series would have more than `max` points.
    TeVeelPunten {
        /// The most points allowed.
        max: usize,
    },
    /// The meeting's snapshot has been frozen already.
    StandAlVastgelegd,
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
            Melding::GeenGeldigeUrl => sleutel::GEEN_GELDIGE_URL,
            Melding::AlleenHttp => sleutel::ALLEEN_HTTP,
            Melding::UrlMetInlog => sleutel::URL_MET_INLOG,
            Melding::UrlMetFragment => sleutel::URL_MET_FRAGMENT,
            Melding::UrlZonderHost => sleutel::URL_ZONDER_HOST,
            Melding::InternAdres => sleutel::INTERN_ADRES,
            Melding::BestandTeGroot { .. } => sleutel::BESTAND_TE_GROOT,
            Melding::BestandLeeg => sleutel::BESTAND_LEEG,
            Melding::TeVeelRegels { .. } => sleutel::TE_VEEL_REGELS,
            Melding::GeenUtf8 { .. } => sleutel::GEEN_UTF8,
            Melding::GeenBase64 => sleutel::GEEN_BASE64,
            Melding::GeenWerkblad => sleutel::GEEN_WERKBLAD,
            Melding::CsvFout { .. } => sleutel::CSV_FOUT,
            Melding::GeenXlsx { .. } => sleutel::GEEN_XLSX,
            Melding::KolommenOntbreken { .. } => sleutel::KOLOMMEN_ONTBREKEN,
            Melding::DatumNietInJaar => sleutel::DATUM_NIET_IN_JAAR,
            Melding::DatumNietInKwartaal => sleutel::DATUM_NIET_IN_KWARTAAL,
            Melding::NietLeeg => sleutel::NIET_LEEG,
            Melding::InDeToekomst => sleutel::IN_DE_TOEKOMST,
            Melding::TotVoorVan => sleutel::TOT_VOOR_VAN,
            Melding::TeVeelPunten { .. } => sleutel::TE_VEEL_PUNTEN,
            Melding::StandAlVastgelegd => sleutel::STAND_AL_VASTGELEGD,
            Melding::Ongeldig { .. } => sleutel::ONGELDIG,
        }
    }
}
