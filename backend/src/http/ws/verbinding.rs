//! One socket's protocol loop: the handshake (with its timeout), ping/pong, and operations, each run as its own
//! task after the limits and a fresh check of the caller; the socket closes when its credential ends.

use super::protocol::{self, Inkomend, Sluiten};
use super::wachter::{Bewijs, Inschrijving};
use super::{AppState, csrf_klopt, quota, wachttijd};
use crate::error::ServiceError;
use crate::graphql::beheer::CsrfToken;
use crate::toegang::{Kijker, Wie};
use async_graphql::ErrorExtensions;
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use governor::{DefaultDirectRateLimiter, RateLimiter};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use tokio::sync::{Notify, mpsc};
use tokio::task::AbortHandle;
use tokio::time::{Instant, sleep_until};

/// What the upgrade request brought.
pub struct Bron {
    /// The client's address.
    pub adres: Option<IpAddr>,
    /// The session cookie's secret and the CSRF token sent with it.
    pub sessie: Option<(String, Option<String>)>,
}

/// The credential a socket runs on, kept to check it again for every operation.
enum Geloof {
    Anoniem,
    Sessie { geheim: String, csrf: Option<String> },
    Token(String),
}

/// The caller as found now.
struct Gevonden {
    kijker: Kijker,
    csrf: Option<String>,
    bewijs: Option<Bewijs>,
    verloopt: Option<DateTime<Utc>>,
}

struct Ingewijd {
    geloof: Geloof,
    verloopt: Option<Instant>,
    _wacht: Option<Inschrijving>,
}

/// A running operation; dropping it stops it.
struct Lopend {
    generatie: u64,
    taak: AbortHandle,
}

impl Drop for Lopend {
    fn drop(&mut self) {
        self.taak.abort();
    }
}

/// What an operation's task sends to the socket.
enum Uit {
    Bericht { id: String, generatie: u64, tekst: String },
    Klaar { id: String, generatie: u64, tekst: String },
}

/// One socket.
pub struct Verbinding {
    st: AppState,
    bron: Bron,
    init_gezien: bool,
    ingewijd: Option<Ingewijd>,
    lopend: HashMap<String, Lopend>,
    generatie: u64,
    per_socket: Option<DefaultDirectRateLimiter>,
    uit: mpsc::Sender<Uit>,
    rx: Option<mpsc::Receiver<Uit>>,
    sluit: Arc<Notify>,
}

/// A result that ends an operation before it ran: no data, and errors not tied to a field.
fn verzoekfout(r: &async_graphql::Response) -> bool {
    r.data == async_graphql::Value::Null && !r.errors.is_empty() && r.errors.iter().all(|e| e.path.is_empty())
}

fn als_json(fouten: &[async_graphql::ServerError]) -> Vec<Value> {
    fouten
        .iter()
        .filter_map(|e| serde_json::to_value(e).ok())
        .collect()
}

fn service_fout(e: &ServiceError) -> Vec<Value> {
    let ext = e.extend();
    let mut s = async_graphql::ServerError::new(ext.message, None);
    s.extensions = ext.extensions;
    als_json(&[s])
}

fn te_veel(seconden: u64) -> Vec<Value> {
    let msg = format!("te veel operaties; probeer het over {seconden} s opnieuw");
    vec![protocol::fout(
        &msg,
        "RATE_LIMITED",
        json!({ "retryAfter": seconden }),
    )]
}

fn bearer(waarde: &str) -> Option<String> {
    let (scheme, token) = waarde.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty()).then(|| token.trim().to_string())
}

fn moment(t: DateTime<Utc>) -> Instant {
    let rest = (t - Utc::now()).to_std().unwrap_or_default();
    let nu = Instant::now();
    nu.checked_add(rest).unwrap_or(nu + std::time::Duration::from_secs(86_400 * 365))
}

/// Runs one GraphQL operation of a socket: the single place every socket operation goes through. `Err` are
/// the errors that refuse it before it runs.
pub fn uitvoeren(
    st: &AppState,
    request: async_graphql::Request,
) -> Result<BoxStream<'static, async_graphql::Response>, Vec<Value>> {
    Ok(st.schema.execute_stream(request))
}

impl Verbinding {
    /// A socket from `bron`.
    pub fn new(st: AppState, bron: Bron) -> Self {
        let (uit, rx) = mpsc::channel(64);
        let per_socket = quota(st.settings.websocket.operaties).map(RateLimiter::direct);
        Verbinding {
            st,
            bron,
            init_gezien: false,
            ingewijd: None,
            lopend: HashMap::new(),
            generatie: 0,
            per_socket,
            uit,
            rx: Some(rx),
            sluit: Arc::new(Notify::new()),
        }
    }

    /// Serves the socket until either side closes it; running operations stop with it.
    pub async fn serve(mut self, mut socket: WebSocket) {
        let Some(mut rx) = self.rx.take() else { return };
        if let Some(s) = self.lus(&mut socket, &mut rx).await {
            tracing::debug!(code = s.code, reden = %s.reden, "WebSocket gesloten");
            let frame = CloseFrame {
                code: s.code,
                reason: s.reden.into(),
            };
            let _ = socket.send(Message::Close(Some(frame))).await;
        }
    }

    async fn lus(&mut self, socket: &mut WebSocket, rx: &mut mpsc::Receiver<Uit>) -> Option<Sluiten> {
        let init_uiterlijk = Instant::now() + self.st.settings.websocket.init_timeout;
        let sluit = Arc::clone(&self.sluit);
        loop {
            let verloopt = self.ingewijd.as_ref().and_then(|i| i.verloopt);
            let antwoord = tokio::select! {
                m = socket.recv() => match m {
                    None | Some(Ok(Message::Close(_))) => return None,
                    Some(Err(e)) if e.to_string().contains("Space limit") => {
                        return Some(Sluiten::te_groot(self.st.settings.websocket.max_bericht));
                    }
                    Some(Err(_)) => return Some(Sluiten::ongeldig("unreadable frame")),
                    Some(Ok(Message::Binary(_))) => return Some(Sluiten::ongeldig("binary frames are not supported")),
                    Some(Ok(Message::Ping(_) | Message::Pong(_))) => None,
                    Some(Ok(Message::Text(t))) => match self.bericht(t.as_str()).await {
                        Ok(a) => a,
                        Err(s) => return Some(s),
                    },
                },
                Some(uit) = rx.recv() => self.uitgaand(uit),
                () = sleep_until(init_uiterlijk), if self.ingewijd.is_none() => return Some(Sluiten::init_te_laat()),
                () = sleep_until(verloopt.unwrap_or(init_uiterlijk)), if verloopt.is_some() => {
                    return Some(Sluiten::verboden("the credential expired"));
                }
                () = sluit.notified() => return Some(Sluiten::verboden("the credential was revoked or ended")),
            };
            if let Some(tekst) = antwoord
                && socket.send(Message::Text(tekst.into())).await.is_err()
            {
                return None;
            }
        }
    }

    /// An operation's message, unless the operation was stopped meanwhile.
    fn uitgaand(&mut self, uit: Uit) -> Option<String> {
        let (id, generatie, klaar, tekst) = match uit {
            Uit::Bericht { id, generatie, tekst } => (id, generatie, false, tekst),
            Uit::Klaar { id, generatie, tekst } => (id, generatie, true, tekst),
        };
        if self.lopend.get(&id)?.generatie != generatie {
            return None;
        }
        if klaar {
            self.lopend.remove(&id);
        }
        Some(tekst)
    }

    /// Handles one text message: `Ok` with the answer to send, if any; `Err` closes the socket.
    async fn bericht(&mut self, tekst: &str) -> Result<Option<String>, Sluiten> {
        match protocol::lees(tekst)? {
            Inkomend::Init(payload) => {
                if std::mem::replace(&mut self.init_gezien, true) {
                    return Err(Sluiten::tweede_init());
                }
                self.inwijden(payload).await?;
                Ok(Some(protocol::ack()))
            }
            Inkomend::Ping(p) => Ok(Some(protocol::pong(p))),
            Inkomend::Pong => Ok(None),
            Inkomend::Subscribe { id, request } => {
                if self.ingewijd.is_none() {
                    return Err(Sluiten::niet_ingewijd());
                }
                if self.lopend.contains_key(&id) {
                    return Err(Sluiten::dubbel(&id));
                }
                match self.starten(&id, *request).await? {
                    Ok(()) => Ok(None),
                    Err(fouten) => Ok(Some(protocol::error(&id, &fouten))),
                }
            }
            Inkomend::Complete(id) => {
                self.lopend.remove(&id);
                Ok(None)
            }
        }
    }

    /// The caller of `geloof` now; `None` when the credential is not (or no longer) valid.
    async fn wie(&self, geloof: &Geloof) -> Result<Option<Gevonden>, ServiceError> {
        let s = &self.st.services;
        Ok(match geloof {
            Geloof::Anoniem => Some(Gevonden {
                kijker: Kijker::anoniem(self.st.settings.toegang.anoniem_lezen),
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

    /// `connection_init`: a bearer token in the payload, else the upgrade's session cookie, else anonymous.
    async fn inwijden(&mut self, payload: Map<String, Value>) -> Result<(), Sluiten> {
        let auth = payload.get("authorization").or_else(|| payload.get("Authorization"));
        let mut geloof = match auth {
            None | Some(Value::Null) => match self.bron.sessie.take() {
                Some((geheim, csrf)) => Geloof::Sessie { geheim, csrf },
                None => Geloof::Anoniem,
            },
            Some(Value::String(s)) => {
                Geloof::Token(bearer(s).ok_or_else(|| Sluiten::verboden("expected `Bearer <token>`"))?)
            }
            Some(_) => return Err(Sluiten::ongeldig("`payload.authorization` must be a string")),
        };
        let gevonden = match self.wie(&geloof).await {
            Ok(Some(g)) => g,
            // An unknown or ended session cookie just means anonymous, as over HTTP.
            Ok(None) if matches!(geloof, Geloof::Sessie { .. }) => {
                geloof = Geloof::Anoniem;
                self.wie(&geloof).await.ok().flatten().ok_or_else(Sluiten::storing)?
            }
            Ok(None) => return Err(Sluiten::verboden("invalid token")),
            Err(e) => {
                tracing::warn!(error = %e, "WebSocket-aanmelding niet te controleren");
                return Err(Sluiten::storing());
            }
        };
        let wacht = gevonden
            .bewijs
            .map(|b| self.st.ws.wachter.inschrijven(b, Arc::clone(&self.sluit)));
        self.ingewijd = Some(Ingewijd {
            geloof,
            verloopt: gevonden.verloopt.map(moment),
            _wacht: wacht,
        });
        Ok(())
    }

    /// Checks the limits and the caller, then starts operation `id`. `Ok(Err)` refuses it with errors;
    /// `Err` closes the socket.
    async fn starten(
        &mut self,
        id: &str,
        request: async_graphql::Request,
    ) -> Result<Result<(), Vec<Value>>, Sluiten> {
        let max = self.st.settings.websocket.max_abonnementen;
        if self.lopend.len() >= max {
            let msg = format!("er lopen al {max} operaties op deze verbinding: beëindig er eerst een");
            let fout = protocol::fout(&msg, "TOO_MANY_SUBSCRIPTIONS", json!({ "max": max }));
            return Ok(Err(vec![fout]));
        }
        if let Some(Err(n)) = self.per_socket.as_ref().map(|l| l.check()) {
            return Ok(Err(te_veel(wachttijd(&n))));
        }
        if let (Some(l), Some(ip)) = (&self.st.ws.per_adres, self.bron.adres) {
            if l.len() > 10_000 {
                l.retain_recent();
            }
            if let Err(n) = l.check_key(&ip) {
                return Ok(Err(te_veel(wachttijd(&n))));
            }
        }
        let Some(ingewijd) = &self.ingewijd else {
            return Err(Sluiten::niet_ingewijd());
        };
        let g = match self.wie(&ingewijd.geloof).await {
            Ok(Some(g)) => g,
            Ok(None) => return Err(Sluiten::verboden("the credential is no longer valid")),
            Err(e) => return Ok(Err(service_fout(&e))),
        };
        if let (Wie::Token { id, .. }, Some(l)) = (&g.kijker.wie, &self.st.per_token)
            && let Err(wacht) = l.check(*id)
        {
            return Ok(Err(te_veel(wacht)));
        }
        let mut request = request.data(g.kijker);
        if let Some(c) = g.csrf {
            request = request.data(CsrfToken(c));
        }
        let stream = match uitvoeren(&self.st, request) {
            Ok(s) => s,
            Err(fouten) => return Ok(Err(fouten)),
        };
        self.generatie += 1;
        let generatie = self.generatie;
        let taak = tokio::spawn(draai(stream, id.to_string(), generatie, self.uit.clone()));
        self.lopend.insert(
            id.to_string(),
            Lopend {
                generatie,
                taak: taak.abort_handle(),
            },
        );
        Ok(Ok(()))
    }
}

/// Runs an operation's results to the socket: `next` for each, `complete` at the end, or one `error` when it
/// was refused before it ran.
async fn draai(
    mut stream: BoxStream<'static, async_graphql::Response>,
    id: String,
    generatie: u64,
    uit: mpsc::Sender<Uit>,
) {
    let mut eerste = true;
    while let Some(r) = stream.next().await {
        if std::mem::replace(&mut eerste, false) && verzoekfout(&r) {
            let tekst = protocol::error(&id, &als_json(&r.errors));
            let _ = uit.send(Uit::Klaar { id, generatie, tekst }).await;
            return;
        }
        let tekst = protocol::next(&id, &r);
        let bericht = Uit::Bericht {
            id: id.clone(),
            generatie,
            tekst,
        };
        if uit.send(bericht).await.is_err() {
            return;
        }
    }
    let tekst = protocol::complete(&id);
    let _ = uit.send(Uit::Klaar { id, generatie, tekst }).await;
}
