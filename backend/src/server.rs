//! The HTTP server loop: accepts TCP connections within bounds (in all and per client address), gives every
//! connection a header-read timeout (also for idle kept-alive connections), and on shutdown lets requests in
//! flight finish — but never longer than the shutdown deadline, so a slow client cannot hold a SIGTERM.
//! A connection upgraded to a WebSocket keeps its place: the handler holds the request's [`Plaats`].
//! Behind a trusted reverse proxy a request's client address (for the rate limits) comes from `X-Forwarded-For`.

use crate::config::Verbindingen;
use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

/// A connection's place within the bounds, in every request's extensions. Whoever keeps the connection open
/// after the request (a WebSocket) holds a clone, so the place is freed only when the socket ends too.
#[derive(Clone)]
pub struct Plaats(Arc<PlaatsInner>);

struct PlaatsInner {
    _plaats: OwnedSemaphorePermit,
    _adres: AdresPlaats,
    stop: watch::Receiver<bool>,
}

impl Plaats {
    /// Resolves when the server begins to shut down (a WebSocket then says goodbye).
    pub async fn gestopt(&self) {
        let mut stop = self.0.stop.clone();
        while !*stop.borrow_and_update() {
            if stop.changed().await.is_err() {
                return;
            }
        }
    }
}

/// Open connections per client address.
#[derive(Default)]
struct PerAdres(Mutex<HashMap<IpAddr, usize>>);

/// One counted connection of an address; uncounted when dropped.
struct AdresPlaats {
    teller: Arc<PerAdres>,
    ip: IpAddr,
}

impl PerAdres {
    fn neem(self: &Arc<Self>, ip: IpAddr, max: usize) -> Option<AdresPlaats> {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let n = map.entry(ip).or_insert(0);
        if *n >= max {
            return None;
        }
        *n += 1;
        Some(AdresPlaats {
            teller: Arc::clone(self),
            ip,
        })
    }
}

impl Drop for AdresPlaats {
    fn drop(&mut self) {
        let mut map = self.teller.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = map.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then waits at most `limits.shutdown_timeout` for
/// the connections still open (requests in flight finish; idle connections close at once).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Verbindingen,
    proxies: Arc<[IpAddr]>,
    shutdown: impl Future<Output = ()>,
) {
    let max = limits.max.clamp(1, Semaphore::MAX_PERMITS);
    let plaatsen = Arc::new(Semaphore::new(max));
    let per_adres = Arc::new(PerAdres::default());
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: back off a little instead of spinning.
                    tracing::warn!(error = %e, "verbinding niet aangenomen");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(plaats) = Arc::clone(&plaatsen).try_acquire_owned() else {
            tracing::warn!(%peer, max, "te veel open verbindingen: verbinding gesloten");
            continue;
        };
        let Some(adres) = per_adres.neem(peer.ip(), limits.max_per_adres) else {
            tracing::warn!(%peer, max = limits.max_per_adres, "te veel verbindingen van één adres: gesloten");
            continue;
        };
        let plaats = Plaats(Arc::new(PlaatsInner {
            _plaats: plaats,
            _adres: adres,
            stop: stop_rx.clone(),
        }));
        let router = router.clone();
        let header_timeout = limits.header_timeout;
        let proxies = Arc::clone(&proxies);
        tokio::spawn(verbinding(stream, peer, router, header_timeout, plaats, proxies));
    }
    drop(listener);
    let _ = stop_tx.send(true);
    let alles = u32::try_from(max).unwrap_or(u32::MAX);
    match tokio::time::timeout(limits.shutdown_timeout, plaatsen.acquire_many(alles)).await {
        Ok(_) => tracing::info!("alle verbindingen gesloten"),
        Err(_) => tracing::warn!(
            open = max - plaatsen.available_permits(),
            "stoptermijn verstreken: open verbindingen worden afgebroken"
        ),
    }
}

/// Serves one connection (HTTP/1.1 with upgrades for WebSocket) until it ends or the server stops.
async fn verbinding(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    header_timeout: Duration,
    plaats: Plaats,
    proxies: Arc<[IpAddr]>,
) {
    let _ = stream.set_nodelay(true);
    // What `into_make_service_with_connect_info` would give each request: the rate limits key on it.
    let voor_verzoek = plaats.clone();
    let service = tower::ServiceBuilder::new()
        .map_request(move |mut req: axum::http::Request<hyper::body::Incoming>| {
            let klant = klant(peer, req.headers(), &proxies);
            req.extensions_mut().insert(ConnectInfo(klant));
            req.extensions_mut().insert(voor_verzoek.clone());
            req
        })
        .service(router);
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let conn = builder
        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
        .with_upgrades();
    let mut conn = std::pin::pin!(conn);
    let stopping = plaats.gestopt();
    tokio::select! {
        r = conn.as_mut() => log_einde(r, peer),
        () = stopping => {
            conn.as_mut().graceful_shutdown();
            log_einde(conn.await, peer);
        }
    }
}

/// The client behind a trusted proxy: the right-most `X-Forwarded-For` address that is not itself a trusted
/// proxy (what each proxy appended; the left part is the client's word and may be made up). Else `peer`.
fn klant(peer: SocketAddr, headers: &axum::http::HeaderMap, proxies: &[IpAddr]) -> SocketAddr {
    if !proxies.contains(&peer.ip()) {
        return peer;
    }
    let adressen: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    for a in adressen.iter().rev() {
        match a.trim().parse::<IpAddr>() {
            Ok(ip) if proxies.contains(&ip) => continue,
            Ok(ip) => return SocketAddr::new(ip, peer.port()),
            Err(_) => return peer,
        }
    }
    peer
}

fn log_einde(r: Result<(), hyper::Error>, peer: SocketAddr) {
    if let Err(e) = r {
        if e.is_timeout() {
            tracing::debug!(%peer, "verbinding gesloten: headers kwamen niet op tijd");
        } else {
            tracing::debug!(%peer, error = %e, "verbinding beëindigd");
        }
    }
}
