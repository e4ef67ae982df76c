//! Field rules of the beheer forms (plans, opgaven, thema's, organisaties, RVO meetings), shared so that the
//! UI says exactly what the API refuses. Field names are the GraphQL input field names; messages are keys
//! ([`Melding`]) that each UI language translates.

use crate::melding::Melding;
use crate::tekst::{is_zichtbaar, ongeldig_teken};
use crate::validation::FieldError;

/// Longest title or name.
pub const MAX_TITEL: usize = 300;
/// Longest free text (description, source).
pub const MAX_TEKST: usize = 10_000;
/// Longest short text (abbreviation, who adopted a plan, portefeuillehouder).
pub const MAX_KORT: usize = 200;
/// Longest key (`sleutel`).
pub const MAX_SLEUTEL: usize = 100;
/// The years a plan may span.
pub const JAREN: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Collects every problem of one input.
#[derive(Debug, Default)]
pub struct Fouten(pub Vec<FieldError>);

impl Fouten {
    /// Adds `melding` for `veld` unless `ok`.
    pub fn eis(&mut self, ok: bool, veld: &str, melding: Melding) {
        if !ok {
            self.0.push(FieldError::met(veld, melding));
        }
    }

    fn tekens(&mut self, veld: &str, t: &str) {
        if let Some(c) = ongeldig_teken(t) {
            self.0.push(FieldError::met(
                veld,
                Melding::OngeldigTeken { teken: u32::from(c) },
            ));
        }
    }

    /// A required one-line text of at most `max` characters.
    pub fn verplicht(&mut self, veld: &str, t: &str, max: usize) {
        self.tekens(veld, t);
        self.eis(is_zichtbaar(t), veld, Melding::Verplicht);
        self.eis(t.chars().count() <= max, veld, Melding::TeLang { max });
    }

    /// An optional text of at most `max` characters.
    pub fn tekst(&mut self, veld: &str, t: Option<&str>, max: usize) {
        if let Some(t) = t {
            self.tekens(veld, t);
            self.eis(t.chars().count() <= max, veld, Melding::TeLang { max });
        }
    }

    /// A key: lower-case letters, digits and dashes.
    pub fn sleutel(&mut self, veld: &str, s: &str) {
        self.eis(is_sleutel(s), veld, Melding::SleutelOngeldig);
    }

    /// A plan's period: both years in range, the first not after the last.
    pub fn periode(&mut self, van: i32, tot: i32) {
        let jaren = Melding::BuitenBereik {
            min: i64::from(*JAREN.start()),
            max: i64::from(*JAREN.end()),
        };
        self.eis(JAREN.contains(&van), "periodeVan", jaren.clone());
        self.eis(JAREN.contains(&tot), "periodeTot", jaren);
        self.eis(van <= tot, "periodeTot", Melding::PeriodeOmgekeerd);
    }

    /// When a plan was adopted: `JJJJ`, `JJJJ-MM` or `JJJJ-MM-DD`.
    pub fn vastgesteld_op(&mut self, s: Option<&str>) {
        self.eis(
            s.is_none_or(is_grove_datum),
            "vastgesteldOp",
            Melding::DatumOngeldig,
        );
    }

    /// `Ok` without problems, else every problem.
    pub fn klaar(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() { Ok(()) } else { Err(self.0) }
    }
}

/// Whether `s` is a valid key.
pub fn is_sleutel(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLEUTEL
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A key made from a title: lower-case ASCII letters and digits, other runs as one dash.
pub fn sleutel_van(titel: &str) -> String {
    let mut s = String::new();
    for c in titel.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s: String = s.trim_end_matches('-').chars().take(80).collect();
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() { "nieuw".to_string() } else { s }
}

/// Whether `s` is `JJJJ`, `JJJJ-MM` or `JJJJ-MM-DD` with a real month and day.
pub fn is_grove_datum(s: &str) -> bool {
    let delen: Vec<&str> = s.split('-').collect();
    let getal = |d: &str, n: usize| d.len() == n && d.bytes().all(|b| b.is_ascii_digit());
    let jaar_ok = delen.first().is_some_and(|j| getal(j, 4));
    let maand = delen.get(1).map(|m| (getal(m, 2), m.parse::<u32>().unwrap_or(0)));
    let dag = delen.get(2).map(|d| (getal(d, 2), d.parse::<u32>().unwrap_or(0)));
    jaar_ok
        && delen.len() <= 3
        && maand.is_none_or(|(ok, m)| ok && (1..=12).contains(&m))
        && dag.is_none_or(|(ok, d)| ok && (1..=31).contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_rough_dates() {
        assert_eq!(
            sleutel_van("Actieplan Mensenhandel 2027–2030"),
            "actieplan-mensenhandel-2027-2030"
        );
        assert_eq!(sleutel_van("Één café"), "een-cafe");
        assert_eq!(sleutel_van("!!"), "nieuw");
        assert!(is_sleutel("mh-2027") && !is_sleutel("MH") && !is_sleutel(""));
        for ok in ["2026", "2026-03", "2026-03-31"] {
            assert!(is_grove_datum(ok), "{ok}");
        }
        for bad in ["26", "2026-13", "2026-3", "2026-03-32", "2026-03-01-01", "maart"] {
            assert!(!is_grove_datum(bad), "{bad}");
        }
    }
}
