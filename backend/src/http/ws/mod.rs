//! `GET /graphql/ws`: GraphQL over WebSocket with `graphql-transport-ws` (the only sub-protocol), served by
//! Koers' own protocol loop so that every operation re-checks its caller and counts against the limits.
//! Upgrades from another site's page (a foreign `Origin`) are refused, so a page elsewhere cannot ride on
//! the cookie.

mod protocol;
mod uitvoeren;
mod verbinding;
mod wachter;
mod wie;

use super::AppState;
use super::toegang::{CSRF_HEADER, gelijk, sessie_geheim};
use crate::config::Settings;
use crate::service::Services;
use axum::Extension;
use axum::extract::{ConnectInfo, State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock, QuantaInstant};
use governor::{DefaultKeyedRateLimiter, NotUntil, Quota, RateLimiter};
use serde_json::json;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use verbinding::{Bron, Verbinding};

pub use wachter::Wachter;

/// What all sockets share: the credential watcher and the per-address buckets of their operations.
pub struct Gedeeld {
    wachter: Arc<Wachter>,
    per_adres: Option<DefaultKeyedRateLimiter<IpAddr>>,
}

impl Gedeeld {
    /// The shared state for `settings` over `services`.
    pub fn new(settings: &Settings, services: Services) -> Self {
        Gedeeld {
            wachter: Wachter::new(services, settings.websocket.controle),
            per_adres: settings.rate_limit.and_then(quota).map(RateLimiter::keyed),
        }
    }
}

/// The token bucket of `limit`; `None` when the numbers make none.
fn quota(limit: crate::config::RateLimit) -> Option<Quota> {
    Some(Quota::with_period(limit.period())?.allow_burst(NonZeroU32::new(limit.burst.max(1))?))
}

/// Whole seconds (at least 1) until `n` allows the next operation.
fn wachttijd(n: &NotUntil<QuantaInstant>) -> u64 {
    n.wait_time_from(DefaultClock::default().now()).as_secs().max(1)
}

fn zelfde_site(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        // Not a browser (browsers always send Origin on WebSocket upgrades).
        return true;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/'));
    host.is_some() && origin_host == host
}

fn weiger(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    (status, axum::Json(body)).into_response()
}

/// The WebSocket endpoint.
pub async fn subscriptions(
    State(st): State<AppState>,
    adres: Option<Extension<ConnectInfo<SocketAddr>>>,
    plaats: Option<Extension<crate::server::Plaats>>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !zelfde_site(&headers) {
        return (StatusCode::FORBIDDEN, "WebSocket vanaf een andere site geweigerd").into_response();
    }
    let upgrade = upgrade.protocols([protocol::PROTOCOL]);
    if upgrade.selected_protocol().is_none() {
        let msg = format!(
            "alleen het WebSocket-subprotocol `{}` wordt gesproken",
            protocol::PROTOCOL
        );
        return weiger(StatusCode::BAD_REQUEST, "BAD_REQUEST", &msg);
    }
    // A browser cannot add headers to an upgrade: a session over the socket reads only, unless it did.
    let sessie = sessie_geheim(&headers).map(|geheim| {
        let csrf = headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        (geheim, csrf)
    });
    let bron = Bron {
        adres: adres.map(|Extension(ConnectInfo(a))| a.ip()),
        sessie,
        plaats: plaats.map(|Extension(p)| p),
    };
    let max = st.settings.websocket.max_bericht;
    upgrade
        .max_message_size(max)
        .max_frame_size(max)
        .on_upgrade(move |socket| Verbinding::new(st, bron).serve(socket))
}

/// Whether the CSRF token sent equals the session's.
fn csrf_klopt(gestuurd: Option<&str>, sessie: &str) -> bool {
    gestuurd.is_some_and(|g| gelijk(g, sessie))
}
