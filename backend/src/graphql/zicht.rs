//! The request's viewer inside resolvers, and the [`Zicht`] it hands to every service read. Resolvers decide
//! nothing about access themselves: the service returns only what that `Zicht` may see.

use crate::error::ServiceError;
use crate::service::zicht::Zicht;
use crate::toegang::Kijker;
use async_graphql::{Context, ErrorExtensions, Result};
use std::sync::LazyLock;

/// A request without a viewer (never set up by the HTTP layer) may see nothing.
static NIEMAND: LazyLock<Kijker> = LazyLock::new(|| Kijker::anoniem(false));

/// The viewer of this request.
pub fn kijker<'a>(ctx: &Context<'a>) -> &'a Kijker {
    ctx.data_opt::<Kijker>().unwrap_or(&NIEMAND)
}

/// What this request may read; UNAUTHENTICATED when it may not read at all.
pub fn zicht(ctx: &Context<'_>) -> Result<Zicht> {
    Zicht::van(kijker(ctx)).map_err(|e: ServiceError| e.extend())
}
