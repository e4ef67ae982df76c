//! The validation messages ([`Melding`]: a key with parameters, from the shared rules or the server's
//! `extensions.fouten`) in the chosen language. Dutch is the shared text; a message without a key of its own
//! gets a general sentence in English rather than the server's Dutch.

use super::{Taal, label, taal};
use koers_shared::Melding;

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
        Melding::Ongeldig { .. } => "This value is not accepted.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
