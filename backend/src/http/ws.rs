//! `GET /graphql/ws`: GraphQL subscriptions over WebSocket (graphql-transport-ws and graphql-ws), run as the
//! viewer of the upgrade request's session cookie, or of the API token in `connection_init`'s
//! `{"authorization": "Bearer …"}`. Upgrades from another site's page (a foreign `Origin`) are refused, so a
//! page elsewhere cannot ride on the cookie.

use super::AppState;
use super::toegang::verzoeker;
use crate::error::ServiceError;
use async_graphql::ErrorExtensions;
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::{State, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

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

/// The WebSocket endpoint.
pub async fn subscriptions(
    State(st): State<AppState>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !zelfde_site(&headers) {
        return (StatusCode::FORBIDDEN, "WebSocket vanaf een andere site geweigerd").into_response();
    }
    let cookie_kijker = match verzoeker(&st, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let schema = st.schema.clone();
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |stream| {
            GraphQLWebSocket::new(stream, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let token = payload
                        .get("authorization")
                        .or_else(|| payload.get("Authorization"))
                        .and_then(|v| v.as_str())
                        .map(str::to_string);
                    let Some(token) = token else {
                        return Ok(cookie_kijker.data());
                    };
                    let mut h = HeaderMap::new();
                    let v =
                        HeaderValue::from_str(&token).map_err(|_| ServiceError::Unauthenticated.extend())?;
                    h.insert(header::AUTHORIZATION, v);
                    match verzoeker(&st, &h).await {
                        Ok(v) => Ok(v.data()),
                        Err(_) => Err(ServiceError::Unauthenticated.extend()),
                    }
                })
                .serve()
        })
}
