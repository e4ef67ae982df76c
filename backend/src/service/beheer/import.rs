//! Import of one plan in the seed's TOML format (`[[actieplan]]` once, its `[[opgave]]`s and `[[actie]]`s, new
//! `[[organisatie]]`s, `[[document]]`s for the sources): a dry run lists what would be created and every problem
//! by line (see `import_controle`); applying writes it all in one transaction or nothing.

use super::import_controle::{Bron, ImportVerslag, lees};
use super::{aangemaakt, invoegen, mag_plannen_beheren};
use crate::entities::{actieplan, opgave, organisatie};
use crate::error::ServiceResult;
use crate::service::schrijven::{NieuweActie, insert_actie};
use crate::service::{Services, audit};
use crate::toegang::Kijker;
use koers_shared::{ActieToestand, PlanSoort, PlanStatus, Status, valideer_toestand};
use serde_json::json;
use std::collections::HashMap;

impl Services {
    /// Imports one plan from TOML: with `droogoefenen` only what would be created and every problem; otherwise
    /// that too, and when there are no problems everything is created in one transaction.
    pub async fn actieplan_importeren(
        &self,
        kijker: &Kijker,
        text: &str,
        droogoefenen: bool,
    ) -> ServiceResult<ImportVerslag> {
        self.plan_importeren(kijker, Bron::Toml(text), droogoefenen).await
    }

    /// Imports one plan from `bron` (see [`Self::actieplan_importeren`]).
    pub(super) async fn plan_importeren(
        &self,
        kijker: &Kijker,
        bron: Bron<'_>,
        droogoefenen: bool,
    ) -> ServiceResult<ImportVerslag> {
        mag_plannen_beheren(kijker)?;
        let mut v = ImportVerslag::default();
        if droogoefenen {
            lees(&self.db.reader, kijker, &bron, &mut v).await?;
            return Ok(v);
        }
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let Some(plan) = lees(&txn, kijker, &bron, &mut v).await? else {
            return Ok(v);
        };
        let mut org_ids = plan.bestaande_orgs.clone();
        for o in &plan.organisaties {
            let m = invoegen(
                &txn,
                organisatie::Model {
                    id: 0,
                    sleutel: o.sleutel.clone(),
                    naam: o.naam.clone(),
                    afkorting: o.afkorting.clone(),
                    soort: o.soort.clone(),
                    bron: o.bron.clone(),
                    versie: 1,
                    samengevoegd_in: None,
                },
            )
            .await?;
            aangemaakt(&txn, &m, &door).await?;
            org_ids.insert(o.sleutel.clone(), m.id);
        }
        let p = &plan.plan;
        let pm = invoegen(
            &txn,
            actieplan::Model {
                id: 0,
                sleutel: p.sleutel.clone(),
                thema_id: plan.thema_id,
                titel: p.titel.trim().to_string(),
                soort: p
                    .soort
                    .parse::<PlanSoort>()
                    .map_or_else(|_| p.soort.clone(), |s| s.as_str().to_string()),
                periode_van: p.periode_van,
                periode_tot: p.periode_tot,
                vastgesteld_door: p.vastgesteld_door.clone(),
                vastgesteld_op: p.vastgesteld_op.clone(),
                status: p
                    .status
                    .parse::<PlanStatus>()
                    .map_or_else(|_| p.status.clone(), |s| s.as_str().to_string()),
                bron: p.bron.clone(),
                versie: 1,
                opvolger_id: None,
            },
        )
        .await?;
        aangemaakt(&txn, &pm, &door).await?;
        let mut opg_ids = HashMap::new();
        for o in &plan.opgaven {
            let m = invoegen(
                &txn,
                opgave::Model {
                    id: 0,
                    sleutel: o.sleutel.clone(),
                    actieplan_id: pm.id,
                    volgorde: o.volgorde,
                    titel: o.titel.trim().to_string(),
                    beschrijving: o.beschrijving.trim().to_string(),
                    bron: o.bron.clone(),
                    versie: 1,
                    vervallen: false,
                },
            )
            .await?;
            aangemaakt(&txn, &m, &door).await?;
            opg_ids.insert(o.sleutel.clone(), m.id);
        }
        let mut nieuw = Vec::new();
        for a in &plan.acties {
            let ids = |l: &[String]| {
                l.iter()
                    .filter_map(|k| org_ids.get(k).copied())
                    .collect::<Vec<_>>()
            };
            let status = a.status.parse::<Status>().unwrap_or(Status::Gepland);
            let toestand = valideer_toestand(&ActieToestand {
                status: Some(status),
                ..Default::default()
            })
            .map_err(crate::error::ServiceError::Invalid)?;
            let m = insert_actie(
                &txn,
                NieuweActie {
                    sleutel: Some(a.sleutel.clone()),
                    opgave_id: opg_ids.get(&a.opgave).copied().unwrap_or_default(),
                    opgave_afgeleid: a.opgave_afgeleid,
                    titel: a.titel.trim().to_string(),
                    beschrijving: a.beschrijving.trim().to_string(),
                    jaar: a.jaar,
                    kwartaal: a.kwartaal,
                    datum: a.datum,
                    toestand,
                    vertrouwelijk: a.vertrouwelijk,
                    bron: a.bron.clone(),
                    trekkers: ids(&a.trekkers),
                    partners: ids(&a.partners),
                },
                &door,
                Some(format!("Geïmporteerd met {}", pm.titel)),
            )
            .await?;
            nieuw.push(m);
        }
        audit::schrijf(
            &txn,
            kijker,
            "actieplanImporteren",
            Some(format!("actieplan/{}", pm.id)),
            json!({ "opgaven": plan.opgaven.len(), "acties": nieuw.len(), "organisaties": plan.organisaties.len() }),
        )
        .await?;
        crate::service::webhooks::plan_melden(&txn, &pm, "geimporteerd").await?;
        let mut events = Vec::new();
        for a in &nieuw {
            let plaats = (pm.id, pm.thema_id);
            crate::service::webhooks::aankondigen(
                &txn,
                crate::entities::webhook_levering::Gebeurtenis::ActieAangemaakt,
                a,
                plaats,
            )
            .await?;
            events.push(self.aankondigen(&txn, a, a.vertrouwelijk, plaats).await?);
        }
        self.db.commit(txn).await?;
        self.meld(&pm, Some(pm.thema_id));
        for e in events {
            self.verspreid(e);
        }
        v.actieplan = Some(pm);
        Ok(v)
    }
}
