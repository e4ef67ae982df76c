//! The shape of the seed file (`backend/seed/koers.toml`) and its checks before anything is written.

use koers_shared::{OrganisatieSoort, PlanSoort, PlanStatus, Status};
use serde::Deserialize;
use std::collections::HashSet;

/// The built-in seed: the VAR's real plans, each record naming its source.
pub const BUILTIN: &str = include_str!("../../seed/koers.toml");

/// A parsed seed file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedFile {
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

/// An organisation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedOrganisatie {
    pub sleutel: String,
    pub naam: String,
    pub afkorting: Option<String>,
    pub soort: String,
    pub bron: String,
}

/// A thema (portefeuille).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedThema {
    pub sleutel: String,
    pub naam: String,
    pub portefeuillehouder: Option<String>,
    pub volgorde: i32,
    pub bron: String,
}

/// A plan.
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Deserialize)]
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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRvoVergadering {
    pub datum: chrono::NaiveDate,
    pub omschrijving: String,
    pub bron: String,
}

/// Parses and checks a seed file: unique keys, known references and values, a source on every record.
pub fn parse(text: &str) -> anyhow::Result<SeedFile> {
    let seed: SeedFile = toml::from_str(text)?;
    seed.check()?;
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

fn sourced(table: &str, key: &str, bron: &str) -> anyhow::Result<()> {
    anyhow::ensure!(!bron.trim().is_empty(), "{table} '{key}' noemt geen bron");
    Ok(())
}

impl SeedFile {
    fn check(&self) -> anyhow::Result<()> {
        let orgs = unique("organisatie", self.organisatie.iter().map(|o| o.sleutel.as_str()))?;
        let themas = unique("thema", self.thema.iter().map(|t| t.sleutel.as_str()))?;
        let plannen = unique("actieplan", self.actieplan.iter().map(|p| p.sleutel.as_str()))?;
        let opgaven = unique("opgave", self.opgave.iter().map(|o| o.sleutel.as_str()))?;
        unique("actie", self.actie.iter().map(|a| a.sleutel.as_str()))?;
        for o in &self.organisatie {
            o.soort.parse::<OrganisatieSoort>()?;
            sourced("organisatie", &o.sleutel, &o.bron)?;
        }
        for t in &self.thema {
            sourced("thema", &t.sleutel, &t.bron)?;
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
            sourced("actieplan", &p.sleutel, &p.bron)?;
        }
        for o in &self.opgave {
            known("opgave", &o.sleutel, &plannen, "actieplan", &o.actieplan)?;
            sourced("opgave", &o.sleutel, &o.bron)?;
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
            sourced("actie", &a.sleutel, &a.bron)?;
        }
        for r in &self.rvo_vergadering {
            sourced("rvo_vergadering", &r.datum.to_string(), &r.bron)?;
        }
        Ok(())
    }
}
