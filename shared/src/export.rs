//! The layout of an export (CSV and XLSX) and of its re-import: the columns, the limits of an uploaded file,
//! and the typed codes of a row's problem, shared so that the UI can say what the API will refuse.

use serde::{Deserialize, Serialize};

/// The columns of an export, in order; a re-import finds them by name (in any order, case-insensitive).
pub const KOLOMMEN: [&str; 18] = [
    "thema",
    "actieplan",
    "opgave",
    "actie",
    "jaar",
    "kwartaal",
    "status",
    "gezondheid",
    "gezondheidReden",
    "voortgang",
    "trekkers",
    "partners",
    "vertrouwelijk",
    "laatstGewijzigd",
    "bron",
    "id",
    "versie",
    "toelichting",
];

/// The columns a progress re-import needs.
pub const KOLOMMEN_VOORTGANG: [&str; 6] = [
    "id",
    "versie",
    "status",
    "gezondheid",
    "gezondheidReden",
    "voortgang",
];

/// The columns a plan import needs.
pub const KOLOMMEN_PLAN: [&str; 5] = ["thema", "actieplan", "opgave", "actie", "jaar"];

/// Largest uploaded file, in bytes (XLSX: after base64 decoding).
pub const MAX_BESTAND: usize = 160 * 1024;

/// Most data rows in one uploaded file.
pub const MAX_RIJEN: usize = 2000;

/// How trekkers and partners are separated within one cell.
pub const ORGANISATIE_SCHEIDING: &str = "; ";

/// Characters that make a spreadsheet read a cell as a formula (or, tab and carriage return, that hide one).
const FORMULE_BEGIN: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `s` would be read as a formula by a spreadsheet.
pub fn is_formule_begin(s: &str) -> bool {
    s.starts_with(FORMULE_BEGIN)
}

/// `s` as a CSV cell that no spreadsheet runs as a formula: a leading `'` before `= + - @`, tab or CR.
pub fn neutraliseer(s: &str) -> String {
    if is_formule_begin(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The value of a cell written by [`neutraliseer`]: the `'` it added is taken off again.
pub fn ontneutraliseer(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if is_formule_begin(rest) => rest,
        _ => s,
    }
}

/// What is wrong with one row of a re-import: the same codes a single change gets in `extensions.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RijCode {
    /// A value (or a column) that breaks a rule; `veld` names the column.
    BadUserInput,
    /// No actie with this id, or one the user may not see.
    NotFound,
    /// The actie changed since the export: the row's `versie` is stale. Nothing is overwritten.
    Conflict,
    /// The user may not change this actie.
    Forbidden,
}

impl RijCode {
    /// As in `extensions.code`.
    pub fn as_str(self) -> &'static str {
        match self {
            RijCode::BadUserInput => "BAD_USER_INPUT",
            RijCode::NotFound => "NOT_FOUND",
            RijCode::Conflict => "CONFLICT",
            RijCode::Forbidden => "FORBIDDEN",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_come_back_unchanged() {
        for s in ["=1+1", "+31 10", "-5", "@SUM(A1)", "\tx", "\rx"] {
            let n = neutraliseer(s);
            assert!(n.starts_with('\''), "{s:?}");
            assert_eq!(ontneutraliseer(&n), s);
        }
        assert_eq!(neutraliseer("Preventie"), "Preventie");
        assert_eq!(ontneutraliseer("'t Hof"), "'t Hof");
        assert!(KOLOMMEN_VOORTGANG.iter().all(|k| KOLOMMEN.contains(k)));
        assert!(KOLOMMEN_PLAN.iter().all(|k| KOLOMMEN.contains(k)));
    }
}
