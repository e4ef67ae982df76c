//! The texts of the print view (`/afdrukken`), per language.

/// The texts of the print view in one language.
#[derive(Debug)]
pub struct AfdrukTeksten {
    /// Name of the print view (cover title, accessible name).
    pub titel: &'static str,
    /// Print button.
    pub afdrukken: &'static str,
    /// Before the meeting's date on the cover.
    pub vergadering: &'static str,
    /// On the cover when no meeting is known.
    pub geen_vergadering: &'static str,
    /// Heading of the acties of an opgave.
    pub acties: &'static str,
    /// The opgave asked for is not (or no longer) there.
    pub opgave_onbekend: &'static str,
}

/// Dutch texts.
pub static NL: AfdrukTeksten = AfdrukTeksten {
    titel: "Bestuurspakket RVO",
    afdrukken: "Afdrukken",
    vergadering: "Vergadering van",
    geen_vergadering: "Geen RVO-vergadering bekend",
    acties: "Acties",
    opgave_onbekend: "Deze opgave bestaat niet (meer).",
};

/// English texts.
pub static EN: AfdrukTeksten = AfdrukTeksten {
    titel: "RVO board pack",
    afdrukken: "Print",
    vergadering: "Meeting of",
    geen_vergadering: "No RVO meeting known",
    acties: "Actions",
    opgave_onbekend: "This task does not exist (any more).",
};

/// The texts of the print view in the current language.
pub fn ta() -> &'static AfdrukTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
