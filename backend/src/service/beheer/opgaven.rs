//! Opgaven: creating one at the end of its plan, changing it, reordering a plan's opgaven, and retiring one
//! (`vervallen`) only when no acties are left in it.

use super::{
    aangemaakt, bewaar, bijgesneden, fouten, huidig, invoegen, mag_plan_in, mag_plannen_beheren,
    vrije_sleutel,
};
use crate::entities::{actie, actieplan, opgave};
use crate::error::{ServiceError, ServiceResult};
use crate::service::{Services, audit};
use crate::toegang::Kijker;
use koers_shared::beheer::{Fouten, MAX_TEKST, MAX_TITEL};
use koers_shared::melding::{Ding, Melding};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::json;

/// A new opgave as sent.
#[derive(Debug, Clone)]
pub struct OpgaveInvoer {
    pub actieplan_id: i32,
    pub sleutel: Option<String>,
    pub titel: String,
    pub beschrijving: Option<String>,
    pub bron: Option<String>,
}

/// A change of an opgave; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct OpgaveWijziging {
    pub id: i32,
    pub versie: i32,
    pub titel: Option<String>,
    pub beschrijving: Option<String>,
    pub bron: Option<String>,
    pub vervallen: Option<bool>,
    pub toelichting: Option<String>,
}

fn check(f: &mut Fouten, o: &opgave::Model) {
    f.verplicht("titel", &o.titel, MAX_TITEL);
    f.tekst("beschrijving", Some(&o.beschrijving), MAX_TEKST);
    f.verplicht("bron", &o.bron, MAX_TEKST);
}

async fn plan(txn: &DatabaseTransaction, id: i32, kijker: &Kijker) -> ServiceResult<actieplan::Model> {
    let p = actieplan::Entity::find_by_id(id)
        .one(txn)
        .await?
        .filter(|p| kijker.ziet_thema(p.thema_id))
        .ok_or_else(|| ServiceError::melding("actieplan", Melding::BestaatNiet { ding: Ding::Plan }))?;
    mag_plan_in(kijker, p.thema_id)?;
    Ok(p)
}

impl Services {
    /// Creates an opgave at the end of its plan.
    pub async fn opgave_aanmaken(&self, kijker: &Kijker, n: OpgaveInvoer) -> ServiceResult<opgave::Model> {
        mag_plannen_beheren(kijker)?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let p = plan(&txn, n.actieplan_id, kijker).await?;
        let laatste = opgave::Entity::find()
            .filter(opgave::Column::ActieplanId.eq(p.id))
            .order_by_desc(opgave::Column::Volgorde)
            .one(&txn)
            .await?
            .map_or(0, |o| o.volgorde);
        let mut o = opgave::Model {
            id: 0,
            sleutel: String::new(),
            actieplan_id: p.id,
            volgorde: laatste + 1,
            titel: koers_shared::tekst::bijgesneden(&n.titel).to_string(),
            beschrijving: n.beschrijving.unwrap_or_default().trim().to_string(),
            bron: bijgesneden(n.bron.as_deref()).unwrap_or_else(|| format!("Ingevoerd in Koers door {door}")),
            versie: 1,
            vervallen: false,
        };
        let mut f = Fouten::default();
        check(&mut f, &o);
        fouten(f.klaar())?;
        let basis = format!("{}-{}", p.sleutel, o.titel);
        o.sleutel =
            vrije_sleutel::<opgave::Entity>(&txn, opgave::Column::Sleutel, n.sleutel.as_deref(), &basis)
                .await?;
        let m = invoegen(&txn, o).await?;
        aangemaakt(&txn, &m, &door).await?;
        audit::schrijf(
            &txn,
            kijker,
            "opgaveAanmaken",
            Some(format!("opgave/{}", m.id)),
            json!({ "versie": m.versie, "actieplan": p.id, "titel": m.titel }),
        )
        .await?;
        crate::service::webhooks::plan_melden(&txn, &p, "opgaven").await?;
        self.db.commit(txn).await?;
        self.meld(&m, Some(p.thema_id));
        Ok(m)
    }

    /// Changes an opgave; retiring it (`vervallen`) is refused while acties are left in it.
    pub async fn opgave_wijzigen(&self, kijker: &Kijker, w: OpgaveWijziging) -> ServiceResult<opgave::Model> {
        mag_plannen_beheren(kijker)?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: opgave::Model = huidig(&txn, w.id, w.versie).await?;
        let p = plan(&txn, voor.actieplan_id, kijker).await?;
        let mut na = voor.clone();
        if let Some(t) = &w.titel {
            na.titel = koers_shared::tekst::bijgesneden(t).to_string();
        }
        if let Some(b) = &w.beschrijving {
            na.beschrijving = b.trim().to_string();
        }
        if let Some(b) = &w.bron {
            na.bron = b.trim().to_string();
        }
        let mut f = Fouten::default();
        check(&mut f, &na);
        f.tekst("toelichting", w.toelichting.as_deref(), MAX_TEKST);
        fouten(f.klaar())?;
        if let Some(v) = w.vervallen {
            if v && !voor.vervallen {
                let acties = actie::Entity::find()
                    .filter(actie::Column::OpgaveId.eq(voor.id))
                    .count(&txn)
                    .await?;
                if acties > 0 {
                    return Err(ServiceError::melding(
                        "vervallen",
                        Melding::NogActies { aantal: acties },
                    ));
                }
            }
            na.vervallen = v;
        }
        let (m, velden) = bewaar(&txn, &door, &voor, na, bijgesneden(w.toelichting.as_deref())).await?;
        if !velden.is_empty() {
            audit::schrijf(
                &txn,
                kijker,
                "opgaveWijzigen",
                Some(format!("opgave/{}", m.id)),
                json!({ "versie": m.versie, "velden": velden }),
            )
            .await?;
        }
        if !velden.is_empty() {
            crate::service::webhooks::plan_melden(&txn, &p, "opgaven").await?;
        }
        self.db.commit(txn).await?;
        if !velden.is_empty() {
            self.meld(&m, Some(p.thema_id));
        }
        Ok(m)
    }

    /// Puts the opgaven of a plan in the order given (every opgave of the plan exactly once); each opgave whose
    /// place changes gets a new version and a history row. `versies` are the opgaven's versions as read.
    pub async fn opgaven_ordenen(
        &self,
        kijker: &Kijker,
        plan_id: i32,
        volgorde: &[(i32, i32)],
    ) -> ServiceResult<Vec<opgave::Model>> {
        mag_plannen_beheren(kijker)?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let p = plan(&txn, plan_id, kijker).await?;
        let alle = opgave::Entity::find()
            .filter(opgave::Column::ActieplanId.eq(p.id))
            .all(&txn)
            .await?;
        let mut gestuurd: Vec<i32> = volgorde.iter().map(|(id, _)| *id).collect();
        let mut bestaand: Vec<i32> = alle.iter().map(|o| o.id).collect();
        gestuurd.sort_unstable();
        bestaand.sort_unstable();
        if gestuurd != bestaand {
            return Err(ServiceError::melding("opgaven", Melding::ElkeOpgaveEenKeer));
        }
        let mut uit = Vec::new();
        for (plek, (id, versie)) in volgorde.iter().enumerate() {
            let voor: opgave::Model = huidig(&txn, *id, *versie).await?;
            let mut na = voor.clone();
            na.volgorde = i32::try_from(plek).unwrap_or(i32::MAX - 1) + 1;
            let (m, _) = bewaar(&txn, &door, &voor, na, None).await?;
            uit.push(m);
        }
        audit::schrijf(
            &txn,
            kijker,
            "opgavenOrdenen",
            Some(format!("actieplan/{}", p.id)),
            json!({ "opgaven": uit.iter().map(|o| o.id).collect::<Vec<_>>() }),
        )
        .await?;
        crate::service::webhooks::plan_melden(&txn, &p, "opgaven").await?;
        self.db.commit(txn).await?;
        for o in &uit {
            self.meld(o, Some(p.thema_id));
        }
        Ok(uit)
    }
}
