//! A GraphQL answer as HTTP: its JSON (without `data` when the request failed before it ran, and capped at the
//! response-size ceiling), its media type and its status code.

use super::graphql::refuse_as;
use super::negotiate::Media;
use async_graphql::{BatchResponse, Response as GqlResponse, ServerError, Value};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::BTreeMap;

/// One answer as the spec writes it.
#[derive(Serialize)]
struct View<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [ServerError]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extensions: Option<&'a BTreeMap<String, Value>>,
}

impl<'a> View<'a> {
    fn of(r: &'a GqlResponse) -> Self {
        View {
            data: (!failed_before_running(r)).then_some(&r.data),
            errors: (!r.errors.is_empty()).then_some(r.errors.as_slice()),
            extensions: (!r.extensions.is_empty()).then_some(&r.extensions),
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Views<'a> {
    Single(View<'a>),
    Batch(Vec<View<'a>>),
}

/// Whether the request failed before it ran (parse, validation, variables, the guard's refusals): no data,
/// and no error belongs to a field.
pub fn failed_before_running(r: &GqlResponse) -> bool {
    !r.errors.is_empty() && r.data == Value::Null && r.errors.iter().all(|e| e.path.is_empty())
}

/// The first error's code, if any.
pub fn first_code(r: &GqlResponse) -> Option<&str> {
    let ext = r.errors.first()?.extensions.as_ref()?;
    match ext.get("code")? {
        Value::String(s) => Some(s.as_str()),
        _ => None,
    }
}

/// The answer in `media`, or `RESPONSE_TOO_LARGE` when it would be larger than `limit` bytes (serialising
/// stops there). `application/graphql-response+json` gets 400 for a single request that failed before it ran.
pub fn answer(response: &BatchResponse, limit: usize, media: Media) -> Response {
    let views = match response {
        BatchResponse::Single(r) => Views::Single(View::of(r)),
        BatchResponse::Batch(list) => Views::Batch(list.iter().map(View::of).collect()),
    };
    let mut out = Capped {
        buf: Vec::new(),
        limit,
    };
    if serde_json::to_writer(&mut out, &views).is_err() {
        let msg =
            format!("het antwoord is groter dan {limit} bytes: vraag minder velden of kleinere pagina's");
        return refuse_as(media, StatusCode::OK, "RESPONSE_TOO_LARGE", &msg);
    }
    let status = match response {
        BatchResponse::Single(r) if first_code(r) == Some("METHOD_NOT_ALLOWED") => {
            StatusCode::METHOD_NOT_ALLOWED
        }
        BatchResponse::Single(r) if media == Media::GraphqlResponse && failed_before_running(r) => {
            StatusCode::BAD_REQUEST
        }
        _ => StatusCode::OK,
    };
    let mut r = (status, [(header::CONTENT_TYPE, media.content_type())], out.buf).into_response();
    if status == StatusCode::METHOD_NOT_ALLOWED {
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
    }
    r
}

/// A buffer that refuses to grow past `limit` bytes.
struct Capped {
    buf: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() + data.len() > self.limit {
            return Err(std::io::Error::other("antwoord te groot"));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
