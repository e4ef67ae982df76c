//! Loads the seed file into the database, idempotently: organisaties, themas, plans, opgaven and RVO meetings
//! are inserted or brought up to date by their key; acties are inserted once (their state is then owned by
//! their history, so a re-seed never overwrites reported progress). A record changed in Koers since (its version
//! above 1) is left as it is. Seeded records and history are dated by their source document, marked "uit de bron".

mod file;

pub use file::{
    BUILTIN, SeedActie, SeedActieplan, SeedDocument, SeedFile, SeedOpgave, SeedOrganisatie, parse,
};

use crate::db::Db;
use crate::entities::{actie, actieplan, opgave, organisatie, rvo_vergadering, thema, voortgangsupdate};
use crate::service::beheer::uit_bron_aangemaakt;
use crate::service::schrijven::{NieuweActie, insert_actie};
use chrono::{DateTime, Utc};
use koers_shared::{ActieToestand, valideer_toestand};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::Expr;
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
    ($txn:expr, $report:expr, $seed:expr, $bron:expr, $entity:ident, $col:expr, $key:expr, $am:expr) => {{
        let existing = $entity::Entity::find().filter($col.eq($key)).one($txn).await?;
        let mut am = $am;
        let model = match existing {
            // Changed in Koers since (beheer): the change stands, a re-seed leaves it alone.
            Some(m) if m.versie > 1 => {
                $report.bestaand += 1;
                m
            }
            Some(m) => {
                $report.bestaand += 1;
                am.id = Set(m.id);
                am.update($txn).await?
            }
            None => {
                $report.nieuw += 1;
                let m = am.insert($txn).await?;
                uit_bron_aangemaakt($txn, &m, SEED_DOOR, bron_tijd($seed, $bron)).await?;
                m
            }
        };
        model
    }};
}

/// The moment of the state a `bron` gives: the start of its latest document's date (UTC); now when it names
/// no dated document.
fn bron_tijd(seed: &SeedFile, bron: &str) -> DateTime<Utc> {
    seed.datum_van(bron)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or_else(Utc::now, |t| t.and_utc())
}

/// Dates a seeded actie that was never changed in Koers by its source, and marks its first history row as
/// coming from the source.
async fn dateer<C: ConnectionTrait>(c: &C, actie_id: i32, tijd: DateTime<Utc>) -> Result<(), sea_orm::DbErr> {
    let res = actie::Entity::update_many()
        .col_expr(actie::Column::AangemaaktOp, Expr::value(tijd))
        .col_expr(actie::Column::GewijzigdOp, Expr::value(tijd))
        .filter(actie::Column::Id.eq(actie_id))
        .filter(actie::Column::Versie.eq(1))
        .exec(c)
        .await?;
    if res.rows_affected == 1 {
        voortgangsupdate::Entity::update_many()
            .col_expr(voortgangsupdate::Column::Tijdstip, Expr::value(tijd))
            .col_expr(voortgangsupdate::Column::UitBron, Expr::value(true))
            .filter(voortgangsupdate::Column::ActieId.eq(actie_id))
            .filter(voortgangsupdate::Column::Versie.eq(1))
            .filter(voortgangsupdate::Column::Door.eq(SEED_DOOR))
            .exec(c)
            .await?;
    }
    Ok(())
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
            seed,
            &o.bron,
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
            seed,
            &t.bron,
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
            seed,
            &p.bron,
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
            seed,
            &o.bron,
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
        if let Some(b) = bestaat {
            // Seeded before its source was dated: date it now, unless it changed in Koers since.
            dateer(&txn, b.id, bron_tijd(seed, &a.bron)).await?;
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
        let m = insert_actie(
            &txn,
            nieuw,
            SEED_DOOR,
            Some(format!("Overgenomen uit {}", a.bron)),
        )
        .await?;
        dateer(&txn, m.id, bron_tijd(seed, &a.bron)).await?;
        r.nieuw += 1;
    }
    for v in &seed.rvo_vergadering {
        upsert_by_key!(
            &txn,
            r,
            seed,
            &v.bron,
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
