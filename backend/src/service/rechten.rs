//! Who may change which actie: the checks every write runs inside its transaction, before anything changes.

use crate::entities::{actieplan, opgave};
use crate::error::{ServiceError, ServiceResult};
use crate::toegang::Kijker;
use koers_shared::melding::{Ding, Melding};
use sea_orm::{ConnectionTrait, EntityTrait, JoinType, QuerySelect};

/// The plan and thema of an opgave, in one statement.
pub(super) async fn plan_en_thema<C: ConnectionTrait>(c: &C, opgave_id: i32) -> ServiceResult<(i32, i32)> {
    let found: Option<(i32, i32)> = opgave::Entity::find_by_id(opgave_id)
        .select_only()
        .column(actieplan::Column::Id)
        .column(actieplan::Column::ThemaId)
        .join(
            JoinType::LeftJoin,
            opgave::Entity::belongs_to(actieplan::Entity)
                .from(opgave::Column::ActieplanId)
                .to(actieplan::Column::Id)
                .into(),
        )
        .into_tuple::<(Option<i32>, Option<i32>)>()
        .one(c)
        .await?
        .map(|(p, t)| p.zip(t).ok_or(opgave_id))
        .transpose()
        .map_err(|o| ServiceError::Internal(format!("opgave {o} zonder plan")))?;
    found.ok_or_else(|| ServiceError::melding("opgave", Melding::BestaatNiet { ding: Ding::Opgave }))
}

/// Refuses a change from someone who may change nothing (anonymous, or the cookie without its CSRF token).
/// Resolvers call it before they read the input, so who may not write learns nothing from input errors.
pub fn mag_iets_wijzigen(kijker: &Kijker) -> ServiceResult<()> {
    if !kijker.is_aangemeld() {
        return Err(ServiceError::Unauthenticated);
    }
    if kijker.zonder_csrf {
        return Err(ServiceError::CsrfRequired);
    }
    if kijker.schrijven.is_leeg() {
        return Err(ServiceError::Forbidden("u mag geen acties wijzigen".into()));
    }
    Ok(())
}

/// Refuses a change in `thema` (and to confidential work) that `kijker` may not make.
pub(super) fn mag_wijzigen_in(kijker: &Kijker, thema: i32, vertrouwelijk: bool) -> ServiceResult<()> {
    if !kijker.mag_schrijven(thema) {
        return Err(ServiceError::Forbidden(
            "u mag geen acties wijzigen in dit thema".into(),
        ));
    }
    if vertrouwelijk && !kijker.vertrouwelijk.bevat(thema) {
        return Err(ServiceError::Forbidden(
            "u mag geen vertrouwelijke acties wijzigen in dit thema".into(),
        ));
    }
    Ok(())
}
