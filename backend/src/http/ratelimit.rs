//! Rate limiting, refused with HTTP 429, a `Retry-After` header and the GraphQL-shaped error code
//! `RATE_LIMITED`: per client address on the API and on sign-in (tower_governor), and per API token
//! (governor, keyed by the token once it is known to be valid, so made-up tokens cannot fill the table).

use crate::config::RateLimit;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde_json::json;
use std::num::NonZeroU32;
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

/// HTTP 429 with `Retry-After: wait_time` seconds (at least 1: `0` would invite an immediate retry).
pub fn te_veel(wait_time: u64) -> Response<Body> {
    let wait_time = wait_time.max(1);
    let body = json!({ "errors": [{
        "message": format!("te veel verzoeken; probeer het over {wait_time} s opnieuw"),
        "extensions": { "code": "RATE_LIMITED", "retryAfter": wait_time } }] });
    let mut r = (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&wait_time.to_string()) {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

fn refuse(e: GovernorError) -> Response<Body> {
    match e {
        GovernorError::TooManyRequests { wait_time, .. } => te_veel(wait_time),
        other => {
            let body = json!({ "errors": [{ "message": other.to_string(), "extensions": { "code": "BAD_REQUEST" } }] });
            (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
        }
    }
}

/// A per-address layer earning one request back every `period`, allowing `burst` at once; `None` when the
/// numbers make no quota.
pub fn layer(period: Duration, burst: u32) -> Option<Layer> {
    let config = GovernorConfigBuilder::default()
        .period(period)
        .burst_size(burst.max(1))
        .finish()?;
    Some(tower_governor::GovernorLayer::new(config).error_handler(refuse))
}

/// The per-address layer of the API.
pub fn api_layer(limit: RateLimit) -> Option<Layer> {
    layer(limit.period(), limit.burst)
}

/// Buckets per API token id.
pub struct PerToken(DefaultKeyedRateLimiter<i32>);

impl PerToken {
    /// Buckets with `limit` each.
    pub fn new(limit: RateLimit) -> Option<Self> {
        let quota = Quota::with_period(limit.period())?.allow_burst(NonZeroU32::new(limit.burst.max(1))?);
        Some(PerToken(RateLimiter::keyed(quota)))
    }

    /// `Err(seconds to wait)` when token `id` has used up its bucket.
    pub fn check(&self, id: i32) -> Result<(), u64> {
        self.0.check_key(&id).map_err(|not_until| {
            not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                .max(1)
        })
    }
}
