//! GraphQL over HTTP: a POST of `{query, operationName, variables}` to `/graphql` on the same origin, answered
//! with `{data, errors}`; and signing in and out at `/auth/…`. Every call returns a typed `Result<T, ApiError>`.
//! The session cookie goes along by itself (same origin); the session's CSRF token is sent in `X-CSRF-Token`.

use gloo_net::http::Request;
use koers_shared::{FieldError, Melding};
use miniserde::{Deserialize, Serialize, json};
use std::collections::BTreeMap;
use std::fmt;

/// Path of the GraphQL endpoint, on the origin that served the app.
pub const GRAPHQL_PAD: &str = "/graphql";

/// One entry of the `errors` list of a GraphQL response.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GraphQlFout {
    /// Human-readable message from the server.
    pub message: String,
    /// Machine-readable details; Koers puts a stable `code` here.
    pub extensions: Option<Extensions>,
}

/// The `extensions` object of a GraphQL error; only the parts the front end uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Extensions {
    /// Stable error code such as `NOT_FOUND` or `DATABASE_UNAVAILABLE`.
    pub code: Option<String>,
    /// With `BAD_USER_INPUT`: every problem, per input field.
    pub fouten: Option<Vec<VeldFout>>,
    /// With `CONFLICT`: the version the server has now.
    #[serde(rename = "huidigeVersie")]
    pub huidige_versie: Option<i64>,
}

/// One problem with one input field, as the server names it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct VeldFout {
    /// The GraphQL input field, e.g. `gezondheidReden`.
    pub veld: String,
    /// What is wrong, in Dutch (never shown as it is in another language).
    pub melding: String,
    /// The stable key of the message (`koers_shared::melding::sleutel`), to translate.
    pub sleutel: Option<String>,
    /// The key's parameters, every value a string.
    pub waarden: Option<BTreeMap<String, String>>,
}

impl VeldFout {
    /// The problem as a key with parameters, for the UI to say in its language.
    pub fn veld_fout(&self) -> FieldError {
        let melding = Melding::uit_sleutel(
            self.sleutel.as_deref().unwrap_or_default(),
            &self.waarden.clone().unwrap_or_default(),
            &self.melding,
        );
        FieldError::met(&self.veld, melding)
    }
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

    /// Every per-field problem of a `BAD_USER_INPUT` answer.
    pub fn veld_fouten(&self) -> Vec<VeldFout> {
        self.graphql_fouten()
            .iter()
            .filter_map(|f| f.extensions.as_ref())
            .flat_map(|e| e.fouten.iter().flatten().cloned())
            .collect()
    }

    /// The server's current version in a `CONFLICT` answer.
    pub fn huidige_versie(&self) -> Option<i64> {
        self.graphql_fouten()
            .iter()
            .find_map(|f| f.extensions.as_ref().and_then(|e| e.huidige_versie))
    }
}

#[derive(Serialize)]
struct Verzoek<'a, V: Serialize> {
    query: &'a str,
    #[serde(rename = "operationName")]
    operation_name: &'a str,
    variables: V,
}

/// The `data` of an answer whose `errors` were already found empty.
#[derive(Deserialize)]
struct AlleenData<T> {
    data: Option<T>,
}

/// The part of an answer that is read first: its errors, whatever its data.
#[derive(Deserialize)]
struct AlleenFouten {
    errors: Option<Vec<GraphQlFout>>,
}

/// The errors of an answer body; none when it has none or is not a GraphQL answer.
fn fouten_in(tekst: &str) -> Option<Vec<GraphQlFout>> {
    json::from_str::<AlleenFouten>(tekst).ok()?.errors
}

/// Sends a GraphQL operation and decodes its `data` as `T`.
///
/// Any `errors` in the answer make this an [`ApiError::GraphQl`], even if partial data came along. When the
/// API cannot be reached, a query is answered with its last successful answer (see [`crate::verbinding`]).
///
/// Only serialising the variables and decoding the data depend on `V` and `T`; the rest is [`vraag`], which
/// is compiled once (each generic copy would add a few kB to the wasm). miniserde rather than serde_json: its
/// decoders go through trait objects instead of one generic copy per type (the wasm is about 40 kB brotli smaller).
pub async fn graphql<V, T>(query: &str, operation_name: &str, variables: V) -> Result<T, ApiError>
where
    V: Serialize,
    T: Deserialize,
{
    let verzoek = json::to_string(&Verzoek {
        query,
        operation_name,
        variables,
    });
    let tekst = vraag(query, verzoek).await?;
    decodeer(&tekst)
}

/// Posts a serialised request; the body of an answer without GraphQL errors. A query that cannot reach the
/// API gets its last successful body instead.
async fn vraag(query: &str, verzoek: String) -> Result<String, ApiError> {
    let lezen = query.trim_start().starts_with("query");
    let antwoord = verstuur(&verzoek)
        .await
        .and_then(|tekst| zonder_fouten(&tekst).map(|()| tekst));
    match antwoord {
        Ok(tekst) => {
            if lezen {
                crate::verbinding::bewaar(verzoek, tekst.clone());
            }
            Ok(tekst)
        }
        Err(fout) if lezen && onbereikbaar(&fout) => crate::verbinding::laatste(&verzoek).ok_or(fout),
        Err(fout) => Err(fout),
    }
}

/// Whether `fout` means the API (or its database) cannot be reached right now, rather than a wrong request.
pub fn onbereikbaar(fout: &ApiError) -> bool {
    matches!(fout, ApiError::Netwerk(_))
        || matches!(
            fout,
            ApiError::Http {
                status: 408 | 502 | 503 | 504,
                ..
            }
        )
        || fout.code() == Some("DATABASE_UNAVAILABLE")
}

/// Posts the request body; the body of a successful HTTP answer.
async fn verstuur(verzoek: &str) -> Result<String, ApiError> {
    let mut post = Request::post(GRAPHQL_PAD)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
    if let Some(csrf) = crate::sessie::csrf() {
        post = post.header(CSRF_HEADER, &csrf);
    }
    let antwoord = post
        .body(verzoek)
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
        let fouten = fouten_in(&tekst).unwrap_or_default();
        return Err(ApiError::Http { status, fouten });
    }
    Ok(tekst)
}

/// Header with the session's CSRF token.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

#[derive(Serialize)]
struct Aanmelding<'a> {
    gebruikersnaam: &'a str,
    wachtwoord: &'a str,
}

/// Signs in: the server sets the session cookie. A wrong name or password is `Http { status: 401, .. }` with
/// code `AANMELDEN_MISLUKT`; too many attempts 429 `RATE_LIMITED`.
pub async fn aanmelden(gebruikersnaam: &str, wachtwoord: &str) -> Result<(), ApiError> {
    let antwoord = Request::post("/auth/aanmelden")
        .header("Content-Type", "application/json")
        .body(json::to_string(&Aanmelding {
            gebruikersnaam,
            wachtwoord,
        }))
        .map_err(|e| ApiError::Onleesbaar(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Netwerk(e.to_string()))?;
    zonder_inhoud(antwoord).await
}

/// Signs out: the server ends the session and clears the cookie.
pub async fn afmelden() -> Result<(), ApiError> {
    let mut post = Request::post("/auth/afmelden");
    if let Some(csrf) = crate::sessie::csrf() {
        post = post.header(CSRF_HEADER, &csrf);
    }
    let antwoord = post.send().await.map_err(|e| ApiError::Netwerk(e.to_string()))?;
    zonder_inhoud(antwoord).await
}

async fn zonder_inhoud(antwoord: gloo_net::http::Response) -> Result<(), ApiError> {
    if antwoord.ok() {
        return Ok(());
    }
    let status = antwoord.status();
    let tekst = antwoord.text().await.unwrap_or_default();
    let fouten = fouten_in(&tekst).unwrap_or_default();
    Err(ApiError::Http { status, fouten })
}

/// The GraphQL errors of a successful HTTP answer, if it has any; an unreadable body is an error too.
fn zonder_fouten(tekst: &str) -> Result<(), ApiError> {
    let fouten = json::from_str::<AlleenFouten>(tekst)
        .map_err(|_| ApiError::Onleesbaar("geen GraphQL-antwoord".to_string()))?
        .errors
        .unwrap_or_default();
    if fouten.is_empty() {
        Ok(())
    } else {
        Err(ApiError::GraphQl(fouten))
    }
}

/// Decodes the body of a successful HTTP answer as `T`; its errors first, whatever the shape of its data.
fn decodeer<T: Deserialize>(tekst: &str) -> Result<T, ApiError> {
    zonder_fouten(tekst)?;
    match json::from_str::<AlleenData<T>>(tekst) {
        Ok(AlleenData { data: Some(data) }) => Ok(data),
        Ok(AlleenData { data: None }) => Err(ApiError::Onleesbaar(
            "antwoord zonder data en zonder fouten".to_string(),
        )),
        Err(_) => Err(ApiError::Onleesbaar("de data past niet bij de vraag".to_string())),
    }
}

/// Variables of a query for one record.
#[derive(Debug, Clone, Serialize)]
pub struct IdVariabelen<'a> {
    /// The opaque id.
    pub id: &'a str,
}

/// Variables of a mutation with one input object.
#[derive(Debug, Clone, Serialize)]
pub struct InvoerVariabelen<T> {
    /// The input object.
    pub invoer: T,
}

/// The GraphQL name of an enum value (`IN_UITVOERING`), as its miniserde encoding writes it.
pub fn graphql_naam<T: Serialize>(waarde: &T) -> String {
    match waarde.begin() {
        miniserde::ser::Fragment::Str(naam) => naam.into_owned(),
        _ => String::new(),
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
    fn field_errors_and_the_current_version_are_read() {
        let r = decodeer::<Data>(
            r#"{"data":null,"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT","field":"voortgang",
            "fouten":[{"veld":"voortgang","melding":"0 tot 100"},{"veld":"gezondheidReden","melding":"nodig"}]}}]}"#,
        );
        let e = r.expect_err("an error");
        let velden: Vec<_> = e.veld_fouten().into_iter().map(|f| f.veld).collect();
        assert_eq!(velden, ["voortgang", "gezondheidReden"]);
        let c = decodeer::<Data>(
            r#"{"errors":[{"message":"x","extensions":{"code":"CONFLICT","huidigeVersie":7}}]}"#,
        );
        assert_eq!(c.err().and_then(|e| e.huidige_versie()), Some(7));
    }

    #[test]
    fn only_an_unreachable_api_counts_as_unreachable() {
        assert!(onbereikbaar(&ApiError::Netwerk("weg".into())));
        assert!(onbereikbaar(&ApiError::Http {
            status: 503,
            fouten: vec![]
        }));
        let db =
            decodeer::<Data>(r#"{"errors":[{"message":"x","extensions":{"code":"DATABASE_UNAVAILABLE"}}]}"#);
        assert!(db.as_ref().is_err_and(onbereikbaar));
        assert!(!onbereikbaar(&ApiError::Http {
            status: 400,
            fouten: vec![]
        }));
        let invoer =
            decodeer::<Data>(r#"{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT"}}]}"#);
        assert!(invoer.is_err_and(|e| !onbereikbaar(&e)));
    }

    #[test]
    fn garbage_is_unreadable() {
        assert!(matches!(decodeer::<Data>("<html>"), Err(ApiError::Onleesbaar(_))));
    }
}
