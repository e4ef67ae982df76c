//! GraphQL over HTTP: a POST of `{query, operationName, variables}` to `/graphql` on the same origin, answered
//! with `{data, errors}`. Every call returns a typed `Result<T, ApiError>`.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Path of the GraphQL endpoint, on the origin that served the app.
pub const GRAPHQL_PAD: &str = "/graphql";

/// One entry of the `errors` list of a GraphQL response.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GraphQlFout {
    /// Human-readable message from the server.
    pub message: String,
    /// Field path of the error, if the server gave one.
    #[serde(default)]
    pub path: Vec<serde_json::Value>,
    /// Machine-readable details; Koers puts a stable `code` here.
    #[serde(default)]
    pub extensions: Option<Extensions>,
}

/// The `extensions` object of a GraphQL error; only the parts the front end uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Extensions {
    /// Stable error code such as `NOT_FOUND` or `DATABASE_UNAVAILABLE`.
    #[serde(default)]
    pub code: Option<String>,
}

impl GraphQlFout {
    /// The `extensions.code` of this error, if any.
    pub fn code(&self) -> Option<&str> {
        self.extensions.as_ref().and_then(|e| e.code.as_deref())
    }
}

/// What can go wrong when calling the API.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request did not reach the server or no answer came back.
    #[error("netwerkfout: {0}")]
    Netwerk(String),
    /// The server answered with a non-success HTTP status.
    #[error("HTTP-status {status}")]
    Http {
        /// The HTTP status code.
        status: u16,
        /// GraphQL errors in the body, if the body was a GraphQL response.
        fouten: Vec<GraphQlFout>,
    },
    /// The server answered, but with GraphQL errors.
    #[error("GraphQL-fout: {}", eerste_melding(.0))]
    GraphQl(Vec<GraphQlFout>),
    /// The answer was not the expected JSON.
    #[error("onleesbaar antwoord: {0}")]
    Onleesbaar(String),
}

fn eerste_melding(fouten: &[GraphQlFout]) -> &str {
    fouten.first().map(|f| f.message.as_str()).unwrap_or("")
}

impl ApiError {
    /// The GraphQL errors carried by this error, if any.
    pub fn graphql_fouten(&self) -> &[GraphQlFout] {
        match self {
            ApiError::GraphQl(f) | ApiError::Http { fouten: f, .. } => f,
            ApiError::Netwerk(_) | ApiError::Onleesbaar(_) => &[],
        }
    }

    /// The first `extensions.code` among the GraphQL errors, if any.
    pub fn code(&self) -> Option<&str> {
        self.graphql_fouten().iter().find_map(GraphQlFout::code)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Verzoek<'a, V: Serialize> {
    query: &'a str,
    operation_name: &'a str,
    variables: V,
}

#[derive(Deserialize)]
struct Antwoord<T> {
    data: Option<T>,
    #[serde(default)]
    errors: Vec<GraphQlFout>,
}

/// The part of an answer that is read when the body may not hold the expected data.
#[derive(Deserialize)]
struct AlleenFouten {
    #[serde(default)]
    errors: Vec<GraphQlFout>,
}

/// Sends a GraphQL operation and decodes its `data` as `T`.
///
/// Any `errors` in the answer make this an [`ApiError::GraphQl`], even if partial data came along.
pub async fn graphql<V, T>(query: &str, operation_name: &str, variables: V) -> Result<T, ApiError>
where
    V: Serialize,
    T: DeserializeOwned,
{
    let verzoek = Verzoek {
        query,
        operation_name,
        variables,
    };
    let antwoord = Request::post(GRAPHQL_PAD)
        .header("Accept", "application/json")
        .json(&verzoek)
        .map_err(|e| ApiError::Onleesbaar(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Netwerk(e.to_string()))?;
    let status = antwoord.status();
    let tekst = antwoord
        .text()
        .await
        .map_err(|e| ApiError::Netwerk(e.to_string()))?;
    if !antwoord.ok() {
        let fouten = serde_json::from_str::<AlleenFouten>(&tekst)
            .map(|a| a.errors)
            .unwrap_or_default();
        return Err(ApiError::Http { status, fouten });
    }
    decodeer(&tekst)
}

/// Decodes the body of a successful HTTP answer.
fn decodeer<T: DeserializeOwned>(tekst: &str) -> Result<T, ApiError> {
    let antwoord: Antwoord<T> = serde_json::from_str(tekst).map_err(|e| {
        // A body with errors but data of an unexpected shape still reports the server's errors.
        match serde_json::from_str::<AlleenFouten>(tekst) {
            Ok(a) if !a.errors.is_empty() => ApiError::GraphQl(a.errors),
            _ => ApiError::Onleesbaar(e.to_string()),
        }
    })?;
    match (antwoord.data, antwoord.errors) {
        (_, fouten) if !fouten.is_empty() => Err(ApiError::GraphQl(fouten)),
        (Some(data), _) => Ok(data),
        (None, _) => Err(ApiError::Onleesbaar(
            "antwoord zonder data en zonder fouten".to_string(),
        )),
    }
}

/// No variables: serialises as `{}`.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct GeenVariabelen {}

impl fmt::Display for GraphQlFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code() {
            Some(code) => write!(f, "{} [{code}]", self.message),
            None => f.write_str(&self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Data {
        a: i32,
    }

    #[test]
    fn data_without_errors_decodes() {
        assert_eq!(decodeer::<Data>(r#"{"data":{"a":1}}"#), Ok(Data { a: 1 }));
    }

    #[test]
    fn errors_carry_their_code() {
        let r = decodeer::<Data>(
            r#"{"data":null,"errors":[{"message":"weg","extensions":{"code":"DATABASE_UNAVAILABLE"}}]}"#,
        );
        let e = r.err();
        assert_eq!(e.as_ref().and_then(ApiError::code), Some("DATABASE_UNAVAILABLE"));
    }

    #[test]
    fn garbage_is_unreadable() {
        assert!(matches!(decodeer::<Data>("<html>"), Err(ApiError::Onleesbaar(_))));
    }
}
