//! `POST /graphql` with the request guard rails (body size, batch size and complexity, well-formed JSON, the
//! answer's size), each refused with a GraphQL-shaped error and a stable code; `GET /graphql` serves the
//! self-hosted explorer.

use super::AppState;
use crate::graphql::guard;
use async_graphql::{BatchRequest, BatchResponse};
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    (status, axum::Json(body)).into_response()
}

/// Executes a GraphQL request or batch.
pub async fn execute(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let bytes = match body {
        Ok(b) => b,
        Err(rej) if rej.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let msg = format!("het verzoek is groter dan {} bytes", st.settings.body_limit);
            return refuse(StatusCode::PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE", &msg);
        }
        Err(rej) => return refuse(rej.status(), "BAD_REQUEST", &rej.body_text()),
    };
    // Decoded in two steps: async-graphql's own `BatchRequest` would take `[]` (or `["{ … }"]`) for a single
    // request built from a sequence, and a JSON object without `query` for an empty document.
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        // serde_json stops at 128 levels: deeper than any limit Koers allows.
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
            let msg = format!(
                "het verzoek nest dieper dan {} niveaus",
                st.settings.limits.nesting
            );
            return refuse(StatusCode::BAD_REQUEST, "NESTING_TOO_DEEP", &msg);
        }
        Err(e) => {
            let msg = format!("geen geldig GraphQL-verzoek in JSON: {e}");
            return refuse(StatusCode::BAD_REQUEST, "BAD_REQUEST", &msg);
        }
    };
    let batch = match value {
        serde_json::Value::Array(list) => {
            let max = st.settings.limits.batch;
            if list.is_empty() || list.len() > max {
                let msg = format!("een batch bevat 1 tot {max} verzoeken, niet {}", list.len());
                return refuse(StatusCode::BAD_REQUEST, "BATCH_TOO_LARGE", &msg);
            }
            let mut list = match list.into_iter().map(request).collect::<Result<Vec<_>, _>>() {
                Ok(list) => list,
                Err(msg) => return refuse(StatusCode::BAD_REQUEST, "BAD_REQUEST", &msg),
            };
            // The complexity limit holds for the batch as a whole, before any of it runs.
            if let Err(e) = guard::batch::check(&st.schema, &mut list, &st.settings.limits).await {
                return refuse(StatusCode::BAD_REQUEST, "QUERY_TOO_COMPLEX", &e.message);
            }
            BatchRequest::Batch(list)
        }
        single => match request(single) {
            Ok(r) => BatchRequest::Single(r),
            Err(msg) => return refuse(StatusCode::BAD_REQUEST, "BAD_REQUEST", &msg),
        },
    };
    let verzoeker = match super::toegang::verzoeker(&st, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut batch = batch.data(verzoeker.kijker);
    if let Some(c) = verzoeker.csrf {
        batch = batch.data(c);
    }
    let mut r = answer(
        &st.schema.execute_batch(batch).await,
        st.settings.limits.response_bytes,
    );
    // Answers depend on who asks: never cache them in between.
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Cookie, Authorization"));
    r
}

/// The JSON answer, or `RESPONSE_TOO_LARGE` when it would be larger than `limit` bytes (serialising stops there).
fn answer(response: &BatchResponse, limit: usize) -> Response {
    let mut out = Capped {
        buf: Vec::new(),
        limit,
    };
    if serde_json::to_writer(&mut out, response).is_err() {
        let msg =
            format!("het antwoord is groter dan {limit} bytes: vraag minder velden of kleinere pagina's");
        return refuse(StatusCode::OK, "RESPONSE_TOO_LARGE", &msg);
    }
    let json = HeaderValue::from_static("application/graphql-response+json");
    ([(header::CONTENT_TYPE, json)], out.buf).into_response()
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

/// One GraphQL request: a JSON object with a `query` string.
fn request(value: serde_json::Value) -> Result<async_graphql::Request, String> {
    if !value.get("query").is_some_and(serde_json::Value::is_string) {
        return Err("geen geldig GraphQL-verzoek in JSON: een object met een `query` verwacht".to_string());
    }
    serde_json::from_value(value).map_err(|e| format!("geen geldig GraphQL-verzoek in JSON: {e}"))
}

/// Gives the bare 408 of the timeout layer a GraphQL-shaped body with code `REQUEST_TIMEOUT`.
pub async fn explain_timeout(r: Response) -> Response {
    if r.status() == StatusCode::REQUEST_TIMEOUT {
        return refuse(
            StatusCode::REQUEST_TIMEOUT,
            "REQUEST_TIMEOUT",
            "het verzoek duurde te lang en is afgebroken",
        );
    }
    r
}

/// The GraphQL explorer, served from the built front end (no CDN).
pub async fn explorer(State(st): State<AppState>) -> Response {
    if !st.settings.introspection {
        return (StatusCode::NOT_FOUND, "De GraphQL-verkenner is uitgeschakeld.").into_response();
    }
    let path = st.settings.static_dir.join("explorer").join("index.html");
    match tokio::fs::read(&path).await {
        Ok(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
        Err(_) => (
            StatusCode::NOT_FOUND,
            "De GraphQL-verkenner is niet gebouwd: draai .ci/build-frontend.sh. POST /graphql werkt wel.",
        )
            .into_response(),
    }
}
