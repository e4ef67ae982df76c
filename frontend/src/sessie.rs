//! Who is signed in: the API's `ik`, kept in a context signal for the views, and the session's CSRF token that
//! `api` sends with every request.

use crate::api::{self, ApiError, GeenVariabelen};
use leptos::prelude::*;
use miniserde::Deserialize;
use std::cell::RefCell;

thread_local! {
    static CSRF: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The CSRF token of the current session, if signed in.
pub fn csrf() -> Option<String> {
    CSRF.with(|c| c.borrow().clone())
}

pub use crate::model::documenten::IK_QUERY;

/// A thema, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ThemaNaam {
    /// Opaque id.
    pub id: String,
    /// Name.
    pub naam: String,
}

/// Who the current requests come from, and what they may do.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Ik {
    /// `gebruiker`, `token` or `anoniem`.
    pub soort: String,
    /// Display name.
    pub naam: String,
    /// `LEZER`, `REDACTEUR` or `BEHEERDER` for a signed-in person.
    pub rol: Option<String>,
    /// May manage tokens and read the audit log.
    pub beheerder: bool,
    /// The session's CSRF token.
    #[serde(rename = "csrfToken")]
    pub csrf_token: Option<String>,
    /// May change acties in every thema.
    #[serde(rename = "schrijftOveral")]
    pub schrijft_overal: bool,
    /// The thema's whose acties it may change.
    #[serde(rename = "schrijfThemas")]
    pub schrijf_themas: Vec<ThemaNaam>,
}

impl Ik {
    /// Whether someone is signed in.
    pub fn is_aangemeld(&self) -> bool {
        self.soort == "gebruiker"
    }

    /// Whether it may change acties in the thema named `thema_id`.
    pub fn mag_schrijven_in(&self, thema_id: &str) -> bool {
        self.schrijft_overal || self.schrijf_themas.iter().any(|t| t.id == thema_id)
    }

    /// Whether it may change any actie at all.
    pub fn mag_iets_schrijven(&self) -> bool {
        self.schrijft_overal || !self.schrijf_themas.is_empty()
    }
}

#[derive(Deserialize)]
struct IkData {
    ik: Ik,
}

/// Asks the API who we are and keeps the CSRF token for the following requests.
pub async fn haal_ik() -> Result<Ik, ApiError> {
    let ik = api::graphql::<_, IkData>(IK_QUERY, "Ik", GeenVariabelen {})
        .await?
        .ik;
    CSRF.with(|c| *c.borrow_mut() = ik.csrf_token.clone());
    Ok(ik)
}

/// The session as the views see it: `None` until the first answer (or when the API was unreachable).
#[derive(Debug, Clone, Copy)]
pub struct Sessie(pub RwSignal<Option<Ik>>);

impl Sessie {
    /// Provides the session to the app and loads it.
    pub fn geef() -> Sessie {
        let s = Sessie(RwSignal::new(None));
        provide_context(s);
        s.ververs();
        s
    }

    /// The session of the app (an empty one outside the app, e.g. in a test).
    pub fn van_context() -> Sessie {
        use_context::<Sessie>().unwrap_or_else(|| Sessie(RwSignal::new(None)))
    }

    /// Loads `ik` again (after signing in or out).
    pub fn ververs(self) {
        leptos::task::spawn_local(async move {
            if let Ok(ik) = haal_ik().await {
                self.0.set(Some(ik));
            }
        });
    }

    /// Forgets the session (after signing out), until `ververs` answers.
    pub fn vergeet(self) {
        CSRF.with(|c| *c.borrow_mut() = None);
        self.0.set(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redacteur_may_change_only_its_themas() {
        let ik: Ik = miniserde::json::from_str(
            r#"{"soort":"gebruiker","naam":"A","rol":"REDACTEUR","beheerder":false,"csrfToken":"c",
            "schrijftOveral":false,"schrijfThemas":[{"id":"t1","naam":"Mensenhandel"}]}"#,
        )
        .expect("decodes");
        assert!(ik.is_aangemeld() && ik.mag_iets_schrijven());
        assert!(ik.mag_schrijven_in("t1") && !ik.mag_schrijven_in("t2"));
    }
}
