//! `aantalTeLaat` in the schema: batch loaders of the number of acties overdue with an update per opgave and
//! per plan (keyed by viewer, limit day and id, so a whole overview costs a constant number of statements),
//! and the resolver helper the types call.

use crate::graphql::zicht::zicht;
use crate::service::Services;
use crate::service::te_laat;
use crate::service::zicht::Zicht;
use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, ErrorExtensions, Result};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A loader key: what the viewer may see, the limit day (see [`koers_shared::te_laat::grens`]), and the id.
pub type TeLaatSleutel = (Zicht, i64, i32);

/// The keys grouped by viewer and limit (in one request usually one group).
fn groepen(keys: &[TeLaatSleutel]) -> Vec<(&Zicht, i64, Vec<i32>)> {
    let mut out: Vec<(&Zicht, i64, Vec<i32>)> = Vec::new();
    for (z, g, id) in keys {
        match out.iter_mut().find(|(oz, og, _)| *oz == z && og == g) {
            Some((_, _, ids)) => ids.push(*id),
            None => out.push((z, *g, vec![*id])),
        }
    }
    out
}

macro_rules! te_laat_loader {
    ($(#[$m:meta])* $name:ident, $f:path) => {
        $(#[$m])*
        pub struct $name(pub Services);

        impl Loader<TeLaatSleutel> for $name {
            type Value = u32;
            type Error = async_graphql::Error;

            async fn load(&self, keys: &[TeLaatSleutel]) -> Result<HashMap<TeLaatSleutel, u32>> {
                let mut out = HashMap::new();
                for (z, g, ids) in groepen(keys) {
                    let found = $f(&self.0.db.reader, z, &ids, g).await.map_err(|e| e.extend())?;
                    out.extend(found.into_iter().map(|(id, v)| ((z.clone(), g, id), v)));
                }
                Ok(out)
            }
        }
    };
}

te_laat_loader!(
    /// Overdue acties per opgave id.
    TeLaatPerOpgave, te_laat::per_opgave
);
te_laat_loader!(
    /// Overdue acties per plan id.
    TeLaatPerPlan, te_laat::per_actieplan
);

/// Registers the loaders on a schema builder.
pub fn register<Q, M, S>(
    b: async_graphql::SchemaBuilder<Q, M, S>,
    s: &Services,
) -> async_graphql::SchemaBuilder<Q, M, S> {
    fn dl<T: Loader<TeLaatSleutel>>(t: T) -> DataLoader<T> {
        DataLoader::new(t, tokio::spawn)
    }
    b.data(dl(TeLaatPerOpgave(s.clone())))
        .data(dl(TeLaatPerPlan(s.clone())))
}

/// The number of acties of `id` overdue at `peildatum` after `weken` weeks (loader `T`) as this request may
/// see them, or without confidential work; bad `weken` is BAD_USER_INPUT on `weken`.
pub async fn aantal<T>(
    ctx: &Context<'_>,
    id: i32,
    peildatum: NaiveDate,
    weken: Option<i32>,
    zonder_vertrouwelijk: Option<bool>,
) -> Result<u32>
where
    T: Loader<TeLaatSleutel, Value = u32, Error = async_graphql::Error>,
{
    let grens = te_laat::grens(peildatum, weken).map_err(|e| e.extend())?;
    let mut z = zicht(ctx)?;
    if zonder_vertrouwelijk == Some(true) {
        z = z.zonder_vertrouwelijk();
    }
    Ok(ctx
        .data::<DataLoader<T>>()?
        .load_one((z, grens, id))
        .await?
        .unwrap_or_default())
}
