//! The shape of the seed file (`backend/seed/koers.toml`) and its checks before anything is written.

use koers_shared::{OrganisatieSoort, PlanSoort, PlanStatus, Status};
use serde::Deserialize;
use std::collections::HashSet;

/// The built-in seed: the VAR's real plans, each record naming its source.
pub const BUILTIN: &str = include_str!("../../seed/koers.toml");

/// A parsed seed file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedFile {
    #[serde(default)]
    pub document: Vec<SeedDocument>,
    #[serde(default)]
    pub organisatie: Vec<SeedOrganisatie>,
    #[serde(default)]
    pub thema: Vec<SeedThema>,
    #[serde(default)]
    pub actieplan: Vec<SeedActieplan>,
    #[serde(default)]
    pub opgave: Vec<SeedOpgave>,
    #[serde(default)]
    pub actie: Vec<SeedActie>,
    #[serde(default)]
    pub rvo_vergadering: Vec<SeedRvoVergadering>,
}

/// A source document: every `bron` names at least one by its file name, which loading replaces by its title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedDocument {
    /// File name in the VAR's document set, e.g. `002_dc385e6db2dda92d.txt`.
    pub bestand: String,
    /// Its title for people, e.g. `VAR Jaarverslag 2025 / Jaarplan 2026`.
    pub titel: String,
    /// The date of the state it gives; without one, 1 January of the last year its title names (a document with
    /// neither dates its records at the moment of loading).
    pub datum: Option<chrono::NaiveDate>,
}

impl SeedDocument {
    /// The date of the state it gives.
    pub fn datum(&self) -> Option<chrono::NaiveDate> {
        self.datum.or_else(|| {
            let jaar = self
                .titel
                .split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i32>().ok())
                .next_back()?;
            chrono::NaiveDate::from_ymd_opt(jaar, 1, 1)
        })
    }
}

/// An organisation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedOrganisatie {
    pub sleutel: String,
    pub naam: String,
    pub afkorting: Option<String>,
    pub soort: String,
    pub bron: String,
}

/// A thema (portefeuille).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedThema {
    pub sleutel: String,
    pub naam: String,
    pub portefeuillehouder: Option<String>,
    pub volgorde: i32,
    pub bron: String,
}

/// A plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedActieplan {
    pub sleutel: String,
    pub thema: String,
    pub titel: String,
    pub soort: String,
    pub periode_van: i32,
    pub periode_tot: i32,
    pub vastgesteld_door: Option<String>,
    pub vastgesteld_op: Option<String>,
    pub status: String,
    pub bron: String,
}

/// An opgave.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedOpgave {
    pub sleutel: String,
    pub actieplan: String,
    pub volgorde: i32,
    pub titel: String,
    #[serde(default)]
    pub beschrijving: String,
    pub bron: String,
}

/// An actie.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedActie {
    pub sleutel: String,
    pub opgave: String,
    #[serde(default)]
    pub opgave_afgeleid: bool,
    pub titel: String,
    #[serde(default)]
    pub beschrijving: String,
    #[serde(default)]
    pub trekkers: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub jaar: i32,
    pub kwartaal: Option<i32>,
    pub datum: Option<chrono::NaiveDate>,
    pub status: String,
    #[serde(default)]
    pub vertrouwelijk: bool,
    pub bron: String,
}

/// An RVO meeting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRvoVergadering {
    pub datum: chrono::NaiveDate,
    pub omschrijving: String,
    pub bron: String,
}

/// Parses and checks a seed file: unique keys, known references and values, a declared source document on
/// every record. Each `bron` then names its documents by title instead of file name.
pub fn parse(text: &str) -> anyhow::Result<SeedFile> {
    let mut seed: SeedFile = toml::from_str(text)?;
    seed.check()?;
    seed.titels_in_bronnen();
    Ok(seed)
}

fn unique<'a>(table: &str, keys: impl Iterator<Item = &'a str>) -> anyhow::Result<HashSet<&'a str>> {
    let mut seen = HashSet::new();
    for k in keys {
        anyhow::ensure!(seen.insert(k), "{table}: sleutel '{k}' komt dubbel voor");
    }
    Ok(seen)
}

fn known(table: &str, key: &str, refs: &HashSet<&str>, what: &str, target: &str) -> anyhow::Result<()> {
    anyhow::ensure!(
        refs.contains(target),
        "{table} '{key}': {what} '{target}' bestaat niet"
    );
    Ok(())
}

/// A `bron` is not empty, names at least one document, and only documents the file declares.
fn sourced(table: &str, key: &str, bron: &str, documenten: &HashSet<&str>) -> anyhow::Result<()> {
    anyhow::ensure!(!bron.trim().is_empty(), "{table} '{key}' noemt geen bron");
    let mut genoemd = false;
    for woord in bron.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')) {
        if woord.ends_with(".txt") {
            anyhow::ensure!(
                documenten.contains(woord),
                "{table} '{key}': bron noemt onbekend document '{woord}'"
            );
            genoemd = true;
        }
    }
    anyhow::ensure!(genoemd, "{table} '{key}': bron noemt geen brondocument");
    Ok(())
}

impl SeedFile {
    /// The date of the state a `bron` gives (after loading, with titles): the latest of the documents it names.
    pub fn datum_van(&self, bron: &str) -> Option<chrono::NaiveDate> {
        self.document
            .iter()
            .filter(|d| bron.contains(&d.titel) || bron.contains(&d.bestand))
            .filter_map(SeedDocument::datum)
            .max()
    }

    /// Replaces every document's file name in every `bron` by its title.
    fn titels_in_bronnen(&mut self) {
        let SeedFile {
            document,
            organisatie,
            thema,
            actieplan,
            opgave,
            actie,
            rvo_vergadering,
        } = self;
        let bronnen = organisatie
            .iter_mut()
            .map(|o| &mut o.bron)
            .chain(thema.iter_mut().map(|t| &mut t.bron))
            .chain(actieplan.iter_mut().map(|p| &mut p.bron))
            .chain(opgave.iter_mut().map(|o| &mut o.bron))
            .chain(actie.iter_mut().map(|a| &mut a.bron))
            .chain(rvo_vergadering.iter_mut().map(|r| &mut r.bron));
        for bron in bronnen {
            for d in document.iter() {
                *bron = bron.replace(&d.bestand, &d.titel);
            }
        }
    }

    fn check(&self) -> anyhow::Result<()> {
        let docs = unique("document", self.document.iter().map(|d| d.bestand.as_str()))?;
        for d in &self.document {
            anyhow::ensure!(
                !d.titel.trim().is_empty(),
                "document '{}' heeft geen titel",
                d.bestand
            );
        }
        let orgs = unique("organisatie", self.organisatie.iter().map(|o| o.sleutel.as_str()))?;
        let themas = unique("thema", self.thema.iter().map(|t| t.sleutel.as_str()))?;
        let plannen = unique("actieplan", self.actieplan.iter().map(|p| p.sleutel.as_str()))?;
        let opgaven = unique("opgave", self.opgave.iter().map(|o| o.sleutel.as_str()))?;
        unique("actie", self.actie.iter().map(|a| a.sleutel.as_str()))?;
        for o in &self.organisatie {
            o.soort.parse::<OrganisatieSoort>()?;
            sourced("organisatie", &o.sleutel, &o.bron, &docs)?;
        }
        for t in &self.thema {
            sourced("thema", &t.sleutel, &t.bron, &docs)?;
        }
        for p in &self.actieplan {
            known("actieplan", &p.sleutel, &themas, "thema", &p.thema)?;
            p.soort.parse::<PlanSoort>()?;
            p.status.parse::<PlanStatus>()?;
            anyhow::ensure!(
                p.periode_van <= p.periode_tot,
                "actieplan '{}': periode loopt terug",
                p.sleutel
            );
            sourced("actieplan", &p.sleutel, &p.bron, &docs)?;
        }
        for o in &self.opgave {
            known("opgave", &o.sleutel, &plannen, "actieplan", &o.actieplan)?;
            sourced("opgave", &o.sleutel, &o.bron, &docs)?;
        }
        for a in &self.actie {
            known("actie", &a.sleutel, &opgaven, "opgave", &a.opgave)?;
            for org in a.trekkers.iter().chain(&a.partners) {
                known("actie", &a.sleutel, &orgs, "organisatie", org)?;
            }
            a.status.parse::<Status>()?;
            if let Some(k) = a.kwartaal {
                anyhow::ensure!(
                    (1..=4).contains(&k),
                    "actie '{}': kwartaal {k} bestaat niet",
                    a.sleutel
                );
            }
            sourced("actie", &a.sleutel, &a.bron, &docs)?;
        }
        for r in &self.rvo_vergadering {
            sourced("rvo_vergadering", &r.datum.to_string(), &r.bron, &docs)?;
        }
        Ok(())
    }
}
