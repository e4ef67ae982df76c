//! The answer cache: a query's serialised answer kept per data version ([`crate::db::Db::versie`]), viewer
//! (the whole [`Kijker`]: who, through which session or token, with which rights) and request (its JSON as
//! sent, GET or POST, the media type). Any write moves the version on, so an answer is never served after a
//! change it does not show; one older than its freshness is made again by one request while the others are
//! still served the kept one. Only answers without errors to a single query (never a mutation) are kept.

use super::negotiate::Media;
use crate::config;
use crate::toegang::Kijker;
use async_graphql::parser::types::{DocumentOperations, OperationType};
use axum::body::Bytes;
use axum::http::StatusCode;
use moka::sync::Cache;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How many times its freshness a kept answer may be served at most while another request makes it again.
const MAX_OUDER: u32 = 4;

/// What an answer is kept under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sleutel {
    versie: u64,
    kijker: Kijker,
    media: Media,
    get: bool,
    verzoek: Arc<str>,
}

impl Sleutel {
    /// The key of request `verzoek` (its JSON text) by `kijker` at data version `versie`.
    pub fn new(versie: u64, kijker: Kijker, media: Media, get: bool, verzoek: String) -> Self {
        Sleutel {
            versie,
            kijker,
            media,
            get,
            verzoek: verzoek.into(),
        }
    }
}

/// A kept answer.
#[derive(Debug)]
pub struct Antwoord {
    /// Its HTTP status.
    pub status: StatusCode,
    /// Its body.
    pub body: Bytes,
    gemaakt: Instant,
    /// Set while a request makes this answer again.
    vernieuwen: AtomicBool,
}

/// What the cache has for a request.
pub enum Treffer {
    /// Serve this.
    Ja(Arc<Antwoord>),
    /// Execute; keep the answer with [`Antwoordcache::bewaar`].
    Nee,
}

/// The kept answers of one running Koers.
pub struct Antwoordcache {
    cache: Cache<Sleutel, Arc<Antwoord>>,
    houdbaar: Duration,
}

impl Antwoordcache {
    /// A cache with `settings`.
    pub fn new(settings: config::Antwoordcache) -> Self {
        let cache = Cache::builder()
            .max_capacity(settings.max_bytes)
            .weigher(|k: &Sleutel, v: &Arc<Antwoord>| {
                let bytes = k.verzoek.len() + v.body.len() + 256;
                u32::try_from(bytes).unwrap_or(u32::MAX)
            })
            // An older version's answers are never asked for again; they go once unused for this long.
            .time_to_idle(
                settings
                    .houdbaar
                    .saturating_mul(MAX_OUDER)
                    .max(Duration::from_secs(5)),
            )
            .build();
        Antwoordcache {
            cache,
            houdbaar: settings.houdbaar,
        }
    }

    /// The kept answer to serve for `sleutel`, or [`Treffer::Nee`]: none, or it is older than its freshness
    /// and this request is the one to make it again (the others meanwhile get the kept one, up to
    /// [`MAX_OUDER`] times its freshness).
    pub fn zoek(&self, sleutel: &Sleutel) -> Treffer {
        let Some(a) = self.cache.get(sleutel) else {
            return Treffer::Nee;
        };
        let leeftijd = a.gemaakt.elapsed();
        if leeftijd < self.houdbaar {
            return Treffer::Ja(a);
        }
        let al_bezig = a.vernieuwen.swap(true, Ordering::AcqRel);
        if al_bezig && leeftijd < self.houdbaar.saturating_mul(MAX_OUDER) {
            Treffer::Ja(a)
        } else {
            Treffer::Nee
        }
    }

    /// Keeps `body` (status `status`) for `sleutel` when the request was a single query (`query`, by
    /// `operation_name`) that succeeded; otherwise lets another request make the kept one again.
    pub fn bewaar(
        &self,
        sleutel: Sleutel,
        request: (&str, Option<&str>),
        gelukt: bool,
        status: StatusCode,
        body: &Bytes,
    ) {
        if gelukt && status == StatusCode::OK && is_query(request.0, request.1) {
            let a = Antwoord {
                status,
                body: body.clone(),
                gemaakt: Instant::now(),
                vernieuwen: AtomicBool::new(false),
            };
            self.cache.insert(sleutel, Arc::new(a));
        } else if let Some(a) = self.cache.get(&sleutel) {
            a.vernieuwen.store(false, Ordering::Release);
        }
    }
}

/// Whether `document` runs a query (by `operation_name`, or its only operation).
fn is_query(document: &str, operation_name: Option<&str>) -> bool {
    let Ok(doc) = async_graphql::parser::parse_query(document) else {
        return false;
    };
    let ty = match (&doc.operations, operation_name) {
        (DocumentOperations::Single(op), _) => op.node.ty,
        (DocumentOperations::Multiple(ops), Some(naam)) => match ops.get(naam) {
            Some(op) => op.node.ty,
            None => return false,
        },
        (DocumentOperations::Multiple(_), None) => return false,
    };
    ty == OperationType::Query
}

#[cfg(test)]
mod tests {
    use super::is_query;

    #[test]
    fn only_a_query_is_kept() {
        assert!(is_query("{ themas { id } }", None));
        assert!(is_query("query A { themas { id } }", Some("A")));
        assert!(!is_query("mutation { afmelden }", None));
        assert!(!is_query("query A { a } mutation B { b }", Some("B")));
        assert!(!is_query("query A { a } mutation B { b }", None));
        assert!(!is_query("subscription { actieGewijzigd { id } }", None));
        assert!(!is_query("{ niet af", None));
    }
}
