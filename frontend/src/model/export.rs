//! The export files (links) and the re-import of one for bulk progress updates.

use super::documenten::VOORTGANG_IMPORTEREN;
use crate::api::{self, ApiError};
use miniserde::{Deserialize, Serialize};

/// A row without problems and what happens to it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportRegel {
    /// Line in the file.
    pub regel: i32,
    /// The actie's id.
    pub actie: String,
    /// Its title.
    pub titel: String,
    /// `GEWIJZIGD`, `ONGEWIJZIGD` or `INTUSSEN_GEWIJZIGD`.
    pub uitkomst: String,
    /// The columns that change.
    pub velden: Vec<String>,
    /// The versie after the import.
    pub versie: i32,
    /// Columns changed in the file that a progress import does not take over.
    pub genegeerd: Vec<String>,
}

/// A problem of a row (or of the file).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportProbleem {
    /// Line in the file.
    pub regel: Option<i32>,
    /// The column.
    pub veld: Option<String>,
    /// `BAD_USER_INPUT`, `NOT_FOUND`, `CONFLICT` or `FORBIDDEN`.
    pub code: String,
    /// What is wrong (Dutch, from the server).
    pub melding: String,
    /// With CONFLICT: the actie's current versie.
    #[serde(rename = "huidigeVersie")]
    pub huidige_versie: Option<i32>,
}

/// What a re-import did or would do.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportVerslag {
    /// Whether it was written.
    pub toegepast: bool,
    /// Every row without problems.
    pub regels: Vec<ImportRegel>,
    /// Every problem.
    pub problemen: Vec<ImportProbleem>,
}

#[derive(Serialize)]
struct Bestand {
    formaat: String,
    inhoud: String,
}

#[derive(Serialize)]
struct Variabelen {
    bestand: Bestand,
    droogoefenen: bool,
}

#[derive(Deserialize)]
struct Data {
    #[serde(rename = "voortgangImporteren")]
    verslag: ImportVerslag,
}

/// Sends a file (`xlsx`: base64, else CSV text) as a dry run or for real.
pub async fn importeer(xlsx: bool, inhoud: String, droogoefenen: bool) -> Result<ImportVerslag, ApiError> {
    let formaat = if xlsx { "XLSX" } else { "CSV" }.to_string();
    let v = Variabelen {
        bestand: Bestand { formaat, inhoud },
        droogoefenen,
    };
    let d: Data = api::graphql(VOORTGANG_IMPORTEREN, "VoortgangImporteren", v).await?;
    Ok(d.verslag)
}
