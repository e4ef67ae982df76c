//! Beheer of everything above acties: thema's, plans, opgaven, organisaties, RVO meetings and users. Every
//! change checks its version (optimistic concurrency), writes a history row (before → after) and an audit entry
//! in the same transaction; nothing that acties or history refer to is deleted.

mod gebruikers;
mod historie;
mod import;
mod import_controle;
mod import_tabel;
mod opgaven;
mod plannen;
mod rechten;
mod rvo;
mod stamdata;

pub use gebruikers::{GebruikerMetThemas, GebruikerWijziging};
pub use historie::{HistorieRegel, historie_van};
pub use import_controle::{ImportProbleem, ImportRegel, ImportVerslag};
pub use opgaven::{OpgaveInvoer, OpgaveWijziging};
pub use plannen::{PlanInvoer, PlanWijziging, Verplaatsing, VerplaatsingRegel};
pub(crate) use rechten::mag_plan_in;
pub use rechten::{alleen_beheerder, mag_plannen_beheren};
pub use rvo::{RvoInvoer, RvoWijziging};
pub use stamdata::{OrganisatieInvoer, OrganisatieWijziging, ThemaInvoer, ThemaWijziging};

use crate::entities::{actieplan, beheer_historie, gebruiker, opgave, organisatie, rvo_vergadering, thema};
use crate::error::{ServiceError, ServiceResult};
use koers_shared::FieldError;
use koers_shared::melding::{Ding, Melding};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter,
};
use serde_json::{Value, json};

/// A record under beheer: versioned, with a history of its fields as JSON.
pub trait Beheerd: Clone + Send + Sync + 'static {
    /// Its entity.
    type E: EntityTrait<Model = Self>;
    /// Its kind in `beheer_historie.soort` and in errors.
    const SOORT: &'static str;
    /// Its id.
    fn id(&self) -> i32;
    /// Its version.
    fn versie(&self) -> i32;
    /// Sets its version.
    fn set_versie(&mut self, v: i32);
    /// Its fields as history shows them (never a secret).
    fn json(&self) -> Value;
    /// The id column.
    fn id_col() -> <Self::E as EntityTrait>::Column;
    /// The version column.
    fn versie_col() -> <Self::E as EntityTrait>::Column;
}

macro_rules! beheerd {
    ($m:ident, $soort:literal, |$x:ident| $json:expr) => {
        impl Beheerd for $m::Model {
            type E = $m::Entity;
            const SOORT: &'static str = $soort;
            fn id(&self) -> i32 {
                self.id
            }
            fn versie(&self) -> i32 {
                self.versie
            }
            fn set_versie(&mut self, v: i32) {
                self.versie = v;
            }
            fn json(&self) -> Value {
                let $x = self;
                $json
            }
            fn id_col() -> $m::Column {
                $m::Column::Id
            }
            fn versie_col() -> $m::Column {
                $m::Column::Versie
            }
        }
    };
}

beheerd!(thema, "thema", |t| json!({ "sleutel": t.sleutel, "naam": t.naam,
    "portefeuillehouder": t.portefeuillehouder, "volgorde": t.volgorde, "bron": t.bron }));
beheerd!(
    actieplan,
    "actieplan",
    |p| json!({ "sleutel": p.sleutel, "thema": p.thema_id,
    "titel": p.titel, "soort": p.soort, "periodeVan": p.periode_van, "periodeTot": p.periode_tot,
    "vastgesteldDoor": p.vastgesteld_door, "vastgesteldOp": p.vastgesteld_op, "status": p.status,
    "bron": p.bron, "opvolger": p.opvolger_id })
);
beheerd!(
    opgave,
    "opgave",
    |o| json!({ "sleutel": o.sleutel, "actieplan": o.actieplan_id,
    "volgorde": o.volgorde, "titel": o.titel, "beschrijving": o.beschrijving, "bron": o.bron,
    "vervallen": o.vervallen })
);
beheerd!(
    organisatie,
    "organisatie",
    |o| json!({ "sleutel": o.sleutel, "naam": o.naam,
    "afkorting": o.afkorting, "soort": o.soort, "bron": o.bron, "samengevoegdIn": o.samengevoegd_in })
);
beheerd!(
    rvo_vergadering,
    "rvo_vergadering",
    |r| json!({ "datum": r.datum.to_string(),
    "omschrijving": r.omschrijving, "bron": r.bron })
);
beheerd!(
    gebruiker,
    "gebruiker",
    |g| json!({ "gebruikersnaam": g.gebruikersnaam, "naam": g.naam,
    "rol": g.rol, "actief": g.actief })
);

/// The fields whose values differ between two JSON objects.
fn verschil(voor: &Value, na: &Value) -> Vec<String> {
    let (Some(v), Some(n)) = (voor.as_object(), na.as_object()) else {
        return Vec::new();
    };
    n.iter()
        .filter(|(k, w)| v.get(*k) != Some(*w))
        .map(|(k, _)| k.clone())
        .collect()
}

/// The stored record `id` at version `versie`: NOT_FOUND when it does not exist, CONFLICT when it changed.
pub(crate) async fn huidig<M: Beheerd>(txn: &DatabaseTransaction, id: i32, versie: i32) -> ServiceResult<M> {
    let m = M::E::find()
        .filter(M::id_col().eq(id))
        .one(txn)
        .await?
        .ok_or_else(|| ServiceError::NotFound(M::SOORT.into()))?;
    if m.versie() != versie {
        return Err(ServiceError::Conflict {
            huidige: m.versie(),
            gestuurd: versie,
        });
    }
    Ok(m)
}

/// A history row.
async fn regel<C: ConnectionTrait>(
    c: &C,
    soort: &str,
    na: (i32, i32, &Value),
    voor: Option<&Value>,
    door: &str,
    velden: &str,
    toelichting: Option<String>,
) -> Result<(), sea_orm::DbErr> {
    beheer_historie::ActiveModel {
        soort: Set(soort.to_string()),
        object_id: Set(na.0),
        versie: Set(na.1),
        tijdstip: Set(chrono::Utc::now()),
        door: Set(door.to_string()),
        voor: Set(voor.map(Value::to_string)),
        na: Set(na.2.to_string()),
        velden: Set(velden.to_string()),
        toelichting: Set(toelichting),
        uit_bron: Set(false),
        ..Default::default()
    }
    .insert(c)
    .await?;
    Ok(())
}

/// The first history row of a new record (version 1).
pub(crate) async fn aangemaakt<M: Beheerd, C: ConnectionTrait>(
    c: &C,
    m: &M,
    door: &str,
) -> Result<(), sea_orm::DbErr> {
    regel(
        c,
        M::SOORT,
        (m.id(), m.versie(), &m.json()),
        None,
        door,
        "aangemaakt",
        None,
    )
    .await
}

/// The first history row of a record loaded from a source document: dated by that document, marked as such.
pub async fn uit_bron_aangemaakt<M: Beheerd, C: ConnectionTrait>(
    c: &C,
    m: &M,
    door: &str,
    tijdstip: chrono::DateTime<chrono::Utc>,
) -> Result<(), sea_orm::DbErr> {
    beheer_historie::ActiveModel {
        soort: Set(M::SOORT.to_string()),
        object_id: Set(m.id()),
        versie: Set(m.versie()),
        tijdstip: Set(tijdstip),
        door: Set(door.to_string()),
        voor: Set(None),
        na: Set(m.json().to_string()),
        velden: Set("aangemaakt".to_string()),
        toelichting: Set(Some("Overgenomen uit de bron".to_string())),
        uit_bron: Set(true),
        ..Default::default()
    }
    .insert(c)
    .await?;
    Ok(())
}

/// The last history row of a removed record: its state before, `verwijderd` after.
pub(crate) async fn verwijderd<M: Beheerd, C: ConnectionTrait>(
    c: &C,
    m: &M,
    door: &str,
) -> Result<(), sea_orm::DbErr> {
    let weg = json!({ "verwijderd": true });
    regel(
        c,
        M::SOORT,
        (m.id(), m.versie() + 1, &weg),
        Some(&m.json()),
        door,
        "verwijderd",
        None,
    )
    .await
}

/// Writes `na` over `voor` if the stored version is still `voor`'s, with its history row; returns the stored
/// record and the fields that changed. A change that changes nothing writes nothing.
pub(crate) async fn bewaar<M>(
    txn: &DatabaseTransaction,
    door: &str,
    voor: &M,
    na: M,
    toelichting: Option<String>,
) -> ServiceResult<(M, Vec<String>)>
where
    M: Beheerd + IntoActiveModel<<M::E as EntityTrait>::ActiveModel>,
    <M::E as EntityTrait>::ActiveModel: ActiveModelTrait<Entity = M::E> + Send,
{
    bewaar_met(txn, door, voor, na, (json!({}), json!({})), toelichting).await
}

/// As [`bewaar`], with fields kept outside the record (a user's thema's) before and after in `extra`.
pub(crate) async fn bewaar_met<M>(
    txn: &DatabaseTransaction,
    door: &str,
    voor: &M,
    mut na: M,
    extra: (Value, Value),
    toelichting: Option<String>,
) -> ServiceResult<(M, Vec<String>)>
where
    M: Beheerd + IntoActiveModel<<M::E as EntityTrait>::ActiveModel>,
    <M::E as EntityTrait>::ActiveModel: ActiveModelTrait<Entity = M::E> + Send,
{
    let (mut vj, mut nj) = (voor.json(), na.json());
    for (doel, bron) in [(&mut vj, extra.0), (&mut nj, extra.1)] {
        if let (Some(d), Value::Object(b)) = (doel.as_object_mut(), bron) {
            d.extend(b);
        }
    }
    let velden = verschil(&vj, &nj);
    if velden.is_empty() {
        return Ok((voor.clone(), velden));
    }
    na.set_versie(voor.versie() + 1);
    let mut am = na.clone().into_active_model().reset_all();
    am.not_set(M::id_col());
    let res = M::E::update_many()
        .set(am)
        .filter(M::id_col().eq(voor.id()))
        .filter(M::versie_col().eq(voor.versie()))
        .exec(txn)
        .await?;
    if res.rows_affected != 1 {
        let nu = M::E::find().filter(M::id_col().eq(voor.id())).one(txn).await?;
        return Err(match nu {
            Some(m) => ServiceError::Conflict {
                huidige: m.versie(),
                gestuurd: voor.versie(),
            },
            None => ServiceError::NotFound(M::SOORT.into()),
        });
    }
    regel(
        txn,
        M::SOORT,
        (na.id(), na.versie(), &nj),
        Some(&vj),
        door,
        &velden.join(","),
        toelichting,
    )
    .await?;
    Ok((na, velden))
}

/// Inserts a new record built as a model (its id is left to the database).
pub(crate) async fn invoegen<M>(txn: &DatabaseTransaction, m: M) -> ServiceResult<M>
where
    M: Beheerd + IntoActiveModel<<M::E as EntityTrait>::ActiveModel>,
    <M::E as EntityTrait>::ActiveModel: ActiveModelTrait<Entity = M::E> + Send,
    <M::E as EntityTrait>::ActiveModel: sea_orm::ActiveModelBehavior,
{
    let mut am = m.into_active_model().reset_all();
    am.not_set(M::id_col());
    Ok(am.insert(txn).await?)
}

impl crate::service::Services {
    /// Tells subscribers that `m` (in `thema`, if it belongs to one) changed; no subscribers is fine.
    pub(crate) fn meld<M: Beheerd>(&self, m: &M, thema_id: Option<i32>) {
        self.verspreid_beheer(crate::service::events::BeheerEvent {
            soort: M::SOORT,
            id: m.id(),
            thema_id,
            versie: m.versie(),
        });
        // A plan change may have written webhook deliveries.
        self.webhooks.wek();
    }
}

/// `Err` with every problem when there are any.
pub(crate) fn fouten(r: Result<(), Vec<FieldError>>) -> ServiceResult<()> {
    r.map_err(ServiceError::Invalid)
}

/// A free key for a new record of `E` from `gevraagd` or the title: taken keys get `-2`, `-3`, …; a key asked
/// for that is taken is refused.
pub(crate) async fn vrije_sleutel<E: EntityTrait>(
    txn: &DatabaseTransaction,
    col: E::Column,
    gevraagd: Option<&str>,
    titel: &str,
) -> ServiceResult<String>
where
    E::Column: ColumnTrait,
{
    if let Some(s) = gevraagd {
        let mut f = koers_shared::beheer::Fouten::default();
        f.sleutel("sleutel", s);
        fouten(f.klaar())?;
        if E::find().filter(col.eq(s)).one(txn).await?.is_some() {
            return Err(ServiceError::melding(
                "sleutel",
                Melding::BestaatAl { ding: Ding::Sleutel },
            ));
        }
        return Ok(s.to_string());
    }
    let basis = koers_shared::beheer::sleutel_van(titel);
    for n in 1..1000 {
        let s = if n == 1 {
            basis.clone()
        } else {
            format!("{basis}-{n}")
        };
        if E::find().filter(col.eq(s.as_str())).one(txn).await?.is_none() {
            return Ok(s);
        }
    }
    Err(ServiceError::melding("sleutel", Melding::Verplicht))
}

/// Trimmed, `None` when empty.
pub(crate) fn bijgesneden(s: Option<&str>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}
