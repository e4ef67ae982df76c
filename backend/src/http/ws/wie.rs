//! Who a socket's caller is: the credential it runs on (anonymous, the upgrade's session cookie, a bearer
//! token from `connection_init`), looked up again for every operation.

use super::super::AppState;
use super::csrf_klopt;
use super::wachter::Bewijs;
use crate::error::ServiceError;
use crate::toegang::{Kijker, Wie};
use chrono::{DateTime, Utc};
use tokio::time::Instant;

/// The credential a socket runs on, kept to check it again for every operation.
pub enum Geloof {
    Anoniem,
    Sessie { geheim: String, csrf: Option<String> },
    Token(String),
}

/// The caller as found now.
pub struct Gevonden {
    pub kijker: Kijker,
    pub csrf: Option<String>,
    pub bewijs: Option<Bewijs>,
    pub verloopt: Option<DateTime<Utc>>,
}

/// The token of `Bearer <token>`.
pub fn bearer(waarde: &str) -> Option<String> {
    let (scheme, token) = waarde.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty()).then(|| token.trim().to_string())
}

/// The moment `t` on the clock of timers.
pub fn moment(t: DateTime<Utc>) -> Instant {
    let rest = (t - Utc::now()).to_std().unwrap_or_default();
    let nu = Instant::now();
    nu.checked_add(rest)
        .unwrap_or(nu + std::time::Duration::from_secs(86_400 * 365))
}

/// The caller of `geloof` now; `None` when the credential is not (or no longer) valid.
pub async fn wie(st: &AppState, geloof: &Geloof) -> Result<Option<Gevonden>, ServiceError> {
    let s = &st.services;
    Ok(match geloof {
        Geloof::Anoniem => Some(Gevonden {
            kijker: Kijker::anoniem(st.settings.toegang.anoniem_lezen),
            csrf: None,
            bewijs: None,
            verloopt: None,
        }),
        Geloof::Token(geheim) => s.token(geheim).await?.map(|(kijker, verloopt)| Gevonden {
            bewijs: match kijker.wie {
                Wie::Token { id, .. } => Some(Bewijs::Token(id)),
                _ => None,
            },
            kijker,
            csrf: None,
            verloopt: Some(verloopt),
        }),
        Geloof::Sessie { geheim, csrf } => s.sessie(geheim).await?.map(|mut l| {
            l.kijker.zonder_csrf = !csrf_klopt(csrf.as_deref(), &l.csrf_token);
            Gevonden {
                bewijs: match l.kijker.wie {
                    Wie::Gebruiker { sessie_id, .. } => Some(Bewijs::Sessie(sessie_id)),
                    _ => None,
                },
                kijker: l.kijker,
                csrf: Some(l.csrf_token),
                verloopt: Some(l.verloopt_op),
            }
        }),
    })
}
