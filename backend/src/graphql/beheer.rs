//! Access in the schema: who am I (`ik`), and for a beheerder the API tokens, users and the audit log. The wire
//! types are in `types::toegang`.

use super::ids::{self, Soort, encode};
use super::types::toegang::{
    ApiToken, ApiTokenAanmakenInvoer, AuditRegel, AuditTotaal, GebruikerAanmakenInvoer, Ik, NieuwApiToken,
};
use super::zicht::kijker;
use crate::error::ServiceError;
use crate::service::Services;
use crate::service::audit::{AuditFilter, MAX_PAGE};
use crate::service::toegang::{NieuweGebruiker, alleen_beheer};
use crate::service::tokens::NieuwToken;
use crate::toegang::Kijker;
use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, ErrorExtensions, ID, Object, Result, ResultExt};
use koers_shared::Melding;

/// The CSRF token of the request's session, set by the HTTP layer.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

fn thema_ids(list: &[ID], veld: &str) -> Result<Vec<i32>, ServiceError> {
    list.iter().map(|t| ids::decode(t, Soort::Thema, veld)).collect()
}

/// The viewer of a change: refused without the session's CSRF token.
pub fn schrijver<'a>(ctx: &Context<'a>) -> Result<&'a Kijker> {
    let k = kijker(ctx);
    if k.zonder_csrf {
        return Err(ServiceError::CsrfRequired.extend());
    }
    Ok(k)
}

/// Leesoperaties rond toegang.
#[derive(Default)]
pub struct BeheerQuery;

#[Object]
impl BeheerQuery {
    /// Wie dit verzoek doet: anoniem, een aangemelde gebruiker of een API-token.
    async fn ik(&self, ctx: &Context<'_>) -> Ik {
        Ik(
            kijker(ctx).clone(),
            ctx.data_opt::<CsrfToken>().map(|c| c.0.clone()),
        )
    }

    /// Alle API-tokens, nieuwste eerst (alleen beheerders).
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::BEHEER_LIJST, child_complexity)"
    )]
    async fn api_tokens(&self, ctx: &Context<'_>) -> Result<Vec<ApiToken>> {
        let list = ctx.data::<Services>()?.tokens(kijker(ctx)).await.extend()?;
        Ok(list.into_iter().map(ApiToken).collect())
    }

    /// Het auditlog, nieuwste eerst (alleen beheerders); `first` ≤ 200, standaard 50.
    #[graphql(complexity = "first.unwrap_or(50).clamp(0, 200) as usize * child_complexity + 2")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Alleen regels met deze handeling.")] handeling: Option<String>,
        #[graphql(desc = "Hoeveel regels (0–200, standaard 50).")] first: Option<i32>,
        #[graphql(desc = "De cursor (`endCursor`) waarna de pagina begint.")] after: Option<String>,
    ) -> Result<Connection<String, AuditRegel, AuditTotaal>> {
        alleen_beheer(kijker(ctx), "leest het auditlog").extend()?;
        let aantal = u64::try_from(first.unwrap_or(50))
            .ok()
            .filter(|n| *n <= MAX_PAGE)
            .ok_or_else(|| {
                ServiceError::melding(
                    "first",
                    Melding::BuitenBereik {
                        min: 0,
                        max: i64::try_from(MAX_PAGE).unwrap_or(i64::MAX),
                    },
                )
            })
            .extend()?;
        let voor = after
            .as_deref()
            .map(|a| ids::decode(a, Soort::AuditRegel, "after"))
            .transpose()
            .extend()?;
        let f = AuditFilter {
            handeling,
            voor,
            aantal,
        };
        let p = ctx.data::<Services>()?.audit_log(kijker(ctx), f).await.extend()?;
        let mut conn = Connection::with_additional_fields(
            voor.is_some(),
            p.meer,
            AuditTotaal {
                total_count: p.totaal,
            },
        );
        conn.edges.extend(
            p.regels
                .into_iter()
                .map(|a| Edge::new(encode(Soort::AuditRegel, a.id).0, AuditRegel::from(a))),
        );
        Ok(conn)
    }
}

/// Schrijfoperaties rond toegang (alleen beheerders).
#[derive(Default)]
pub struct BeheerMutation;

#[Object]
impl BeheerMutation {
    /// Maakt een API-token aan; het geheim staat alleen in dit antwoord.
    async fn api_token_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Naam, rechten en thema's van het nieuwe token.")] invoer: ApiTokenAanmakenInvoer,
    ) -> Result<NieuwApiToken> {
        let k = schrijver(ctx)?;
        alleen_beheer(k, "maakt API-tokens aan").extend()?;
        let themas = invoer
            .themas
            .as_deref()
            .map(|t| thema_ids(t, "themas"))
            .transpose()
            .extend()?;
        let n = NieuwToken {
            naam: invoer.naam,
            schrijven: invoer.schrijven,
            vertrouwelijk: invoer.vertrouwelijk,
            themas,
            geldig_dagen: i64::from(invoer.geldig_dagen),
        };
        let (geheim, t) = ctx.data::<Services>()?.token_aanmaken(k, n).await.extend()?;
        Ok(NieuwApiToken {
            geheim,
            token: ApiToken(t),
        })
    }

    /// Trekt een API-token in; het werkt daarna niet meer.
    async fn api_token_intrekken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van het token.")] id: ID,
    ) -> Result<ApiToken> {
        let k = schrijver(ctx)?;
        alleen_beheer(k, "trekt API-tokens in").extend()?;
        let id = ids::decode(&id, Soort::ApiToken, "id").extend()?;
        let t = ctx
            .data::<Services>()?
            .token_intrekken(k, Some(id), None)
            .await
            .extend()?;
        Ok(ApiToken(t))
    }

    /// Maakt een gebruiker aan; geeft de gebruikersnaam terug.
    async fn gebruiker_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De nieuwe gebruiker.")] invoer: GebruikerAanmakenInvoer,
    ) -> Result<String> {
        let k = schrijver(ctx)?;
        alleen_beheer(k, "maakt gebruikers aan").extend()?;
        let n = NieuweGebruiker {
            gebruikersnaam: invoer.gebruikersnaam,
            naam: invoer.naam,
            wachtwoord: invoer.wachtwoord,
            rol: invoer.rol.into(),
            themas: thema_ids(&invoer.themas, "themas").extend()?,
        };
        let g = ctx.data::<Services>()?.gebruiker_aanmaken(k, n).await.extend()?;
        Ok(g.gebruikersnaam)
    }
}
