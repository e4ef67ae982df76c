//! Actieplannen: creating and changing one (closing it is status `afgerond`), naming its successor, and moving
//! its open acties to that successor in one step (with a preview), each actie keeping its history.

use super::{
    aangemaakt, bewaar, bijgesneden, fouten, huidig, invoegen, mag_plan_in, mag_plannen_beheren,
    vrije_sleutel,
};
use crate::entities::{actie, actieplan, opgave, thema};
use crate::error::{ServiceError, ServiceResult};
use crate::service::rechten::mag_wijzigen_in;
use crate::service::{Services, audit};
use crate::toegang::Kijker;
use koers_shared::beheer::{Fouten, MAX_KORT, MAX_TEKST, MAX_TITEL};
use koers_shared::melding::{Ding, Melding};
use koers_shared::{PlanSoort, PlanStatus, Status};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

/// A new plan as sent.
#[derive(Debug, Clone)]
pub struct PlanInvoer {
    pub thema_id: i32,
    pub sleutel: Option<String>,
    pub titel: String,
    pub soort: PlanSoort,
    pub periode_van: i32,
    pub periode_tot: i32,
    pub vastgesteld_door: Option<String>,
    pub vastgesteld_op: Option<String>,
    pub status: PlanStatus,
    pub bron: Option<String>,
}

/// A change of a plan; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct PlanWijziging {
    pub id: i32,
    pub versie: i32,
    pub thema_id: Option<i32>,
    pub titel: Option<String>,
    pub soort: Option<PlanSoort>,
    pub periode_van: Option<i32>,
    pub periode_tot: Option<i32>,
    pub vastgesteld_door: Option<Option<String>>,
    pub vastgesteld_op: Option<Option<String>>,
    pub status: Option<PlanStatus>,
    pub bron: Option<String>,
    pub opvolger_id: Option<Option<i32>>,
    pub toelichting: Option<String>,
}

/// One open actie of a plan and where it goes.
#[derive(Debug, Clone)]
pub struct VerplaatsingRegel {
    pub actie: actie::Model,
    pub van: opgave::Model,
    /// The successor's opgave it goes to; none when no opgave matches and no default was given.
    pub naar: Option<opgave::Model>,
}

/// The open acties of a plan and where they go in its successor.
#[derive(Debug, Clone)]
pub struct Verplaatsing {
    pub plan: actieplan::Model,
    pub opvolger: actieplan::Model,
    pub regels: Vec<VerplaatsingRegel>,
}

fn check_plan(f: &mut Fouten, p: &actieplan::Model) {
    f.verplicht("titel", &p.titel, MAX_TITEL);
    f.periode(p.periode_van, p.periode_tot);
    f.tekst("vastgesteldDoor", p.vastgesteld_door.as_deref(), MAX_KORT);
    f.vastgesteld_op(p.vastgesteld_op.as_deref());
    f.verplicht("bron", &p.bron, MAX_TEKST);
}

async fn thema_van<C: ConnectionTrait>(c: &C, id: i32, veld: &str) -> ServiceResult<thema::Model> {
    thema::Entity::find_by_id(id)
        .one(c)
        .await?
        .ok_or_else(|| ServiceError::melding(veld, Melding::BestaatNiet { ding: Ding::Thema }))
}

/// Refuses a successor that does not exist, is the plan itself, or leads back to it.
async fn check_opvolger<C: ConnectionTrait>(c: &C, plan: i32, opvolger: i32) -> ServiceResult<()> {
    let mut volgende = Some(opvolger);
    for _ in 0..1000 {
        let Some(id) = volgende else { return Ok(()) };
        if id == plan {
            return Err(ServiceError::melding("opvolger", Melding::OpvolgerKring));
        }
        let p = actieplan::Entity::find_by_id(id).one(c).await?;
        match p {
            Some(p) => volgende = p.opvolger_id,
            None if id == opvolger => {
                return Err(ServiceError::melding(
                    "opvolger",
                    Melding::BestaatNiet { ding: Ding::Plan },
                ));
            }
            None => return Ok(()),
        }
    }
    Ok(())
}

fn is_open(a: &actie::Model) -> bool {
    !matches!(a.status.parse::<Status>(), Ok(Status::Afgerond | Status::Gestopt))
}

impl Services {
    /// Creates a plan in a thema.
    pub async fn actieplan_aanmaken(
        &self,
        kijker: &Kijker,
        n: PlanInvoer,
    ) -> ServiceResult<actieplan::Model> {
        mag_plannen_beheren(kijker)?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        thema_van(&txn, n.thema_id, "thema").await?;
        mag_plan_in(kijker, n.thema_id)?;
        let mut p = actieplan::Model {
            id: 0,
            sleutel: String::new(),
            thema_id: n.thema_id,
            titel: koers_shared::tekst::bijgesneden(&n.titel).to_string(),
            soort: n.soort.as_str().to_string(),
            periode_van: n.periode_van,
            periode_tot: n.periode_tot,
            vastgesteld_door: bijgesneden(n.vastgesteld_door.as_deref()),
            vastgesteld_op: bijgesneden(n.vastgesteld_op.as_deref()),
            status: n.status.as_str().to_string(),
            bron: bijgesneden(n.bron.as_deref()).unwrap_or_else(|| format!("Ingevoerd in Koers door {door}")),
            versie: 1,
            opvolger_id: None,
        };
        let mut f = Fouten::default();
        check_plan(&mut f, &p);
        fouten(f.klaar())?;
        p.sleutel = vrije_sleutel::<actieplan::Entity>(
            &txn,
            actieplan::Column::Sleutel,
            n.sleutel.as_deref(),
            &p.titel,
        )
        .await?;
        let m = invoegen(&txn, p).await?;
        aangemaakt(&txn, &m, &door).await?;
        audit::schrijf(
            &txn,
            kijker,
            "actieplanAanmaken",
            Some(format!("actieplan/{}", m.id)),
            json!({ "versie": m.versie, "titel": m.titel }),
        )
        .await?;
        crate::service::webhooks::plan_melden(&txn, &m, "aangemaakt").await?;
        self.db.commit(txn).await?;
        self.meld(&m, Some(m.thema_id));
        Ok(m)
    }

    /// Changes a plan: title, kind, period, adoption, status (closing is `afgerond`), source, thema, successor.
    pub async fn actieplan_wijzigen(
        &self,
        kijker: &Kijker,
        w: PlanWijziging,
    ) -> ServiceResult<actieplan::Model> {
        mag_plannen_beheren(kijker)?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: actieplan::Model = huidig(&txn, w.id, w.versie).await?;
        mag_plan_in(kijker, voor.thema_id)?;
        let mut na = voor.clone();
        if let Some(t) = w.thema_id {
            thema_van(&txn, t, "thema").await?;
            mag_plan_in(kijker, t)?;
            na.thema_id = t;
        }
        if let Some(t) = &w.titel {
            na.titel = koers_shared::tekst::bijgesneden(t).to_string();
        }
        if let Some(s) = w.soort {
            na.soort = s.as_str().to_string();
        }
        na.periode_van = w.periode_van.unwrap_or(na.periode_van);
        na.periode_tot = w.periode_tot.unwrap_or(na.periode_tot);
        if let Some(v) = &w.vastgesteld_door {
            na.vastgesteld_door = bijgesneden(v.as_deref());
        }
        if let Some(v) = &w.vastgesteld_op {
            na.vastgesteld_op = bijgesneden(v.as_deref());
        }
        if let Some(s) = w.status {
            na.status = s.as_str().to_string();
        }
        if let Some(b) = &w.bron {
            na.bron = b.trim().to_string();
        }
        let mut f = Fouten::default();
        check_plan(&mut f, &na);
        f.tekst("toelichting", w.toelichting.as_deref(), MAX_TEKST);
        fouten(f.klaar())?;
        if let Some(o) = w.opvolger_id {
            if let Some(o) = o {
                check_opvolger(&txn, voor.id, o).await?;
            }
            na.opvolger_id = o;
        }
        let (m, velden) = bewaar(&txn, &door, &voor, na, bijgesneden(w.toelichting.as_deref())).await?;
        if !velden.is_empty() {
            audit::schrijf(
                &txn,
                kijker,
                "actieplanWijzigen",
                Some(format!("actieplan/{}", m.id)),
                json!({ "versie": m.versie, "velden": velden }),
            )
            .await?;
        }
        if !velden.is_empty() {
            crate::service::webhooks::plan_melden(&txn, &m, "gewijzigd").await?;
        }
        self.db.commit(txn).await?;
        if !velden.is_empty() {
            self.meld(&m, Some(m.thema_id));
        }
        Ok(m)
    }

    async fn verplaatsing_in<C: ConnectionTrait>(
        c: &C,
        kijker: &Kijker,
        plan_id: i32,
        naar_opgave: Option<i32>,
    ) -> ServiceResult<Verplaatsing> {
        let plan = actieplan::Entity::find_by_id(plan_id)
            .one(c)
            .await?
            .filter(|p| kijker.ziet_thema(p.thema_id))
            .ok_or_else(|| ServiceError::NotFound("actieplan".into()))?;
        mag_plan_in(kijker, plan.thema_id)?;
        let opvolger_id = plan
            .opvolger_id
            .ok_or_else(|| ServiceError::melding("actieplan", Melding::GeenOpvolger))?;
        let opvolger = actieplan::Entity::find_by_id(opvolger_id)
            .one(c)
            .await?
            .ok_or_else(|| ServiceError::Internal(format!("opvolger {opvolger_id} ontbreekt")))?;
        mag_plan_in(kijker, opvolger.thema_id)?;
        let doelen: Vec<opgave::Model> = opgave::Entity::find()
            .filter(opgave::Column::ActieplanId.eq(opvolger.id))
            .filter(opgave::Column::Vervallen.eq(false))
            .order_by_asc(opgave::Column::Volgorde)
            .all(c)
            .await?;
        let standaard = match naar_opgave {
            Some(id) => Some(
                doelen
                    .iter()
                    .find(|o| o.id == id)
                    .cloned()
                    .ok_or_else(|| ServiceError::melding("naarOpgave", Melding::KiesOpgaveOpvolger))?,
            ),
            None => None,
        };
        let bronnen: Vec<opgave::Model> = opgave::Entity::find()
            .filter(opgave::Column::ActieplanId.eq(plan.id))
            .order_by_asc(opgave::Column::Volgorde)
            .all(c)
            .await?;
        let acties = actie::Entity::find()
            .filter(actie::Column::OpgaveId.is_in(bronnen.iter().map(|o| o.id)))
            .order_by_asc(actie::Column::Id)
            .all(c)
            .await?;
        let gelijk = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        let regels = acties
            .into_iter()
            .filter(is_open)
            .filter_map(|a| {
                let van = bronnen.iter().find(|o| o.id == a.opgave_id)?.clone();
                let naar = doelen
                    .iter()
                    .find(|d| gelijk(&d.titel, &van.titel))
                    .cloned()
                    .or_else(|| standaard.clone());
                Some(VerplaatsingRegel { actie: a, van, naar })
            })
            .collect();
        Ok(Verplaatsing {
            plan,
            opvolger,
            regels,
        })
    }

    /// What moving the open acties of a plan to its successor would do: each open actie and its new opgave (an
    /// opgave of the successor with the same title, else `naar_opgave`). Changes nothing.
    pub async fn verplaatsing(
        &self,
        kijker: &Kijker,
        plan_id: i32,
        naar_opgave: Option<i32>,
    ) -> ServiceResult<Verplaatsing> {
        mag_plannen_beheren(kijker)?;
        Self::verplaatsing_in(&self.db.reader, kijker, plan_id, naar_opgave).await
    }

    /// Moves the open acties of a plan to its successor in one transaction, as the preview says; refused
    /// (nothing moves) when any actie has no opgave to go to.
    pub async fn acties_naar_opvolger(
        &self,
        kijker: &Kijker,
        plan_id: i32,
        naar_opgave: Option<i32>,
    ) -> ServiceResult<Verplaatsing> {
        mag_plannen_beheren(kijker)?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let mut v = Self::verplaatsing_in(&txn, kijker, plan_id, naar_opgave).await?;
        let zonder = v.regels.iter().filter(|r| r.naar.is_none()).count();
        if zonder > 0 {
            return Err(ServiceError::melding(
                "naarOpgave",
                Melding::ActiesZonderOpgave {
                    aantal: u64::try_from(zonder).unwrap_or(u64::MAX),
                },
            ));
        }
        let toelichting = format!(
            "Verplaatst van {} naar opvolger {}",
            v.plan.titel, v.opvolger.titel
        );
        let mut oud = Vec::new();
        for r in &mut v.regels {
            let Some(naar) = &r.naar else { continue };
            mag_wijzigen_in(kijker, v.plan.thema_id, r.actie.vertrouwelijk)?;
            mag_wijzigen_in(kijker, v.opvolger.thema_id, r.actie.vertrouwelijk)?;
            let mut nieuw = r.actie.clone();
            nieuw.opgave_id = naar.id;
            let saved = Self::save(&txn, &r.actie, nieuw, &door, Some(toelichting.clone()), "opgave").await?;
            oud.push(r.actie.vertrouwelijk);
            r.actie = saved;
        }
        audit::schrijf(
            &txn,
            kijker,
            "actiesNaarOpvolger",
            Some(format!("actieplan/{}", v.plan.id)),
            json!({ "opvolger": v.opvolger.id, "acties": v.regels.iter().map(|r| r.actie.id).collect::<Vec<_>>() }),
        )
        .await?;
        let mut events = Vec::new();
        for (r, was) in v.regels.iter().zip(oud) {
            if r.naar.is_none() {
                continue;
            }
            let plaats = (v.opvolger.id, v.opvolger.thema_id);
            crate::service::webhooks::aankondigen(
                &txn,
                crate::entities::webhook_levering::Gebeurtenis::ActieGewijzigd,
                &r.actie,
                plaats,
            )
            .await?;
            events.push(self.aankondigen(&txn, &r.actie, was, plaats).await?);
        }
        crate::service::webhooks::plan_melden(&txn, &v.plan, "acties").await?;
        crate::service::webhooks::plan_melden(&txn, &v.opvolger, "acties").await?;
        self.db.commit(txn).await?;
        for e in events {
            self.verspreid(e);
        }
        Ok(v)
    }
}
