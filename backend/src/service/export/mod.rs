//! Export of a plan, a thema or everything as rows (thema, plan, opgave, actie with its state, organisations,
//! last change, source, id and versie), read through the viewer's [`Zicht`] like every API read; `formaat`
//! writes them as CSV or XLSX, `tabel` reads such a file back, `bijwerken` re-imports progress from it.

pub mod bijwerken;
pub mod formaat;
pub mod tabel;

use super::Services;
use super::lezen;
use super::zicht::Zicht;
use crate::entities::{actie, actieplan, thema};
use crate::error::{ServiceError, ServiceResult};
use crate::toegang::Kijker;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use koers_shared::{Gezondheid, Status};
use std::collections::HashMap;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Omvang {
    /// One plan.
    Actieplan(i32),
    /// The plans of one thema.
    Thema(i32),
    /// Every plan the viewer may see.
    Alles,
}

/// One actie in an export.
#[derive(Debug, Clone)]
pub struct ActieRij {
    pub id: i32,
    pub versie: i32,
    pub titel: String,
    pub jaar: i32,
    pub kwartaal: Option<i32>,
    pub status: Option<Status>,
    pub gezondheid: Option<Gezondheid>,
    pub gezondheid_reden: Option<String>,
    pub voortgang: Option<i32>,
    pub trekkers: Vec<String>,
    pub partners: Vec<String>,
    pub vertrouwelijk: bool,
    pub gewijzigd_op: chrono::DateTime<chrono::Utc>,
    pub bron: String,
}

/// One row: an actie under its opgave, plan and thema (an opgave without acties the viewer may see: none).
#[derive(Debug, Clone)]
pub struct ExportRij {
    pub thema: String,
    pub actieplan: String,
    pub opgave: String,
    pub actie: Option<ActieRij>,
}

/// An export: its rows and a name for its file (without extension).
#[derive(Debug, Clone)]
pub struct Export {
    pub naam: String,
    pub rijen: Vec<ExportRij>,
}

/// The global id the API gives actie `id` (as `graphql::ids::encode`).
pub fn actie_id(id: i32) -> String {
    URL_SAFE_NO_PAD.encode(format!("Actie:{id}"))
}

/// The actie a global id names, if it names one.
pub fn lees_actie_id(s: &str) -> Option<i32> {
    let raw = URL_SAFE_NO_PAD.decode(s.trim()).ok()?;
    String::from_utf8(raw).ok()?.strip_prefix("Actie:")?.parse().ok()
}

fn rij(a: &actie::Model, orgs: Option<&Vec<(String, crate::entities::organisatie::Model)>>) -> ActieRij {
    let namen = |rol: &str| -> Vec<String> {
        orgs.into_iter()
            .flatten()
            .filter(|(r, _)| r == rol)
            .map(|(_, o)| o.naam.clone())
            .collect()
    };
    ActieRij {
        id: a.id,
        versie: a.versie,
        titel: a.titel.clone(),
        jaar: a.jaar,
        kwartaal: a.kwartaal,
        status: a.status.parse().ok(),
        gezondheid: a.gezondheid.as_deref().and_then(|g| g.parse().ok()),
        gezondheid_reden: a.gezondheid_reden.clone(),
        voortgang: a.voortgang,
        trekkers: namen(crate::entities::actie_organisatie::TREKKER),
        partners: namen(crate::entities::actie_organisatie::PARTNER),
        vertrouwelijk: a.vertrouwelijk,
        gewijzigd_op: a.gewijzigd_op,
        bron: a.bron.clone(),
    }
}

impl Services {
    /// The rows of `omvang` as `kijker` may read them (confidential acties only for who may see them), in the
    /// order of the API: thema, plan by period, opgave by order, actie by year. A plan or thema it may not see
    /// is NOT_FOUND.
    pub async fn export(&self, kijker: &Kijker, omvang: Omvang) -> ServiceResult<Export> {
        let zicht = Zicht::van(kijker)?;
        let db = &self.db.reader;
        let themas = lezen::themas(db, &zicht).await?;
        let (plannen, naam): (Vec<actieplan::Model>, String) = match omvang {
            Omvang::Actieplan(id) => {
                let p = lezen::by_ids::<actieplan::Entity>(db, &zicht, &[id])
                    .await?
                    .remove(&id)
                    .ok_or_else(|| ServiceError::NotFound("actieplan".into()))?;
                let naam = format!("actieplan-{}", p.sleutel);
                (vec![p], naam)
            }
            Omvang::Thema(id) => {
                let t = themas
                    .iter()
                    .find(|t| t.id == id)
                    .ok_or_else(|| ServiceError::NotFound("thema".into()))?;
                let naam = format!("thema-{}", t.sleutel);
                (lezen::actieplannen(db, &zicht, Some(id)).await?, naam)
            }
            Omvang::Alles => (lezen::actieplannen(db, &zicht, None).await?, "alles".into()),
        };
        let volgorde: HashMap<i32, (usize, &thema::Model)> =
            themas.iter().enumerate().map(|(i, t)| (t.id, (i, t))).collect();
        let mut plannen: Vec<_> = plannen
            .into_iter()
            .filter_map(|p| volgorde.get(&p.thema_id).map(|(i, t)| (*i, *t, p)))
            .collect();
        plannen.sort_by_key(|(i, _, p)| (*i, p.periode_van, p.id));
        let plan_ids: Vec<i32> = plannen.iter().map(|(_, _, p)| p.id).collect();
        let mut opgaven = lezen::opgaven_per_actieplan(db, &zicht, &plan_ids).await?;
        let opgave_ids: Vec<i32> = opgaven.values().flatten().map(|o| o.id).collect();
        let mut acties = lezen::acties_per_opgave(db, &zicht, &opgave_ids).await?;
        let actie_ids: Vec<i32> = acties.values().flatten().map(|a| a.id).collect();
        let orgs = lezen::organisaties_per_actie(db, &zicht, &actie_ids).await?;
        let mut rijen = Vec::new();
        for (_, t, p) in &plannen {
            for o in opgaven.remove(&p.id).unwrap_or_default() {
                let onder = acties.remove(&o.id).unwrap_or_default();
                let kop = |actie| ExportRij {
                    thema: t.naam.clone(),
                    actieplan: p.titel.clone(),
                    opgave: o.titel.clone(),
                    actie,
                };
                if onder.is_empty() {
                    rijen.push(kop(None));
                }
                for a in &onder {
                    rijen.push(kop(Some(rij(a, orgs.get(&a.id)))));
                }
            }
        }
        Ok(Export {
            naam: format!("koers-{naam}-{}", chrono::Utc::now().format("%Y-%m-%d")),
            rijen,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actie_ids_are_the_apis_global_ids() {
        assert_eq!(actie_id(12), "QWN0aWU6MTI");
        assert_eq!(lees_actie_id(&actie_id(12)), Some(12));
        assert_eq!(lees_actie_id("T3BnYXZlOjE"), None);
        assert_eq!(lees_actie_id("12"), None);
    }
}
