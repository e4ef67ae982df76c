//! The import of one plan (TOML in the seed's format) on the beheer page: a dry run (what would be made, every
//! problem with its line), then the import itself in one transaction.
//!
//! The query text is in [`crate::model::documenten`], where a host test checks it against the schema.

use crate::api::{self, ApiError};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::ACTIEPLAN_IMPORTEREN;

/// One record the import makes (or would make).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportRecord {
    /// `actieplan`, `opgave`, `actie` or `organisatie`.
    pub soort: String,
    /// Its key.
    pub sleutel: String,
    /// Title or name.
    pub titel: String,
    /// Line in the file.
    pub regel: i32,
}

/// One problem of the file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportProbleem {
    /// Line in the file; `None` for the file as a whole.
    pub regel: Option<i32>,
    /// What is wrong.
    pub melding: String,
}

/// The plan made.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GemaaktPlan {
    /// Opaque id.
    pub id: String,
    /// Title.
    pub titel: String,
}

/// What an import makes or would make, and every problem.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportVerslag {
    /// Records in the file's order.
    #[serde(rename = "teMaken")]
    pub te_maken: Vec<ImportRecord>,
    /// Problems; while there is one, nothing is made.
    pub problemen: Vec<ImportProbleem>,
    /// Whether the plan was made.
    pub toegepast: bool,
    /// The plan made.
    pub actieplan: Option<GemaaktPlan>,
}

#[derive(Serialize)]
struct ImportVariabelen {
    toml: String,
    droogoefenen: bool,
}

#[derive(Deserialize)]
struct ImportData {
    #[serde(rename = "actieplanImporteren")]
    verslag: ImportVerslag,
}

/// Sends `toml` as a dry run (`droogoefenen`) or for real.
pub async fn importeer(toml: String, droogoefenen: bool) -> Result<ImportVerslag, ApiError> {
    let vars = ImportVariabelen { toml, droogoefenen };
    let d: ImportData = api::graphql(ACTIEPLAN_IMPORTEREN, "ActieplanImporteren", vars).await?;
    Ok(d.verslag)
}
