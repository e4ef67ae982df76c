//! The kind of thing a validation message is about ("this task does not exist"), sent as a parameter so that
//! each UI language can name it.

use serde::{Deserialize, Serialize};

/// A kind of thing named in a [`super::Melding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ding {
    /// An opgave.
    Opgave,
    /// An actieplan.
    Plan,
    /// A thema.
    Thema,
    /// An organisatie.
    Organisatie,
    /// A key (`sleutel`) of a thema, plan or organisatie.
    Sleutel,
    /// A user name.
    Gebruikersnaam,
    /// A name (of a token, webhook, user).
    Naam,
    /// A URL.
    Url,
}

impl Ding {
    /// Every kind.
    pub const ALLE: [Ding; 8] = [
        Ding::Opgave,
        Ding::Plan,
        Ding::Thema,
        Ding::Organisatie,
        Ding::Sleutel,
        Ding::Gebruikersnaam,
        Ding::Naam,
        Ding::Url,
    ];

    /// The value sent in `extensions.fouten[].waarden`.
    pub fn as_str(self) -> &'static str {
        match self {
            Ding::Opgave => "OPGAVE",
            Ding::Plan => "PLAN",
            Ding::Thema => "THEMA",
            Ding::Organisatie => "ORGANISATIE",
            Ding::Sleutel => "SLEUTEL",
            Ding::Gebruikersnaam => "GEBRUIKERSNAAM",
            Ding::Naam => "NAAM",
            Ding::Url => "URL",
        }
    }

    /// The kind sent as `w`, if any.
    pub fn parse(w: &str) -> Option<Ding> {
        Ding::ALLE.into_iter().find(|d| d.as_str() == w)
    }

    /// The Dutch noun.
    pub fn nl(self) -> &'static str {
        match self {
            Ding::Opgave => "opgave",
            Ding::Plan => "plan",
            Ding::Thema => "thema",
            Ding::Organisatie => "organisatie",
            Ding::Sleutel => "sleutel",
            Ding::Gebruikersnaam => "gebruikersnaam",
            Ding::Naam => "naam",
            Ding::Url => "URL",
        }
    }

    /// The Dutch plural.
    pub fn nl_meervoud(self) -> &'static str {
        match self {
            Ding::Opgave => "opgaven",
            Ding::Plan => "plannen",
            Ding::Thema => "thema's",
            Ding::Organisatie => "organisaties",
            Ding::Sleutel => "sleutels",
            Ding::Gebruikersnaam => "gebruikersnamen",
            Ding::Naam => "namen",
            Ding::Url => "URL's",
        }
    }

    /// The Dutch "this": `dit` for a het-word, `deze` otherwise.
    pub fn nl_deze(self) -> &'static str {
        match self {
            Ding::Plan | Ding::Thema => "dit",
            _ => "deze",
        }
    }
}
