//! `GET /export/actieplan/{id}.csv|.xlsx`, `/export/thema/{id}.…` and `/export/alles.…` (ids as the API gives
//! them): the export as a file, read as the session cookie or bearer token may read. The service builds the
//! rows and the file; this only adapts: Content-Type, Content-Disposition, `no-store`, and errors as JSON.

use super::AppState;
use super::toegang::{fout, storing, verzoeker};
use crate::error::ServiceError;
use crate::graphql::ids::{Soort, decode};
use crate::service::export::Omvang;
use crate::service::export::formaat::{Formaat, schrijf};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use koers_shared::Melding;

/// The export routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/export/actieplan/{bestand}", get(actieplan))
        .route("/export/thema/{bestand}", get(thema))
        .route("/export/{bestand}", get(alles))
}

/// `id.ext` split into the id and the format.
fn bestand(b: &str) -> Result<(&str, Formaat), ServiceError> {
    b.rsplit_once('.')
        .and_then(|(id, ext)| Formaat::van_extensie(ext).map(|f| (id, f)))
        .ok_or_else(|| ServiceError::melding("formaat", Melding::BestandsFormaat))
}

fn status(e: &ServiceError) -> StatusCode {
    match e {
        ServiceError::Invalid(_) => StatusCode::BAD_REQUEST,
        ServiceError::NotFound(_) => StatusCode::NOT_FOUND,
        ServiceError::Unauthenticated => StatusCode::UNAUTHORIZED,
        ServiceError::Forbidden(_) | ServiceError::CsrfRequired => StatusCode::FORBIDDEN,
        _ => storing(e),
    }
}

async fn antwoord(
    st: &AppState,
    headers: &HeaderMap,
    omvang: Result<(Omvang, Formaat), ServiceError>,
) -> Response {
    let (omvang, formaat) = match omvang {
        Ok(o) => o,
        Err(e) => return fout(status(&e), &e),
    };
    let v = match verzoeker(st, headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let export = match st.services.export(&v.kijker, omvang).await {
        Ok(e) => e,
        Err(e) => return fout(status(&e), &e),
    };
    let bytes = match schrijf(formaat, &export.rijen) {
        Ok(b) => b,
        Err(e) => return fout(status(&e), &e),
    };
    let naam = format!("{}.{}", export.naam, formaat.extensie());
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{naam}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(formaat.media_type()),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn actieplan(State(st): State<AppState>, Path(b): Path<String>, headers: HeaderMap) -> Response {
    let omvang =
        bestand(&b).and_then(|(id, f)| Ok((Omvang::Actieplan(decode(id, Soort::Actieplan, "id")?), f)));
    antwoord(&st, &headers, omvang).await
}

async fn thema(State(st): State<AppState>, Path(b): Path<String>, headers: HeaderMap) -> Response {
    let omvang = bestand(&b).and_then(|(id, f)| Ok((Omvang::Thema(decode(id, Soort::Thema, "id")?), f)));
    antwoord(&st, &headers, omvang).await
}

async fn alles(State(st): State<AppState>, Path(b): Path<String>, headers: HeaderMap) -> Response {
    let omvang = match bestand(&b) {
        Ok(("alles", f)) => Ok((Omvang::Alles, f)),
        Ok(_) => Err(ServiceError::NotFound("export".into())),
        Err(e) => Err(e),
    };
    antwoord(&st, &headers, omvang).await
}
