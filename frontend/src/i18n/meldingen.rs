//! The validation messages ([`Melding`]: a key with parameters, from the shared rules or the server's
//! `extensions.fouten`) in the chosen language. Dutch is the shared text; a message without a key of its own
//! gets a general sentence in English rather than the server's Dutch.

use super::{Taal, label, taal};
use koers_shared::Melding;
use koers_shared::melding::Ding;

/// `melding` in the current language.
pub fn melding_tekst(melding: &Melding) -> String {
    match taal() {
        Taal::Nl => melding.nl(),
        Taal::En => en(melding),
    }
}

/// `melding` in English.
pub fn en(melding: &Melding) -> String {
    match melding {
        Melding::Verplicht => "This field is required.".to_string(),
        Melding::TeLang { max } => format!("The text is longer than {max} characters."),
        Melding::OngeldigTeken { teken } => {
            format!("The text contains a character that cannot be stored (U+{teken:04X}).")
        }
        Melding::BuitenBereik { min, max } => format!("Enter a number from {min} to {max}."),
        Melding::AfgerondIsHonderd => "A completed action has progress 100.".to_string(),
        Melding::GezondheidBuitenUitvoering { status } => format!(
            "Health applies only while in progress, not with status '{}'.",
            label(*status)
        ),
        Melding::RedenVerplicht { gezondheid } => {
            format!("With health '{}' a reason is required.", label(*gezondheid))
        }
        Melding::RedenOnverwacht => {
            "A reason belongs only with health 'Needs attention' or 'At risk'.".to_string()
        }
        Melding::SleutelOngeldig => "A key is 1 to 100 lower-case letters, digits or dashes.".to_string(),
        Melding::PeriodeOmgekeerd => "The period ends before it begins.".to_string(),
        Melding::DatumOngeldig => "Write YYYY, YYYY-MM or YYYY-MM-DD.".to_string(),
        Melding::BestaatNiet { ding } => format!("This {} does not exist.", ding_en(*ding)),
        Melding::EenBestaatNiet { ding } => format!("One of these {} does not exist.", meervoud_en(*ding)),
        Melding::BestaatAl { ding } => format!("This {} exists already.", ding_en(*ding)),
        Melding::Vervallen { ding } => format!("This {} is retired.", ding_en(*ding)),
        Melding::Dubbel { ding } => format!("The same {} is named twice.", ding_en(*ding)),
        Melding::Lengte { ding, max } => format!("A {} is 1 to {max} characters.", ding_en(*ding)),
        Melding::GeenGeldigId { id } => format!("'{id}' is not a valid id."),
        Melding::VerkeerdeSoortId { verwacht, kreeg } => {
            format!("Expected the id of a {verwacht}, got the id of a {kreeg}.")
        }
        Melding::NietBeide { een, ander } => format!("Use {een} or {ander}, not both."),
        Melding::MinstensEenThema => {
            "Name at least one theme, or leave the field out for all themes.".to_string()
        }
        Melding::MinstensEenGebeurtenis => "Choose at least one event.".to_string(),
        Melding::WachtwoordTeKort { min } => format!("A password has at least {min} characters."),
        Melding::WachtwoordTeLang { max } => format!("A password has at most {max} characters."),
        Melding::WachtwoordKloptNiet => "The current password is not correct.".to_string(),
        Melding::AanmeldingKloptNiet => "User name or password is not correct.".to_string(),
        Melding::AanmeldingVorm => "Send JSON with user name and password.".to_string(),
        Melding::GebruikersnaamVorm { max } => {
            format!("A user name is 1 to {max} characters, without spaces.")
        }
        Melding::AlleenRedacteurThemas => "Only an editor has themes of their own.".to_string(),
        Melding::LaatsteBeheerder => {
            "This is the last active administrator: make someone else administrator first.".to_string()
        }
        Melding::NogActies { aantal } => {
            format!("The task still has {aantal} action(s): move them first.")
        }
        Melding::ElkeOpgaveEenKeer => "Name every task of this plan exactly once.".to_string(),
        Melding::OpvolgerKring => "A plan cannot succeed itself (through other plans).".to_string(),
        Melding::GeenOpvolger => "This plan names no successor: set one first.".to_string(),
        Melding::KiesOpgaveOpvolger => "Choose a (not retired) task of the succeeding plan.".to_string(),
        Melding::ActiesZonderOpgave { aantal } => format!(
            "{aantal} action(s) have no task with the same title in the succeeding plan: choose a task."
        ),
        Melding::InZichzelf => "An organisation does not merge into itself.".to_string(),
        Melding::AlSamengevoegd => "This organisation has been merged already.".to_string(),
        Melding::ZelfSamengevoegd => "This organisation has itself been merged.".to_string(),
        Melding::DatumBezet => "There is a meeting on this date already.".to_string(),
        Melding::WebhookUit => "The webhook is switched off: switch it on first.".to_string(),
        Melding::GeenHistorie => "This object has no management history.".to_string(),
        Melding::GeheimVorm { prefix, min, max } => {
            format!("A secret is {prefix} followed by base64 of {min} to {max} bytes.")
        }
        Melding::BestandsFormaat => "Ask for a .csv or .xlsx file.".to_string(),
        Melding::GeenGeldigeUrl => "This is not a valid URL.".to_string(),
        Melding::AlleenHttp => "Only http and https addresses.".to_string(),
        Melding::UrlMetInlog => "Do not put a user name or password in the URL.".to_string(),
        Melding::UrlMetFragment => "A webhook URL has no #fragment.".to_string(),
        Melding::UrlZonderHost => "The URL names no host.".to_string(),
        Melding::InternAdres => {
            "Internal addresses (loopback, private, link-local) are not allowed.".to_string()
        }
        Melding::BestandTeGroot { kb } => format!("The file is larger than {kb} KB."),
        Melding::BestandLeeg => "The file is empty.".to_string(),
        Melding::TeVeelRegels { max } => format!("The file has more than {max} rows."),
        Melding::GeenUtf8 { regel } => format!("Line {regel}: the file is not UTF-8."),
        Melding::GeenBase64 => "An XLSX file comes as base64.".to_string(),
        Melding::GeenWerkblad => "The XLSX file has no sheet.".to_string(),
        Melding::CsvFout { regel, fout } => format!("Line {regel}: {fout}"),
        Melding::GeenXlsx { fout } => format!("Not a valid XLSX file: {fout}"),
        Melding::KolommenOntbreken { kolommen } => {
            format!("The file lacks the column(s) {kolommen} in its first line.")
        }
        Melding::DatumNietInJaar => "The date is not in the year given.".to_string(),
        Melding::DatumNietInKwartaal => "The date is not in the quarter given.".to_string(),
        Melding::NietLeeg => "This field may not be empty.".to_string(),
        Melding::InDeToekomst => {
            "This moment lies in the future; only the past can be looked up.".to_string()
        }
        Melding::TotVoorVan => "The end lies before the start.".to_string(),
        Melding::TeVeelPunten { max } => {
            format!("A series has at most {max} points; choose a longer interval or a shorter period.")
        }
        Melding::StandAlVastgelegd => "This meeting's snapshot has been frozen already.".to_string(),
        Melding::Ongeldig { .. } => "This value is not accepted.".to_string(),
    }
}

/// The English noun for `ding`.
fn ding_en(ding: Ding) -> &'static str {
    match ding {
        Ding::Opgave => "task",
        Ding::Plan => "action plan",
        Ding::Thema => "theme",
        Ding::Organisatie => "organisation",
        Ding::Sleutel => "key",
        Ding::Gebruikersnaam => "user name",
        Ding::Naam => "name",
        Ding::Url => "URL",
    }
}

/// The English plural of `ding`.
fn meervoud_en(ding: Ding) -> String {
    format!("{}s", ding_en(ding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_an_english_text() {
        let generiek = en(&Melding::Ongeldig { tekst: String::new() });
        for m in koers_shared::melding::voorbeelden() {
            let tekst = en(&m);
            assert_ne!(tekst, generiek, "{m:?} has no English text of its own");
            assert_ne!(tekst, m.nl(), "{m:?} is said in Dutch");
        }
        assert_eq!(
            en(&Melding::BestaatNiet { ding: Ding::Opgave }),
            "This task does not exist."
        );
    }

    #[test]
    fn english_never_repeats_the_dutch_text() {
        let m = Melding::Ongeldig {
            tekst: "dit plan bestaat niet".into(),
        };
        assert!(!en(&m).contains("bestaat"));
        assert_eq!(
            en(&Melding::TeLang { max: 300 }),
            "The text is longer than 300 characters."
        );
    }
}
