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
    /// Button: freeze the snapshot of meeting "{omschrijving}".
    pub stand_vastleggen: fn(&str) -> String,
    /// The snapshot frozen on {moment} by {door}.
    pub stand_vastgelegd: fn(&str, &str) -> String,
    /// Error: this meeting's snapshot is frozen already.
    pub al_vastgelegd: &'static str,
    /// Notice: the snapshot of "{omschrijving}" is frozen.
    pub stand_opgeslagen: fn(&str) -> String,
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
    stand_vastleggen: |o| format!("Stand vastleggen voor {o}"),
    stand_vastgelegd: |m, d| format!("Stand vastgelegd op {m} door {d}"),
    al_vastgelegd: "Van deze vergadering is de stand al vastgelegd.",
    stand_opgeslagen: |o| format!("De stand voor {o} is vastgelegd."),
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
    stand_vastleggen: |o| format!("Freeze the snapshot for {o}"),
    stand_vastgelegd: |m, d| format!("Snapshot frozen on {m} by {d}"),
    al_vastgelegd: "This meeting's snapshot has been frozen already.",
    stand_opgeslagen: |o| format!("The snapshot for {o} has been frozen."),
};

/// The RVO texts in the current language.
pub fn trvo() -> &'static RvoTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
