//! Reading the history of a record above acties, as far as the viewer may see that record.

use crate::entities::{actieplan, beheer_historie, opgave, thema};
use crate::error::{ServiceError, ServiceResult};
use crate::service::Services;
use crate::toegang::Kijker;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::Value;

/// One change of a record: the stored row and, per field that changed, its value before and after as text.
#[derive(Debug, Clone)]
pub struct HistorieRegel {
    pub regel: beheer_historie::Model,
    pub wijzigingen: Vec<(String, Option<String>, Option<String>)>,
}

fn tekst(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn uitgelegd(regel: beheer_historie::Model) -> HistorieRegel {
    let voor: Value = regel
        .voor
        .as_deref()
        .and_then(|v| serde_json::from_str(v).ok())
        .unwrap_or(Value::Null);
    let na: Value = serde_json::from_str(&regel.na).unwrap_or(Value::Null);
    let wijzigingen = regel
        .velden
        .split(',')
        .filter(|v| !v.is_empty() && *v != "aangemaakt" && *v != "verwijderd")
        .map(|v| (v.to_string(), tekst(voor.get(v)), tekst(na.get(v))))
        .collect();
    HistorieRegel { regel, wijzigingen }
}

/// The history rows of record `id` of kind `soort` (`Beheerd::SOORT`), oldest first.
pub async fn historie_van(
    s: &Services,
    kijker: &Kijker,
    soort: &str,
    id: i32,
) -> ServiceResult<Vec<HistorieRegel>> {
    let db = &s.db.reader;
    let thema = match soort {
        "thema" => Some(id),
        "actieplan" => actieplan::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| p.thema_id),
        "opgave" => match opgave::Entity::find_by_id(id).one(db).await? {
            Some(o) => actieplan::Entity::find_by_id(o.actieplan_id)
                .one(db)
                .await?
                .map(|p| p.thema_id),
            None => None,
        },
        _ => None,
    };
    let mag = match soort {
        "gebruiker" => kijker.beheer,
        "thema" | "actieplan" | "opgave" => match thema {
            Some(t) => kijker.ziet_thema(t) && thema::Entity::find_by_id(t).one(db).await?.is_some(),
            None => false,
        },
        _ => kijker.mag_lezen(),
    };
    if !mag {
        return Err(if kijker.mag_lezen() {
            ServiceError::NotFound(soort.into())
        } else {
            ServiceError::Unauthenticated
        });
    }
    let rows = beheer_historie::Entity::find()
        .filter(beheer_historie::Column::Soort.eq(soort))
        .filter(beheer_historie::Column::ObjectId.eq(id))
        .order_by_asc(beheer_historie::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(uitgelegd).collect())
}
