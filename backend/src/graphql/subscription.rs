//! The root subscription: action changes with the new roll-up of their opgave, as they happen, each as the
//! subscriber may see it (the service decides, per subscriber); and changes of the records above acties.

use super::ids::{self, Soort};
use super::types::{Actie, Opgave, RollupGql};
use crate::service::events::{ActieEvent, BeheerEvent};
use crate::service::zicht::Zicht;
use crate::service::{Services, lezen};
use async_graphql::{Context, ID, Result, ResultExt, SimpleObject, Subscription};
use futures_util::{Stream, StreamExt, stream};
use tokio::sync::broadcast::error::RecvError;

/// Een gewijzigde actie met de nieuwe stand van haar opgave.
#[derive(SimpleObject)]
pub struct ActieGewijzigd {
    /// De actie zoals zij nu is; leeg als u haar niet mag zien.
    actie: Option<Actie>,
    /// Het id van een actie die u kon zien maar die nu vertrouwelijk is: haal haar van het scherm.
    verborgen: Option<ID>,
    /// Haar opgave.
    opgave: Opgave,
    /// De nieuwe samenvatting van die opgave, over de acties die u mag zien.
    opgave_rollup: RollupGql,
}

/// Een gewijzigd thema, plan, opgave, organisatie of RVO-vergadering: haal het opnieuw op.
#[derive(SimpleObject)]
pub struct BeheerGewijzigd {
    /// `thema`, `actieplan`, `opgave`, `organisatie` of `rvo_vergadering`.
    soort: String,
    /// Het id van het object.
    id: ID,
    /// Zijn versie na de wijziging; 0 als het is verwijderd.
    versie: i32,
    /// Het thema waar het bij hoort (leeg voor organisaties en RVO-vergaderingen).
    thema: Option<ID>,
}

fn beheer_id(ev: &BeheerEvent) -> ID {
    let soort = match ev.soort {
        "thema" => Soort::Thema,
        "actieplan" => Soort::Actieplan,
        "opgave" => Soort::Opgave,
        "organisatie" => Soort::Organisatie,
        _ => Soort::RvoVergadering,
    };
    ids::encode(soort, ev.id)
}

/// Live meldingen.
pub struct Subscription;

/// The change as `zicht` may see it: whole, or only "this actie is now hidden", or only the roll-up.
async fn laad(s: &Services, zicht: &Zicht, ev: ActieEvent) -> Option<ActieGewijzigd> {
    match lezen::wijziging(&s.db.reader, zicht, &ev).await {
        Ok(Some(w)) => Some(ActieGewijzigd {
            verborgen: w.verborgen.map(|id| ids::encode(Soort::Actie, id)),
            actie: w.actie.map(Actie),
            opgave: Opgave::nu(w.opgave),
            opgave_rollup: RollupGql(w.rollup),
        }),
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
        #[graphql(desc = "Alleen wijzigingen binnen dit plan.")] actieplan: Option<ID>,
        #[graphql(desc = "Alleen wijzigingen binnen deze opgave.")] opgave: Option<ID>,
        #[graphql(
            desc = "Waar: behandel vertrouwelijke acties als verborgen, ook als u ze mag zien (de presentatiemodus vraagt dit)."
        )]
        zonder_vertrouwelijk: Option<bool>,
    ) -> Result<impl Stream<Item = ActieGewijzigd> + use<>> {
        let plan = actieplan
            .map(|p| ids::decode(&p, Soort::Actieplan, "actieplan"))
            .transpose()
            .extend()?;
        let opg = opgave
            .map(|o| ids::decode(&o, Soort::Opgave, "opgave"))
            .transpose()
            .extend()?;
        let mut zicht = super::zicht::zicht(ctx)?;
        if zonder_vertrouwelijk == Some(true) {
            zicht = zicht.zonder_vertrouwelijk();
        }
        let zicht2 = zicht.clone();
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
                let keep = plan.is_none_or(|p| p == ev.actieplan_id)
                    && opg.is_none_or(|o| o == ev.opgave_id)
                    && lezen::hoort(&zicht, ev);
                async move { keep }
            })
            .filter_map(move |ev| {
                let services = services.clone();
                let zicht = zicht2.clone();
                // What is loaded decides: the actie may have changed again since the event.
                async move { laad(&services, &zicht, ev).await }
            }))
    }
    /// Elke wijziging van een thema, plan, opgave, organisatie of RVO-vergadering die u mag zien, eventueel alleen
    /// binnen één thema.
    async fn beheer_gewijzigd(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Alleen wijzigingen binnen dit thema (organisaties en RVO-vergaderingen komen altijd mee)."
        )]
        thema: Option<ID>,
    ) -> Result<impl Stream<Item = BeheerGewijzigd> + use<>> {
        let thema = thema
            .map(|t| ids::decode(&t, Soort::Thema, "thema"))
            .transpose()
            .extend()?;
        let zicht = super::zicht::zicht(ctx)?;
        let rx = ctx.data::<Services>()?.beheer_events.subscribe();
        let events = stream::unfold(rx, |mut rx| async move {
            loop {
                match rx.recv().await {
                    Ok(ev) => return Some((ev, rx)),
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                }
            }
        });
        Ok(events.filter_map(move |ev: BeheerEvent| {
            let keep = match ev.thema_id {
                Some(t) => zicht.ziet_thema(t) && thema.is_none_or(|w| w == t),
                None => true,
            };
            async move {
                keep.then(|| BeheerGewijzigd {
                    soort: ev.soort.to_string(),
                    id: beheer_id(&ev),
                    versie: ev.versie,
                    thema: ev.thema_id.map(|t| ids::encode(Soort::Thema, t)),
                })
            }
        }))
    }
}
