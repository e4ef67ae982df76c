//! The root subscription: action changes with the new roll-up of their opgave, as they happen.

use super::ids::{self, Soort};
use super::types::{Actie, Opgave, RollupGql};
use crate::service::events::ActieEvent;
use crate::service::{Services, lezen};
use crate::toegang::Kijker;
use async_graphql::{Context, ID, Result, ResultExt, SimpleObject, Subscription};
use futures_util::{Stream, StreamExt, stream};
use tokio::sync::broadcast::error::RecvError;

/// Een gewijzigde actie met de nieuwe stand van haar opgave.
#[derive(SimpleObject)]
pub struct ActieGewijzigd {
    /// De actie zoals zij nu is; leeg als u haar niet mag zien (de samenvatting telt haar wel mee).
    actie: Option<Actie>,
    /// Het id van een actie die u kon zien maar die nu vertrouwelijk is: haal haar van het scherm.
    verborgen: Option<ID>,
    /// Haar opgave.
    opgave: Opgave,
    /// De nieuwe samenvatting van die opgave.
    opgave_rollup: RollupGql,
}

/// Live meldingen.
pub struct Subscription;

/// The change as `kijker` may see it: whole, or only "this actie is now hidden".
async fn laad(s: &Services, kijker: &Kijker, ev: ActieEvent) -> Option<ActieGewijzigd> {
    match lezen::actie_met_opgave(&s.db.reader, ev.actie_id).await {
        Ok(Some((a, o, r))) => {
            let zichtbaar = kijker.ziet_actie(ev.thema_id, a.vertrouwelijk);
            // Only an actie it could see before may be named; of other hidden work only the roll-up shows.
            let zag = kijker.ziet_actie(ev.thema_id, ev.was_vertrouwelijk);
            Some(ActieGewijzigd {
                verborgen: (!zichtbaar && zag).then(|| ids::encode(Soort::Actie, a.id)),
                actie: zichtbaar.then_some(Actie(a)),
                opgave: Opgave(o),
                opgave_rollup: RollupGql(r),
            })
        }
        Ok(None) => None,
        Err(e) => {
            tracing::warn!(error = %e, "wijziging niet te laden voor abonnement");
            None
        }
    }
}

/// Live meldingen.
#[Subscription]
impl Subscription {
    /// Elke geaccepteerde wijziging van een actie in een thema dat u mag zien, eventueel alleen binnen één plan
    /// of opgave. Van een actie die u niet mag zien komt alleen de nieuwe samenvatting van haar opgave mee.
    async fn actie_gewijzigd(
        &self,
        ctx: &Context<'_>,
        actieplan: Option<ID>,
        opgave: Option<ID>,
    ) -> Result<impl Stream<Item = ActieGewijzigd> + use<>> {
        let plan = actieplan
            .map(|p| ids::decode(&p, Soort::Actieplan, "actieplan"))
            .transpose()
            .extend()?;
        let opg = opgave
            .map(|o| ids::decode(&o, Soort::Opgave, "opgave"))
            .transpose()
            .extend()?;
        let kijker = super::zicht::lezer(ctx)?.clone();
        let kijker2 = kijker.clone();
        let services = ctx.data::<Services>()?.clone();
        let rx = services.events.subscribe();
        let events = stream::unfold(rx, |mut rx| async move {
            loop {
                match rx.recv().await {
                    Ok(ev) => return Some((ev, rx)),
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                }
            }
        });
        Ok(events
            .filter(move |ev| {
                // Every change in a thema it may see: hidden work still moves the roll-up.
                let keep = plan.is_none_or(|p| p == ev.actieplan_id)
                    && opg.is_none_or(|o| o == ev.opgave_id)
                    && kijker.ziet_thema(ev.thema_id);
                async move { keep }
            })
            .filter_map(move |ev| {
                let services = services.clone();
                let kijker = kijker2.clone();
                // What is loaded decides: the actie may have changed again since the event.
                async move { laad(&services, &kijker, ev).await }
            }))
    }
}
