//! Pure logic of the Sinds-vorige-RVO view: calendar dates as `JJJJ-MM-DD` text, the previous and next RVO
//! meeting, what changed since a date (from each actie's history) and which acties in progress went too long
//! without an update. No browser needed: the unit tests run on the host.

use crate::model::organisatie::{ActieOverzicht, HistorieRegel};
use koers_shared::{Gezondheid, Status};

/// Query key of the chosen meeting date.
pub const DATUM: &str = "datum";
/// Query key of the number of weeks without an update.
pub const WEKEN: &str = "weken";
/// The number of weeks when the URL gives none.
pub const STANDAARD_WEKEN: u32 = 4;

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

/// The number of weeks from the URL: 1–52, otherwise [`STANDAARD_WEKEN`].
pub fn weken_uit_query(waarde: Option<&str>) -> u32 {
    waarde
        .and_then(|w| w.trim().parse::<u32>().ok())
        .filter(|w| (1..=52).contains(w))
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
    pub fn van(regel: &HistorieRegel) -> Vec<SoortWijziging> {
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
    pub actie: ActieOverzicht,
    /// What changed.
    pub soort: SoortWijziging,
    /// The history row that made the change.
    pub regel: HistorieRegel,
}

/// The changes of `acties` on or after `sinds` (`JJJJ-MM-DD`, compared with each row's UTC day): per actie at
/// most one of each kind (the latest), the acties in the given order, the kinds in the order of
/// [`SoortWijziging`].
pub fn wijzigingen(acties: &[ActieOverzicht], sinds: &str) -> Vec<Wijziging> {
    let mut uit = Vec::new();
    for actie in acties {
        let mut per_soort: Vec<(SoortWijziging, &HistorieRegel)> = Vec::new();
        let mut regels: Vec<&HistorieRegel> = actie
            .historie
            .iter()
            .filter(|r| r.tijdstip.get(..10).is_some_and(|d| d >= sinds))
            .collect();
        regels.sort_by_key(|r| r.versie);
        for regel in regels {
            for soort in SoortWijziging::van(regel) {
                match per_soort.iter_mut().find(|(s, _)| *s == soort) {
                    Some(plek) => plek.1 = regel,
                    None => per_soort.push((soort, regel)),
                }
            }
        }
        per_soort.sort_by_key(|(s, _)| *s);
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
    plannen.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    plannen
}

/// The moment of the latest history row of an actie (RFC 3339), or its last change when it has no history.
pub fn laatste_update(actie: &ActieOverzicht) -> &str {
    actie
        .historie
        .iter()
        .max_by_key(|r| r.versie)
        .map_or(actie.gewijzigd_op.as_str(), |r| r.tijdstip.as_str())
}

/// The acties in uitvoering or doorlopend whose latest update lies more than `weken` weeks before `peildatum`
/// (the next RVO meeting, or today), oldest update first.
pub fn zonder_update(acties: &[ActieOverzicht], peildatum: &str, weken: u32) -> Vec<ActieOverzicht> {
    let Some(grens) = weken_ervoor(peildatum, weken) else {
        return Vec::new();
    };
    let mut uit: Vec<ActieOverzicht> = acties
        .iter()
        .filter(|a| a.status.is_actief())
        .filter(|a| laatste_update(a).get(..10).is_some_and(|d| d < grens.as_str()))
        .cloned()
        .collect();
    uit.sort_by(|a, b| {
        laatste_update(a)
            .cmp(laatste_update(b))
            .then_with(|| a.id.cmp(&b.id))
    });
    uit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::organisatie::tests::actie;

    fn regel(
        versie: i32,
        tijdstip: &str,
        status: (Option<Status>, Status),
        gezondheid: (Option<Gezondheid>, Option<Gezondheid>),
    ) -> HistorieRegel {
        HistorieRegel {
            versie,
            tijdstip: tijdstip.to_string(),
            door: "test".to_string(),
            status_van: status.0,
            status_naar: status.1,
            gezondheid_van: gezondheid.0,
            gezondheid_naar: gezondheid.1,
            toelichting: None,
        }
    }

    #[test]
    fn dates_round_trip() {
        for d in [
            "1970-01-01",
            "2000-02-29",
            "2024-12-31",
            "2026-03-01",
            "1999-01-10",
        ] {
            let n = dagnummer(d).expect("valid");
            assert_eq!(datum_van(n), d);
        }
        assert_eq!(dagnummer("1970-01-02"), Some(1));
        assert_eq!(dagnummer("2025-02-29"), None);
        assert_eq!(dagnummer("2025-13-01"), None);
        assert_eq!(dagnummer("nope"), None);
        assert_eq!(dagnummer("2026-11-16T09:30:00Z"), dagnummer("2026-11-16"));
        assert!(!is_datum("2026-11-16T09:30:00Z"));
    }

    #[test]
    fn weeks_before_cross_months_and_years() {
        assert_eq!(weken_ervoor("2026-03-23", 4).as_deref(), Some("2026-02-23"));
        assert_eq!(weken_ervoor("2026-01-10", 2).as_deref(), Some("2025-12-27"));
        assert_eq!(weken_ervoor("2024-03-07", 1).as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn previous_and_next_meeting() {
        let datums: Vec<String> = ["2026-07-06", "2020-11-20", "2026-11-16", "2026-03-23"]
            .map(String::from)
            .to_vec();
        assert_eq!(vorige_vergadering(&datums, "2026-11-23"), Some("2026-11-16"));
        assert_eq!(volgende_vergadering(&datums, "2026-11-23"), None);
        assert_eq!(vorige_vergadering(&datums, "2026-07-06"), Some("2026-03-23"));
        assert_eq!(volgende_vergadering(&datums, "2026-07-06"), Some("2026-07-06"));
        assert_eq!(vorige_vergadering(&datums, "2019-01-01"), None);
    }

    #[test]
    fn weeks_from_the_query() {
        assert_eq!(weken_uit_query(None), 4);
        assert_eq!(weken_uit_query(Some("6")), 6);
        assert_eq!(weken_uit_query(Some("0")), 4);
        assert_eq!(weken_uit_query(Some("x")), 4);
    }

    #[test]
    fn classifies_history_rows() {
        let aangemaakt = regel(1, "2026-01-01T00:00:00Z", (None, Status::Gepland), (None, None));
        assert!(SoortWijziging::van(&aangemaakt).is_empty());
        let af = regel(
            2,
            "2026-01-01T00:00:00Z",
            (Some(Status::InUitvoering), Status::Afgerond),
            (Some(Gezondheid::OpKoers), None),
        );
        assert_eq!(SoortWijziging::van(&af), [SoortWijziging::Afgerond]);
        let risico = regel(
            3,
            "2026-01-01T00:00:00Z",
            (Some(Status::Gepland), Status::InUitvoering),
            (None, Some(Gezondheid::Risico)),
        );
        assert_eq!(
            SoortWijziging::van(&risico),
            [SoortWijziging::Status, SoortWijziging::Gezondheid]
        );
        let beter = regel(
            4,
            "2026-01-01T00:00:00Z",
            (Some(Status::InUitvoering), Status::InUitvoering),
            (Some(Gezondheid::Risico), Some(Gezondheid::OpKoers)),
        );
        assert!(SoortWijziging::van(&beter).is_empty());
    }

    #[test]
    fn changes_since_a_date_keep_the_latest_of_each_kind() {
        let mut a = actie("a", "p", "o", 1);
        a.historie = vec![
            regel(1, "2026-01-01T10:00:00Z", (None, Status::Gepland), (None, None)),
            // Before the date: not counted.
            regel(
                2,
                "2026-03-22T23:59:59Z",
                (Some(Status::Gepland), Status::InUitvoering),
                (None, None),
            ),
            regel(
                3,
                "2026-03-23T08:00:00Z",
                (Some(Status::InUitvoering), Status::InUitvoering),
                (None, Some(Gezondheid::Aandacht)),
            ),
            regel(
                4,
                "2026-04-01T08:00:00Z",
                (Some(Status::InUitvoering), Status::InUitvoering),
                (Some(Gezondheid::Aandacht), Some(Gezondheid::Risico)),
            ),
        ];
        let mut b = actie("b", "p", "o", 1);
        b.historie = vec![regel(
            1,
            "2026-05-01T00:00:00Z",
            (None, Status::Gepland),
            (None, None),
        )];
        let w = wijzigingen(&[a, b], "2026-03-23");
        let vorm: Vec<_> = w
            .iter()
            .map(|w| (w.actie.id.as_str(), w.soort, w.regel.versie))
            .collect();
        assert_eq!(vorm, [("a", SoortWijziging::Gezondheid, 4)]);
    }

    #[test]
    fn changes_are_grouped_per_plan_by_title() {
        let mut a = actie("a", "z", "o", 1);
        let mut b = actie("b", "y", "o", 1);
        let r = regel(
            2,
            "2026-04-01T00:00:00Z",
            (Some(Status::InUitvoering), Status::Afgerond),
            (None, None),
        );
        a.historie = vec![r.clone()];
        b.historie = vec![r];
        let plannen = per_plan(wijzigingen(&[a, b], "2026-01-01"));
        let ids: Vec<_> = plannen.iter().map(|(id, _, w)| (id.as_str(), w.len())).collect();
        assert_eq!(ids, [("y", 1), ("z", 1)]);
    }

    #[test]
    fn acties_without_a_recent_update_are_flagged() {
        let met = |id: &str, status, tijdstip: &str| {
            let mut a = actie(id, "p", "o", 1);
            a.status = status;
            a.historie = vec![regel(1, tijdstip, (None, status), (None, None))];
            a
        };
        let acties = [
            met("oud", Status::InUitvoering, "2026-01-01T12:00:00Z"),
            met("heel-oud", Status::Doorlopend, "2025-06-01T12:00:00Z"),
            met("recent", Status::InUitvoering, "2026-06-20T12:00:00Z"),
            met("grens", Status::InUitvoering, "2026-06-08T00:00:00Z"),
            met("af", Status::Afgerond, "2025-01-01T12:00:00Z"),
            met("gepland", Status::Gepland, "2025-01-01T12:00:00Z"),
        ];
        // Next meeting 2026-07-06, four weeks: the limit is 2026-06-08.
        let ids: Vec<String> = zonder_update(&acties, "2026-07-06", 4)
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(ids, ["heel-oud", "oud"]);
    }
}
