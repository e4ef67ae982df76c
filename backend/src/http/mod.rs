//! The HTTP layer: routes for the GraphQL endpoint, its WebSocket subscriptions, the explorer, health checks
//! and the built front end (with a single-page-app fallback).

mod graphql;
mod health;
mod ratelimit;

use crate::config::Settings;
use crate::graphql::KoersSchema;
use crate::service::Services;
use async_graphql_axum::GraphQLSubscription;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};
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
}

/// The whole application router.
pub fn router(state: AppState) -> Router {
    let dist = state.settings.static_dir.clone();
    let spa = ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html")));
    let mut api = Router::new()
        .route("/graphql", get(graphql::explorer).post(graphql::execute))
        .route_service("/graphql/ws", GraphQLSubscription::new(state.schema.clone()));
    if let Some(limit) = state.settings.rate_limit {
        match ratelimit::layer(limit) {
            Some(layer) => api = api.layer(layer),
            None => tracing::warn!(?limit, "ongeldige rate limit: uitgeschakeld"),
        }
    }
    Router::new()
        .merge(api)
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .layer(DefaultBodyLimit::max(state.settings.body_limit))
        .fallback_service(spa)
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            state.settings.request_timeout,
        ))
        .layer(axum::middleware::map_response(graphql::explain_timeout))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
