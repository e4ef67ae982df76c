//! Opaque global ids (`node(id)`): base64url of "Soort:123". Clients must not take them apart.

use crate::error::ServiceError;
use async_graphql::ID;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use koers_shared::Melding;

/// The kinds of object that have a global id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    Thema,
    Actieplan,
    Opgave,
    Actie,
    Organisatie,
    Voortgangsupdate,
    RvoVergadering,
    ApiToken,
    AuditRegel,
    Webhook,
    WebhookLevering,
    Gebruiker,
}

impl Soort {
    const ALL: [Soort; 12] = [
        Soort::Thema,
        Soort::Actieplan,
        Soort::Opgave,
        Soort::Actie,
        Soort::Organisatie,
        Soort::Voortgangsupdate,
        Soort::RvoVergadering,
        Soort::ApiToken,
        Soort::AuditRegel,
        Soort::Webhook,
        Soort::WebhookLevering,
        Soort::Gebruiker,
    ];

    fn naam(self) -> &'static str {
        match self {
            Soort::Thema => "Thema",
            Soort::Actieplan => "Actieplan",
            Soort::Opgave => "Opgave",
            Soort::Actie => "Actie",
            Soort::Organisatie => "Organisatie",
            Soort::Voortgangsupdate => "Voortgangsupdate",
            Soort::RvoVergadering => "RvoVergadering",
            Soort::ApiToken => "ApiToken",
            Soort::AuditRegel => "AuditRegel",
            Soort::Webhook => "Webhook",
            Soort::WebhookLevering => "WebhookLevering",
            Soort::Gebruiker => "Gebruiker",
        }
    }
}

/// The global id of row `id` of kind `soort`.
pub fn encode(soort: Soort, id: i32) -> ID {
    ID(URL_SAFE_NO_PAD.encode(format!("{}:{id}", soort.naam())))
}

/// Decodes any global id.
pub fn decode_any(id: &str, veld: &str) -> Result<(Soort, i32), ServiceError> {
    let bad = || ServiceError::melding(veld, Melding::GeenGeldigId { id: id.to_string() });
    let raw = URL_SAFE_NO_PAD.decode(id.trim()).map_err(|_| bad())?;
    let text = String::from_utf8(raw).map_err(|_| bad())?;
    let (naam, nummer) = text.split_once(':').ok_or_else(bad)?;
    let soort = Soort::ALL
        .into_iter()
        .find(|s| s.naam() == naam)
        .ok_or_else(bad)?;
    let nummer = nummer.parse::<i32>().map_err(|_| bad())?;
    Ok((soort, nummer))
}

/// Decodes a global id that must be of kind `soort`; `veld` names the input field in errors.
pub fn decode(id: &str, soort: Soort, veld: &str) -> Result<i32, ServiceError> {
    match decode_any(id, veld)? {
        (s, n) if s == soort => Ok(n),
        (s, _) => Err(ServiceError::melding(
            veld,
            Melding::VerkeerdeSoortId {
                verwacht: soort.naam().to_string(),
                kreeg: s.naam().to_string(),
            },
        )),
    }
}

/// Decodes a list of ids of one kind.
pub fn decode_all(ids: &[ID], soort: Soort, veld: &str) -> Result<Vec<i32>, ServiceError> {
    ids.iter().map(|id| decode(id, soort, veld)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_check_their_kind() {
        let id = encode(Soort::Actie, 42);
        assert_eq!(decode(&id, Soort::Actie, "id").unwrap(), 42);
        let err = decode(&id, Soort::Opgave, "opgave").unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
        assert!(decode("bm9wZQ", Soort::Actie, "id").is_err());
        assert!(decode("!!!", Soort::Actie, "id").is_err());
    }
}
