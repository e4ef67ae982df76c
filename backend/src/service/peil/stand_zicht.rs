//! Reading a frozen RVO snapshot back through the viewer's rights: a plan shows only in a thema the viewer may
//! see, an actie only where the viewer may see it both where it was then (its plan's thema at freeze time) and
//! where it is now (its plan's thema today), as confidential when it was or is. An actie that no longer
//! exists shows only under the rights where it was (fail closed: nothing is assumed about now).

use super::stand::Stand;
use crate::entities::{actie, actieplan, opgave};
use crate::error::ServiceResult;
use crate::service::rollups::met_plan_van_opgave;
use crate::service::zicht::Zicht;
use sea_orm::{DatabaseConnection, EntityTrait, JoinType, QuerySelect};
use std::collections::HashMap;

/// Per actie id: the thema it is in now and whether it is confidential now (one statement for all).
async fn nu(db: &DatabaseConnection) -> ServiceResult<HashMap<i32, (i32, bool)>> {
    let q = actie::Entity::find()
        .select_only()
        .column(actie::Column::Id)
        .column(actieplan::Column::ThemaId)
        .column(actie::Column::Vertrouwelijk)
        .join(
            JoinType::InnerJoin,
            actie::Entity::belongs_to(opgave::Entity)
                .from(actie::Column::OpgaveId)
                .to(opgave::Column::Id)
                .into(),
        );
    let rows: Vec<(i32, i32, bool)> = met_plan_van_opgave(q).into_tuple().all(db).await?;
    Ok(rows.into_iter().map(|(id, t, v)| (id, (t, v))).collect())
}

/// `stand` as `zicht` may see it: plans of thema's it may not see left out, acties it may not see — where they
/// were or where they are now, confidential then or now — counted as hidden.
pub async fn zichtbaar(db: &DatabaseConnection, zicht: &Zicht, stand: Stand) -> ServiceResult<Stand> {
    let nu = nu(db).await?;
    let mut plannen = Vec::new();
    for mut p in stand.plannen {
        if !zicht.ziet_thema(p.thema_id) {
            continue;
        }
        for o in &mut p.opgaven {
            let voor = o.acties.len();
            o.acties.retain(|a| match nu.get(&a.id) {
                Some(&(thema_nu, vertrouwelijk_nu)) => {
                    let vertrouwelijk = a.vertrouwelijk || vertrouwelijk_nu;
                    zicht.ziet_actie(p.thema_id, vertrouwelijk) && zicht.ziet_actie(thema_nu, vertrouwelijk)
                }
                None => zicht.ziet_actie(p.thema_id, a.vertrouwelijk),
            });
            o.verborgen += u32::try_from(voor - o.acties.len()).unwrap_or(u32::MAX);
        }
        plannen.push(p);
    }
    Ok(Stand { plannen })
}
