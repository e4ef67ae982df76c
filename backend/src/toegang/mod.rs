//! Who may do what. Every request runs as a [`Kijker`] (viewer): anonymous, a signed-in person or an API
//! token. The service layer asks it what it may see and change; nothing else decides access.
//!
//! Rules:
//! - anonymous: reads what is not confidential, in every thema, when the setting allows anonymous reading;
//! - lezer: reads everything, also confidential work; redacteur: as lezer, and changes acties in its thema's;
//! - beheerder: everything, plus tokens, users and the audit log;
//! - an API token reads (and, with write scope, changes) only in its thema's, and sees confidential work only
//!   when it was given that scope.
//!
//! A roll-up counts only what its viewer may see; of hidden acties it tells at most how many there are.

pub mod geheim;
pub mod wachtwoord;

use std::collections::BTreeSet;

/// A person's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rol {
    /// Reads everything.
    Lezer,
    /// Reads everything and changes acties in its thema's.
    Redacteur,
    /// Everything.
    Beheerder,
}

impl Rol {
    /// Every role.
    pub const ALL: [Rol; 3] = [Rol::Lezer, Rol::Redacteur, Rol::Beheerder];

    /// As stored and on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Rol::Lezer => "lezer",
            Rol::Redacteur => "redacteur",
            Rol::Beheerder => "beheerder",
        }
    }
}

impl std::str::FromStr for Rol {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Rol::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("onbekende rol `{s}`: lezer, redacteur of beheerder"))
    }
}

/// A set of thema's: all, or some (possibly none).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Themas {
    /// Every thema, also ones added later.
    Alle,
    /// Only these thema ids.
    Enkel(BTreeSet<i32>),
}

impl Themas {
    /// No thema at all.
    pub fn geen() -> Self {
        Themas::Enkel(BTreeSet::new())
    }

    /// Whether `thema` is in the set.
    pub fn bevat(&self, thema: i32) -> bool {
        match self {
            Themas::Alle => true,
            Themas::Enkel(s) => s.contains(&thema),
        }
    }

    /// Whether the set is empty.
    pub fn is_leeg(&self) -> bool {
        matches!(self, Themas::Enkel(s) if s.is_empty())
    }
}

/// Who sends a request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Wie {
    /// Nobody signed in.
    Anoniem,
    /// A signed-in person, through a session.
    Gebruiker {
        /// The person.
        id: i32,
        /// Display name, written into history and audit.
        naam: String,
        /// The session.
        sessie_id: i32,
        /// Their role.
        rol: Rol,
    },
    /// An integration, through an API token.
    Token {
        /// The token.
        id: i32,
        /// Its name.
        naam: String,
    },
    /// The `koers` command line on the server (seed, token commands).
    Systeem(String),
}

/// A request's viewer: who it is and what it may do.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Kijker {
    /// Who.
    pub wie: Wie,
    /// Thema's whose non-confidential data it may read; `None`: it may not read at all.
    pub lezen: Option<Themas>,
    /// Thema's whose confidential acties it may read.
    pub vertrouwelijk: Themas,
    /// Thema's whose acties it may change.
    pub schrijven: Themas,
    /// Tokens, users and the audit log.
    pub beheer: bool,
    /// The request came with the session cookie but without its CSRF token: reads only.
    pub zonder_csrf: bool,
}

impl Kijker {
    /// Nobody signed in; `mag_lezen` is the setting for anonymous reading.
    pub fn anoniem(mag_lezen: bool) -> Self {
        Kijker {
            wie: Wie::Anoniem,
            lezen: mag_lezen.then_some(Themas::Alle),
            vertrouwelijk: Themas::geen(),
            schrijven: Themas::geen(),
            beheer: false,
            zonder_csrf: false,
        }
    }

    /// A signed-in person with `rol`; `themas` are a redacteur's thema's.
    pub fn gebruiker(id: i32, naam: String, sessie_id: i32, rol: Rol, themas: BTreeSet<i32>) -> Self {
        let schrijven = match rol {
            Rol::Lezer => Themas::geen(),
            Rol::Redacteur => Themas::Enkel(themas),
            Rol::Beheerder => Themas::Alle,
        };
        Kijker {
            wie: Wie::Gebruiker {
                id,
                naam,
                sessie_id,
                rol,
            },
            lezen: Some(Themas::Alle),
            vertrouwelijk: Themas::Alle,
            schrijven,
            beheer: rol == Rol::Beheerder,
            zonder_csrf: false,
        }
    }

    /// An API token with its scope.
    pub fn token(id: i32, naam: String, themas: Themas, schrijven: bool, vertrouwelijk: bool) -> Self {
        Kijker {
            wie: Wie::Token { id, naam },
            lezen: Some(themas.clone()),
            vertrouwelijk: if vertrouwelijk {
                themas.clone()
            } else {
                Themas::geen()
            },
            schrijven: if schrijven { themas } else { Themas::geen() },
            beheer: false,
            zonder_csrf: false,
        }
    }

    /// The command line on the server: may do everything.
    pub fn systeem(naam: &str) -> Self {
        Kijker {
            wie: Wie::Systeem(naam.to_string()),
            lezen: Some(Themas::Alle),
            vertrouwelijk: Themas::Alle,
            schrijven: Themas::Alle,
            beheer: true,
            zonder_csrf: false,
        }
    }

    /// Whether it may read at all.
    pub fn mag_lezen(&self) -> bool {
        self.lezen.is_some()
    }

    /// Whether it may see thema `thema` (and its plans and opgaven).
    pub fn ziet_thema(&self, thema: i32) -> bool {
        self.lezen.as_ref().is_some_and(|t| t.bevat(thema))
    }

    /// Whether it may see an actie in `thema`.
    pub fn ziet_actie(&self, thema: i32, vertrouwelijk: bool) -> bool {
        self.ziet_thema(thema) && (!vertrouwelijk || self.vertrouwelijk.bevat(thema))
    }

    /// Whether it may change acties in `thema`.
    pub fn mag_schrijven(&self, thema: i32) -> bool {
        self.schrijven.bevat(thema)
    }

    /// Whether anyone is signed in (a person or a token).
    pub fn is_aangemeld(&self) -> bool {
        !matches!(self.wie, Wie::Anoniem)
    }

    /// The name history and audit show.
    pub fn naam(&self) -> String {
        match &self.wie {
            Wie::Anoniem => "anoniem".to_string(),
            Wie::Gebruiker { naam, .. } => naam.clone(),
            Wie::Token { naam, .. } => format!("{naam} (API-token)"),
            Wie::Systeem(naam) => naam.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_sees_only_open_work_and_changes_nothing() {
        let k = Kijker::anoniem(true);
        assert!(k.ziet_actie(1, false));
        assert!(!k.ziet_actie(1, true));
        assert!(!k.mag_schrijven(1));
        let dicht = Kijker::anoniem(false);
        assert!(!dicht.mag_lezen() && !dicht.ziet_actie(1, false));
    }

    #[test]
    fn a_redacteur_changes_only_its_themas_but_reads_all() {
        let k = Kijker::gebruiker(1, "R".into(), 1, Rol::Redacteur, BTreeSet::from([2]));
        assert!(k.mag_schrijven(2) && !k.mag_schrijven(3));
        assert!(k.ziet_actie(3, true));
        assert!(!k.beheer);
        let l = Kijker::gebruiker(1, "L".into(), 1, Rol::Lezer, BTreeSet::from([2]));
        assert!(!l.mag_schrijven(2) && l.ziet_actie(5, true));
    }

    #[test]
    fn a_token_stays_inside_its_scope() {
        let t = Kijker::token(1, "t".into(), Themas::Enkel(BTreeSet::from([4])), false, false);
        assert!(t.ziet_actie(4, false));
        assert!(!t.ziet_actie(4, true));
        assert!(!t.ziet_thema(5));
        assert!(!t.mag_schrijven(4));
        let w = Kijker::token(1, "t".into(), Themas::Enkel(BTreeSet::from([4])), true, true);
        assert!(w.mag_schrijven(4) && w.ziet_actie(4, true) && !w.mag_schrijven(5));
    }

    #[test]
    fn roles_round_trip() {
        for r in Rol::ALL {
            assert_eq!(r.as_str().parse::<Rol>(), Ok(r));
        }
        assert!("admin".parse::<Rol>().is_err());
    }
}
