//! The texts of the RVO dates on the beheer page, per language (see [`super::Taal`]).

/// The texts of the RVO dates section in one language. Texts with values are functions.
#[derive(Debug)]
pub struct RvoTeksten {
    /// Heading.
    pub titel: &'static str,
    /// Introduction.
    pub intro: &'static str,
    /// Shown when there are none.
    pub geen: &'static str,
    /// Column and label: date.
    pub datum: &'static str,
    /// Column and label: description.
    pub omschrijving: &'static str,
    /// Label: the new date of meeting "{omschrijving}".
    pub nieuwe_datum: fn(&str) -> String,
    /// Button: move meeting "{omschrijving}".
    pub verplaatsen: fn(&str) -> String,
    /// Button: remove meeting "{omschrijving}".
    pub verwijderen: fn(&str) -> String,
    /// Heading of the form.
    pub nieuw: &'static str,
    /// Button: add.
    pub toevoegen: &'static str,
    /// Notice: saved.
    pub opgeslagen: &'static str,
}

/// Dutch.
pub static NL: RvoTeksten = RvoTeksten {
    titel: "RVO-vergaderingen",
    intro: "De vergaderdata van het Regionaal Veiligheidsoverleg. \"Sinds vorige RVO\" en de controle op verouderde updates volgen deze data.",
    geen: "Er zijn nog geen vergaderingen.",
    datum: "Datum (JJJJ-MM-DD)",
    omschrijving: "Omschrijving",
    nieuwe_datum: |o| format!("Nieuwe datum voor {o} (JJJJ-MM-DD)"),
    verplaatsen: |o| format!("{o} verplaatsen"),
    verwijderen: |o| format!("{o} verwijderen"),
    nieuw: "Nieuwe vergadering",
    toevoegen: "Vergadering toevoegen",
    opgeslagen: "De vergaderingen zijn bijgewerkt.",
};

/// English.
pub static EN: RvoTeksten = RvoTeksten {
    titel: "RVO meetings",
    intro: "The meeting dates of the Regional Security Council. \"Since last RVO\" and the check for stale updates follow these dates.",
    geen: "There are no meetings yet.",
    datum: "Date (YYYY-MM-DD)",
    omschrijving: "Description",
    nieuwe_datum: |o| format!("New date for {o} (YYYY-MM-DD)"),
    verplaatsen: |o| format!("Move {o}"),
    verwijderen: |o| format!("Remove {o}"),
    nieuw: "New meeting",
    toevoegen: "Add meeting",
    opgeslagen: "The meetings have been updated.",
};

/// The RVO texts in the current language.
pub fn trvo() -> &'static RvoTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
