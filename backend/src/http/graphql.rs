//! `POST /graphql` with the request guard rails (body size, batch size, well-formed JSON), each refused with a
//! GraphQL-shaped error and a stable code; `GET /graphql` serves the self-hosted explorer.

use super::AppState;
use async_graphql::BatchRequest;
use async_graphql_axum::GraphQLResponse;
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
            match list.into_iter().map(request).collect::<Result<Vec<_>, _>>() {
                Ok(list) => BatchRequest::Batch(list),
                Err(msg) => return refuse(StatusCode::BAD_REQUEST, "BAD_REQUEST", &msg),
            }
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
    let mut r = GraphQLResponse::from(st.schema.execute_batch(batch).await).into_response();
    // Answers depend on who asks: never cache them in between.
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Cookie, Authorization"));
    r
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
