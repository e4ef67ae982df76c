//! Access in the schema: who am I (`ik`), and for a beheerder the API tokens, users and the audit log.

use super::ids::{self, Soort, encode};
use super::types::Thema;
use super::zicht::kijker;
use crate::entities::{api_token, audit, thema};
use crate::error::ServiceError;
use crate::service::Services;
use crate::service::audit::{AuditFilter, MAX_PAGE};
use crate::service::toegang::NieuweGebruiker;
use crate::service::tokens::{NieuwToken, TokenMetThemas};
use crate::toegang::{Kijker, Rol, Themas, Wie};
use async_graphql::connection::{Connection, Edge};
use async_graphql::{
    Context, Enum, ErrorExtensions, ID, InputObject, Object, Result, ResultExt, SimpleObject,
};
use chrono::{DateTime, Utc};

/// The CSRF token of the request's session, set by the HTTP layer.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Rol van een gebruiker.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "Rol")]
pub enum RolGql {
    /// Leest alles, ook vertrouwelijk werk.
    Lezer,
    /// Leest alles en wijzigt acties in de eigen thema's.
    Redacteur,
    /// Alles, ook tokens, gebruikers en het auditlog.
    Beheerder,
}

impl From<RolGql> for Rol {
    fn from(r: RolGql) -> Self {
        match r {
            RolGql::Lezer => Rol::Lezer,
            RolGql::Redacteur => Rol::Redacteur,
            RolGql::Beheerder => Rol::Beheerder,
        }
    }
}

impl From<Rol> for RolGql {
    fn from(r: Rol) -> Self {
        match r {
            Rol::Lezer => RolGql::Lezer,
            Rol::Redacteur => RolGql::Redacteur,
            Rol::Beheerder => RolGql::Beheerder,
        }
    }
}

/// Wie dit verzoek doet en wat die mag.
pub struct Ik(Kijker, Option<String>);

/// Wie dit verzoek doet en wat die mag.
#[Object]
impl Ik {
    /// Naam zoals historie en auditlog die tonen.
    async fn naam(&self) -> String {
        self.0.naam()
    }

    /// `gebruiker`, `token` of `anoniem`.
    async fn soort(&self) -> &str {
        match self.0.wie {
            Wie::Gebruiker { .. } => "gebruiker",
            Wie::Token { .. } => "token",
            Wie::Anoniem => "anoniem",
            Wie::Systeem(_) => "systeem",
        }
    }

    /// Rol, voor een aangemelde gebruiker.
    async fn rol(&self) -> Option<RolGql> {
        match &self.0.wie {
            Wie::Gebruiker { rol, .. } => Some((*rol).into()),
            _ => None,
        }
    }

    /// Mag vertrouwelijk werk zien (in ten minste één thema).
    async fn ziet_vertrouwelijk(&self) -> bool {
        !self.0.vertrouwelijk.is_leeg()
    }

    /// Mag acties wijzigen in alle thema's.
    async fn schrijft_overal(&self) -> bool {
        self.0.schrijven == Themas::Alle
    }

    /// De thema's waarin acties gewijzigd mogen worden (alle thema's als `schrijftOveral`).
    async fn schrijf_themas(&self, ctx: &Context<'_>) -> Result<Vec<Thema>> {
        let alle = crate::service::lezen::themas(&ctx.data::<Services>()?.db.reader)
            .await
            .extend()?;
        Ok(alle
            .into_iter()
            .filter(|t| self.0.mag_schrijven(t.id))
            .map(Thema)
            .collect())
    }

    /// Beheerder: tokens, gebruikers, auditlog.
    async fn beheerder(&self) -> bool {
        self.0.beheer
    }

    /// Het CSRF-token van deze sessie: stuur het mee in de header `X-CSRF-Token` bij elke wijziging.
    async fn csrf_token(&self) -> Option<&str> {
        self.1.as_deref()
    }
}

/// Een API-token voor een koppeling. Het geheim zelf wordt alleen bij het aanmaken getoond.
pub struct ApiToken(TokenMetThemas);

/// Een API-token voor een koppeling. Het geheim zelf wordt alleen bij het aanmaken getoond.
#[Object]
impl ApiToken {
    /// Globaal id.
    async fn id(&self) -> ID {
        encode(Soort::ApiToken, self.0.0.id)
    }
    /// Naam van de koppeling.
    async fn naam(&self) -> &str {
        &self.0.0.naam
    }
    /// Herkenbaar begin van het token (geen geheim).
    async fn prefix(&self) -> &str {
        &self.0.0.prefix
    }
    /// Mag acties wijzigen (anders alleen lezen).
    async fn schrijven(&self) -> bool {
        self.0.0.schrijven
    }
    /// Mag vertrouwelijke acties lezen.
    async fn vertrouwelijk(&self) -> bool {
        self.0.0.vertrouwelijk
    }
    /// Geldt voor alle thema's.
    async fn alle_themas(&self) -> bool {
        self.0.0.alle_themas
    }
    /// De thema's, als niet alle.
    async fn themas(&self, ctx: &Context<'_>) -> Result<Vec<Thema>> {
        let rows =
            crate::service::lezen::by_ids::<thema::Entity>(&ctx.data::<Services>()?.db.reader, &self.0.1)
                .await
                .extend()?;
        let mut list: Vec<_> = rows.into_values().collect();
        list.sort_by_key(|t| t.volgorde);
        Ok(list.into_iter().map(Thema).collect())
    }
    /// Wie het aanmaakte.
    async fn aangemaakt_door(&self) -> &str {
        &self.0.0.aangemaakt_door
    }
    /// Wanneer.
    async fn aangemaakt_op(&self) -> DateTime<Utc> {
        self.0.0.aangemaakt_op
    }
    /// Verloopt op.
    async fn verloopt_op(&self) -> DateTime<Utc> {
        self.0.0.verloopt_op
    }
    /// Ingetrokken op, als ingetrokken.
    async fn ingetrokken_op(&self) -> Option<DateTime<Utc>> {
        self.0.0.ingetrokken_op
    }
    /// Laatst gebruikt (tot op een minuut).
    async fn laatst_gebruikt_op(&self) -> Option<DateTime<Utc>> {
        self.0.0.laatst_gebruikt_op
    }
    /// Bruikbaar: niet ingetrokken en niet verlopen.
    async fn actief(&self) -> bool {
        token_actief(&self.0.0)
    }
}

fn token_actief(t: &api_token::Model) -> bool {
    t.ingetrokken_op.is_none() && t.verloopt_op > Utc::now()
}

/// Een nieuw token: het geheim (alleen nu te zien) en het token.
#[derive(SimpleObject)]
pub struct NieuwApiToken {
    /// Het geheim: bewaar het nu; Koers bewaart alleen een hash. Stuur het als `Authorization: Bearer …`.
    geheim: String,
    /// Het token.
    token: ApiToken,
}

/// Eén regel van het auditlog.
#[derive(SimpleObject)]
pub struct AuditRegel {
    /// Globaal id.
    id: ID,
    /// Wanneer.
    tijdstip: DateTime<Utc>,
    /// Wie (naam van gebruiker of token).
    actor: String,
    /// De sessie, als een gebruiker het deed.
    sessie: Option<i32>,
    /// Het token (`prefix` staat in `object` van `apiTokenAanmaken`), als een koppeling het deed.
    token: Option<ID>,
    /// Wat: `actieAanmaken`, `actieWijzigen`, `actieVoortgangRapporteren`, `aanmelden`, `aanmeldenMislukt`,
    /// `afmelden`, `apiTokenAanmaken`, `apiTokenIntrekken`, `gebruikerAanmaken`.
    handeling: String,
    /// Waarop, bijvoorbeeld `actie/12` of een tokenprefix.
    object: Option<String>,
    /// Details als JSON.
    details: String,
}

impl From<audit::Model> for AuditRegel {
    fn from(a: audit::Model) -> Self {
        AuditRegel {
            id: encode(Soort::AuditRegel, a.id),
            tijdstip: a.tijdstip,
            actor: a.actor,
            sessie: a.sessie_id,
            token: a.token_id.map(|t| encode(Soort::ApiToken, t)),
            handeling: a.handeling,
            object: a.object,
            details: a.details,
        }
    }
}

/// Extra velden van het auditlog.
#[derive(SimpleObject)]
pub struct AuditTotaal {
    /// Aantal regels (met het filter op handeling), over alle pagina's.
    total_count: u64,
}

/// Een nieuw API-token.
#[derive(InputObject)]
pub struct ApiTokenAanmakenInvoer {
    /// Naam van de koppeling (1–200 tekens).
    naam: String,
    /// Mag acties wijzigen; anders alleen lezen.
    #[graphql(default)]
    schrijven: bool,
    /// Mag vertrouwelijke acties lezen.
    #[graphql(default)]
    vertrouwelijk: bool,
    /// De thema's; weglaten geeft alle thema's.
    themas: Option<Vec<ID>>,
    /// Dagen geldig (1–732), standaard 90.
    #[graphql(default = 90)]
    geldig_dagen: i32,
}

/// Een nieuwe gebruiker.
#[derive(InputObject)]
pub struct GebruikerAanmakenInvoer {
    /// Inlognaam, zonder spaties.
    gebruikersnaam: String,
    /// Naam zoals historie en auditlog die tonen.
    naam: String,
    /// Wachtwoord (12–256 tekens).
    wachtwoord: String,
    /// Rol.
    rol: RolGql,
    /// De thema's van een redacteur.
    #[graphql(default)]
    themas: Vec<ID>,
}

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
    async fn api_tokens(&self, ctx: &Context<'_>) -> Result<Vec<ApiToken>> {
        let list = ctx.data::<Services>()?.tokens(kijker(ctx)).await.extend()?;
        Ok(list.into_iter().map(ApiToken).collect())
    }

    /// Het auditlog, nieuwste eerst (alleen beheerders); `first` ≤ 200, standaard 50.
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        handeling: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, AuditRegel, AuditTotaal>> {
        let aantal = u64::try_from(first.unwrap_or(50))
            .ok()
            .filter(|n| *n <= MAX_PAGE)
            .ok_or_else(|| {
                ServiceError::invalid("first", format!("first moet tussen 0 en {MAX_PAGE} liggen"))
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
        invoer: ApiTokenAanmakenInvoer,
    ) -> Result<NieuwApiToken> {
        let k = schrijver(ctx)?;
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
    async fn api_token_intrekken(&self, ctx: &Context<'_>, id: ID) -> Result<ApiToken> {
        let k = schrijver(ctx)?;
        let id = ids::decode(&id, Soort::ApiToken, "id").extend()?;
        let t = ctx
            .data::<Services>()?
            .token_intrekken(k, Some(id), None)
            .await
            .extend()?;
        Ok(ApiToken(t))
    }

    /// Maakt een gebruiker aan; geeft de gebruikersnaam terug.
    async fn gebruiker_aanmaken(&self, ctx: &Context<'_>, invoer: GebruikerAanmakenInvoer) -> Result<String> {
        let k = schrijver(ctx)?;
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
