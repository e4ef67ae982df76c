//! Rate limiting per client address on the API (tower_governor), refused with HTTP 429, a `Retry-After`
//! header and the GraphQL-shaped error code `RATE_LIMITED`.

use crate::config::RateLimit;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::time::Duration;
use tower_governor::GovernorError;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::PeerIpKeyExtractor;

/// The layer type for the API routes.
pub type Layer = tower_governor::GovernorLayer<
    PeerIpKeyExtractor,
    governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>,
    Body,
>;

fn refuse(e: GovernorError) -> Response<Body> {
    match e {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let body = json!({ "errors": [{
                "message": format!("te veel verzoeken; probeer het over {wait_time} s opnieuw"),
                "extensions": { "code": "RATE_LIMITED", "retryAfter": wait_time } }] });
            let mut r = (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
            if let Ok(v) = HeaderValue::from_str(&wait_time.to_string()) {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        other => {
            let body = json!({ "errors": [{ "message": other.to_string(), "extensions": { "code": "BAD_REQUEST" } }] });
            (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
        }
    }
}

/// The rate-limit layer for `limit`, or `None` when the numbers make no quota.
pub fn layer(limit: RateLimit) -> Option<Layer> {
    let period = Duration::from_nanos(1_000_000_000 / u64::from(limit.per_second.max(1)));
    let config = GovernorConfigBuilder::default()
        .period(period)
        .burst_size(limit.burst.max(1))
        .finish()?;
    Some(tower_governor::GovernorLayer::new(config).error_handler(refuse))
}
