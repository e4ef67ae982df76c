//! RVO snapshots ("wat het RVO zag"): the state of every plan frozen once per meeting — by a beheerder, or by
//! the job at the meeting's start (the start of its date, UTC, reconstructed from the history even when the job
//! runs later) — never changed afterwards, and read through the viewer's [`Zicht`].

pub use super::stand_zicht::zichtbaar;
use super::{ActieOp, ooit_in, standen};
use crate::entities::{actie, beheer_historie, rvo_stand, rvo_vergadering};
use crate::error::{ServiceError, ServiceResult};
use crate::service::rollups::{Samenvatting, stand as actie_stand};
use crate::service::zicht::Zicht;
use crate::service::{Services, audit, lezen};
use crate::toegang::Kijker;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use koers_shared::Melding;
use koers_shared::Rollup;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// How long after a meeting's start the job still freezes it (an instance that was down at the start).
const VENSTER: TimeDelta = TimeDelta::days(7);

/// The state of every plan at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stand {
    /// The plans, by thema and start year.
    pub plannen: Vec<StandPlan>,
}

/// A plan in a [`Stand`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandPlan {
    pub id: i32,
    pub thema_id: i32,
    pub titel: String,
    /// Its opgaven in their order.
    pub opgaven: Vec<StandOpgave>,
}

/// An opgave in a [`Stand`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandOpgave {
    pub id: i32,
    pub titel: String,
    /// Its acties that existed then, by year and id.
    pub acties: Vec<StandActie>,
    /// Acties left out on reading because the viewer may not see them (0 as stored).
    #[serde(default)]
    pub verborgen: u32,
}

/// An actie in a [`Stand`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandActie {
    pub id: i32,
    pub titel: String,
    pub vertrouwelijk: bool,
    /// Its state then.
    #[serde(flatten)]
    pub op: ActieOp,
}

impl StandActie {
    /// Whether status, health, reason or progress differ from `b`.
    fn anders(&self, b: &StandActie) -> bool {
        let (x, y) = (&self.op, &b.op);
        (&x.status, &x.gezondheid, &x.gezondheid_reden, x.voortgang)
            != (&y.status, &y.gezondheid, &y.gezondheid_reden, y.voortgang)
    }
}

impl StandOpgave {
    /// Its roll-up over the acties kept, with the hidden ones counted.
    pub fn samenvatting(&self) -> ServiceResult<Samenvatting> {
        let mut rollup = Rollup::default();
        for a in &self.acties {
            rollup.add(&actie_stand(
                &a.op.status,
                a.op.gezondheid.as_deref(),
                a.op.voortgang,
            )?);
        }
        Ok(Samenvatting {
            rollup,
            verborgen: self.verborgen,
        })
    }
}

impl StandPlan {
    /// Its roll-up: that of its opgaven together.
    pub fn samenvatting(&self) -> ServiceResult<Samenvatting> {
        self.opgaven.iter().try_fold(
            Samenvatting::default(),
            |acc, o| Ok(acc.merge(&o.samenvatting()?)),
        )
    }
}

/// The state of every plan at `moment`, reconstructed from the history (everything, for storing).
pub async fn stand_op(db: &DatabaseConnection, moment: DateTime<Utc>) -> ServiceResult<Stand> {
    let alles = Zicht::van(&Kijker::systeem("rvo-stand"))?;
    let plannen = lezen::actieplannen(db, &alles, None).await?;
    let plan_ids: Vec<i32> = plannen.iter().map(|p| p.id).collect();
    let mut opgaven = lezen::opgaven_per_actieplan(db, &alles, &plan_ids).await?;
    let opgave_ids: Vec<i32> = opgaven.values().flatten().map(|o| o.id).collect();
    let nu = actie::Entity::find()
        .filter(ooit_in(&opgave_ids, moment))
        .order_by_asc(actie::Column::Jaar)
        .order_by_asc(actie::Column::Id)
        .all(db)
        .await?;
    let actie_ids: Vec<i32> = nu.iter().map(|a| a.id).collect();
    let toen = standen(db, &actie_ids, moment).await?;
    // Each in the opgave it was in then.
    let mut acties: HashMap<i32, Vec<StandActie>> = HashMap::new();
    for a in nu {
        if let Some(s) = toen.get(&a.id) {
            acties
                .entry(s.opgave_id.unwrap_or(a.opgave_id))
                .or_default()
                .push(StandActie {
                    id: a.id,
                    titel: a.titel,
                    vertrouwelijk: a.vertrouwelijk,
                    op: s.clone(),
                });
        }
    }
    Ok(Stand {
        plannen: plannen
            .into_iter()
            .map(|p| StandPlan {
                opgaven: opgaven
                    .remove(&p.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|o| StandOpgave {
                        acties: acties.remove(&o.id).unwrap_or_default(),
                        id: o.id,
                        titel: o.titel,
                        verborgen: 0,
                    })
                    .collect(),
                id: p.id,
                thema_id: p.thema_id,
                titel: p.titel,
            })
            .collect(),
    })
}

/// The stored content of a snapshot.
pub fn inhoud(m: &rvo_stand::Model) -> ServiceResult<Stand> {
    serde_json::from_str(&m.inhoud).map_err(|e| ServiceError::Internal(format!("rvo_stand {}: {e}", m.id)))
}

/// Every snapshot, by meeting date.
pub async fn alle(db: &DatabaseConnection) -> ServiceResult<Vec<rvo_stand::Model>> {
    Ok(rvo_stand::Entity::find()
        .order_by_asc(rvo_stand::Column::Datum)
        .order_by_asc(rvo_stand::Column::Id)
        .all(db)
        .await?)
}

/// The snapshot of meeting `vergadering`, if frozen.
pub async fn van_vergadering(
    db: &DatabaseConnection,
    vergadering: i32,
) -> ServiceResult<Option<rvo_stand::Model>> {
    Ok(rvo_stand::Entity::find()
        .filter(rvo_stand::Column::RvoVergaderingId.eq(vergadering))
        .one(db)
        .await?)
}

/// A change of one actie between two states; `voor`/`na` absent where it did not exist (or is hidden).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verschil {
    pub plan_id: i32,
    pub opgave_id: i32,
    pub actie_id: i32,
    pub titel: String,
    pub voor: Option<StandActie>,
    pub na: Option<StandActie>,
}

/// The acties whose state differs between `voor` and `na`, in the order of `na` (then those gone).
pub fn verschillen(voor: &Stand, na: &Stand) -> Vec<Verschil> {
    let plaats = |s: &Stand| {
        s.plannen
            .iter()
            .flat_map(|p| {
                p.opgaven
                    .iter()
                    .flat_map(move |o| o.acties.iter().map(move |a| (p.id, o.id, a)))
            })
            .map(|(p, o, a)| (a.id, (p, o, a.clone())))
            .collect::<Vec<_>>()
    };
    let oud: std::collections::HashMap<i32, (i32, i32, StandActie)> = plaats(voor).into_iter().collect();
    let nieuw = plaats(na);
    let mut out = Vec::new();
    let mut gezien = HashSet::new();
    for (id, (p, o, a)) in nieuw {
        gezien.insert(id);
        let was = oud.get(&id).map(|(_, _, v)| v.clone());
        if was.as_ref().is_none_or(|v| v.anders(&a)) {
            out.push(Verschil {
                plan_id: p,
                opgave_id: o,
                actie_id: id,
                titel: a.titel.clone(),
                voor: was,
                na: Some(a),
            });
        }
    }
    for p in &voor.plannen {
        for o in &p.opgaven {
            for a in o.acties.iter().filter(|a| !gezien.contains(&a.id)) {
                out.push(Verschil {
                    plan_id: p.id,
                    opgave_id: o.id,
                    actie_id: a.id,
                    titel: a.titel.clone(),
                    voor: Some(a.clone()),
                    na: None,
                });
            }
        }
    }
    out
}

/// The start of a meeting on `datum` (UTC).
pub fn begin(datum: NaiveDate) -> DateTime<Utc> {
    datum.and_time(chrono::NaiveTime::MIN).and_utc()
}

impl Services {
    /// Freezes the state of meeting `vergadering` at `peilmoment` unless it has a snapshot already (one per
    /// meeting, whichever instance or beheerder comes first); `None` when it had one.
    async fn vastleggen(
        &self,
        kijker: &Kijker,
        m: &rvo_vergadering::Model,
        peilmoment: DateTime<Utc>,
        automatisch: bool,
    ) -> ServiceResult<Option<rvo_stand::Model>> {
        let stand = stand_op(&self.db.reader, peilmoment).await?;
        let inhoud = serde_json::to_string(&stand).map_err(|e| ServiceError::Internal(e.to_string()))?;
        let txn = self.db.begin_write().await?;
        let nu = Utc::now();
        let rij = rvo_stand::ActiveModel {
            rvo_vergadering_id: Set(m.id),
            datum: Set(m.datum),
            peilmoment: Set(peilmoment),
            vastgelegd_op: Set(nu),
            door: Set(kijker.naam()),
            automatisch: Set(automatisch),
            inhoud: Set(inhoud),
            ..Default::default()
        };
        let n = rvo_stand::Entity::insert(rij)
            .on_conflict(
                OnConflict::column(rvo_stand::Column::RvoVergaderingId)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        if n != 1 {
            return Ok(None);
        }
        let Some(s) = rvo_stand::Entity::find()
            .filter(rvo_stand::Column::RvoVergaderingId.eq(m.id))
            .one(&txn)
            .await?
        else {
            return Err(ServiceError::Internal(
                "vastgelegde stand niet terug te lezen".into(),
            ));
        };
        let details = serde_json::json!({ "vergadering": m.id, "datum": m.datum.to_string(),
            "peilmoment": peilmoment, "automatisch": automatisch });
        audit::schrijf(
            &txn,
            kijker,
            "rvoStandVastleggen",
            Some(format!("rvo_stand/{}", s.id)),
            details.clone(),
        )
        .await?;
        beheer_historie::ActiveModel {
            soort: Set("rvo_stand".into()),
            object_id: Set(s.id),
            versie: Set(1),
            tijdstip: Set(nu),
            door: Set(kijker.naam()),
            voor: Set(None),
            na: Set(details.to_string()),
            velden: Set("vastgelegd".into()),
            toelichting: Set(None),
            uit_bron: Set(false),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        self.db.commit(txn).await?;
        Ok(Some(s))
    }

    /// Freezes the state of every plan now for meeting `vergadering` (beheerders only); BAD_USER_INPUT on
    /// `vergadering` when it has a snapshot already, NOT_FOUND when there is no such meeting.
    pub async fn rvo_stand_vastleggen(
        &self,
        kijker: &Kijker,
        vergadering: i32,
    ) -> ServiceResult<rvo_stand::Model> {
        super::super::beheer::alleen_beheerder(kijker, "legt de stand van een RVO-vergadering vast")?;
        let m = rvo_vergadering::Entity::find_by_id(vergadering)
            .one(&self.db.reader)
            .await?
            .ok_or_else(|| ServiceError::NotFound("rvo-vergadering".into()))?;
        self.vastleggen(kijker, &m, Utc::now(), false)
            .await?
            .ok_or_else(|| ServiceError::melding("vergadering", Melding::StandAlVastgelegd))
    }

    /// The job: freezes every meeting that has begun in the last week and has no snapshot yet, as of its
    /// start. Returns how many it froze.
    pub async fn rvo_standen_vastleggen(&self) -> ServiceResult<usize> {
        let nu = Utc::now();
        let vandaag = nu.date_naive();
        let vanaf = (nu - VENSTER).date_naive();
        let bevroren = rvo_stand::Entity::find()
            .select_only()
            .column(rvo_stand::Column::RvoVergaderingId);
        let open = rvo_vergadering::Entity::find()
            .filter(rvo_vergadering::Column::Datum.between(vanaf, vandaag))
            .filter(rvo_vergadering::Column::Id.not_in_subquery(sea_orm::QueryTrait::into_query(bevroren)))
            .all(&self.db.reader)
            .await?;
        let systeem = Kijker::systeem("RVO-stand (automatisch)");
        let mut n = 0;
        for m in open {
            if self
                .vastleggen(&systeem, &m, begin(m.datum), true)
                .await?
                .is_some()
            {
                n += 1;
            }
        }
        Ok(n)
    }
}
