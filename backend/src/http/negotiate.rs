//! Media types of `/graphql` (GraphQL over HTTP): which answer `Accept` asks for (406 when Koers has none of
//! them), whether a GET is a browser asking for the explorer, and which request bodies are JSON (415 if not).

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

/// The media type of a GraphQL answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Media {
    /// `application/json`: status 200 for every GraphQL answer (the legacy way most clients expect).
    Json,
    /// `application/graphql-response+json`: status 400 for requests that fail before they run.
    GraphqlResponse,
}

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";
const JSON: &str = "application/json";

impl Media {
    /// The `Content-Type` of answers of this media type.
    pub fn content_type(self) -> HeaderValue {
        match self {
            Media::Json => HeaderValue::from_static("application/json"),
            Media::GraphqlResponse => {
                HeaderValue::from_static("application/graphql-response+json; charset=utf-8")
            }
        }
    }
}

/// The media ranges of every `Accept` header, lower-cased, with their quality (0 to 1).
fn ranges(headers: &HeaderMap) -> Vec<(String, f32)> {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|range| {
            let mut parts = range.split(';');
            let ty = parts.next()?.trim().to_ascii_lowercase();
            if ty.is_empty() {
                return None;
            }
            let q = parts
                .filter_map(|p| p.split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
                .map_or(1.0, |(_, v)| v.trim().parse::<f32>().unwrap_or(0.0));
            Some((ty, q.clamp(0.0, 1.0)))
        })
        .collect()
}

/// The answer's media type by `Accept`: the range with the highest quality that Koers serves (the first
/// listed on a tie); `*/*`, `application/*` and no `Accept` at all mean `application/json`. `None`: nothing
/// acceptable.
pub fn accept(headers: &HeaderMap) -> Option<Media> {
    let list = ranges(headers);
    if list.is_empty() {
        return Some(Media::Json);
    }
    let mut best: Option<(Media, f32)> = None;
    for (ty, q) in list {
        let media = match ty.as_str() {
            GRAPHQL_RESPONSE => Media::GraphqlResponse,
            JSON | "application/*" | "*/*" => Media::Json,
            _ => continue,
        };
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((media, q));
        }
    }
    best.map(|(m, _)| m)
}

/// Whether a GET asks for HTML (a browser): `text/html` at least as welcome as any JSON type it names.
pub fn wants_html(headers: &HeaderMap) -> bool {
    let list = ranges(headers);
    let quality = |wanted: &[&str]| {
        list.iter()
            .filter(|(ty, _)| wanted.contains(&ty.as_str()))
            .map(|(_, q)| *q)
            .fold(0.0_f32, f32::max)
    };
    let html = quality(&["text/html"]);
    html > 0.0 && html >= quality(&[GRAPHQL_RESPONSE, JSON])
}

/// Whether a POST body is declared JSON: `application/json` or `application/graphql-response+json`, with an
/// optional `charset=utf-8`.
pub fn is_json_body(headers: &HeaderMap) -> bool {
    let Some(ct) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut parts = ct.split(';');
    let ty = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    if ty != JSON && ty != GRAPHQL_RESPONSE {
        return false;
    }
    parts.filter_map(|p| p.split_once('=')).all(|(k, v)| {
        !k.trim().eq_ignore_ascii_case("charset") || v.trim().trim_matches('"').eq_ignore_ascii_case("utf-8")
    })
}

/// 406 for an `Accept` Koers cannot serve.
pub fn not_acceptable() -> Response {
    super::graphql::refuse(
        StatusCode::NOT_ACCEPTABLE,
        "NOT_ACCEPTABLE",
        "Koers antwoordt in application/graphql-response+json of application/json: vraag daar een van in Accept",
    )
}

/// 415 for a POST whose body is not declared JSON.
pub fn unsupported_media_type() -> Response {
    super::graphql::refuse(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
        "stuur het verzoek als JSON, met Content-Type: application/json",
    )
}
