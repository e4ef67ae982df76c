//! The request's viewer inside resolvers, and the visibility checks every read path goes through.

use super::loaders::{ById, one};
use crate::entities::{actie, actieplan, opgave};
use crate::error::ServiceError;
use crate::toegang::Kijker;
use async_graphql::{Context, ErrorExtensions, Result};
use std::sync::LazyLock;

/// A request without a viewer (never set up by the HTTP layer) may see nothing.
static NIEMAND: LazyLock<Kijker> = LazyLock::new(|| Kijker::anoniem(false));

/// The viewer of this request.
pub fn kijker<'a>(ctx: &Context<'a>) -> &'a Kijker {
    ctx.data_opt::<Kijker>().unwrap_or(&NIEMAND)
}

/// The viewer, if it may read at all; else UNAUTHENTICATED.
pub fn lezer<'a>(ctx: &Context<'a>) -> Result<&'a Kijker> {
    let k = kijker(ctx);
    if k.mag_lezen() {
        Ok(k)
    } else {
        Err(ServiceError::Unauthenticated.extend())
    }
}

/// The thema of plan `plan_id`.
pub async fn thema_van_plan(ctx: &Context<'_>, plan_id: i32) -> Result<Option<i32>> {
    Ok(one::<ById<actieplan::Entity>>(ctx, plan_id)
        .await?
        .map(|p| p.thema_id))
}

/// The thema of opgave `opgave_id`.
pub async fn thema_van_opgave(ctx: &Context<'_>, opgave_id: i32) -> Result<Option<i32>> {
    match one::<ById<opgave::Entity>>(ctx, opgave_id).await? {
        Some(o) => thema_van_plan(ctx, o.actieplan_id).await,
        None => Ok(None),
    }
}

/// Whether this request may see plan `p`.
pub async fn ziet_plan(ctx: &Context<'_>, p: &actieplan::Model) -> Result<bool> {
    Ok(lezer(ctx)?.ziet_thema(p.thema_id))
}

/// Whether this request may see opgave `o`.
pub async fn ziet_opgave(ctx: &Context<'_>, o: &opgave::Model) -> Result<bool> {
    let k = lezer(ctx)?;
    Ok(thema_van_plan(ctx, o.actieplan_id)
        .await?
        .is_some_and(|t| k.ziet_thema(t)))
}

/// Whether this request may see actie `a` (its thema, and confidential work only with that right).
pub async fn ziet_actie(ctx: &Context<'_>, a: &actie::Model) -> Result<bool> {
    let k = lezer(ctx)?;
    Ok(thema_van_opgave(ctx, a.opgave_id)
        .await?
        .is_some_and(|t| k.ziet_actie(t, a.vertrouwelijk)))
}
