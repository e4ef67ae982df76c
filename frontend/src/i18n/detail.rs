//! The texts of the Actieplan and Actie views, per language (see [`super::Taal`]).

use crate::filter::Sortering;

/// The texts of the Actieplan and Actie views in one language. Texts with values are functions.
#[derive(Debug)]
pub struct DetailTeksten {
    /// Label before the thema of a plan.
    pub thema: &'static str,
    /// Label before a status.
    pub status: &'static str,
    /// Label before a source.
    pub bron: &'static str,
    /// Who adopted a plan and when, as far as known.
    pub vastgesteld: fn(Option<&str>, Option<&str>) -> String,
    /// Shown when the plan does not exist.
    pub plan_niet_gevonden: &'static str,
    /// Heading above the filters.
    pub filters_kop: &'static str,
    /// Label of the status filter.
    pub filter_status: &'static str,
    /// Option for no status filter.
    pub alle_statussen: &'static str,
    /// Label of the health filter.
    pub filter_gezondheid: &'static str,
    /// Option for no health filter.
    pub alle_gezondheden: &'static str,
    /// Label of the organisation filter.
    pub filter_organisatie: &'static str,
    /// Option for no organisation filter.
    pub alle_organisaties: &'static str,
    /// Label of the year filter.
    pub filter_jaar: &'static str,
    /// Option for no year filter.
    pub alle_jaren: &'static str,
    /// Label of the free-text filter.
    pub filter_tekst: &'static str,
    /// Label of the sorting.
    pub sortering: &'static str,
    /// Name of a sorting.
    pub sortering_naam: fn(Sortering) -> &'static str,
    /// Link that clears every filter.
    pub filters_wissen: &'static str,
    /// How many acties are shown of how many.
    pub aantal_getoond: fn(usize, usize) -> String,
    /// Shown for an opgave when no actie passes the filter.
    pub geen_acties_filter: &'static str,
    /// Shown for an opgave without acties.
    pub opgave_zonder_acties: &'static str,
    /// Caption of the table of acties of an opgave.
    pub tabel_bijschrift: fn(&str) -> String,
    /// Column: the actie.
    pub kolom_actie: &'static str,
    /// Column: health and reason.
    pub kolom_gezondheid: &'static str,
    /// Column: trekkers and partners.
    pub kolom_organisaties: &'static str,
    /// Column and label: the period.
    pub periode: &'static str,
    /// Column and label: progress.
    pub voortgang: &'static str,
    /// Label before the trekkers.
    pub trekkers: &'static str,
    /// Label before the partners.
    pub partners: &'static str,
    /// Shown when no organisation is recorded.
    pub geen_organisaties: &'static str,
    /// Marker of confidential work.
    pub vertrouwelijk: &'static str,
    /// A year with a known quarter.
    pub jaar_kwartaal: fn(i32, Option<i32>) -> String,
    /// Shown when no progress was reported.
    pub voortgang_onbekend: &'static str,
    /// Label before the reason of a health.
    pub reden: &'static str,
    /// Label of a health (of one actie).
    pub gezondheid: &'static str,

    /// Accessible name of the breadcrumb navigation.
    pub kruimelpad: &'static str,
    /// Shown when the actie does not exist.
    pub actie_niet_gevonden: &'static str,
    /// Heading above the description.
    pub beschrijving: &'static str,
    /// Shown when there is no description.
    pub geen_beschrijving: &'static str,
    /// Label before the opgave.
    pub opgave: &'static str,
    /// Label before the plan.
    pub actieplan: &'static str,
    /// Remark when Koers chose the opgave.
    pub opgave_afgeleid: &'static str,
    /// Label before the date.
    pub datum: &'static str,
    /// Label before the version.
    pub versie: &'static str,
    /// Label before the last change.
    pub gewijzigd_op: &'static str,
    /// Marks a state that comes from the source document (the seed) and is dated by it.
    pub uit_bron: &'static str,
    /// Heading above the history.
    pub historie_kop: &'static str,
    /// Shown when there is no history.
    pub historie_leeg: &'static str,
    /// Heading of one history item: version and author.
    pub historie_item: fn(i32, &str) -> String,
    /// A value before and after a change.
    pub van_naar: fn(&str, &str) -> String,
    /// Shown for an empty value in a change.
    pub leeg: &'static str,
    /// What kind of change a history item is, from the fields it touched.
    pub historie_soort: fn(&[String]) -> String,
    /// Shown for the health of an actie that is not in progress.
    pub gezondheid_nvt: &'static str,
    /// Label before the note of a change.
    pub toelichting: &'static str,
}

fn nl_vastgesteld(door: Option<&str>, op: Option<&str>) -> String {
    match (door, op) {
        (Some(d), Some(o)) => format!("Vastgesteld door {d} ({o})"),
        (Some(d), None) => format!("Vastgesteld door {d}"),
        (None, Some(o)) => format!("Vastgesteld in {o}"),
        (None, None) => String::new(),
    }
}

fn nl_sortering(s: Sortering) -> &'static str {
    match s {
        Sortering::Standaard => "Standaard",
        Sortering::Titel => "Titel (A–Z)",
        Sortering::Jaar => "Periode (oudste eerst)",
        Sortering::Status => "Status",
        Sortering::Voortgang => "Voortgang (hoog–laag)",
    }
}

fn nl_aantal(getoond: usize, totaal: usize) -> String {
    if getoond == totaal {
        format!("{totaal} acties")
    } else {
        format!("{getoond} van {totaal} acties voldoen aan het filter")
    }
}

fn nl_bijschrift(opgave: &str) -> String {
    format!("Acties van de opgave “{opgave}”")
}

fn nl_jaar_kwartaal(jaar: i32, kwartaal: Option<i32>) -> String {
    match kwartaal {
        Some(k) => format!("{jaar}, kwartaal {k}"),
        None => jaar.to_string(),
    }
}

fn nl_historie_item(versie: i32, door: &str) -> String {
    format!("Versie {versie} · door {door}")
}

fn nl_van_naar(van: &str, naar: &str) -> String {
    format!("{van} → {naar}")
}

fn nl_historie_soort(velden: &[String]) -> String {
    if velden.iter().any(|v| v == "aangemaakt") {
        "Aangemaakt".to_string()
    } else if velden.iter().all(|v| v == "voortgang") {
        "Voortgang gemeld".to_string()
    } else {
        format!("Gewijzigd: {}", velden.join(", "))
    }
}

/// Dutch texts.
pub static NL: DetailTeksten = DetailTeksten {
    thema: "Thema",
    status: "Status",
    bron: "Bron",
    vastgesteld: nl_vastgesteld,
    plan_niet_gevonden: "Dit actieplan bestaat niet (meer).",
    filters_kop: "Acties filteren en sorteren",
    filter_status: "Status",
    alle_statussen: "Alle statussen",
    filter_gezondheid: "Gezondheid",
    alle_gezondheden: "Alle gezondheden",
    filter_organisatie: "Organisatie (trekker of partner)",
    alle_organisaties: "Alle organisaties",
    filter_jaar: "Jaar",
    alle_jaren: "Alle jaren",
    filter_tekst: "Zoeken in titel en beschrijving",
    sortering: "Sorteren op",
    sortering_naam: nl_sortering,
    filters_wissen: "Filters wissen",
    aantal_getoond: nl_aantal,
    geen_acties_filter: "Geen acties voldoen aan dit filter.",
    opgave_zonder_acties: "Deze opgave heeft nog geen acties.",
    tabel_bijschrift: nl_bijschrift,
    kolom_actie: "Actie",
    kolom_gezondheid: "Gezondheid",
    kolom_organisaties: "Trekkers en partners",
    periode: "Periode",
    voortgang: "Voortgang",
    trekkers: "Trekkers",
    partners: "Partners",
    geen_organisaties: "niet vastgelegd",
    vertrouwelijk: "Vertrouwelijk",
    jaar_kwartaal: nl_jaar_kwartaal,
    voortgang_onbekend: "niet gerapporteerd",
    reden: "Reden",
    gezondheid: "Gezondheid",

    kruimelpad: "Kruimelpad",
    actie_niet_gevonden: "Deze actie bestaat niet (meer).",
    beschrijving: "Beschrijving",
    geen_beschrijving: "Er is geen beschrijving vastgelegd.",
    opgave: "Opgave",
    actieplan: "Actieplan",
    opgave_afgeleid: "(door Koers gekozen: de bron plaatst de actie niet zelf onder een opgave)",
    datum: "Datum",
    versie: "Versie",
    gewijzigd_op: "Laatst gewijzigd",
    uit_bron: "uit de bron",
    historie_kop: "Historie",
    historie_leeg: "Er zijn nog geen wijzigingen vastgelegd.",
    historie_item: nl_historie_item,
    van_naar: nl_van_naar,
    leeg: "geen",
    historie_soort: nl_historie_soort,
    gezondheid_nvt: "niet van toepassing",
    toelichting: "Toelichting",
};

fn en_vastgesteld(door: Option<&str>, op: Option<&str>) -> String {
    match (door, op) {
        (Some(d), Some(o)) => format!("Adopted by {d} ({o})"),
        (Some(d), None) => format!("Adopted by {d}"),
        (None, Some(o)) => format!("Adopted in {o}"),
        (None, None) => String::new(),
    }
}

fn en_sortering(s: Sortering) -> &'static str {
    match s {
        Sortering::Standaard => "Default",
        Sortering::Titel => "Title (A–Z)",
        Sortering::Jaar => "Period (oldest first)",
        Sortering::Status => "Status",
        Sortering::Voortgang => "Progress (high–low)",
    }
}

fn en_aantal(getoond: usize, totaal: usize) -> String {
    if getoond == totaal {
        format!("{totaal} actions")
    } else {
        format!("{getoond} of {totaal} actions match the filter")
    }
}

fn en_bijschrift(opgave: &str) -> String {
    format!("Actions of the task “{opgave}”")
}

fn en_jaar_kwartaal(jaar: i32, kwartaal: Option<i32>) -> String {
    match kwartaal {
        Some(k) => format!("{jaar}, quarter {k}"),
        None => jaar.to_string(),
    }
}

fn en_historie_item(versie: i32, door: &str) -> String {
    format!("Version {versie} · by {door}")
}

fn en_historie_soort(velden: &[String]) -> String {
    if velden.iter().any(|v| v == "aangemaakt") {
        "Created".to_string()
    } else if velden.iter().all(|v| v == "voortgang") {
        "Progress reported".to_string()
    } else {
        format!("Changed: {}", velden.join(", "))
    }
}

/// English texts.
pub static EN: DetailTeksten = DetailTeksten {
    thema: "Theme",
    status: "Status",
    bron: "Source",
    vastgesteld: en_vastgesteld,
    plan_niet_gevonden: "This action plan does not exist (any more).",
    filters_kop: "Filter and sort actions",
    filter_status: "Status",
    alle_statussen: "All statuses",
    filter_gezondheid: "Health",
    alle_gezondheden: "All health states",
    filter_organisatie: "Organisation (lead or partner)",
    alle_organisaties: "All organisations",
    filter_jaar: "Year",
    alle_jaren: "All years",
    filter_tekst: "Search in title and description",
    sortering: "Sort by",
    sortering_naam: en_sortering,
    filters_wissen: "Clear filters",
    aantal_getoond: en_aantal,
    geen_acties_filter: "No actions match this filter.",
    opgave_zonder_acties: "This task has no actions yet.",
    tabel_bijschrift: en_bijschrift,
    kolom_actie: "Action",
    kolom_gezondheid: "Health",
    kolom_organisaties: "Leads and partners",
    periode: "Period",
    voortgang: "Progress",
    trekkers: "Leads",
    partners: "Partners",
    geen_organisaties: "not recorded",
    vertrouwelijk: "Confidential",
    jaar_kwartaal: en_jaar_kwartaal,
    voortgang_onbekend: "not reported",
    reden: "Reason",
    gezondheid: "Health",

    kruimelpad: "Breadcrumb",
    actie_niet_gevonden: "This action does not exist (any more).",
    beschrijving: "Description",
    geen_beschrijving: "No description has been recorded.",
    opgave: "Task",
    actieplan: "Action plan",
    opgave_afgeleid: "(chosen by Koers: the source does not place the action under a task itself)",
    datum: "Date",
    versie: "Version",
    gewijzigd_op: "Last changed",
    uit_bron: "from the source",
    historie_kop: "History",
    historie_leeg: "No changes have been recorded yet.",
    historie_item: en_historie_item,
    van_naar: nl_van_naar,
    leeg: "none",
    historie_soort: en_historie_soort,
    gezondheid_nvt: "not applicable",
    toelichting: "Note",
};
