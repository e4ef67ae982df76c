//! Webhooks for the beheer page: the list, the delivery log of one, and the operations on them.
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, GeenVariabelen, IdVariabelen, InvoerVariabelen};
use crate::model::beheer::{Naam, ThemaKeuze};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{
    LEVERING_OPNIEUW, LEVERINGEN_QUERY, WEBHOOK_AANMAKEN, WEBHOOK_AANZETTEN, WEBHOOK_UITSCHAKELEN,
    WEBHOOK_VERWIJDEREN, WEBHOOKS_QUERY,
};

/// The events a webhook can choose, as the API names them.
pub const GEBEURTENISSEN: [&str; 4] = [
    "ACTIE_AANGEMAAKT",
    "ACTIE_GEWIJZIGD",
    "ACTIE_VOORTGANG",
    "ACTIEPLAN_GEWIJZIGD",
];

/// A webhook as listed (never its secret).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Webhook {
    /// Opaque id.
    pub id: String,
    /// Name of the integration.
    pub naam: String,
    /// Where Koers posts.
    pub url: String,
    /// Its events (API names).
    pub gebeurtenissen: Vec<String>,
    /// Every thema.
    #[serde(rename = "alleThemas")]
    pub alle_themas: bool,
    /// Its thema's.
    pub themas: Vec<Naam>,
    /// Hears of confidential work too.
    pub vertrouwelijk: bool,
    /// Switched on.
    pub actief: bool,
    /// Why it is off.
    #[serde(rename = "uitgeschakeldReden")]
    pub uitgeschakeld_reden: Option<String>,
    /// Since when it is off, RFC 3339.
    #[serde(rename = "uitgeschakeldOp")]
    pub uitgeschakeld_op: Option<String>,
    /// Failed deliveries in a row.
    #[serde(rename = "opeenvolgendeFouten")]
    pub opeenvolgende_fouten: i32,
}

/// The webhooks and the thema's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct WebhooksData {
    /// Every webhook, newest first.
    pub webhooks: Vec<Webhook>,
    /// Every thema.
    pub themas: Vec<ThemaKeuze>,
}

/// One delivery of the log.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Levering {
    /// Opaque id.
    pub id: String,
    /// The event (API name).
    pub gebeurtenis: String,
    /// `WACHTEND`, `BEZORGD` or `GESTOPT`.
    pub toestand: String,
    /// Tries so far.
    pub pogingen: i32,
    /// Next try, RFC 3339.
    #[serde(rename = "volgendePogingOp")]
    pub volgende_poging_op: String,
    /// HTTP status of the last answer.
    #[serde(rename = "laatsteStatus")]
    pub laatste_status: Option<i32>,
    /// Start of the last answer.
    #[serde(rename = "laatsteAntwoord")]
    pub laatste_antwoord: Option<String>,
    /// Why the last try failed.
    #[serde(rename = "laatsteFout")]
    pub laatste_fout: Option<String>,
    /// When the event happened, RFC 3339.
    #[serde(rename = "aangemaaktOp")]
    pub aangemaakt_op: String,
    /// When delivered, RFC 3339.
    #[serde(rename = "bezorgdOp")]
    pub bezorgd_op: Option<String>,
}

#[derive(Deserialize)]
struct Edge {
    node: Levering,
}

#[derive(Deserialize)]
struct Leveringen {
    #[serde(rename = "totalCount")]
    total_count: u64,
    edges: Vec<Edge>,
}

#[derive(Deserialize)]
struct MetLeveringen {
    leveringen: Leveringen,
}

#[derive(Deserialize)]
struct LeveringenData {
    webhook: MetLeveringen,
}

/// The newest deliveries of a webhook and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Log {
    /// Newest first (at most 50).
    pub leveringen: Vec<Levering>,
    /// All deliveries of the webhook.
    pub totaal: u64,
}

/// A webhook to register.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NieuweWebhook {
    /// Name of the integration.
    pub naam: String,
    /// Where Koers posts.
    pub url: String,
    /// A secret of the partner's own; `None`: Koers makes one.
    pub geheim: Option<String>,
    /// Event API names.
    pub gebeurtenissen: Vec<String>,
    /// Thema ids; `None` for every thema.
    pub themas: Option<Vec<String>>,
    /// Hears of confidential work too.
    pub vertrouwelijk: bool,
}

#[derive(Deserialize)]
struct AangemaaktData {
    #[serde(rename = "webhookAanmaken")]
    webhook_aanmaken: Aangemaakt,
}

#[derive(Deserialize)]
struct Aangemaakt {
    geheim: String,
}

#[derive(Deserialize)]
struct Geschakeld {
    actief: bool,
}

#[derive(Deserialize)]
struct AanData {
    #[serde(rename = "webhookAanzetten")]
    webhook_aanzetten: Geschakeld,
}

#[derive(Deserialize)]
struct UitData {
    #[serde(rename = "webhookUitschakelen")]
    webhook_uitschakelen: Geschakeld,
}

#[derive(Deserialize)]
struct VerwijderdData {
    #[serde(rename = "webhookVerwijderen")]
    webhook_verwijderen: String,
}

#[derive(Deserialize)]
struct OpnieuwData {
    #[serde(rename = "leveringOpnieuw")]
    levering_opnieuw: Opnieuw,
}

#[derive(Deserialize)]
struct Opnieuw {
    toestand: String,
}

/// Loads the webhooks and thema's.
pub async fn haal_webhooks() -> Result<WebhooksData, ApiError> {
    api::graphql(WEBHOOKS_QUERY, "Webhooks", GeenVariabelen {}).await
}

/// Loads the newest deliveries of webhook `id`.
pub async fn haal_log(id: &str) -> Result<Log, ApiError> {
    let d: LeveringenData = api::graphql(LEVERINGEN_QUERY, "Leveringen", IdVariabelen { id }).await?;
    Ok(Log {
        leveringen: d.webhook.leveringen.edges.into_iter().map(|e| e.node).collect(),
        totaal: d.webhook.leveringen.total_count,
    })
}

/// Registers a webhook; returns its secret (shown once).
pub async fn maak_webhook(invoer: NieuweWebhook) -> Result<String, ApiError> {
    let d: AangemaaktData =
        api::graphql(WEBHOOK_AANMAKEN, "WebhookAanmaken", InvoerVariabelen { invoer }).await?;
    Ok(d.webhook_aanmaken.geheim)
}

/// Switches webhook `id` on (`aan`) or off.
pub async fn schakel(id: &str, aan: bool) -> Result<(), ApiError> {
    let actief = if aan {
        let d: AanData = api::graphql(WEBHOOK_AANZETTEN, "WebhookAanzetten", IdVariabelen { id }).await?;
        d.webhook_aanzetten.actief
    } else {
        let d: UitData =
            api::graphql(WEBHOOK_UITSCHAKELEN, "WebhookUitschakelen", IdVariabelen { id }).await?;
        d.webhook_uitschakelen.actief
    };
    if actief != aan {
        return Err(ApiError::Onleesbaar(
            "de webhook staat niet zoals gevraagd".to_string(),
        ));
    }
    Ok(())
}

/// Removes webhook `id` with its log.
pub async fn verwijder(id: &str) -> Result<(), ApiError> {
    let d: VerwijderdData =
        api::graphql(WEBHOOK_VERWIJDEREN, "WebhookVerwijderen", IdVariabelen { id }).await?;
    if d.webhook_verwijderen != id {
        return Err(ApiError::Onleesbaar("een andere webhook verwijderd".to_string()));
    }
    Ok(())
}

/// Sends delivery `id` again; answers its new state.
pub async fn opnieuw(id: &str) -> Result<String, ApiError> {
    let d: OpnieuwData = api::graphql(LEVERING_OPNIEUW, "LeveringOpnieuw", IdVariabelen { id }).await?;
    Ok(d.levering_opnieuw.toestand)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_webhook_without_secret_or_thema_lets_koers_choose() {
        let w = NieuweWebhook {
            naam: "RIEC".into(),
            url: "https://riec.example.org/hook".into(),
            geheim: None,
            gebeurtenissen: vec!["ACTIE_GEWIJZIGD".into()],
            themas: None,
            vertrouwelijk: false,
        };
        let v = miniserde::json::to_string(&w);
        assert!(
            v.contains(r#""geheim":null"#) && v.contains(r#""themas":null"#),
            "{v}"
        );
        assert!(v.contains(r#""gebeurtenissen":["ACTIE_GEWIJZIGD"]"#), "{v}");
    }
}
