//! `/healthz` (the process is alive) and `/readyz` (the database answers and can take writes).

use super::AppState;
use crate::db::WriteState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

/// Alive.
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

fn not_ready(database: &str, reden: Option<&str>) -> (StatusCode, Json<Value>) {
    let mut body = json!({ "status": "not ready", "database": database });
    if let Some(reden) = reden {
        body["reden"] = reden.into();
    }
    (StatusCode::SERVICE_UNAVAILABLE, Json(body))
}

/// Not ready once the server begins to stop (during its drain). Ready when the database file is there, the database answers, and writes commit (tried again after a failed
/// commit, so that readiness returns by itself once there is space again).
pub async fn readyz(State(st): State<AppState>) -> (StatusCode, Json<Value>) {
    if st.services.stopt.load(std::sync::atomic::Ordering::Relaxed) {
        let body = json!({ "status": "stopping" });
        return (StatusCode::SERVICE_UNAVAILABLE, Json(body));
    }
    let db = &st.services.db;
    match db.write_state().await {
        WriteState::Ok => {}
        WriteState::FileMissing => {
            tracing::warn!("database file missing");
            return not_ready("bestand ontbreekt", Some(crate::db::FILE_MISSING));
        }
        WriteState::Failing(reden) => {
            tracing::warn!(%reden, "database cannot take writes");
            return not_ready("kan niet schrijven", Some(&reden));
        }
    }
    match db.ping().await {
        Ok(()) => (StatusCode::OK, Json(json!({ "status": "ready" }))),
        Err(e) => {
            tracing::warn!(error = %e, "database not reachable");
            not_ready("onbereikbaar", None)
        }
    }
}
