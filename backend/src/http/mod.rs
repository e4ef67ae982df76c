//! The HTTP layer: routes for the GraphQL endpoint (compressed for clients that accept it), its WebSocket
//! subscriptions, the explorer, health checks and the built front end (with a single-page-app fallback).

mod answer;
mod antwoordcache;
mod export;
mod graphql;
mod health;
pub mod metrics;
mod negotiate;
mod ratelimit;
mod statisch;
pub mod toegang;
mod ws;

use crate::config::Settings;
use crate::graphql::KoersSchema;
use crate::service::Services;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// What handlers share.
#[derive(Clone)]
pub struct AppState {
    /// The GraphQL schema.
    pub schema: KoersSchema,
    /// The service layer.
    pub services: Services,
    /// The settings Koers runs with.
    pub settings: Arc<Settings>,
    /// Rate limits per API token.
    pub per_token: Option<Arc<ratelimit::PerToken>>,
    /// What the WebSocket connections share.
    pub ws: Arc<ws::Gedeeld>,
    /// The Prometheus metrics (recorded always; served only on `KOERS_METRICS_ADDR`).
    pub metrics: Arc<metrics::Metrics>,
    /// Turns to execute a GraphQL request over HTTP (`Settings::gelijktijdige_verzoeken`); `None`: no limit.
    pub beurten: Option<Arc<tokio::sync::Semaphore>>,
    /// Kept answers to queries (`Settings::antwoordcache`); `None`: every request executes.
    pub antwoorden: Option<Arc<antwoordcache::Antwoordcache>>,
}

impl AppState {
    /// The state for `schema` over `services` with `settings`.
    pub fn new(schema: KoersSchema, services: Services, settings: Arc<Settings>) -> Self {
        let per_token = settings
            .toegang
            .token_rate_limit
            .and_then(ratelimit::PerToken::new)
            .map(Arc::new);
        let ws = Arc::new(ws::Gedeeld::new(&settings, services.clone()));
        let beurten = (settings.gelijktijdige_verzoeken > 0)
            .then(|| Arc::new(tokio::sync::Semaphore::new(settings.gelijktijdige_verzoeken)));
        let antwoorden = settings
            .antwoordcache
            .map(|a| Arc::new(antwoordcache::Antwoordcache::new(a)));
        AppState {
            schema,
            services,
            settings,
            per_token,
            ws,
            metrics: Arc::new(metrics::Metrics::new()),
            beurten,
            antwoorden,
        }
    }
}

/// The whole application router.
pub fn router(state: AppState) -> Router {
    let dist = state.settings.static_dir.clone();
    let graphql = get(graphql::execute_get)
        .post(graphql::execute)
        .layer(CompressionLayer::new().gzip(true).br(true));
    let mut api = Router::new()
        .route("/graphql", graphql)
        .route("/graphql/ws", get(ws::subscriptions))
        .merge(export::routes());
    let aanmelden = Router::new().route("/auth/aanmelden", post(toegang::aanmelden));
    let per_minuut = state.settings.toegang.aanmeldingen_per_minuut.max(1);
    let aanmelden = match ratelimit::layer(Duration::from_secs(60) / per_minuut, per_minuut) {
        Some(layer) => aanmelden.layer(layer),
        None => aanmelden,
    };
    if let Some(limit) = state.settings.rate_limit {
        match ratelimit::api_layer(limit) {
            Some(layer) => api = api.layer(layer),
            None => tracing::warn!(?limit, "ongeldige rate limit: uitgeschakeld"),
        }
    }
    let app = Router::new()
        .merge(api)
        .merge(aanmelden)
        .route("/auth/afmelden", post(toegang::afmelden))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .layer(DefaultBodyLimit::max(state.settings.body_limit));
    statisch::serve(app, &dist)
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            state.settings.request_timeout,
        ))
        .layer(axum::middleware::map_response(graphql::explain_timeout))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
