//! The import of one plan (TOML in the seed's format, or CSV/XLSX in the export's layout) on the beheer page: a
//! dry run (what would be made, every problem with its line), then the import itself in one transaction.
//!
//! The query text is in [`crate::model::documenten`], where a host test checks it against the schema.

use crate::api::{self, ApiError};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{ACTIEPLAN_IMPORTEREN, ACTIEPLAN_IMPORTEREN_BESTAND};

/// The format of the document imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formaat {
    /// The seed's TOML.
    Toml,
    /// The export's CSV.
    Csv,
    /// The export's XLSX (sent in base64).
    Xlsx,
}

impl Formaat {
    /// Every format, in the order of the choice.
    pub const ALLE: [Formaat; 3] = [Formaat::Toml, Formaat::Csv, Formaat::Xlsx];

    /// Its name in the choice and in the API (`TOML`, `CSV`, `XLSX`).
    pub fn naam(self) -> &'static str {
        match self {
            Formaat::Toml => "TOML",
            Formaat::Csv => "CSV",
            Formaat::Xlsx => "XLSX",
        }
    }

    /// The format of its name; TOML when unknown.
    pub fn van_naam(s: &str) -> Self {
        Formaat::ALLE
            .into_iter()
            .find(|f| f.naam() == s)
            .unwrap_or(Formaat::Toml)
    }

    /// The format a file name's extension says, if any.
    pub fn van_bestand(naam: &str) -> Option<Self> {
        let naam = naam.to_lowercase();
        [
            (".toml", Formaat::Toml),
            (".csv", Formaat::Csv),
            (".xlsx", Formaat::Xlsx),
        ]
        .into_iter()
        .find(|(ext, _)| naam.ends_with(ext))
        .map(|(_, f)| f)
    }
}

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

#[derive(Serialize)]
struct Bestand {
    formaat: String,
    inhoud: String,
}

#[derive(Serialize)]
struct BestandVariabelen {
    bestand: Bestand,
    droogoefenen: bool,
}

#[derive(Deserialize)]
struct BestandData {
    #[serde(rename = "actieplanImporterenBestand")]
    verslag: ImportVerslag,
}

/// Sends `inhoud` in `formaat` (XLSX in base64) as a dry run (`droogoefenen`) or for real.
pub async fn importeer(
    formaat: Formaat,
    inhoud: String,
    droogoefenen: bool,
) -> Result<ImportVerslag, ApiError> {
    if formaat == Formaat::Toml {
        let vars = ImportVariabelen {
            toml: inhoud,
            droogoefenen,
        };
        let d: ImportData = api::graphql(ACTIEPLAN_IMPORTEREN, "ActieplanImporteren", vars).await?;
        return Ok(d.verslag);
    }
    let vars = BestandVariabelen {
        bestand: Bestand {
            formaat: formaat.naam().to_string(),
            inhoud,
        },
        droogoefenen,
    };
    let d: BestandData =
        api::graphql(ACTIEPLAN_IMPORTEREN_BESTAND, "ActieplanImporterenBestand", vars).await?;
    Ok(d.verslag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn het_formaat_volgt_de_extensie_en_de_naam() {
        assert_eq!(Formaat::van_bestand("Plan.CSV"), Some(Formaat::Csv));
        assert_eq!(Formaat::van_bestand("plan.xlsx"), Some(Formaat::Xlsx));
        assert_eq!(Formaat::van_bestand("koers.toml"), Some(Formaat::Toml));
        assert_eq!(Formaat::van_bestand("plan.txt"), None);
        for f in Formaat::ALLE {
            assert_eq!(Formaat::van_naam(f.naam()), f);
        }
    }
}
