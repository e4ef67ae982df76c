//! One delivery over HTTP: a POST with the Standard Webhooks headers, no redirects followed, a timeout, the
//! answer read only as far as its excerpt, and names resolved only to addresses the settings allow.

use super::doel::{check_url, intern};
use super::geheim::handtekening;
use crate::config;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// Most bytes of an answer kept for the delivery log.
const UITTREKSEL: usize = 1024;

/// How a try went: the status (when the receiver answered), the start of its answer, or why it failed.
#[derive(Debug, Clone, Default)]
pub struct Poging {
    /// The HTTP status, when an answer came.
    pub status: Option<u16>,
    /// The first bytes of the answer (lossy UTF-8).
    pub antwoord: Option<String>,
    /// Why there was no (good) answer.
    pub fout: Option<String>,
}

impl Poging {
    /// Whether the receiver took it (2xx).
    pub fn gelukt(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// Resolves names to the addresses a webhook may reach: without `lokaal`, internal addresses are dropped (and a
/// name with only internal addresses fails), so DNS cannot point a webhook inwards after it was registered.
struct Resolver {
    lokaal: bool,
}

impl Resolve for Resolver {
    fn resolve(&self, name: Name) -> Resolving {
        let lokaal = self.lokaal;
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let ok: Vec<SocketAddr> = found.filter(|a| lokaal || !intern(a.ip())).collect();
            if ok.is_empty() {
                return Err("de naam wijst alleen naar interne adressen".into());
            }
            let addrs: Addrs = Box::new(ok.into_iter());
            Ok(addrs)
        })
    }
}

/// The HTTP client of the delivery worker.
pub fn client(s: &config::Webhooks) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(s.timeout)
        .connect_timeout(s.timeout.min(Duration::from_secs(10)))
        .user_agent(concat!("Koers-Webhooks/", env!("CARGO_PKG_VERSION")))
        .dns_resolver(Arc::new(Resolver {
            lokaal: s.lokale_doelen,
        }))
        .build()
}

/// Posts `body` to `url`, signed with `sleutel` as message `id`.
pub async fn verstuur(
    client: &reqwest::Client,
    s: &config::Webhooks,
    url: &str,
    sleutel: &[u8],
    id: &str,
    body: &str,
) -> Poging {
    // Checked again: the settings may have changed since the webhook was registered.
    let url = match check_url(url, s.lokale_doelen) {
        Ok(u) => u,
        Err(e) => {
            return Poging {
                fout: Some(e.to_string()),
                ..Poging::default()
            };
        }
    };
    let tijdstip = chrono::Utc::now().timestamp();
    let verzoek = client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("webhook-id", id)
        .header("webhook-timestamp", tijdstip.to_string())
        .header("webhook-signature", handtekening(sleutel, id, tijdstip, body))
        .body(body.to_string());
    let mut antwoord = match verzoek.send().await {
        Ok(a) => a,
        Err(e) => {
            return Poging {
                fout: Some(beschrijf(e)),
                ..Poging::default()
            };
        }
    };
    let status = antwoord.status().as_u16();
    let mut bytes = Vec::new();
    let mut fout = None;
    while bytes.len() < UITTREKSEL {
        match antwoord.chunk().await {
            Ok(Some(c)) => bytes.extend_from_slice(&c),
            Ok(None) => break,
            Err(e) => {
                fout = Some(beschrijf(e));
                break;
            }
        }
    }
    bytes.truncate(UITTREKSEL);
    let tekst = String::from_utf8_lossy(&bytes).to_string();
    let fout = fout.or_else(|| {
        (!(200..300).contains(&status)).then(|| match status {
            300..400 => format!("HTTP {status}: doorverwijzingen worden niet gevolgd"),
            _ => format!("HTTP {status}"),
        })
    });
    Poging {
        status: Some(status),
        antwoord: (!tekst.is_empty()).then_some(tekst),
        fout,
    }
}

/// A delivery error in words for the log, without the URL (it may hold a partner's token).
fn beschrijf(e: reqwest::Error) -> String {
    let e = e.without_url();
    if e.is_timeout() {
        "geen antwoord binnen de tijdslimiet".to_string()
    } else if e.is_connect() {
        format!("geen verbinding: {}", bron(&e))
    } else {
        bron(&e)
    }
}

fn bron(e: &dyn std::error::Error) -> String {
    let mut tekst = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        tekst.push_str(": ");
        tekst.push_str(&s.to_string());
        cur = s.source();
    }
    tekst.chars().take(500).collect()
}
