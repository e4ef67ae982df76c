//! The filter and sorting of the Actieplan view, kept in the URL query string so that a link can be shared
//! and the back button works: `?status=in_uitvoering&gezondheid=risico&organisatie=<id>&jaar=2025&tekst=…&sorteer=titel`.
//! Pure functions over [`ActieRegel`]s; the text search follows the API (titel or beschrijving, case-insensitive).

use crate::model::actie_regel::ActieRegel;
use crate::sorteer::{sorteer_op, sorteer_op_sleutel};
use koers_shared::{Gezondheid, Status};
use leptos_router::params::ParamsMap;
use std::cmp::Reverse;

/// Query key of the status filter.
pub const STATUS: &str = "status";
/// Query key of the health filter.
pub const GEZONDHEID: &str = "gezondheid";
/// Query key of the organisation filter.
pub const ORGANISATIE: &str = "organisatie";
/// Query key of the year filter.
pub const JAAR: &str = "jaar";
/// Query key of the free text.
pub const TEKST: &str = "tekst";
/// Query key of the sorting.
pub const SORTEER: &str = "sorteer";

/// How the acties of an opgave are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sortering {
    /// As the API delivers them (by year).
    #[default]
    Standaard,
    /// By title, A to Z.
    Titel,
    /// By year, quarter and date.
    Jaar,
    /// By lifecycle status, in the order of [`Status::ALL`].
    Status,
    /// By effective progress, highest first; acties without one last.
    Voortgang,
}

impl Sortering {
    /// Every sorting, in the order of the menu.
    pub const ALL: [Sortering; 5] = [
        Sortering::Standaard,
        Sortering::Titel,
        Sortering::Jaar,
        Sortering::Status,
        Sortering::Voortgang,
    ];

    /// The value in the query string.
    pub fn as_str(self) -> &'static str {
        match self {
            Sortering::Standaard => "standaard",
            Sortering::Titel => "titel",
            Sortering::Jaar => "jaar",
            Sortering::Status => "status",
            Sortering::Voortgang => "voortgang",
        }
    }

    /// The sorting with this query value, if any.
    pub fn parse(s: &str) -> Option<Sortering> {
        Sortering::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The chosen filter and sorting; empty fields do not filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActieFilter {
    /// Only acties with this status.
    pub status: Option<Status>,
    /// Only acties with this health.
    pub gezondheid: Option<Gezondheid>,
    /// Only acties that this organisation leads or joins (its id).
    pub organisatie: Option<String>,
    /// Only acties of this year.
    pub jaar: Option<i32>,
    /// Only acties with this text in their title or description.
    pub tekst: String,
    /// The order of the rows.
    pub sortering: Sortering,
}

impl ActieFilter {
    /// Reads the filter from the query string; unknown values are ignored.
    pub fn uit_query(q: &ParamsMap) -> ActieFilter {
        ActieFilter::uit_waarden(|k| q.get(k))
    }

    /// Reads the filter from the decoded value of each query key.
    pub fn uit_waarden(waarde_van: impl Fn(&str) -> Option<String>) -> ActieFilter {
        let waarde = |k: &str| {
            waarde_van(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        ActieFilter {
            status: waarde(STATUS).and_then(|v| v.parse().ok()),
            gezondheid: waarde(GEZONDHEID).and_then(|v| v.parse().ok()),
            organisatie: waarde(ORGANISATIE),
            jaar: waarde(JAAR).and_then(|v| v.parse().ok()),
            tekst: waarde_van(TEKST).unwrap_or_default(),
            sortering: waarde(SORTEER)
                .and_then(|v| Sortering::parse(&v))
                .unwrap_or_default(),
        }
    }

    /// The query string (`?…`, or empty) for this filter; defaults are left out.
    pub fn naar_query(&self) -> String {
        let mut paren: Vec<(&str, String)> = Vec::new();
        if let Some(s) = self.status {
            paren.push((STATUS, s.as_str().to_string()));
        }
        if let Some(g) = self.gezondheid {
            paren.push((GEZONDHEID, g.as_str().to_string()));
        }
        if let Some(o) = &self.organisatie {
            paren.push((ORGANISATIE, o.clone()));
        }
        if let Some(j) = self.jaar {
            paren.push((JAAR, j.to_string()));
        }
        if !self.tekst.is_empty() {
            paren.push((TEKST, self.tekst.clone()));
        }
        if self.sortering != Sortering::Standaard {
            paren.push((SORTEER, self.sortering.as_str().to_string()));
        }
        if paren.is_empty() {
            return String::new();
        }
        let delen: Vec<String> = paren
            .into_iter()
            .map(|(k, v)| format!("{k}={}", procent_codeer(&v)))
            .collect();
        format!("?{}", delen.join("&"))
    }

    /// Whether any field filters (the sorting does not count).
    pub fn is_actief(&self) -> bool {
        self.status.is_some()
            || self.gezondheid.is_some()
            || self.organisatie.is_some()
            || self.jaar.is_some()
            || !self.tekst.trim().is_empty()
    }

    /// Whether an actie passes the filter.
    pub fn past(&self, a: &ActieRegel) -> bool {
        let zoek = self.tekst.trim().to_lowercase();
        self.status.is_none_or(|s| a.status == s)
            && self.gezondheid.is_none_or(|g| a.gezondheid == Some(g))
            && self
                .organisatie
                .as_ref()
                .is_none_or(|o| a.trekkers.iter().chain(a.partners.iter()).any(|x| &x.id == o))
            && self.jaar.is_none_or(|j| a.jaar == j)
            && (zoek.is_empty()
                || a.titel.to_lowercase().contains(&zoek)
                || a.beschrijving().to_lowercase().contains(&zoek))
    }

    /// The acties that pass, in the chosen order (stable: equal rows keep the API's order).
    pub fn toepassen(&self, acties: &[ActieRegel]) -> Vec<ActieRegel> {
        let mut rijen: Vec<ActieRegel> = acties.iter().filter(|a| self.past(a)).cloned().collect();
        match self.sortering {
            Sortering::Standaard => {}
            Sortering::Titel => sorteer_op_sleutel(&mut rijen, |a| a.titel.to_lowercase()),
            Sortering::Jaar => sorteer_op(&mut rijen, |a, b| {
                (a.jaar, a.kwartaal, &a.datum).cmp(&(b.jaar, b.kwartaal, &b.datum))
            }),
            Sortering::Status => sorteer_op_sleutel(&mut rijen, |a| a.status.index()),
            Sortering::Voortgang => {
                sorteer_op_sleutel(&mut rijen, |a| Reverse(a.stand().effectieve_voortgang()))
            }
        }
        rijen
    }
}

/// Percent-encodes every byte of `s` except the unreserved characters of RFC 3986.
fn procent_codeer(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actie(id: &str, titel: &str, status: Status, jaar: i32) -> ActieRegel {
        ActieRegel::voor_test(id, titel, status, jaar)
    }

    fn decodeer(v: &str) -> String {
        let b = v.as_bytes();
        let mut uit = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                uit.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                uit.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(uit).unwrap()
    }

    #[test]
    fn query_round_trips() {
        let f = ActieFilter {
            status: Some(Status::InUitvoering),
            jaar: Some(2025),
            tekst: "zorg & veilig 50% é".into(),
            sortering: Sortering::Titel,
            ..ActieFilter::default()
        };
        let q = f.naar_query();
        assert!(q.starts_with('?') && q.contains("status=in_uitvoering"), "{q}");
        let paren: Vec<(String, String)> = q[1..]
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), decodeer(v)))
            .collect();
        let terug =
            ActieFilter::uit_waarden(|k| paren.iter().find(|(pk, _)| pk == k).map(|(_, v)| v.clone()));
        assert_eq!(terug, f);
        assert_eq!(ActieFilter::default().naar_query(), "");
    }

    #[test]
    fn filters_and_sorts() {
        let acties = vec![
            actie("1", "Bravo", Status::Afgerond, 2025),
            actie("2", "alfa", Status::Gepland, 2026),
            actie("3", "Charlie", Status::Afgerond, 2024),
        ];
        let f = ActieFilter {
            status: Some(Status::Afgerond),
            sortering: Sortering::Jaar,
            ..ActieFilter::default()
        };
        let ids: Vec<_> = f.toepassen(&acties).into_iter().map(|a| a.id).collect();
        assert_eq!(ids, ["3", "1"]);
        let f = ActieFilter {
            tekst: "ALF".into(),
            ..ActieFilter::default()
        };
        assert_eq!(f.toepassen(&acties).len(), 1);
        let f = ActieFilter {
            sortering: Sortering::Voortgang,
            ..ActieFilter::default()
        };
        let ids: Vec<_> = f.toepassen(&acties).into_iter().map(|a| a.id).collect();
        assert_eq!(ids, ["1", "3", "2"]);
    }
}
