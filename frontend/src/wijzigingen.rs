//! Pure logic of the Sinds-vorige-RVO view: calendar dates as `JJJJ-MM-DD` text, the previous and next RVO
//! meeting, what changed since a date (from each actie's history) and which acties in progress went too long
//! without an update. No browser needed: the unit tests run on the host.

use crate::model::actie_regel::{ActieRegel, Voortgangsupdate};
use crate::sorteer::{sorteer_op, sorteer_op_sleutel};
use koers_shared::te_laat::{self, geldige_weken};
use koers_shared::{Gezondheid, Status};

/// Query key of the chosen meeting date.
pub const DATUM: &str = "datum";
/// Query key of the number of weeks without an update.
pub const WEKEN: &str = "weken";
/// The number of weeks when the URL gives none.
pub use koers_shared::te_laat::STANDAARD_WEKEN;

/// Days since 1970-01-01 of a date `JJJJ-MM-DD` (only the first ten characters are read, so an RFC 3339
/// moment gives its UTC day); `None` when it is no valid date.
pub fn dagnummer(iso: &str) -> Option<i64> {
    let d = iso.get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let jaar: i64 = d[..4].parse().ok()?;
    let maand: i64 = d[5..7].parse().ok()?;
    let dag: i64 = d[8..10].parse().ok()?;
    let dagen_in_maand = match maand {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (jaar % 4 == 0 && jaar % 100 != 0) || jaar % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=dagen_in_maand).contains(&dag) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if maand <= 2 { jaar - 1 } else { jaar };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (maand + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dag - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The date `JJJJ-MM-DD` of a day number (see [`dagnummer`]).
pub fn datum_van(dagen: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = dagen + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let dag = doy - (153 * mp + 2) / 5 + 1;
    let maand = if mp < 10 { mp + 3 } else { mp - 9 };
    let jaar = if maand <= 2 {
        yoe + era * 400 + 1
    } else {
        yoe + era * 400
    };
    format!("{jaar:04}-{maand:02}-{dag:02}")
}

/// The date `weken` weeks before `datum`; `None` when `datum` is no valid date.
pub fn weken_ervoor(datum: &str, weken: u32) -> Option<String> {
    dagnummer(datum).map(|d| datum_van(d - 7 * i64::from(weken)))
}

/// Whether `datum` is a valid `JJJJ-MM-DD` date and nothing more.
pub fn is_datum(datum: &str) -> bool {
    datum.len() == 10 && dagnummer(datum).is_some()
}

/// The latest meeting strictly before `vandaag` (all dates `JJJJ-MM-DD`).
pub fn vorige_vergadering<'a>(datums: &'a [String], vandaag: &str) -> Option<&'a str> {
    datums
        .iter()
        .map(String::as_str)
        .filter(|d| is_datum(d) && *d < vandaag)
        .max()
}

/// The earliest meeting on or after `vandaag`.
pub fn volgende_vergadering<'a>(datums: &'a [String], vandaag: &str) -> Option<&'a str> {
    datums
        .iter()
        .map(String::as_str)
        .filter(|d| is_datum(d) && *d >= vandaag)
        .min()
}

/// The number of weeks from the URL: within the shared limits (1–52), otherwise [`STANDAARD_WEKEN`].
pub fn weken_uit_query(waarde: Option<&str>) -> u32 {
    waarde
        .and_then(|w| w.trim().parse::<u32>().ok())
        .filter(|w| geldige_weken(*w))
        .unwrap_or(STANDAARD_WEKEN)
}

/// What kind of change a history row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SoortWijziging {
    /// The actie was completed.
    Afgerond,
    /// Another change of status.
    Status,
    /// The health became aandacht or risico.
    Gezondheid,
}

impl SoortWijziging {
    /// The value of `data-soort`.
    pub fn as_str(self) -> &'static str {
        match self {
            SoortWijziging::Afgerond => "afgerond",
            SoortWijziging::Status => "status",
            SoortWijziging::Gezondheid => "gezondheid",
        }
    }

    /// The kinds of change one history row makes; none for the row that created the actie.
    pub fn van(regel: &Voortgangsupdate) -> Vec<SoortWijziging> {
        let Some(van) = regel.status_van else {
            return Vec::new();
        };
        let mut soorten = Vec::new();
        if regel.status_naar == Status::Afgerond && van != Status::Afgerond {
            soorten.push(SoortWijziging::Afgerond);
        } else if regel.status_naar != van {
            soorten.push(SoortWijziging::Status);
        }
        let zorg = matches!(
            regel.gezondheid_naar,
            Some(Gezondheid::Aandacht | Gezondheid::Risico)
        );
        if zorg && regel.gezondheid_naar != regel.gezondheid_van {
            soorten.push(SoortWijziging::Gezondheid);
        }
        soorten
    }
}

/// One change of one actie since the chosen date: the latest history row of that kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Wijziging {
    /// The actie as it is now.
    pub actie: ActieRegel,
    /// What changed.
    pub soort: SoortWijziging,
    /// The history row that made the change.
    pub regel: Voortgangsupdate,
}

/// The changes of `acties` on or after `sinds` (`JJJJ-MM-DD`, compared with each row's UTC day): per actie at
/// most one of each kind (the latest), the acties in the given order, the kinds in the order of
/// [`SoortWijziging`].
pub fn wijzigingen(acties: &[ActieRegel], sinds: &str) -> Vec<Wijziging> {
    let mut uit = Vec::new();
    for actie in acties {
        let mut per_soort: Vec<(SoortWijziging, &Voortgangsupdate)> = Vec::new();
        let mut regels: Vec<&Voortgangsupdate> = actie
            .historie()
            .iter()
            .filter(|r| r.tijdstip.get(..10).is_some_and(|d| d >= sinds))
            .collect();
        sorteer_op_sleutel(&mut regels, |r| r.versie);
        for regel in regels {
            for soort in SoortWijziging::van(regel) {
                match per_soort.iter_mut().find(|(s, _)| *s == soort) {
                    Some(plek) => plek.1 = regel,
                    None => per_soort.push((soort, regel)),
                }
            }
        }
        sorteer_op_sleutel(&mut per_soort, |(s, _)| *s);
        uit.extend(per_soort.into_iter().map(|(soort, regel)| Wijziging {
            actie: actie.clone(),
            soort,
            regel: regel.clone(),
        }));
    }
    uit
}

/// Changes per plan: `(plan id, plan title, changes)`, plans by title.
pub fn per_plan(wijzigingen: Vec<Wijziging>) -> Vec<(String, String, Vec<Wijziging>)> {
    let mut plannen: Vec<(String, String, Vec<Wijziging>)> = Vec::new();
    for w in wijzigingen {
        let (id, titel) = w.actie.plan();
        match plannen.iter_mut().find(|(p, _, _)| *p == id) {
            Some(plan) => plan.2.push(w),
            None => plannen.push((id, titel, vec![w])),
        }
    }
    sorteer_op(&mut plannen, |a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    plannen
}

/// The moment of the latest history row of an actie (RFC 3339), or its last change when it has no history.
pub fn laatste_update(actie: &ActieRegel) -> &str {
    actie
        .historie()
        .iter()
        .max_by_key(|r| r.versie)
        .map_or(actie.gewijzigd_op(), |r| r.tijdstip.as_str())
}

/// The acties in uitvoering or doorlopend whose latest update lies more than `weken` weeks before `peildatum`
/// (the next RVO meeting, or today), oldest update first: the shared rule [`te_laat::te_laat`], as the API's
/// `aantalTeLaat` counts them.
pub fn zonder_update(acties: &[ActieRegel], peildatum: &str, weken: u32) -> Vec<ActieRegel> {
    let Some(peil) = dagnummer(peildatum) else {
        return Vec::new();
    };
    let grens = te_laat::grens(peil, weken);
    let mut uit: Vec<ActieRegel> = acties
        .iter()
        .filter(|a| dagnummer(laatste_update(a)).is_some_and(|d| te_laat::te_laat(a.status, d, grens)))
        .cloned()
        .collect();
    sorteer_op(&mut uit, |a, b| {
        laatste_update(a)
            .cmp(laatste_update(b))
            .then_with(|| a.id.cmp(&b.id))
    });
    uit
}

#[cfg(test)]
#[path = "wijzigingen_tests.rs"]
mod tests;
