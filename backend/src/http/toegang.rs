//! Who sends a request: the session cookie (with its CSRF token for changes) or `Authorization: Bearer` with
//! an API token; and the sign-in and sign-out endpoints that set and clear the cookie.
//!
//! The cookie is HttpOnly, SameSite=Strict, Path=/, and Secure when Koers runs behind https (setting, or a
//! proxy's `X-Forwarded-Proto: https`). Changes over the cookie also need the session's CSRF token in
//! `X-CSRF-Token` (the page reads it from `ik { csrfToken }` or the sign-in answer).

use super::AppState;
use super::ratelimit;
use crate::error::ServiceError;
use crate::graphql::beheer::CsrfToken;
use crate::toegang::{Kijker, Wie};
use async_graphql::ErrorExtensions;
use axum::Extension;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cookie::{Cookie, SameSite};
use koers_shared::Melding;
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;

/// Name of the session cookie.
pub const COOKIE: &str = "koers_sessie";
/// Header with the session's CSRF token.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The viewer of a request, with its session's CSRF token when signed in by cookie.
pub struct Verzoeker {
    /// Who.
    pub kijker: Kijker,
    /// The session's CSRF token.
    pub csrf: Option<CsrfToken>,
}

impl Verzoeker {
    /// The data a GraphQL request or subscription gets.
    pub fn data(self) -> async_graphql::Data {
        let mut d = async_graphql::Data::default();
        d.insert(self.kijker);
        if let Some(c) = self.csrf {
            d.insert(c);
        }
        d
    }
}

pub(super) fn fout(status: StatusCode, e: &ServiceError) -> Response {
    let ext = e.extend();
    let code = ext
        .extensions
        .as_ref()
        .and_then(|x| x.get("code"))
        .cloned()
        .map(|v| v.into_json().unwrap_or_default())
        .unwrap_or_default();
    let body = json!({ "errors": [{ "message": ext.message, "extensions": { "code": code } }] });
    (status, Json(body)).into_response()
}

/// 503 when the database is away, else 500.
pub(super) fn storing(e: &ServiceError) -> StatusCode {
    if e.code() == "DATABASE_UNAVAILABLE" {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    }
}

pub(super) fn sessie_geheim(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == COOKIE)
        .map(|c| c.value().to_string())
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Equal without an early exit, so a guess learns nothing from timing.
pub(super) fn gelijk(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The viewer of a request with these headers. A bearer token that is not (or no longer) valid is refused
/// with 401 `UNAUTHENTICATED`; an unknown or expired session cookie just means anonymous.
pub async fn verzoeker(st: &AppState, headers: &HeaderMap) -> Result<Verzoeker, Response> {
    let toegang = &st.settings.toegang;
    if let Some(token) = bearer(headers) {
        return match st.services.kijker_voor_token(token).await {
            Ok(Some(kijker)) => {
                if let (Wie::Token { id, .. }, Some(limiter)) = (&kijker.wie, &st.per_token)
                    && let Err(wacht) = limiter.check(*id)
                {
                    return Err(ratelimit::te_veel(wacht));
                }
                Ok(Verzoeker { kijker, csrf: None })
            }
            Ok(None) => Err(fout(StatusCode::UNAUTHORIZED, &ServiceError::Unauthenticated)),
            Err(e) => Err(fout(storing(&e), &e)),
        };
    }
    if let Some(geheim) = sessie_geheim(headers) {
        match st.services.kijker_voor_sessie(&geheim).await {
            Ok(Some((mut kijker, csrf))) => {
                let gestuurd = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
                kijker.zonder_csrf = !gestuurd.is_some_and(|g| gelijk(g, &csrf));
                return Ok(Verzoeker {
                    kijker,
                    csrf: Some(CsrfToken(csrf)),
                });
            }
            Ok(None) => {}
            Err(e) => return Err(fout(storing(&e), &e)),
        }
    }
    Ok(Verzoeker {
        kijker: Kijker::anoniem(toegang.anoniem_lezen),
        csrf: None,
    })
}

fn cookie_header(
    st: &AppState,
    headers: &HeaderMap,
    waarde: String,
    max_age: cookie::time::Duration,
) -> Option<HeaderValue> {
    let via_https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    let c = Cookie::build((COOKIE, waarde))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/")
        .secure(st.settings.toegang.cookie_secure || via_https)
        .max_age(max_age)
        .build();
    HeaderValue::from_str(&c.to_string()).ok()
}

/// Sign-in request body.
#[derive(Deserialize)]
pub struct Aanmelding {
    gebruikersnaam: String,
    wachtwoord: String,
}

/// `POST /auth/aanmelden` with `{gebruikersnaam, wachtwoord}`: sets the session cookie and answers
/// `{naam, rol, csrfToken, verlooptOp}`; a wrong name or password is 401 `AANMELDEN_MISLUKT`.
pub async fn aanmelden(
    State(st): State<AppState>,
    adres: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Result<Json<Aanmelding>, JsonRejection>,
) -> Response {
    // Counted by every instance together (PostgreSQL); this instance's own limiter ran before.
    if let Some(Extension(ConnectInfo(a))) = adres {
        let per_minuut = st.settings.toegang.aanmeldingen_per_minuut.max(1);
        match st.services.aanmeldpoging(&a.ip().to_string(), per_minuut).await {
            Ok(Ok(())) => {}
            Ok(Err(wacht)) => return ratelimit::te_veel(wacht),
            Err(e) => return fout(storing(&e), &e),
        }
    }
    let Ok(Json(a)) = body else {
        let e = ServiceError::melding("gebruikersnaam", Melding::AanmeldingVorm);
        return fout(StatusCode::BAD_REQUEST, &e);
    };
    let duur =
        chrono::Duration::from_std(st.settings.toegang.sessie_duur).unwrap_or(chrono::Duration::hours(12));
    match st
        .services
        .aanmelden(a.gebruikersnaam.trim(), a.wachtwoord, duur)
        .await
    {
        Ok(s) => {
            let rol = match &s.kijker.wie {
                Wie::Gebruiker { rol, .. } => Some(rol.as_str()),
                _ => None,
            };
            let body = json!({ "naam": s.kijker.naam(), "rol": rol, "csrfToken": s.csrf_token,
                "verlooptOp": s.verloopt_op });
            let max_age = cookie::time::Duration::seconds(duur.num_seconds());
            let mut r = (StatusCode::OK, Json(body)).into_response();
            if let Some(v) = cookie_header(&st, &headers, s.geheim, max_age) {
                r.headers_mut().insert(header::SET_COOKIE, v);
            }
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(ServiceError::Invalid(_)) => {
            let body = json!({ "errors": [{ "message": "gebruikersnaam of wachtwoord klopt niet",
                "extensions": { "code": "AANMELDEN_MISLUKT" } }] });
            (StatusCode::UNAUTHORIZED, Json(body)).into_response()
        }
        Err(e) => fout(storing(&e), &e),
    }
}

/// `POST /auth/afmelden` (with `X-CSRF-Token`): ends the session and clears the cookie. 204 also when
/// nobody was signed in.
pub async fn afmelden(State(st): State<AppState>, headers: HeaderMap) -> Response {
    let v = match verzoeker(&st, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    if matches!(v.kijker.wie, Wie::Gebruiker { .. }) {
        if v.kijker.zonder_csrf {
            return fout(StatusCode::FORBIDDEN, &ServiceError::CsrfRequired);
        }
        if let Err(e) = st.services.afmelden(&v.kijker).await {
            return fout(storing(&e), &e);
        }
    }
    let mut r = StatusCode::NO_CONTENT.into_response();
    if let Some(v) = cookie_header(&st, &headers, String::new(), cookie::time::Duration::ZERO) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}
