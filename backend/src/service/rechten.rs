//! Who may change which actie: the checks every write runs inside its transaction, before anything changes.

use crate::entities::{actieplan, opgave};
use crate::error::{ServiceError, ServiceResult};
use crate::toegang::Kijker;
use sea_orm::{ConnectionTrait, EntityTrait};

/// The plan and thema of an opgave.
pub(super) async fn plan_en_thema<C: ConnectionTrait>(c: &C, opgave_id: i32) -> ServiceResult<(i32, i32)> {
    let o = opgave::Entity::find_by_id(opgave_id)
        .one(c)
        .await?
        .ok_or_else(|| ServiceError::invalid("opgave", "deze opgave bestaat niet"))?;
    let p = actieplan::Entity::find_by_id(o.actieplan_id)
        .one(c)
        .await?
        .ok_or_else(|| ServiceError::Internal(format!("opgave {} zonder plan", o.id)))?;
    Ok((p.id, p.thema_id))
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
