//! The root query.

use super::ids::{self, Soort};
use super::inputs::ActieFilterInvoer;
use super::loaders::{ById, one};
use super::types::{Actie, Actieplan, Node, Opgave, Organisatie, RvoVergadering, Thema, Voortgangsupdate};
use super::zicht::zicht;
use crate::entities::{actie, actieplan, opgave, organisatie, rvo_vergadering, thema, voortgangsupdate};
use crate::error::ServiceError;
use crate::service::Services;
use crate::service::acties::{self, MAX_PAGE, Pagina, Vragen};
use crate::service::{lezen, peil};
use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, ErrorExtensions, ID, Object, Result, ResultExt, SimpleObject};

/// Extra velden van een acties-verbinding.
#[derive(SimpleObject)]
pub struct ActieTotaal {
    /// Aantal acties dat aan het filter voldoet, over alle pagina's.
    total_count: u64,
}

/// Leesoperaties.
#[derive(Default)]
pub struct Query;

fn services<'a>(ctx: &Context<'a>) -> Result<&'a Services> {
    ctx.data::<Services>()
}

fn cursor(id: &str, veld: &str) -> Result<i32, ServiceError> {
    ids::decode(id, Soort::Actie, veld)
}

fn pagina(
    first: Option<i32>,
    after: Option<String>,
    last: Option<i32>,
    before: Option<String>,
) -> Result<Pagina, ServiceError> {
    let size = |n: i32, veld: &str| {
        u64::try_from(n).ok().filter(|n| *n <= MAX_PAGE).ok_or_else(|| {
            ServiceError::melding(
                veld,
                koers_shared::Melding::BuitenBereik {
                    min: 0,
                    max: i64::try_from(MAX_PAGE).unwrap_or(i64::MAX),
                },
            )
        })
    };
    match (first, last) {
        (Some(_), Some(_)) => Err(ServiceError::melding(
            "last",
            koers_shared::Melding::NietBeide {
                een: "first".into(),
                ander: "last".into(),
            },
        )),
        (_, Some(l)) => Ok(Pagina::Achteruit {
            n: size(l, "last")?,
            before: before.as_deref().map(|b| cursor(b, "before")).transpose()?,
        }),
        (f, None) => Ok(Pagina::Vooruit {
            n: size(f.unwrap_or(20), "first")?,
            after: after.as_deref().map(|a| cursor(a, "after")).transpose()?,
        }),
    }
}

/// Leesoperaties.
#[Object(name = "DomeinQuery")]
impl Query {
    /// De vijf VAR-portefeuilles, in hun volgorde.
    #[graphql(complexity = "crate::graphql::cost::list(crate::graphql::cost::THEMAS, child_complexity)")]
    async fn themas(&self, ctx: &Context<'_>) -> Result<Vec<Thema>> {
        Ok(lezen::themas(&services(ctx)?.db.reader, &zicht(ctx)?)
            .await
            .extend()?
            .into_iter()
            .map(Thema)
            .collect())
    }

    /// Alle plannen, of de plannen van één thema.
    #[graphql(complexity = "crate::graphql::cost::list(crate::graphql::cost::PLANNEN, child_complexity)")]
    async fn actieplannen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Alleen de plannen van dit thema.")] thema: Option<ID>,
        #[graphql(
            desc = "De plannen zoals ze op dit moment waren, herleid uit de beheerhistorie (alleen die toen bestonden, het thema van toen); hun opgaven, samenvattingen en acties volgen dat moment. Niet in de toekomst."
        )]
        peilmoment: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Vec<Actieplan>> {
        let z = zicht(ctx)?;
        let thema = thema
            .map(|t| ids::decode(&t, Soort::Thema, "thema"))
            .transpose()
            .extend()?;
        let db = &services(ctx)?.db.reader;
        match peilmoment {
            Some(t) => {
                let t = peil::controleer(t, "peilmoment").extend()?;
                let rows = peil::plannen::actieplannen(db, &z, thema, t).await.extend()?;
                Ok(rows.into_iter().map(|m| Actieplan(m, Some(t))).collect())
            }
            None => {
                let rows = lezen::actieplannen(db, &z, thema).await.extend()?;
                Ok(rows.into_iter().map(Actieplan::nu).collect())
            }
        }
    }

    /// Eén thema.
    async fn thema(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van het thema.")] id: ID,
    ) -> Result<Option<Thema>> {
        // Who may not read at all learns nothing from the id.
        zicht(ctx)?;
        let id = ids::decode(&id, Soort::Thema, "id").extend()?;
        Ok(one::<ById<thema::Entity>>(ctx, id).await?.map(Thema))
    }

    /// Eén plan.
    async fn actieplan(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van het plan.")] id: ID,
        #[graphql(
            desc = "Het plan zoals het op dit moment was, herleid uit de beheerhistorie (leeg als het toen nog niet bestond); zijn opgaven, samenvattingen en acties volgen dat moment. Niet in de toekomst."
        )]
        peilmoment: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Option<Actieplan>> {
        // Who may not read at all learns nothing from the id.
        zicht(ctx)?;
        let id = ids::decode(&id, Soort::Actieplan, "id").extend()?;
        Ok(match peilmoment {
            Some(t) => {
                let t = peil::controleer(t, "peilmoment").extend()?;
                super::peil::op_mijn::<super::peil::ActieplanOp>(ctx, t, id)
                    .await?
                    .map(|m| Actieplan(m, Some(t)))
            }
            None => one::<ById<actieplan::Entity>>(ctx, id).await?.map(Actieplan::nu),
        })
    }

    /// Eén opgave.
    async fn opgave(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de opgave.")] id: ID,
    ) -> Result<Option<Opgave>> {
        // Who may not read at all learns nothing from the id.
        zicht(ctx)?;
        let id = ids::decode(&id, Soort::Opgave, "id").extend()?;
        Ok(one::<ById<opgave::Entity>>(ctx, id).await?.map(Opgave::nu))
    }

    /// Eén actie.
    async fn actie(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de actie.")] id: ID,
        #[graphql(
            desc = "De actie zoals zij op dit moment was (leeg als zij toen nog niet bestond); niet in de toekomst."
        )]
        peilmoment: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Option<Actie>> {
        // Who may not read at all learns nothing from the id.
        zicht(ctx)?;
        let id = ids::decode(&id, Soort::Actie, "id").extend()?;
        let a = match peilmoment {
            Some(t) => super::peil::op_mijn::<super::peil::ActieOp>(ctx, t, id).await?,
            None => one::<ById<actie::Entity>>(ctx, id).await?,
        };
        Ok(a.map(Actie))
    }

    /// Elk object op zijn globale id.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het globale id van het object.")] id: ID,
    ) -> Result<Option<Node>> {
        zicht(ctx)?;
        let (soort, n) = ids::decode_any(&id, "id").extend()?;
        Ok(match soort {
            Soort::Thema => one::<ById<thema::Entity>>(ctx, n)
                .await?
                .map(|m| Node::Thema(Thema(m))),
            Soort::Actieplan => one::<ById<actieplan::Entity>>(ctx, n)
                .await?
                .map(|m| Node::Actieplan(Actieplan::nu(m))),
            Soort::Opgave => one::<ById<opgave::Entity>>(ctx, n)
                .await?
                .map(|m| Node::Opgave(Opgave::nu(m))),
            Soort::Actie => one::<ById<actie::Entity>>(ctx, n)
                .await?
                .map(|m| Node::Actie(Actie(m))),
            Soort::Organisatie => one::<ById<organisatie::Entity>>(ctx, n)
                .await?
                .map(|m| Node::Organisatie(Organisatie(m))),
            Soort::Voortgangsupdate => one::<ById<voortgangsupdate::Entity>>(ctx, n)
                .await?
                .map(|m| Node::Voortgangsupdate(Voortgangsupdate(m))),
            Soort::RvoVergadering => one::<ById<rvo_vergadering::Entity>>(ctx, n)
                .await?
                .map(|m| Node::RvoVergadering(RvoVergadering(m))),
            // Tokens, audit entries, users and webhooks are read through their own beheer fields, not as nodes.
            Soort::ApiToken
            | Soort::AuditRegel
            | Soort::Gebruiker
            | Soort::Webhook
            | Soort::WebhookLevering => None,
        })
    }

    /// Alle organisaties, op naam.
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::ORGANISATIES, child_complexity)"
    )]
    async fn organisaties(&self, ctx: &Context<'_>) -> Result<Vec<Organisatie>> {
        Ok(lezen::organisaties(&services(ctx)?.db.reader, &zicht(ctx)?)
            .await
            .extend()?
            .into_iter()
            .map(Organisatie)
            .collect())
    }

    /// Alle bekende RVO-vergaderingen, op datum.
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::BEHEER_LIJST, child_complexity)"
    )]
    async fn rvo_vergaderingen(&self, ctx: &Context<'_>) -> Result<Vec<RvoVergadering>> {
        let rows = lezen::rvo_vergaderingen(&services(ctx)?.db.reader, &zicht(ctx)?)
            .await
            .extend()?;
        Ok(rows.into_iter().map(RvoVergadering).collect())
    }

    /// Acties die aan het filter voldoen, als Relay-verbinding op id (`first` ≤ 100, standaard 20).
    #[graphql(complexity = "first.or(last).unwrap_or(20).clamp(0, 100) as usize * child_complexity + 2")]
    // Each argument is one of the schema's: the Relay connection's four, the filter and the peilmoment.
    #[allow(clippy::too_many_arguments)]
    async fn acties(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Alleen acties die hieraan voldoen; zonder filter alle die u mag zien.")]
        filter: Option<ActieFilterInvoer>,
        #[graphql(desc = "De eerste zoveel acties (0–100, standaard 20).")] first: Option<i32>,
        #[graphql(desc = "De cursor (`endCursor`) waarna de pagina begint.")] after: Option<String>,
        #[graphql(desc = "De laatste zoveel acties (0–100); niet samen met `first`.")] last: Option<i32>,
        #[graphql(desc = "De cursor (`startCursor`) waarvoor de pagina eindigt.")] before: Option<String>,
        #[graphql(
            desc = "De acties zoals ze op dit moment waren (alleen die toen bestonden; het filter op opgave, plan, thema, status, gezondheid en `gewijzigdSinds` geldt de toestand van toen); niet in de toekomst. Een cursor blijft geldig bij hetzelfde peilmoment."
        )]
        peilmoment: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Connection<String, Actie, ActieTotaal>> {
        let z = zicht(ctx)?;
        let filter = filter
            .map(ActieFilterInvoer::parse)
            .transpose()
            .extend()?
            .unwrap_or_default();
        let pagina = pagina(first, after, last, before).extend()?;
        // Only what the selection asks for is counted (fragments included).
        let ahead = ctx.look_ahead();
        let info = ahead.field("pageInfo");
        let vragen = Vragen {
            totaal: ahead.field("totalCount").exists(),
            achter: match pagina {
                Pagina::Vooruit { .. } => info.field("hasPreviousPage").exists(),
                Pagina::Achteruit { .. } => info.field("hasNextPage").exists(),
            },
        };
        let db = &services(ctx)?.db.reader;
        let p = match peilmoment {
            Some(t) => {
                let t = peil::controleer(t, "peilmoment").map_err(|e| e.extend())?;
                peil::acties::zoek(db, &z, &filter, pagina, vragen, t).await
            }
            None => acties::zoek(db, &z, &filter, pagina, vragen).await,
        }
        .map_err(|e| e.extend())?;
        let mut conn = Connection::with_additional_fields(
            p.has_previous,
            p.has_next,
            ActieTotaal {
                total_count: p.totaal.unwrap_or_default(),
            },
        );
        conn.edges.extend(
            p.acties
                .into_iter()
                .map(|a| Edge::new(ids::encode(Soort::Actie, a.id).0, Actie(a))),
        );
        Ok(conn)
    }
}
