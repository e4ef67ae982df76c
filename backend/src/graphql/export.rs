//! Re-import of an export (CSV or XLSX) for bulk progress updates: a dry run lists per row what would change
//! and every problem by line, column and code; otherwise all of it is written in one transaction, or nothing.

use super::beheer::schrijver;
use super::ids::{Soort, encode};
use crate::service::Services;
use crate::service::export::bijwerken::{BijwerkVerslag, Uitkomst};
use crate::service::export::formaat::Formaat;
use crate::service::rechten::mag_iets_wijzigen;
use async_graphql::{Context, Enum, ID, InputObject, Object, Result, ResultExt, SimpleObject};
use koers_shared::export::RijCode;

/// Bestandsformaat van een export.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "BestandFormaat")]
pub enum BestandFormaatGql {
    /// CSV (UTF-8; `;`, `,` of tab tussen de cellen).
    Csv,
    /// XLSX (het eerste werkblad).
    Xlsx,
}

impl From<BestandFormaatGql> for Formaat {
    fn from(f: BestandFormaatGql) -> Self {
        match f {
            BestandFormaatGql::Csv => Formaat::Csv,
            BestandFormaatGql::Xlsx => Formaat::Xlsx,
        }
    }
}

/// Een geüpload bestand in de indeling van de export.
#[derive(InputObject)]
pub struct BestandInvoer {
    /// CSV of XLSX.
    pub formaat: BestandFormaatGql,
    /// CSV: de tekst zelf; XLSX: de bytes in base64 (ook als `data:`-URL). Hoogstens 160 KB.
    pub inhoud: String,
}

/// Code van een probleem in een regel: dezelfde als `extensions.code` bij één wijziging.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "ImportCode", remote = "RijCode")]
pub enum ImportCodeGql {
    /// Een waarde (of kolom) die een regel breekt; `veld` noemt de kolom.
    BadUserInput,
    /// Geen actie met dit id, of een die u niet mag zien.
    NotFound,
    /// De actie is gewijzigd sinds de export: de versie in de regel is verouderd. Er wordt niets overschreven.
    Conflict,
    /// U mag deze actie niet wijzigen.
    Forbidden,
}

/// Wat er met een regel zonder problemen gebeurt.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "ImportUitkomst", remote = "Uitkomst")]
pub enum UitkomstGql {
    /// De nieuwe stand wordt geschreven (bij een droogoefening: zou worden geschreven).
    Gewijzigd,
    /// De regel heeft de huidige stand: er is niets te schrijven.
    Ongewijzigd,
    /// De actie is sinds de export gewijzigd, maar deze regel niet: hij blijft buiten beschouwing.
    IntussenGewijzigd,
}

/// Eén regel van het bestand en wat ermee gebeurt.
#[derive(SimpleObject)]
pub struct VoortgangImportRegel {
    /// Regel in het bestand (CSV) of rijnummer (XLSX).
    regel: i32,
    /// De actie.
    actie: ID,
    /// Haar titel.
    titel: String,
    /// Wat er gebeurt.
    uitkomst: UitkomstGql,
    /// De kolommen die veranderen.
    velden: Vec<String>,
    /// De versie van de actie na de import.
    versie: i32,
    /// Kolommen die in het bestand anders zijn maar die een voortgangsimport niet overneemt (`actie`, `jaar`,
    /// `kwartaal`): wijzig die in het actieformulier.
    genegeerd: Vec<String>,
}

/// Een probleem in een regel of in het bestand als geheel.
#[derive(SimpleObject)]
pub struct VoortgangImportProbleem {
    /// Regel in het bestand; leeg voor het bestand als geheel.
    regel: Option<i32>,
    /// De kolom, waar er een is.
    veld: Option<String>,
    /// Wat voor probleem.
    code: ImportCodeGql,
    /// Wat er niet klopt.
    melding: String,
    /// Bij CONFLICT: de huidige versie van de actie.
    huidige_versie: Option<i32>,
}

/// De uitkomst van een voortgangsimport.
#[derive(SimpleObject)]
pub struct VoortgangImportVerslag {
    /// Elke regel zonder problemen, in volgorde van het bestand.
    regels: Vec<VoortgangImportRegel>,
    /// Elk probleem; zolang er een is, wordt niets geschreven.
    problemen: Vec<VoortgangImportProbleem>,
    /// Of de wijzigingen zijn geschreven (in één transactie).
    toegepast: bool,
}

fn getal(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl From<BijwerkVerslag> for VoortgangImportVerslag {
    fn from(v: BijwerkVerslag) -> Self {
        VoortgangImportVerslag {
            regels: v
                .regels
                .into_iter()
                .map(|r| VoortgangImportRegel {
                    regel: getal(r.regel),
                    actie: encode(Soort::Actie, r.actie_id),
                    titel: r.titel,
                    uitkomst: r.uitkomst.into(),
                    velden: r.velden.into_iter().map(str::to_string).collect(),
                    versie: r.versie,
                    genegeerd: r.genegeerd.into_iter().map(str::to_string).collect(),
                })
                .collect(),
            problemen: v
                .problemen
                .into_iter()
                .map(|p| VoortgangImportProbleem {
                    regel: p.regel.map(getal),
                    veld: p.veld,
                    code: p.code.into(),
                    melding: p.melding,
                    huidige_versie: p.huidige_versie,
                })
                .collect(),
            toegepast: v.toegepast,
        }
    }
}

/// Voortgang in bulk uit een export.
#[derive(Default)]
pub struct ExportMutation;

#[Object]
impl ExportMutation {
    /// Leest een export (CSV of XLSX) terug en meldt per actie status, gezondheid met reden en voortgang, zoals
    /// `actieVoortgangRapporteren` dat doet (rechten, regels, versie, historie, audit, webhooks). Standaard een
    /// droogoefening; anders alles in één transactie, of niets zolang een regel een probleem heeft.
    async fn voortgang_importeren(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het bestand in de indeling van de export.")] bestand: BestandInvoer,
        #[graphql(
            desc = "Waar (standaard): alleen controleren; onwaar: schrijven als geen regel een probleem heeft.",
            default = true
        )]
        droogoefenen: bool,
    ) -> Result<VoortgangImportVerslag> {
        let k = schrijver(ctx)?;
        mag_iets_wijzigen(k).extend()?;
        let v = ctx
            .data::<Services>()?
            .voortgang_importeren(k, bestand.formaat.into(), &bestand.inhoud, droogoefenen)
            .await
            .extend()?;
        Ok(v.into())
    }
}
