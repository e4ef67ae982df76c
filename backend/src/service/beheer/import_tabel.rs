//! A new plan from a CSV/XLSX file in the layout of the export (rows without id): one plan (the `actieplan`
//! column) in one thema, its opgaven in the order they first appear, an actie per row with a title. Keys are
//! made from the titles; thema's and organisations are found by name, abbreviation or key. The records then
//! go through the same checks and the same one-transaction apply as the TOML import.

use super::import_controle::{Bron, ImportProbleem, ImportVerslag, Invoer};
use crate::entities::{organisatie, thema};
use crate::error::ServiceResult;
use crate::seed::{SeedActie, SeedActieplan, SeedOpgave};
use crate::service::Services;
use crate::service::export::formaat::Formaat;
use crate::service::export::tabel::{self, Tabel};
use crate::toegang::Kijker;
use koers_shared::beheer::{MAX_SLEUTEL, sleutel_van};
use koers_shared::export::{KOLOMMEN_PLAN, ORGANISATIE_SCHEIDING};
use koers_shared::{Status, tekst::zoekvorm};
use sea_orm::{ConnectionTrait, EntityTrait};
use std::collections::HashMap;

fn sleutel(delen: &[&str]) -> String {
    let s: String = delen.join("-").chars().take(MAX_SLEUTEL).collect();
    s.trim_end_matches('-').to_string()
}

/// The records of `t`, and the problems found while reading them.
async fn invoer<C: ConnectionTrait>(c: &C, t: &Tabel) -> ServiceResult<(Invoer, Vec<ImportProbleem>)> {
    let mut problemen = Vec::new();
    let mut p = |regel: usize, melding: String| {
        problemen.push(ImportProbleem {
            regel: Some(regel),
            melding,
        })
    };
    let mut namen: HashMap<String, String> = HashMap::new();
    for o in organisatie::Entity::find().all(c).await? {
        for n in [Some(&o.naam), o.afkorting.as_ref(), Some(&o.sleutel)]
            .into_iter()
            .flatten()
        {
            namen.entry(zoekvorm(n)).or_insert_with(|| o.sleutel.clone());
        }
    }
    let themas: HashMap<String, String> = thema::Entity::find()
        .all(c)
        .await?
        .into_iter()
        .flat_map(|t| {
            [
                (zoekvorm(&t.naam), t.sleutel.clone()),
                (zoekvorm(&t.sleutel), t.sleutel),
            ]
        })
        .collect();
    let mut invoer = Invoer::default();
    let Some(eerste) = t.rijen.first() else {
        p(1, "het bestand heeft geen regels onder de kop".into());
        return Ok((invoer, problemen));
    };
    let (thema_cel, titel) = (t.cel(eerste, "thema"), t.cel(eerste, "actieplan"));
    let plan_sleutel = sleutel_van(titel);
    let bron = t
        .rijen
        .iter()
        .map(|r| t.cel(r, "bron"))
        .find(|b| !b.is_empty())
        .unwrap_or("Geïmporteerd uit een CSV- of XLSX-bestand")
        .to_string();
    let mut jaren = Vec::new();
    let mut opgaven: Vec<(String, String)> = Vec::new();
    for r in &t.rijen {
        let cel = |k: &str| t.cel(r, k);
        if !cel("id").is_empty() {
            p(
                r.regel,
                "deze regel heeft een id: een bestaande actie; een nieuw plan heeft regels zonder id".into(),
            );
        }
        if cel("actieplan") != titel || cel("thema") != thema_cel {
            p(
                r.regel,
                format!("een import bevat precies één plan: '{titel}' in thema '{thema_cel}'"),
            );
        }
        let opgave = cel("opgave");
        let o_sleutel = match opgaven.iter().find(|(t, _)| t == opgave) {
            Some((_, s)) => s.clone(),
            None => {
                let mut s = sleutel(&[&plan_sleutel, &sleutel_van(opgave)]);
                if opgaven.iter().any(|(_, o)| *o == s) {
                    s = sleutel(&[&plan_sleutel, &(opgaven.len() + 1).to_string()]);
                }
                opgaven.push((opgave.to_string(), s.clone()));
                invoer.opgave.push((
                    r.regel,
                    SeedOpgave {
                        sleutel: s.clone(),
                        actieplan: plan_sleutel.clone(),
                        volgorde: i32::try_from(opgaven.len()).unwrap_or(i32::MAX),
                        titel: opgave.to_string(),
                        beschrijving: String::new(),
                        bron: bron.clone(),
                    },
                ));
                s
            }
        };
        if cel("actie").is_empty() {
            continue;
        }
        let jaar = cel("jaar").parse::<i32>().unwrap_or(0);
        jaren.push(jaar);
        let orgs = |k: &str| -> Vec<String> {
            cel(k)
                .split(ORGANISATIE_SCHEIDING.trim())
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| namen.get(&zoekvorm(n)).cloned().unwrap_or_else(|| n.to_string()))
                .collect()
        };
        let status = match cel("status") {
            "" => Status::Gepland.as_str().to_string(),
            s => s
                .parse::<Status>()
                .map_or_else(|_| s.to_string(), |s| s.as_str().to_string()),
        };
        let n = invoer.actie.len() + 1;
        invoer.actie.push((
            r.regel,
            SeedActie {
                sleutel: sleutel(&[&plan_sleutel, &format!("a{n}")]),
                opgave: o_sleutel,
                opgave_afgeleid: false,
                titel: cel("actie").to_string(),
                beschrijving: String::new(),
                trekkers: orgs("trekkers"),
                partners: orgs("partners"),
                jaar,
                kwartaal: cel("kwartaal").parse().ok(),
                datum: None,
                status,
                vertrouwelijk: matches!(cel("vertrouwelijk").to_lowercase().as_str(), "ja" | "true" | "1"),
                bron: Some(cel("bron"))
                    .filter(|b| !b.is_empty())
                    .unwrap_or(&bron)
                    .to_string(),
            },
        ));
    }
    let jaar_nu = chrono::Datelike::year(&chrono::Utc::now());
    let geldig: Vec<i32> = jaren.into_iter().filter(|j| *j > 0).collect();
    invoer.actieplan.push((
        eerste.regel,
        SeedActieplan {
            sleutel: plan_sleutel,
            thema: themas
                .get(&zoekvorm(thema_cel))
                .cloned()
                .unwrap_or_else(|| thema_cel.to_string()),
            titel: titel.to_string(),
            soort: "actieplan".into(),
            periode_van: geldig.iter().copied().min().unwrap_or(jaar_nu),
            periode_tot: geldig.iter().copied().max().unwrap_or(jaar_nu),
            vastgesteld_door: None,
            vastgesteld_op: None,
            status: "vastgesteld".into(),
            bron,
        },
    ));
    Ok((invoer, problemen))
}

impl Services {
    /// Imports one new plan from a CSV/XLSX file in the layout of the export (`inhoud`: CSV text or XLSX in
    /// base64): a dry run, or everything in one transaction when there are no problems.
    pub async fn actieplan_importeren_tabel(
        &self,
        kijker: &Kijker,
        formaat: Formaat,
        inhoud: &str,
        droogoefenen: bool,
    ) -> ServiceResult<ImportVerslag> {
        super::mag_plannen_beheren(kijker)?;
        let t = tabel::lees(formaat, &tabel::bytes(formaat, inhoud)?)?;
        t.vereist(&KOLOMMEN_PLAN)?;
        let (invoer, problemen) = invoer(&self.db.reader, &t).await?;
        self.plan_importeren(kijker, Bron::Tabel(&invoer, &problemen), droogoefenen)
            .await
    }
}
