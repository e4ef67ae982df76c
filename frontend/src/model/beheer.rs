//! API tokens and the audit log for the beheer page, and the operations on them.
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, GeenVariabelen, IdVariabelen, InvoerVariabelen};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{AUDIT_QUERY, TOKEN_AANMAKEN, TOKEN_INTREKKEN, TOKENS_QUERY};

/// The kinds of audit entry, as the API names them.
pub const HANDELINGEN: [&str; 35] = [
    "actieAanmaken",
    "actieWijzigen",
    "actieVoortgangRapporteren",
    "aanmelden",
    "aanmeldenMislukt",
    "afmelden",
    "apiTokenAanmaken",
    "apiTokenIntrekken",
    "gebruikerAanmaken",
    "gebruikerWijzigen",
    "wachtwoordHerstellen",
    "wachtwoordWijzigen",
    "actieplanAanmaken",
    "actieplanWijzigen",
    "actiesNaarOpvolger",
    "actieplanImporteren",
    "voortgangImporteren",
    "opgaveAanmaken",
    "opgaveWijzigen",
    "opgavenOrdenen",
    "themaAanmaken",
    "themaWijzigen",
    "organisatieAanmaken",
    "organisatieWijzigen",
    "organisatiesSamenvoegen",
    "rvoVergaderingAanmaken",
    "rvoVergaderingWijzigen",
    "rvoVergaderingVerwijderen",
    "webhookAanmaken",
    "webhookWijzigen",
    "webhookVerwijderen",
    "webhookUitschakelen",
    "webhookAanzetten",
    "webhookUitgeschakeld",
    "leveringOpnieuw",
];

/// A thema name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Naam {
    /// Name.
    pub naam: String,
}

/// A thema to choose.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ThemaKeuze {
    /// Opaque id.
    pub id: String,
    /// Name.
    pub naam: String,
}

/// An API token as listed (never its secret).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Token {
    /// Opaque id.
    pub id: String,
    /// Name of the integration.
    pub naam: String,
    /// Public start of the token.
    pub prefix: String,
    /// May write.
    pub schrijven: bool,
    /// May read confidential work.
    pub vertrouwelijk: bool,
    /// Every thema.
    #[serde(rename = "alleThemas")]
    pub alle_themas: bool,
    /// Its thema's.
    pub themas: Vec<Naam>,
    /// Expiry, RFC 3339.
    #[serde(rename = "verlooptOp")]
    pub verloopt_op: String,
    /// Last use, RFC 3339.
    #[serde(rename = "laatstGebruiktOp")]
    pub laatst_gebruikt_op: Option<String>,
    /// Usable now.
    pub actief: bool,
    /// When revoked.
    #[serde(rename = "ingetrokkenOp")]
    pub ingetrokken_op: Option<String>,
}

/// The tokens and the thema's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TokensData {
    /// Every token, newest first.
    #[serde(rename = "apiTokens")]
    pub api_tokens: Vec<Token>,
    /// Every thema.
    pub themas: Vec<ThemaKeuze>,
}

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AuditRegel {
    /// Opaque id.
    pub id: String,
    /// When, RFC 3339.
    pub tijdstip: String,
    /// Who.
    pub actor: String,
    /// What.
    pub handeling: String,
    /// On what.
    pub object: Option<String>,
    /// JSON details.
    pub details: String,
}

#[derive(Deserialize)]
struct Edge {
    node: AuditRegel,
}

#[derive(Deserialize)]
struct PageInfo {
    #[serde(rename = "hasNextPage")]
    has_next_page: bool,
    #[serde(rename = "endCursor")]
    end_cursor: Option<String>,
}

#[derive(Deserialize)]
struct AuditLog {
    #[serde(rename = "totalCount")]
    total_count: u64,
    #[serde(rename = "pageInfo")]
    page_info: PageInfo,
    edges: Vec<Edge>,
}

#[derive(Deserialize)]
struct AuditData {
    #[serde(rename = "auditLog")]
    audit_log: AuditLog,
}

/// A page of the audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditPagina {
    /// The entries.
    pub regels: Vec<AuditRegel>,
    /// All entries matching the filter.
    pub totaal: u64,
    /// Cursor of the next (older) page.
    pub volgende: Option<String>,
}

#[derive(Serialize)]
struct AuditVariabelen<'a> {
    handeling: Option<&'a str>,
    after: Option<&'a str>,
}

/// Loads the tokens and thema's.
pub async fn haal_tokens() -> Result<TokensData, ApiError> {
    api::graphql(TOKENS_QUERY, "Tokens", GeenVariabelen {}).await
}

/// Loads a page of the audit log.
pub async fn haal_audit(handeling: Option<&str>, after: Option<&str>) -> Result<AuditPagina, ApiError> {
    let d: AuditData = api::graphql(AUDIT_QUERY, "Audit", AuditVariabelen { handeling, after }).await?;
    Ok(AuditPagina {
        regels: d.audit_log.edges.into_iter().map(|e| e.node).collect(),
        totaal: d.audit_log.total_count,
        volgende: d
            .audit_log
            .page_info
            .has_next_page
            .then_some(d.audit_log.page_info.end_cursor)
            .flatten(),
    })
}

/// A token to create.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NieuwToken {
    /// Name of the integration.
    pub naam: String,
    /// May write.
    pub schrijven: bool,
    /// May read confidential work.
    pub vertrouwelijk: bool,
    /// Thema ids; `None` for every thema.
    pub themas: Option<Vec<String>>,
    /// Days valid.
    #[serde(rename = "geldigDagen")]
    pub geldig_dagen: i32,
}

#[derive(Deserialize)]
struct AangemaaktData {
    #[serde(rename = "apiTokenAanmaken")]
    api_token_aanmaken: Aangemaakt,
}

/// A created token with its secret.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Aangemaakt {
    /// The secret, shown once.
    pub geheim: String,
}

/// Creates a token; returns its secret.
pub async fn maak_token(invoer: NieuwToken) -> Result<String, ApiError> {
    let d: AangemaaktData =
        api::graphql(TOKEN_AANMAKEN, "TokenAanmaken", InvoerVariabelen { invoer }).await?;
    Ok(d.api_token_aanmaken.geheim)
}

/// Revokes a token.
pub async fn trek_in(id: &str) -> Result<(), ApiError> {
    let d: IngetrokkenData = api::graphql(TOKEN_INTREKKEN, "TokenIntrekken", IdVariabelen { id }).await?;
    if d.api_token_intrekken.actief {
        return Err(ApiError::Onleesbaar("het token is nog actief".to_string()));
    }
    Ok(())
}

#[derive(Deserialize)]
struct IngetrokkenData {
    #[serde(rename = "apiTokenIntrekken")]
    api_token_intrekken: Ingetrokken,
}

#[derive(Deserialize)]
struct Ingetrokken {
    actief: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_token_without_thema_choice_asks_for_every_thema() {
        let t = NieuwToken {
            naam: "RIEC".into(),
            schrijven: false,
            vertrouwelijk: true,
            themas: None,
            geldig_dagen: 90,
        };
        let v = miniserde::json::to_string(&t);
        assert!(v.contains(r#""themas":null"#), "{v}");
        assert!(v.contains(r#""geldigDagen":90"#), "{v}");
    }
}
