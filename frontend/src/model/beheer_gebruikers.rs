//! Users for the beheer page — the list, a new user, a change of role or active, a password reset — and the
//! change of one's own password.
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, GeenVariabelen, InvoerVariabelen};
use crate::model::beheer::ThemaKeuze;
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{
    GEBRUIKER_AANMAKEN, GEBRUIKER_WIJZIGEN, GEBRUIKERS_QUERY, WACHTWOORD_HERSTELLEN, WACHTWOORD_WIJZIGEN,
};

/// The roles, as the API names them.
pub const ROLLEN: [&str; 3] = ["LEZER", "REDACTEUR", "BEHEERDER"];

/// A user as the beheer page lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Gebruiker {
    /// Opaque id.
    pub id: String,
    /// Sign-in name.
    pub gebruikersnaam: String,
    /// Name in history and audit log.
    pub naam: String,
    /// Role (API name).
    pub rol: String,
    /// Can sign in.
    pub actief: bool,
    /// Version for optimistic concurrency.
    pub versie: i32,
    /// A redacteur's thema's.
    pub themas: Vec<ThemaKeuze>,
}

/// The users and the thema's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GebruikersData {
    /// Every user, by sign-in name.
    pub gebruikers: Vec<Gebruiker>,
    /// Every thema.
    pub themas: Vec<ThemaKeuze>,
}

/// A new user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NieuweGebruiker {
    /// Sign-in name.
    pub gebruikersnaam: String,
    /// Name.
    pub naam: String,
    /// Password.
    pub wachtwoord: String,
    /// Role (API name).
    pub rol: String,
    /// Thema ids.
    pub themas: Vec<String>,
}

/// A change of role, thema's and active (all always sent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GebruikerWijziging {
    /// User id.
    pub id: String,
    /// The version read.
    pub versie: i32,
    /// Role (API name).
    pub rol: String,
    /// A redacteur's thema ids (replaces the current ones).
    pub themas: Vec<String>,
    /// Can sign in.
    pub actief: bool,
}

#[derive(Serialize)]
struct HerstelVariabelen<'a> {
    id: &'a str,
    versie: i32,
    wachtwoord: &'a str,
}

#[derive(Serialize)]
struct EigenVariabelen<'a> {
    #[serde(rename = "huidigWachtwoord")]
    huidig: &'a str,
    #[serde(rename = "nieuwWachtwoord")]
    nieuw: &'a str,
}

#[derive(Deserialize)]
struct Versie {
    #[allow(dead_code)]
    versie: i32,
}

#[derive(Deserialize)]
struct AangemaaktData {
    #[serde(rename = "gebruikerAanmaken")]
    #[allow(dead_code)]
    gebruikersnaam: String,
}

#[derive(Deserialize)]
struct GewijzigdData {
    #[serde(rename = "gebruikerWijzigen")]
    #[allow(dead_code)]
    gebruiker: Versie,
}

#[derive(Deserialize)]
struct HersteldData {
    #[serde(rename = "wachtwoordHerstellen")]
    #[allow(dead_code)]
    gebruiker: Versie,
}

#[derive(Deserialize)]
struct EigenData {
    #[serde(rename = "wachtwoordWijzigen")]
    gewijzigd: bool,
}

/// Loads the users and thema's.
pub async fn haal_gebruikers() -> Result<GebruikersData, ApiError> {
    api::graphql(GEBRUIKERS_QUERY, "Gebruikers", GeenVariabelen {}).await
}

/// Creates a user.
pub async fn maak_gebruiker(invoer: NieuweGebruiker) -> Result<(), ApiError> {
    let _: AangemaaktData = api::graphql(
        GEBRUIKER_AANMAKEN,
        "GebruikerAanmaken",
        InvoerVariabelen { invoer },
    )
    .await?;
    Ok(())
}

/// Changes a user's role and active.
pub async fn wijzig_gebruiker(invoer: GebruikerWijziging) -> Result<(), ApiError> {
    let _: GewijzigdData = api::graphql(
        GEBRUIKER_WIJZIGEN,
        "GebruikerWijzigen",
        InvoerVariabelen { invoer },
    )
    .await?;
    Ok(())
}

/// Gives user `id` (version `versie`) a new password.
pub async fn herstel_wachtwoord(id: &str, versie: i32, wachtwoord: &str) -> Result<(), ApiError> {
    let v = HerstelVariabelen {
        id,
        versie,
        wachtwoord,
    };
    let _: HersteldData = api::graphql(WACHTWOORD_HERSTELLEN, "WachtwoordHerstellen", v).await?;
    Ok(())
}

/// Changes the signed-in user's own password.
pub async fn wijzig_eigen_wachtwoord(huidig: &str, nieuw: &str) -> Result<(), ApiError> {
    let d: EigenData = api::graphql(
        WACHTWOORD_WIJZIGEN,
        "WachtwoordWijzigen",
        EigenVariabelen { huidig, nieuw },
    )
    .await?;
    if !d.gewijzigd {
        return Err(ApiError::Onleesbaar(
            "het wachtwoord is niet gewijzigd".to_string(),
        ));
    }
    Ok(())
}
