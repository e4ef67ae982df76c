//! Access on the wire: who am I (`Ik`), roles, API tokens, audit entries and the inputs of the beheer mutations.

use crate::entities::{api_token, audit, thema};
use crate::graphql::ids::{Soort, encode};
use crate::graphql::types::Thema;
use crate::service::Services;
use crate::service::tokens::TokenMetThemas;
use crate::toegang::{Kijker, Rol, Themas, Wie};
use async_graphql::{Context, Enum, ID, InputObject, Object, Result, ResultExt, SimpleObject};
use chrono::{DateTime, Utc};

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
pub struct Ik(pub Kijker, pub Option<String>);

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
    #[graphql(complexity = "crate::graphql::cost::list(crate::graphql::cost::THEMAS, child_complexity)")]
    async fn schrijf_themas(&self, ctx: &Context<'_>) -> Result<Vec<Thema>> {
        if self.0.schrijven.is_leeg() {
            return Ok(Vec::new());
        }
        let z = crate::graphql::zicht::zicht(ctx)?;
        let alle = crate::service::lezen::themas(&ctx.data::<Services>()?.db.reader, &z)
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
pub struct ApiToken(pub TokenMetThemas);

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
    #[graphql(complexity = "crate::graphql::cost::list(crate::graphql::cost::THEMAS, child_complexity)")]
    async fn themas(&self, ctx: &Context<'_>) -> Result<Vec<Thema>> {
        let z = crate::graphql::zicht::zicht(ctx)?;
        let rows =
            crate::service::lezen::by_ids::<thema::Entity>(&ctx.data::<Services>()?.db.reader, &z, &self.0.1)
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
    pub geheim: String,
    /// Het token.
    pub token: ApiToken,
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
    pub total_count: u64,
}

/// Een nieuw API-token.
#[derive(InputObject)]
pub struct ApiTokenAanmakenInvoer {
    /// Naam van de koppeling (1–200 tekens).
    pub naam: String,
    /// Mag acties wijzigen; anders alleen lezen.
    #[graphql(default)]
    pub schrijven: bool,
    /// Mag vertrouwelijke acties lezen.
    #[graphql(default)]
    pub vertrouwelijk: bool,
    /// De thema's; weglaten geeft alle thema's.
    pub themas: Option<Vec<ID>>,
    /// Dagen geldig (1–732), standaard 90.
    #[graphql(default = 90)]
    pub geldig_dagen: i32,
}

/// Een nieuwe gebruiker.
#[derive(InputObject)]
pub struct GebruikerAanmakenInvoer {
    /// Inlognaam, zonder spaties.
    pub gebruikersnaam: String,
    /// Naam zoals historie en auditlog die tonen.
    pub naam: String,
    /// Wachtwoord (12–256 tekens).
    pub wachtwoord: String,
    /// Rol.
    pub rol: RolGql,
    /// De thema's van een redacteur.
    #[graphql(default)]
    pub themas: Vec<ID>,
}
