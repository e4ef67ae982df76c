//! Reading and checking an import file against the database: what it would create and every problem, by line.

use super::mag_plan_in;
use crate::entities::{actie, actieplan, opgave, organisatie, thema};
use crate::error::ServiceResult;
use crate::seed::{SeedActie, SeedActieplan, SeedDocument, SeedOpgave, SeedOrganisatie};
use crate::toegang::Kijker;
use koers_shared::beheer::{Fouten, MAX_TEKST, MAX_TITEL, is_sleutel};
use koers_shared::{OrganisatieSoort, PlanSoort, PlanStatus, Status};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bestand {
    #[serde(default)]
    document: Vec<Spanned<SeedDocument>>,
    #[serde(default)]
    organisatie: Vec<Spanned<SeedOrganisatie>>,
    #[serde(default)]
    actieplan: Vec<Spanned<SeedActieplan>>,
    #[serde(default)]
    opgave: Vec<Spanned<SeedOpgave>>,
    #[serde(default)]
    actie: Vec<Spanned<SeedActie>>,
}

/// One record the import creates: its kind, key, title and line.
#[derive(Debug, Clone)]
pub struct ImportRegel {
    pub soort: &'static str,
    pub sleutel: String,
    pub titel: String,
    pub regel: usize,
}

/// A problem found in the file, with its line (none: the file as a whole).
#[derive(Debug, Clone)]
pub struct ImportProbleem {
    pub regel: Option<usize>,
    pub melding: String,
}

/// What an import creates or would create, and every problem; `actieplan` is the plan once applied.
#[derive(Debug, Clone, Default)]
pub struct ImportVerslag {
    pub te_maken: Vec<ImportRegel>,
    pub problemen: Vec<ImportProbleem>,
    pub actieplan: Option<actieplan::Model>,
}

fn regel(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(1, |t| t.matches('\n').count() + 1)
}

/// The checked file: what to create, in order, with the plan's thema.
pub(super) struct Plan {
    pub(super) thema_id: i32,
    pub(super) plan: SeedActieplan,
    pub(super) opgaven: Vec<SeedOpgave>,
    pub(super) acties: Vec<SeedActie>,
    pub(super) organisaties: Vec<SeedOrganisatie>,
    pub(super) bestaande_orgs: HashMap<String, i32>,
}

async fn bestaat<C: ConnectionTrait, E: EntityTrait>(
    c: &C,
    col: E::Column,
    sleutel: &str,
) -> ServiceResult<bool> {
    Ok(E::find().filter(col.eq(sleutel)).one(c).await?.is_some())
}

/// The records of an import file, each with its line: from TOML, or from a CSV/XLSX table (`import_tabel`).
#[derive(Debug, Clone, Default)]
pub(super) struct Invoer {
    pub(super) document: Vec<(usize, SeedDocument)>,
    pub(super) organisatie: Vec<(usize, SeedOrganisatie)>,
    pub(super) actieplan: Vec<(usize, SeedActieplan)>,
    pub(super) opgave: Vec<(usize, SeedOpgave)>,
    pub(super) actie: Vec<(usize, SeedActie)>,
}

/// Where an import comes from.
pub(super) enum Bron<'a> {
    /// A TOML text in the seed's format.
    Toml(&'a str),
    /// Records read from a table, with the problems found while reading it.
    Tabel(&'a Invoer, &'a [ImportProbleem]),
}

/// Reads and checks the file against the database; `None` with problems when anything is wrong.
pub(super) async fn lees<C: ConnectionTrait>(
    c: &C,
    kijker: &Kijker,
    bron: &Bron<'_>,
    v: &mut ImportVerslag,
) -> ServiceResult<Option<Plan>> {
    let text = match bron {
        Bron::Toml(text) => text,
        Bron::Tabel(invoer, problemen) => {
            v.problemen.extend(problemen.iter().cloned());
            return controleer(c, kijker, (*invoer).clone(), v).await;
        }
    };
    let b: Bestand = match toml::from_str(text) {
        Ok(b) => b,
        Err(e) => {
            v.problemen.push(ImportProbleem {
                regel: e.span().map(|s| regel(text, s.start)),
                melding: e.message().to_string(),
            });
            return Ok(None);
        }
    };
    fn lijn<T>(text: &str, l: Vec<Spanned<T>>) -> Vec<(usize, T)> {
        l.into_iter()
            .map(|s| (regel(text, s.span().start), s.into_inner()))
            .collect()
    }
    let invoer = Invoer {
        document: lijn(text, b.document),
        organisatie: lijn(text, b.organisatie),
        actieplan: lijn(text, b.actieplan),
        opgave: lijn(text, b.opgave),
        actie: lijn(text, b.actie),
    };
    controleer(c, kijker, invoer, v).await
}

/// Checks the records against the database; `None` with problems when anything is wrong.
async fn controleer<C: ConnectionTrait>(
    c: &C,
    kijker: &Kijker,
    b: Invoer,
    v: &mut ImportVerslag,
) -> ServiceResult<Option<Plan>> {
    let mut p = |r: usize, m: String| {
        v.problemen.push(ImportProbleem {
            regel: Some(r),
            melding: m,
        });
    };
    let titels: Vec<(String, String)> = b
        .document
        .iter()
        .map(|(_, d)| (d.bestand.clone(), d.titel.clone()))
        .collect();
    let met_titels = |bron: &str| titels.iter().fold(bron.to_string(), |b, (f, t)| b.replace(f, t));
    let Some((pr, plan)) = b.actieplan.first() else {
        v.problemen.push(ImportProbleem {
            regel: None,
            melding: "het bestand bevat geen [[actieplan]]".into(),
        });
        return Ok(None);
    };
    for (extra, _) in b.actieplan.iter().skip(1) {
        p(*extra, "een import bevat precies één [[actieplan]]".into());
    }
    let pr = *pr;
    let mut plan = plan.clone();
    plan.bron = met_titels(&plan.bron);
    let thema = thema::Entity::find()
        .filter(thema::Column::Sleutel.eq(plan.thema.as_str()))
        .one(c)
        .await?;
    let thema_id = match &thema {
        Some(t) => {
            mag_plan_in(kijker, t.id)?;
            t.id
        }
        None => {
            p(pr, format!("thema '{}' bestaat niet", plan.thema));
            0
        }
    };
    let mut f = Fouten::default();
    f.verplicht("titel", &plan.titel, MAX_TITEL);
    f.verplicht("bron", &plan.bron, MAX_TEKST);
    f.periode(plan.periode_van, plan.periode_tot);
    f.vastgesteld_op(plan.vastgesteld_op.as_deref());
    for e in f.0 {
        p(pr, format!("actieplan.{}: {}", e.veld, e.tekst()));
    }
    if plan.soort.parse::<PlanSoort>().is_err() {
        p(pr, format!("onbekende soort '{}'", plan.soort));
    }
    if plan.status.parse::<PlanStatus>().is_err() {
        p(pr, format!("onbekende status '{}'", plan.status));
    }
    if !is_sleutel(&plan.sleutel) {
        p(pr, format!("ongeldige sleutel '{}'", plan.sleutel));
    } else if bestaat::<_, actieplan::Entity>(c, actieplan::Column::Sleutel, &plan.sleutel).await? {
        p(pr, format!("plan '{}' bestaat al", plan.sleutel));
    }
    v.te_maken.push(ImportRegel {
        soort: "actieplan",
        sleutel: plan.sleutel.clone(),
        titel: plan.titel.clone(),
        regel: pr,
    });

    let mut orgs = HashSet::new();
    let mut bestaande_orgs = HashMap::new();
    let mut organisaties = Vec::new();
    for (r, o) in &b.organisatie {
        let r = *r;
        let mut o = o.clone();
        o.bron = met_titels(&o.bron);
        if !orgs.insert(o.sleutel.clone()) || !is_sleutel(&o.sleutel) {
            p(
                r,
                format!("organisatie '{}': ongeldige of dubbele sleutel", o.sleutel),
            );
        }
        if o.soort.parse::<OrganisatieSoort>().is_err() {
            p(
                r,
                format!("organisatie '{}': onbekende soort '{}'", o.sleutel, o.soort),
            );
        }
        if let Some(m) = organisatie::Entity::find()
            .filter(organisatie::Column::Sleutel.eq(o.sleutel.as_str()))
            .one(c)
            .await?
        {
            bestaande_orgs.insert(o.sleutel.clone(), m.id);
            continue;
        }
        if !kijker.beheer {
            p(
                r,
                format!(
                    "organisatie '{}' is nieuw: alleen een beheerder voegt organisaties toe",
                    o.sleutel
                ),
            );
        }
        v.te_maken.push(ImportRegel {
            soort: "organisatie",
            sleutel: o.sleutel.clone(),
            titel: o.naam.clone(),
            regel: r,
        });
        organisaties.push(o);
    }
    let mut opg = HashSet::new();
    let mut opgaven = Vec::new();
    for (r, o) in &b.opgave {
        let r = *r;
        let mut o = o.clone();
        o.bron = met_titels(&o.bron);
        if o.actieplan != plan.sleutel {
            p(
                r,
                format!(
                    "opgave '{}' hoort bij plan '{}', niet bij dit plan",
                    o.sleutel, o.actieplan
                ),
            );
        }
        if !is_sleutel(&o.sleutel) || !opg.insert(o.sleutel.clone()) {
            p(r, format!("opgave '{}': ongeldige of dubbele sleutel", o.sleutel));
        } else if bestaat::<_, opgave::Entity>(c, opgave::Column::Sleutel, &o.sleutel).await? {
            p(r, format!("opgave '{}' bestaat al", o.sleutel));
        }
        if !koers_shared::tekst::is_zichtbaar(&o.titel) {
            p(r, format!("opgave '{}' heeft geen titel", o.sleutel));
        }
        v.te_maken.push(ImportRegel {
            soort: "opgave",
            sleutel: o.sleutel.clone(),
            titel: o.titel.clone(),
            regel: r,
        });
        opgaven.push(o);
    }
    let mut acties = Vec::new();
    let mut act = HashSet::new();
    for (r, a) in &b.actie {
        let r = *r;
        let mut a = a.clone();
        a.bron = met_titels(&a.bron);
        if !opg.contains(&a.opgave) {
            p(
                r,
                format!(
                    "actie '{}': opgave '{}' staat niet in dit bestand",
                    a.sleutel, a.opgave
                ),
            );
        }
        if !act.insert(a.sleutel.clone()) {
            p(r, format!("actie '{}': dubbele sleutel", a.sleutel));
        } else if bestaat::<_, actie::Entity>(c, actie::Column::Sleutel, &a.sleutel).await? {
            p(r, format!("actie '{}' bestaat al", a.sleutel));
        }
        if !koers_shared::tekst::is_zichtbaar(&a.titel) {
            p(r, format!("actie '{}' heeft geen titel", a.sleutel));
        }
        if !koers_shared::beheer::JAREN.contains(&a.jaar) || a.kwartaal.is_some_and(|k| !(1..=4).contains(&k))
        {
            p(r, format!("actie '{}': jaar of kwartaal klopt niet", a.sleutel));
        }
        if a.status.parse::<Status>().is_err() {
            p(
                r,
                format!("actie '{}': onbekende status '{}'", a.sleutel, a.status),
            );
        }
        for org in a.trekkers.iter().chain(&a.partners) {
            if !orgs.contains(org)
                && !bestaande_orgs.contains_key(org)
                && let Some(m) = organisatie::Entity::find()
                    .filter(organisatie::Column::Sleutel.eq(org.as_str()))
                    .one(c)
                    .await?
            {
                bestaande_orgs.insert(org.clone(), m.id);
            }
            if !orgs.contains(org) && !bestaande_orgs.contains_key(org) {
                p(
                    r,
                    format!("actie '{}': organisatie '{org}' bestaat niet", a.sleutel),
                );
            }
        }
        v.te_maken.push(ImportRegel {
            soort: "actie",
            sleutel: a.sleutel.clone(),
            titel: a.titel.clone(),
            regel: r,
        });
        acties.push(a);
    }
    if !v.problemen.is_empty() {
        return Ok(None);
    }
    Ok(Some(Plan {
        thema_id,
        plan,
        opgaven,
        acties,
        organisaties,
        bestaande_orgs,
    }))
}
