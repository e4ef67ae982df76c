//! The texts of the opgaven part of a plan's beheer (change, order, retire), per language (see [`super::Taal`]).

/// The opgaven texts in one language. Texts with values are functions.
#[derive(Debug)]
pub struct OpgaveTeksten {
    /// Column: position.
    pub plek: &'static str,
    /// Column: title.
    pub titel: &'static str,
    /// Column: whether it is retired.
    pub stand: &'static str,
    /// Cell: in use.
    pub in_gebruik: &'static str,
    /// Cell: retired.
    pub vervallen: &'static str,
    /// Column: what can be done.
    pub handelingen: &'static str,
    /// Button text: up.
    pub omhoog: &'static str,
    /// Accessible name: "{omhoog}: {titel}".
    pub omhoog_naam: fn(&str) -> String,
    /// Button text: down.
    pub omlaag: &'static str,
    /// Accessible name: "{omlaag}: {titel}".
    pub omlaag_naam: fn(&str) -> String,
    /// Button: change opgave "{titel}".
    pub wijzigen: fn(&str) -> String,
    /// Button: retire opgave "{titel}".
    pub laten_vervallen: fn(&str) -> String,
    /// Button: restore opgave "{titel}".
    pub terughalen: fn(&str) -> String,
    /// Heading of the change form: "{titel}".
    pub wijzigen_kop: fn(&str) -> String,
    /// Label: title.
    pub titel_veld: &'static str,
    /// Label: description.
    pub beschrijving: &'static str,
    /// Label: source.
    pub bron: &'static str,
    /// Button: save the opgave.
    pub opslaan: &'static str,
    /// Button: cancel the change.
    pub annuleren: &'static str,
    /// Notice: the opgave was saved.
    pub opgeslagen: &'static str,
    /// Notice: the order was saved.
    pub geordend: &'static str,
    /// Notice: the opgave was retired.
    pub is_vervallen: &'static str,
    /// Notice: the opgave is back in use.
    pub teruggehaald: &'static str,
}

/// Dutch.
pub static NL: OpgaveTeksten = OpgaveTeksten {
    plek: "Plaats",
    titel: "Opgave",
    stand: "Stand",
    in_gebruik: "In gebruik",
    vervallen: "Vervallen",
    handelingen: "Wijzigen",
    omhoog: "Omhoog",
    omhoog_naam: |titel| format!("Omhoog: {titel}"),
    omlaag: "Omlaag",
    omlaag_naam: |titel| format!("Omlaag: {titel}"),
    wijzigen: |titel| format!("{titel} wijzigen"),
    laten_vervallen: |titel| format!("{titel} laten vervallen"),
    terughalen: |titel| format!("{titel} terughalen"),
    wijzigen_kop: |titel| format!("Opgave wijzigen: {titel}"),
    titel_veld: "Titel",
    beschrijving: "Beschrijving",
    bron: "Bron",
    opslaan: "Opgave opslaan",
    annuleren: "Annuleren",
    opgeslagen: "De opgave is opgeslagen.",
    geordend: "De volgorde van de opgaven is opgeslagen.",
    is_vervallen: "De opgave is vervallen; zij blijft bewaard voor de historie.",
    teruggehaald: "De opgave is weer in gebruik.",
};

/// English.
pub static EN: OpgaveTeksten = OpgaveTeksten {
    plek: "Position",
    titel: "Task",
    stand: "State",
    in_gebruik: "In use",
    vervallen: "Retired",
    handelingen: "Change",
    omhoog: "Up",
    omhoog_naam: |titel| format!("Up: {titel}"),
    omlaag: "Down",
    omlaag_naam: |titel| format!("Down: {titel}"),
    wijzigen: |titel| format!("Change {titel}"),
    laten_vervallen: |titel| format!("Retire {titel}"),
    terughalen: |titel| format!("Restore {titel}"),
    wijzigen_kop: |titel| format!("Change task: {titel}"),
    titel_veld: "Title",
    beschrijving: "Description",
    bron: "Source",
    opslaan: "Save task",
    annuleren: "Cancel",
    opgeslagen: "The task has been saved.",
    geordend: "The order of the tasks has been saved.",
    is_vervallen: "The task has been retired; it is kept for the history.",
    teruggehaald: "The task is in use again.",
};

/// The opgaven texts in the current language.
pub fn tpo() -> &'static OpgaveTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
