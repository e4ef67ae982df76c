//! Webhooks in the schema (beheerders only; the service layer decides): list and read them with their delivery
//! log, register, change, remove, switch off and on, and send a delivery again. The wire types are in
//! `types::webhook`.

use super::beheer::schrijver;
use super::ids::{self, Soort};
use super::types::webhook::{
    GebeurtenisGql, NieuweWebhook, Webhook, WebhookAanmakenInvoer, WebhookLevering, WebhookWijzigenInvoer,
};
use super::zicht::kijker;
use crate::error::ServiceError;
use crate::service::Services;
use crate::service::webhooks::beheer::{NieuweWebhook as Nieuw, WebhookWijziging};
use async_graphql::{Context, ErrorExtensions, ID, Object, Result, ResultExt};
use koers_shared::Melding;

fn gebeurtenissen(g: Vec<GebeurtenisGql>) -> Vec<crate::entities::webhook_levering::Gebeurtenis> {
    g.into_iter().map(Into::into).collect()
}

fn webhook_id(id: &ID) -> Result<i32> {
    ids::decode(id, Soort::Webhook, "id").extend()
}

/// Leesoperaties rond webhooks (alleen beheerders).
#[derive(Default)]
pub struct WebhookQuery;

#[Object]
impl WebhookQuery {
    /// Alle webhooks, nieuwste eerst (alleen beheerders).
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::BEHEER_LIJST, child_complexity)"
    )]
    async fn webhooks(&self, ctx: &Context<'_>) -> Result<Vec<Webhook>> {
        let list = ctx.data::<Services>()?.webhooks(kijker(ctx)).await.extend()?;
        Ok(list.into_iter().map(Webhook).collect())
    }

    /// Eén webhook met zijn leveringslog (alleen beheerders).
    async fn webhook(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de webhook.")] id: ID,
    ) -> Result<Webhook> {
        let id = webhook_id(&id)?;
        let w = ctx.data::<Services>()?.webhook(kijker(ctx), id).await.extend()?;
        Ok(Webhook(w))
    }
}

/// Schrijfoperaties rond webhooks (alleen beheerders).
#[derive(Default)]
pub struct WebhookMutation;

#[Object]
impl WebhookMutation {
    /// Registreert een webhook; het geheim staat alleen in dit antwoord.
    async fn webhook_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Naam, adres, gebeurtenissen en bereik van de webhook.")]
        invoer: WebhookAanmakenInvoer,
    ) -> Result<NieuweWebhook> {
        let k = schrijver(ctx)?;
        let themas = invoer
            .themas
            .as_deref()
            .map(|t| ids::decode_all(t, Soort::Thema, "themas"))
            .transpose()
            .extend()?;
        let n = Nieuw {
            naam: invoer.naam,
            url: invoer.url,
            geheim: invoer.geheim,
            gebeurtenissen: gebeurtenissen(invoer.gebeurtenissen),
            themas,
            vertrouwelijk: invoer.vertrouwelijk,
        };
        let (geheim, w) = ctx.data::<Services>()?.webhook_aanmaken(k, n).await.extend()?;
        Ok(NieuweWebhook {
            geheim,
            webhook: Webhook(w),
        })
    }

    /// Wijzigt naam, adres, gebeurtenissen of bereik van een webhook.
    async fn webhook_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De webhook en wat er verandert.")] invoer: WebhookWijzigenInvoer,
    ) -> Result<Webhook> {
        let k = schrijver(ctx)?;
        let themas = match (invoer.themas, invoer.alle_themas) {
            (Some(_), Some(true)) => {
                return Err(ServiceError::melding(
                    "alleThemas",
                    Melding::NietBeide {
                        een: "themas".into(),
                        ander: "alleThemas".into(),
                    },
                )
                .extend());
            }
            (Some(t), _) => Some(Some(ids::decode_all(&t, Soort::Thema, "themas").extend()?)),
            (None, Some(true)) => Some(None),
            (None, _) => None,
        };
        let c = WebhookWijziging {
            id: webhook_id(&invoer.id)?,
            naam: invoer.naam,
            url: invoer.url,
            gebeurtenissen: invoer.gebeurtenissen.map(gebeurtenissen),
            themas,
            vertrouwelijk: invoer.vertrouwelijk,
        };
        Ok(Webhook(
            ctx.data::<Services>()?.webhook_wijzigen(k, c).await.extend()?,
        ))
    }

    /// Verwijdert een webhook met zijn leveringslog; geeft het id terug.
    async fn webhook_verwijderen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de webhook.")] id: ID,
    ) -> Result<ID> {
        let k = schrijver(ctx)?;
        let n = webhook_id(&id)?;
        ctx.data::<Services>()?.webhook_verwijderen(k, n).await.extend()?;
        Ok(id)
    }

    /// Zet een webhook uit; wachtende leveringen stoppen tot hij weer aan gaat.
    async fn webhook_uitschakelen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de webhook.")] id: ID,
    ) -> Result<Webhook> {
        let k = schrijver(ctx)?;
        let n = webhook_id(&id)?;
        Ok(Webhook(
            ctx.data::<Services>()?
                .webhook_uitschakelen(k, n)
                .await
                .extend()?,
        ))
    }

    /// Zet een (uitgeschakelde) webhook weer aan; gestopte leveringen gaan meteen weer op weg.
    async fn webhook_aanzetten(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de webhook.")] id: ID,
    ) -> Result<Webhook> {
        let k = schrijver(ctx)?;
        let n = webhook_id(&id)?;
        Ok(Webhook(
            ctx.data::<Services>()?.webhook_aanzetten(k, n).await.extend()?,
        ))
    }

    /// Verstuurt een levering meteen opnieuw (met hetzelfde `berichtId`); de webhook moet aan staan.
    async fn levering_opnieuw(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de levering.")] id: ID,
    ) -> Result<WebhookLevering> {
        let k = schrijver(ctx)?;
        let n = ids::decode(&id, Soort::WebhookLevering, "id").extend()?;
        Ok(ctx
            .data::<Services>()?
            .levering_opnieuw(k, n)
            .await
            .extend()?
            .into())
    }
}
