//! Plans and their opgaven as of a moment, reconstructed from the beheer history: a plan or opgave existed then
//! when it has a history row at or before it, and its fields are those its latest such row records (a field the
//! row does not record is as now). A viewer sees a plan of then only when it may see the plan's thema now and
//! could see the thema it was in then; opgaven never move between plans, so an opgave of then is in its plan.

use crate::entities::{actieplan, beheer_historie, opgave};
use crate::error::ServiceResult;
use crate::service::lezen;
use crate::service::zicht::{Zicht, Zichtbaar};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::Value;
use std::collections::HashMap;

/// The state of one record at a moment: its version then and its fields as the history row records them.
type Toen = (i32, Value);

/// The latest history row of each record of kind `soort` among `ids` at or before `moment`; a record whose
/// latest row records its removal is absent.
async fn laatste(
    db: &DatabaseConnection,
    soort: &str,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Toen>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, i32, String)> = beheer_historie::Entity::find()
        .select_only()
        .column(beheer_historie::Column::ObjectId)
        .column(beheer_historie::Column::Versie)
        .column(beheer_historie::Column::Na)
        .filter(beheer_historie::Column::Soort.eq(soort))
        .filter(beheer_historie::Column::ObjectId.is_in(ids.iter().copied()))
        .filter(beheer_historie::Column::Tijdstip.lte(moment))
        .order_by_asc(beheer_historie::Column::ObjectId)
        .order_by_asc(beheer_historie::Column::Versie)
        .order_by_asc(beheer_historie::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<i32, Toen> = HashMap::new();
    for (id, versie, na) in rows {
        // A row whose state cannot be read tells nothing about then: fail closed, as if it did not exist.
        match serde_json::from_str::<Value>(&na) {
            Ok(v) if v.is_object() => {
                out.insert(id, (versie, v));
            }
            _ => {
                out.remove(&id);
            }
        }
    }
    out.retain(|_, (_, v)| v.get("verwijderd").and_then(Value::as_bool) != Some(true));
    Ok(out)
}

/// Sets `doel` to the text `v[veld]` when the row records it.
fn tekst(v: &Value, veld: &str, doel: &mut String) {
    if let Some(s) = v.get(veld).and_then(Value::as_str) {
        *doel = s.to_string();
    }
}

/// Sets `doel` to the optional text `v[veld]` when the row records it (null: none).
fn optie_tekst(v: &Value, veld: &str, doel: &mut Option<String>) {
    match v.get(veld) {
        Some(Value::Null) => *doel = None,
        Some(Value::String(s)) => *doel = Some(s.clone()),
        _ => {}
    }
}

/// Sets `doel` to the number `v[veld]` when the row records it.
fn getal(v: &Value, veld: &str, doel: &mut i32) {
    if let Some(n) = v
        .get(veld)
        .and_then(Value::as_i64)
        .and_then(|n| i32::try_from(n).ok())
    {
        *doel = n;
    }
}

/// Plan `p` (as it is now) with the fields of then.
fn plan_toen(mut p: actieplan::Model, (versie, v): &Toen) -> actieplan::Model {
    p.versie = *versie;
    tekst(v, "sleutel", &mut p.sleutel);
    getal(v, "thema", &mut p.thema_id);
    tekst(v, "titel", &mut p.titel);
    tekst(v, "soort", &mut p.soort);
    getal(v, "periodeVan", &mut p.periode_van);
    getal(v, "periodeTot", &mut p.periode_tot);
    optie_tekst(v, "vastgesteldDoor", &mut p.vastgesteld_door);
    optie_tekst(v, "vastgesteldOp", &mut p.vastgesteld_op);
    tekst(v, "status", &mut p.status);
    tekst(v, "bron", &mut p.bron);
    match v.get("opvolger") {
        Some(Value::Null) => p.opvolger_id = None,
        Some(n) => {
            if let Some(n) = n.as_i64().and_then(|n| i32::try_from(n).ok()) {
                p.opvolger_id = Some(n);
            }
        }
        None => {}
    }
    p
}

/// Opgave `o` (as it is now) with the fields of then.
fn opgave_toen(mut o: opgave::Model, (versie, v): &Toen) -> opgave::Model {
    o.versie = *versie;
    tekst(v, "sleutel", &mut o.sleutel);
    getal(v, "volgorde", &mut o.volgorde);
    tekst(v, "titel", &mut o.titel);
    tekst(v, "beschrijving", &mut o.beschrijving);
    tekst(v, "bron", &mut o.bron);
    if let Some(b) = v.get("vervallen").and_then(Value::as_bool) {
        o.vervallen = b;
    }
    o
}

/// `nu` (plans `zicht` may see now) as they were at `moment`: those that existed then, with their fields of
/// then, and only those whose thema of then `zicht` may see too.
async fn als_toen(
    db: &DatabaseConnection,
    zicht: &Zicht,
    nu: Vec<actieplan::Model>,
    moment: DateTime<Utc>,
) -> ServiceResult<Vec<actieplan::Model>> {
    let ids: Vec<i32> = nu.iter().map(|p| p.id).collect();
    let toen = laatste(db, "actieplan", &ids, moment).await?;
    Ok(nu
        .into_iter()
        .filter_map(|p| toen.get(&p.id).map(|t| plan_toen(p, t)))
        .filter(|p| zicht.ziet_thema(p.thema_id))
        .collect())
}

/// The plans `zicht` may see by id as they were at `moment`.
pub async fn actieplannen_by_id(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, actieplan::Model>> {
    let nu = lezen::by_ids::<actieplan::Entity>(db, zicht, ids).await?;
    let toen = als_toen(db, zicht, nu.into_values().collect(), moment).await?;
    Ok(toen.into_iter().map(|p| (p.id, p)).collect())
}

/// The plans `zicht` may see as they were at `moment` (of thema `thema_id` then, if given), in the order of
/// [`lezen::actieplannen`] by their fields of then.
pub async fn actieplannen(
    db: &DatabaseConnection,
    zicht: &Zicht,
    thema_id: Option<i32>,
    moment: DateTime<Utc>,
) -> ServiceResult<Vec<actieplan::Model>> {
    let nu = lezen::actieplannen(db, zicht, None).await?;
    let mut toen: Vec<actieplan::Model> = als_toen(db, zicht, nu, moment)
        .await?
        .into_iter()
        .filter(|p| thema_id.is_none_or(|t| p.thema_id == t))
        .collect();
    toen.sort_by_key(|p| (p.thema_id, p.periode_van, p.id));
    Ok(toen)
}

/// The opgaven `zicht` may see per plan of `ids` as they were at `moment` (those that existed then, with their
/// fields of then), in their order of then. The plans themselves are already known to be visible then.
pub async fn opgaven_per_actieplan(
    db: &DatabaseConnection,
    zicht: &Zicht,
    ids: &[i32],
    moment: DateTime<Utc>,
) -> ServiceResult<HashMap<i32, Vec<opgave::Model>>> {
    let nu = opgave::Entity::find()
        .filter(opgave::Entity::zichtbaar(zicht))
        .filter(opgave::Column::ActieplanId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let opgave_ids: Vec<i32> = nu.iter().map(|o| o.id).collect();
    let toen = laatste(db, "opgave", &opgave_ids, moment).await?;
    let mut opgaven: Vec<opgave::Model> = nu
        .into_iter()
        .filter_map(|o| toen.get(&o.id).map(|t| opgave_toen(o, t)))
        .collect();
    opgaven.sort_by_key(|o| (o.volgorde, o.id));
    let mut map: HashMap<i32, Vec<opgave::Model>> = ids.iter().map(|id| (*id, Vec::new())).collect();
    for o in opgaven {
        if let Some(v) = map.get_mut(&o.actieplan_id) {
            v.push(o);
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plan() -> actieplan::Model {
        actieplan::Model {
            id: 7,
            sleutel: "p".into(),
            thema_id: 1,
            titel: "Nu".into(),
            soort: "actieplan".into(),
            periode_van: 2027,
            periode_tot: 2030,
            vastgesteld_door: Some("RVO".into()),
            vastgesteld_op: None,
            status: "afgerond".into(),
            bron: "b".into(),
            versie: 4,
            opvolger_id: Some(9),
        }
    }

    #[test]
    fn a_plan_of_then_takes_every_recorded_field_and_keeps_the_rest() {
        let toen = (
            2,
            json!({ "thema": 3, "titel": "Toen", "periodeTot": 2028, "vastgesteldDoor": null,
                "vastgesteldOp": "2027-02", "status": "in_uitvoering", "opvolger": null }),
        );
        let p = plan_toen(plan(), &toen);
        assert_eq!((p.versie, p.thema_id, p.titel.as_str()), (2, 3, "Toen"));
        assert_eq!((p.periode_van, p.periode_tot), (2027, 2028));
        assert_eq!(p.vastgesteld_door, None);
        assert_eq!(p.vastgesteld_op.as_deref(), Some("2027-02"));
        assert_eq!((p.status.as_str(), p.opvolger_id), ("in_uitvoering", None));
        assert_eq!(
            (p.sleutel.as_str(), p.bron.as_str()),
            ("p", "b"),
            "not recorded: as now"
        );
    }
}
