//! Import of one plan as TOML in the schema: a dry run (`droogoefenen`) lists what would be created and every
//! problem by line; otherwise it is applied in one transaction when there are no problems.

use super::beheer::schrijver;
use super::export::BestandInvoer;
use super::types::Actieplan;
use crate::service::Services;
use crate::service::beheer::{ImportVerslag, mag_plannen_beheren};
use async_graphql::{Context, Object, Result, ResultExt, SimpleObject};

/// Eén record dat de import aanmaakt (of zou aanmaken).
#[derive(SimpleObject)]
pub struct ImportRecord {
    /// `actieplan`, `opgave`, `actie` of `organisatie`.
    soort: String,
    /// Zijn sleutel.
    sleutel: String,
    /// Titel of naam.
    titel: String,
    /// Regel in het bestand.
    regel: i32,
}

/// Een probleem in het bestand.
#[derive(SimpleObject)]
#[graphql(name = "ImportProbleem")]
pub struct ImportProbleemGql {
    /// Regel in het bestand; leeg voor het bestand als geheel.
    regel: Option<i32>,
    /// Wat er niet klopt.
    melding: String,
}

/// Wat een import aanmaakt of zou aanmaken, en elk probleem.
pub struct ImportVerslagGql(ImportVerslag);

/// Wat een import aanmaakt of zou aanmaken, en elk probleem.
#[Object(name = "ImportVerslag")]
impl ImportVerslagGql {
    /// Wat er wordt (of zou worden) aangemaakt, in volgorde van het bestand.
    async fn te_maken(&self) -> Vec<ImportRecord> {
        let regel = |r: usize| i32::try_from(r).unwrap_or(i32::MAX);
        self.0
            .te_maken
            .iter()
            .map(|r| ImportRecord {
                soort: r.soort.to_string(),
                sleutel: r.sleutel.clone(),
                titel: r.titel.clone(),
                regel: regel(r.regel),
            })
            .collect()
    }

    /// Elk probleem; zolang er een is, wordt niets aangemaakt.
    async fn problemen(&self) -> Vec<ImportProbleemGql> {
        self.0
            .problemen
            .iter()
            .map(|p| ImportProbleemGql {
                regel: p.regel.map(|r| i32::try_from(r).unwrap_or(i32::MAX)),
                melding: p.melding.clone(),
            })
            .collect()
    }

    /// Of het plan is aangemaakt.
    async fn toegepast(&self) -> bool {
        self.0.actieplan.is_some()
    }

    /// Het aangemaakte plan.
    async fn actieplan(&self) -> Option<Actieplan> {
        self.0.actieplan.clone().map(Actieplan::nu)
    }
}

/// Import van een plan (beheerders; redacteuren in hun eigen thema's).
#[derive(Default)]
pub struct ImportMutation;

#[Object]
impl ImportMutation {
    /// Importeert één plan met zijn opgaven en acties in het TOML-formaat van de seed. Standaard een
    /// droogoefening: die toont wat er zou worden aangemaakt en elk probleem met zijn regel, en verandert niets.
    async fn actieplan_importeren(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het bestand (TOML), met precies één [[actieplan]].")] toml: String,
        #[graphql(
            desc = "Waar (standaard): alleen controleren; onwaar: aanmaken als er geen problemen zijn.",
            default = true
        )]
        droogoefenen: bool,
    ) -> Result<ImportVerslagGql> {
        let k = schrijver(ctx)?;
        mag_plannen_beheren(k).extend()?;
        let v = ctx
            .data::<Services>()?
            .actieplan_importeren(k, &toml, droogoefenen)
            .await
            .extend()?;
        Ok(ImportVerslagGql(v))
    }

    /// Importeert één nieuw plan uit een CSV- of XLSX-bestand in de indeling van de export (regels zonder id;
    /// één plan in één thema; opgaven in de volgorde waarin ze voorkomen; een actie per regel met een titel).
    /// Standaard een droogoefening, zoals `actieplanImporteren`.
    async fn actieplan_importeren_bestand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het bestand in de indeling van de export.")] bestand: BestandInvoer,
        #[graphql(
            desc = "Waar (standaard): alleen controleren; onwaar: aanmaken als er geen problemen zijn.",
            default = true
        )]
        droogoefenen: bool,
    ) -> Result<ImportVerslagGql> {
        let k = schrijver(ctx)?;
        mag_plannen_beheren(k).extend()?;
        let v = ctx
            .data::<Services>()?
            .actieplan_importeren_tabel(k, bestand.formaat.into(), &bestand.inhoud, droogoefenen)
            .await
            .extend()?;
        Ok(ImportVerslagGql(v))
    }
}
