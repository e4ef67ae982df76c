//! One socket's protocol loop: the handshake (with its timeout), ping/pong, and operations, each run as its own
//! task after the limits and a fresh check of the caller; the socket closes when its credential ends.

use super::protocol::{self, Inkomend, Sluiten};
use super::uitvoeren::{Uit, als_json, draai, uitvoeren};
use super::wachter::Inschrijving;
use super::wie::{self, Geloof, bearer, moment};
use super::{AppState, quota, wachttijd};
use crate::error::ServiceError;
use crate::graphql::beheer::CsrfToken;
use crate::toegang::Wie;
use async_graphql::ErrorExtensions;
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use governor::{DefaultDirectRateLimiter, RateLimiter};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{Notify, mpsc};
use tokio::task::AbortHandle;
use tokio::time::{Instant, sleep_until};

/// Longest a message to the client may take to be written.
const SCHRIJVEN: std::time::Duration = std::time::Duration::from_secs(10);

/// What the upgrade request brought.
pub struct Bron {
    /// The client's address.
    pub adres: Option<IpAddr>,
    /// The session cookie's secret and the CSRF token sent with it.
    pub sessie: Option<(String, Option<String>)>,
    /// The connection's place within the server's bounds: held while the socket lives.
    pub plaats: Option<crate::server::Plaats>,
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
        let _open = self.st.metrics.socket();
        let Some(mut rx) = self.rx.take() else { return };
        if let Some(s) = self.lus(&mut socket, &mut rx).await {
            tracing::debug!(code = s.code, reden = %s.reden, "WebSocket gesloten");
            let frame = CloseFrame {
                code: s.code,
                reason: s.reden.into(),
            };
            let _ = tokio::time::timeout(SCHRIJVEN, socket.send(Message::Close(Some(frame)))).await;
        }
    }

    async fn lus(&mut self, socket: &mut WebSocket, rx: &mut mpsc::Receiver<Uit>) -> Option<Sluiten> {
        let init_uiterlijk = Instant::now() + self.st.settings.websocket.init_timeout;
        let sluit = Arc::clone(&self.sluit);
        let plaats = self.bron.plaats.clone();
        let stopt = async {
            match &plaats {
                Some(p) => p.gestopt().await,
                None => std::future::pending().await,
            }
        };
        let mut stopt = std::pin::pin!(stopt);
        let mut herladen = self.st.services.herladen.subscribe();
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
                () = &mut stopt => return Some(Sluiten::server_stopt()),
                Ok(()) | Err(RecvError::Lagged(_)) = herladen.recv() => return Some(Sluiten::herladen()),
            };
            if let Some(tekst) = antwoord {
                // A client that stops reading is dropped rather than holding its operations (and this loop).
                match tokio::time::timeout(SCHRIJVEN, socket.send(Message::Text(tekst.into()))).await {
                    Ok(Ok(())) => {}
                    Ok(Err(_)) | Err(_) => return None,
                }
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

    /// `connection_init`: a bearer token in the payload, else the upgrade's session cookie, else anonymous.
    async fn inwijden(&mut self, payload: Map<String, Value>) -> Result<(), Sluiten> {
        let auth = payload
            .get("authorization")
            .or_else(|| payload.get("Authorization"));
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
        let gevonden = match wie::wie(&self.st, &geloof).await {
            Ok(Some(g)) => g,
            // An unknown or ended session cookie just means anonymous, as over HTTP.
            Ok(None) if matches!(geloof, Geloof::Sessie { .. }) => {
                geloof = Geloof::Anoniem;
                wie::wie(&self.st, &geloof)
                    .await
                    .ok()
                    .flatten()
                    .ok_or_else(Sluiten::storing)?
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
        let g = match wie::wie(&self.st, &ingewijd.geloof).await {
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
        let loopt = self.st.metrics.socket_operatie();
        let resultaten = draai(
            stream,
            id.to_string(),
            generatie,
            self.uit.clone(),
            self.st.settings.limits.response_bytes,
        );
        let taak = tokio::spawn(async move {
            let _loopt = loopt;
            resultaten.await;
        });
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
