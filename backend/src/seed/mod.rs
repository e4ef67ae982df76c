//! Loads the seed file into the database, idempotently: organisaties, themas, plans, opgaven and RVO meetings
//! are inserted or brought up to date by their key; acties are inserted once (their state is then owned by
//! their history, so a re-seed never overwrites reported progress).

mod file;

pub use file::{BUILTIN, SeedFile, parse};

use crate::db::Db;
use crate::entities::{actie, actieplan, opgave, organisatie, rvo_vergadering, thema};
use crate::service::schrijven::{NieuweActie, insert_actie};
use koers_shared::{ActieToestand, valideer_toestand};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// What a seed run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    /// Records inserted.
    pub nieuw: usize,
    /// Existing records left as they were or brought up to date.
    pub bestaand: usize,
}

/// Who the history names for seeded acties.
pub const SEED_DOOR: &str = "Koers (bronnen VAR)";

macro_rules! upsert_by_key {
    ($txn:expr, $report:expr, $entity:ident, $col:expr, $key:expr, $am:expr) => {{
        let existing = $entity::Entity::find().filter($col.eq($key)).one($txn).await?;
        let mut am = $am;
        let model = match existing {
            Some(m) => {
                $report.bestaand += 1;
                am.id = Set(m.id);
                am.update($txn).await?
            }
            None => {
                $report.nieuw += 1;
                am.insert($txn).await?
            }
        };
        model
    }};
}

fn id(map: &HashMap<&str, i32>, key: &str) -> anyhow::Result<i32> {
    map.get(key)
        .copied()
        .ok_or_else(|| anyhow::anyhow!("sleutel '{key}' onbekend"))
}

/// Loads `seed` in one transaction.
pub async fn load(db: &Db, seed: &SeedFile) -> anyhow::Result<SeedReport> {
    let txn = db.begin_write().await?;
    let mut r = SeedReport::default();
    let mut orgs = HashMap::new();
    for o in &seed.organisatie {
        let m = upsert_by_key!(
            &txn,
            r,
            organisatie,
            organisatie::Column::Sleutel,
            &o.sleutel,
            organisatie::ActiveModel {
                sleutel: Set(o.sleutel.clone()),
                naam: Set(o.naam.clone()),
                afkorting: Set(o.afkorting.clone()),
                soort: Set(o.soort.clone()),
                bron: Set(o.bron.clone()),
                ..Default::default()
            }
        );
        orgs.insert(o.sleutel.as_str(), m.id);
    }
    let mut themas = HashMap::new();
    for t in &seed.thema {
        let m = upsert_by_key!(
            &txn,
            r,
            thema,
            thema::Column::Sleutel,
            &t.sleutel,
            thema::ActiveModel {
                sleutel: Set(t.sleutel.clone()),
                naam: Set(t.naam.clone()),
                portefeuillehouder: Set(t.portefeuillehouder.clone()),
                volgorde: Set(t.volgorde),
                bron: Set(t.bron.clone()),
                ..Default::default()
            }
        );
        themas.insert(t.sleutel.as_str(), m.id);
    }
    let mut plannen = HashMap::new();
    for p in &seed.actieplan {
        let m = upsert_by_key!(
            &txn,
            r,
            actieplan,
            actieplan::Column::Sleutel,
            &p.sleutel,
            actieplan::ActiveModel {
                sleutel: Set(p.sleutel.clone()),
                thema_id: Set(id(&themas, &p.thema)?),
                titel: Set(p.titel.clone()),
                soort: Set(p.soort.clone()),
                periode_van: Set(p.periode_van),
                periode_tot: Set(p.periode_tot),
                vastgesteld_door: Set(p.vastgesteld_door.clone()),
                vastgesteld_op: Set(p.vastgesteld_op.clone()),
                status: Set(p.status.clone()),
                bron: Set(p.bron.clone()),
                ..Default::default()
            }
        );
        plannen.insert(p.sleutel.as_str(), m.id);
    }
    let mut opgaven = HashMap::new();
    for o in &seed.opgave {
        let m = upsert_by_key!(
            &txn,
            r,
            opgave,
            opgave::Column::Sleutel,
            &o.sleutel,
            opgave::ActiveModel {
                sleutel: Set(o.sleutel.clone()),
                actieplan_id: Set(id(&plannen, &o.actieplan)?),
                volgorde: Set(o.volgorde),
                titel: Set(o.titel.clone()),
                beschrijving: Set(o.beschrijving.clone()),
                bron: Set(o.bron.clone()),
                ..Default::default()
            }
        );
        opgaven.insert(o.sleutel.as_str(), m.id);
    }
    for a in &seed.actie {
        let bestaat = actie::Entity::find()
            .filter(actie::Column::Sleutel.eq(a.sleutel.as_str()))
            .one(&txn)
            .await?;
        if bestaat.is_some() {
            r.bestaand += 1;
            continue;
        }
        let toestand = valideer_toestand(&ActieToestand {
            status: Some(a.status.parse()?),
            ..Default::default()
        })
        .map_err(|f| anyhow::anyhow!("actie '{}': {:?}", a.sleutel, f))?;
        let nieuw = NieuweActie {
            sleutel: Some(a.sleutel.clone()),
            opgave_id: id(&opgaven, &a.opgave)?,
            opgave_afgeleid: a.opgave_afgeleid,
            titel: a.titel.clone(),
            beschrijving: a.beschrijving.clone(),
            jaar: a.jaar,
            kwartaal: a.kwartaal,
            datum: a.datum,
            toestand,
            vertrouwelijk: a.vertrouwelijk,
            bron: a.bron.clone(),
            trekkers: a
                .trekkers
                .iter()
                .map(|k| id(&orgs, k))
                .collect::<anyhow::Result<_>>()?,
            partners: a
                .partners
                .iter()
                .map(|k| id(&orgs, k))
                .collect::<anyhow::Result<_>>()?,
        };
        insert_actie(
            &txn,
            nieuw,
            SEED_DOOR,
            Some(format!("Overgenomen uit {}", a.bron)),
        )
        .await?;
        r.nieuw += 1;
    }
    for v in &seed.rvo_vergadering {
        upsert_by_key!(
            &txn,
            r,
            rvo_vergadering,
            rvo_vergadering::Column::Datum,
            v.datum,
            rvo_vergadering::ActiveModel {
                datum: Set(v.datum),
                omschrijving: Set(v.omschrijving.clone()),
                bron: Set(v.bron.clone()),
                ..Default::default()
            }
        );
    }
    db.commit(txn).await?;
    Ok(r)
}

/// Whether the database holds no themas yet.
pub async fn is_empty(db: &Db) -> Result<bool, sea_orm::DbErr> {
    Ok(thema::Entity::find().one(&db.reader).await?.is_none())
}
