//! `/graphql` over HTTP (GraphQL over HTTP): `POST` with the request guard rails (media types, body size,
//! batch size and complexity, well-formed JSON, the answer's size) and `GET` for queries (also by persisted
//! hash), each refusal a GraphQL-shaped error with a stable code; a browser's `GET` gets the explorer.

use super::AppState;
use super::answer::answer;
use super::antwoordcache::{Sleutel, Treffer};
use super::negotiate::{self, Media};
use crate::graphql::queries_only::QueriesOnly;
use crate::toegang::Wie;
use async_graphql::BatchRequest;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// A GraphQL-shaped refusal with `code`, as `application/json`.
pub fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    refuse_as(Media::Json, status, code, message)
}

/// A GraphQL-shaped refusal with `code`, in `media`.
pub fn refuse_as(media: Media, status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    let bytes = serde_json::to_vec(&body).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, media.content_type())], bytes).into_response()
}

/// Executes a GraphQL request or batch sent with `POST`.
pub async fn execute(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Some(media) = negotiate::accept(&headers) else {
        return negotiate::not_acceptable();
    };
    if !negotiate::is_json_body(&headers) {
        return negotiate::unsupported_media_type();
    }
    let bytes = match body {
        Ok(b) => b,
        Err(rej) if rej.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let msg = format!("het verzoek is groter dan {} bytes", st.settings.body_limit);
            return refuse_as(media, StatusCode::PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE", &msg);
        }
        Err(rej) => return refuse_as(media, rej.status(), "BAD_REQUEST", &rej.body_text()),
    };
    // Decoded in two steps: async-graphql's own `BatchRequest` would take `[]` (or `["{ … }"]`) for a single
    // request built from a sequence, and a JSON object without `query` for an empty document.
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        // serde_json stops at 128 levels: deeper than any limit Koers allows.
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
            let msg = format!(
                "het verzoek nest dieper dan {} niveaus",
                st.settings.limits.nesting
            );
            return refuse_as(media, StatusCode::BAD_REQUEST, "NESTING_TOO_DEEP", &msg);
        }
        Err(e) => {
            let msg = format!("geen geldig GraphQL-verzoek in JSON: {e}");
            return refuse_as(media, StatusCode::BAD_REQUEST, "BAD_REQUEST", &msg);
        }
    };
    run(&st, &headers, value, media, false).await
}

/// Executes a query sent with `GET /graphql?query=…&variables=…&operationName=…&extensions=…` (variables and
/// extensions as URL-encoded JSON); a browser asking for HTML gets the explorer instead.
pub async fn execute_get(
    State(st): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    if negotiate::wants_html(&headers) {
        return explorer(&st).await;
    }
    let Some(media) = negotiate::accept(&headers) else {
        return negotiate::not_acceptable();
    };
    let value = match get_request(raw.as_deref().unwrap_or_default()) {
        Ok(v) => v,
        Err(msg) => return refuse_as(media, StatusCode::BAD_REQUEST, "BAD_REQUEST", &msg),
    };
    run(&st, &headers, value, media, true).await
}

/// The JSON request a GET's query string stands for.
fn get_request(raw: &str) -> Result<Value, String> {
    let mut request = serde_json::Map::new();
    for (key, value) in query_pairs(raw)? {
        let value = match key.as_str() {
            "query" | "operationName" => Value::String(value),
            "variables" | "extensions" => {
                serde_json::from_str(&value).map_err(|e| format!("{key} is URL-gecodeerde JSON: {e}"))?
            }
            _ => continue,
        };
        if request.insert(key.clone(), value).is_some() {
            return Err(format!("{key} staat meer dan eens in de URL"));
        }
    }
    let persisted = request
        .get("extensions")
        .is_some_and(|e| e.get("persistedQuery").is_some());
    if !request.contains_key("query") && !persisted {
        return Err("geen query: GET /graphql?query=…".to_string());
    }
    Ok(Value::Object(request))
}

/// The pairs of a URL query string.
fn query_pairs(raw: &str) -> Result<Vec<(String, String)>, String> {
    serde_urlencoded::from_str(raw).map_err(|e| format!("ongeldige URL-parameters: {e}"))
}

/// Runs one request or a batch (never over GET) for the caller `headers` name, and answers in `media`.
async fn run(st: &AppState, headers: &HeaderMap, value: Value, media: Media, get: bool) -> Response {
    let refuse = |code: &str, msg: &str| refuse_as(media, StatusCode::BAD_REQUEST, code, msg);
    // A single request's JSON, as the answer cache's key.
    let tekst = (st.antwoorden.is_some() && value.is_object()).then(|| value.to_string());
    let batch = match value {
        Value::Array(list) => {
            let max = st.settings.limits.batch;
            if list.is_empty() || list.len() > max {
                let msg = format!("een batch bevat 1 tot {max} verzoeken, niet {}", list.len());
                return refuse("BATCH_TOO_LARGE", &msg);
            }
            let mut list = match list.into_iter().map(request).collect::<Result<Vec<_>, _>>() {
                Ok(list) => list,
                Err(msg) => return refuse("BAD_REQUEST", &msg),
            };
            // The complexity limit holds for the batch as a whole, before any of it runs.
            if let Err(e) = st.schema.check_batch(&mut list).await {
                return refuse("QUERY_TOO_COMPLEX", &e.message);
            }
            BatchRequest::Batch(list)
        }
        single => match request(single) {
            Ok(r) => BatchRequest::Single(r),
            Err(msg) => return refuse("BAD_REQUEST", &msg),
        },
    };
    let verzoeker = match super::toegang::verzoeker(st, headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let anoniem = verzoeker.kijker.wie == Wie::Anoniem;
    // Read after the caller is known (a token's use is a write of its own): the answer shows at least this.
    let bewaar = st.antwoorden.as_ref().zip(tekst).map(|(c, t)| {
        let versie = st.services.db.versie();
        (c, Sleutel::new(versie, verzoeker.kijker.clone(), media, get, t))
    });
    if let Some((c, sleutel)) = &bewaar
        && let Treffer::Ja(a) = c.zoek(sleutel)
    {
        let begonnen = std::time::Instant::now();
        let naam = match &batch {
            BatchRequest::Single(r) => operatie(r),
            BatchRequest::Batch(_) => None,
        };
        let r = (
            a.status,
            [(header::CONTENT_TYPE, media.content_type())],
            a.body.clone(),
        )
            .into_response();
        st.metrics.bewaard(naam.as_deref(), begonnen.elapsed());
        return met_cachekoppen(r, get && anoniem);
    }
    // What the cache needs to tell a query from a mutation once it ran.
    let document = match (&bewaar, &batch) {
        (Some(_), BatchRequest::Single(r)) => Some((r.query.clone(), r.operation_name.clone())),
        _ => None,
    };
    let mut batch = batch.data(verzoeker.kijker);
    if let Some(c) = verzoeker.csrf {
        batch = batch.data(c);
    }
    if get {
        batch = batch.data(QueriesOnly);
    }
    let namen: Vec<Option<String>> = match &batch {
        BatchRequest::Single(r) => vec![operatie(r)],
        BatchRequest::Batch(list) => list.iter().map(operatie).collect(),
    };
    // A turn from executing until the answer is serialised: that is when a request holds its answer twice.
    // The semaphore is never closed, so a failed acquire only means "no limit".
    let beurt = match &st.beurten {
        Some(b) => b.clone().acquire_owned().await.ok(),
        None => None,
    };
    let begonnen = std::time::Instant::now();
    let response = st.schema.execute_batch(batch).await;
    st.metrics.graphql(&namen, begonnen.elapsed(), &response);
    let mut r = answer(&response, st.settings.limits.response_bytes, media);
    let gelukt = response.is_ok() && r.status() == StatusCode::OK;
    if let Some((c, sleutel)) = bewaar {
        let (parts, body) = r.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
        if let Some((query, naam)) = &document {
            c.bewaar(sleutel, (query, naam.as_deref()), gelukt, parts.status, &bytes);
        }
        r = Response::from_parts(parts, axum::body::Body::from(bytes));
    }
    drop(response);
    drop(beurt);
    met_cachekoppen(r, get && anoniem && gelukt)
}

/// `r` with its caching headers. Answers depend on who asks: never cached in between, except (`gedeeld`) a
/// GET's answer without errors to someone anonymous (the same for everyone who sends no credentials), briefly.
fn met_cachekoppen(mut r: Response, gedeeld: bool) -> Response {
    let cache = if gedeeld { "public, max-age=10" } else { "no-store" };
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    r.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept, Accept-Encoding, Cookie, Authorization"),
    );
    r
}

/// The operation name for the metrics: as sent, or as the document writes it.
fn operatie(r: &async_graphql::Request) -> Option<String> {
    r.operation_name
        .clone()
        .or_else(|| super::metrics::naam_in_document(&r.query))
}

/// One GraphQL request: a JSON object with a `query` string (which a persisted query may leave out).
fn request(value: Value) -> Result<async_graphql::Request, String> {
    let persisted = value
        .get("extensions")
        .is_some_and(|e| e.get("persistedQuery").is_some());
    let query_ok = match value.get("query") {
        Some(q) => q.is_string(),
        None => persisted,
    };
    if !query_ok {
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
async fn explorer(st: &AppState) -> Response {
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
