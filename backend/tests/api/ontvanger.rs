//! A real webhook receiver for the tests: an axum server on 127.0.0.1:0 that answers 500 to the first `n`
//! requests (or to all, while told to fail) and 200 after, and keeps every request it got.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request the receiver got, and what it answered.
#[derive(Debug, Clone)]
pub struct Ontvangen {
    pub id: String,
    pub timestamp: String,
    pub signature: String,
    pub body: String,
    pub status: u16,
}

impl Ontvangen {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("the body is JSON")
    }
}

#[derive(Default)]
struct Staat {
    nog_falen: usize,
    altijd_falen: bool,
    alles: Vec<Ontvangen>,
}

/// The receiver; dropping it stops the server.
pub struct Ontvanger {
    pub addr: SocketAddr,
    staat: Arc<Mutex<Staat>>,
    taak: tokio::task::JoinHandle<()>,
}

impl Drop for Ontvanger {
    fn drop(&mut self) {
        self.taak.abort();
    }
}

async fn ontvang(
    State(staat): State<Arc<Mutex<Staat>>>,
    headers: HeaderMap,
    body: String,
) -> (StatusCode, String) {
    let h = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let mut s = staat.lock().unwrap();
    let falen = s.altijd_falen || s.nog_falen > 0;
    s.nog_falen = s.nog_falen.saturating_sub(1);
    let status = if falen { 500 } else { 200 };
    s.alles.push(Ontvangen {
        id: h("webhook-id"),
        timestamp: h("webhook-timestamp"),
        signature: h("webhook-signature"),
        body,
        status,
    });
    let antwoord = if falen { "even niet" } else { "dank je" };
    (StatusCode::from_u16(status).unwrap(), antwoord.to_string())
}

impl Ontvanger {
    /// A receiver that fails the first `faal_eerst` requests.
    pub async fn start(faal_eerst: usize) -> Ontvanger {
        Self::start_op("127.0.0.1:0".parse().unwrap(), faal_eerst).await
    }

    /// A receiver on `addr` (e.g. a port reserved earlier) that fails the first `faal_eerst` requests.
    pub async fn start_op(addr: SocketAddr, faal_eerst: usize) -> Ontvanger {
        let staat = Arc::new(Mutex::new(Staat {
            nog_falen: faal_eerst,
            ..Staat::default()
        }));
        let listener = tokio::net::TcpListener::bind(addr).await.expect("bind receiver");
        let addr = listener.local_addr().unwrap();
        let app = axum::Router::new()
            .route("/hook", post(ontvang))
            .with_state(Arc::clone(&staat));
        let taak = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ontvanger { addr, staat, taak }
    }

    /// The URL to register.
    pub fn url(&self) -> String {
        format!("http://{}/hook", self.addr)
    }

    /// Fail every request from now on (`true`) or none (`false`).
    pub fn altijd_falen(&self, ja: bool) {
        self.staat.lock().unwrap().altijd_falen = ja;
    }

    /// Every request so far.
    pub fn alles(&self) -> Vec<Ontvangen> {
        self.staat.lock().unwrap().alles.clone()
    }

    /// The requests answered 200 so far.
    pub fn bezorgd(&self) -> Vec<Ontvangen> {
        self.alles().into_iter().filter(|o| o.status == 200).collect()
    }

    /// Waits (at most a minute) until `n` requests were answered 200; returns them.
    pub async fn wacht_op(&self, n: usize) -> Vec<Ontvangen> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let b = self.bezorgd();
            if b.len() >= n {
                return b;
            }
            assert!(
                Instant::now() < deadline,
                "{} of {n} deliveries after a minute: {:#?}",
                b.len(),
                self.alles()
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The input of `webhooks/verify.mjs` for these deliveries.
    pub fn verify_input(secret: &str, list: &[Ontvangen]) -> Value {
        let messages: Vec<Value> = list
            .iter()
            .map(|o| {
                json!({ "headers": { "webhook-id": o.id, "webhook-timestamp": o.timestamp,
                    "webhook-signature": o.signature }, "body": o.body })
            })
            .collect();
        json!({ "secret": secret, "messages": messages })
    }
}

/// Verifies `list` with the npm `standardwebhooks` library (an implementation independent of Koers'); asserts
/// every delivery verifies and a changed body does not.
pub async fn verify_with_standardwebhooks(secret: &str, list: &[Ontvangen]) {
    let dir = crate::node::folder("webhooks").await;
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), Ontvanger::verify_input(secret, list).to_string()).unwrap();
    let out = crate::node::run(&dir, "verify.mjs", &[file.path().to_str().unwrap()]).await;
    let r: Value = serde_json::from_str(out.trim()).expect("verify.mjs prints JSON");
    assert_eq!(r["verified"], list.len(), "{out}");
    assert_eq!(r["tamperedRefused"], list.len(), "{out}");
}
