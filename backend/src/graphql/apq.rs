//! Automatic persisted queries (Apollo's APQ: `extensions.persistedQuery {version: 1, sha256Hash}`), kept as
//! text in a bounded LRU cache. A query that arrives by hash gets its text back before the document guard
//! runs, so the guard checks it exactly as if it had been sent in full.
//!
//! async-graphql's own `ApolloPersistedQueries` falls short here: it parses a new text before the guard has
//! scanned it, hands the guard a parsed document without text, and its errors have no code.

use crate::graphql::guard::refusal;
use async_graphql::{Request, ServerError, Value};
use lru::LruCache;
use sha2::{Digest, Sha256};
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

/// The persisted-query cache, shared by every request.
pub struct PersistedQueries(Mutex<LruCache<String, Arc<str>>>);

impl PersistedQueries {
    /// A cache of at most `entries` query texts, or `None` when `entries` is 0 (persisted queries off).
    pub fn new(entries: usize) -> Option<Self> {
        let cap = NonZeroUsize::new(entries)?;
        Some(PersistedQueries(Mutex::new(LruCache::new(cap))))
    }

    /// Gives a request sent by hash its text back, and checks the hash of one sent with its text; `Ok` carries
    /// the text to [`keep`](Self::keep) once the guard has let it through.
    pub fn prepare(&self, request: &mut Request) -> Result<Option<(String, Arc<str>)>, ServerError> {
        let Some(value) = request.extensions.remove("persistedQuery") else {
            return Ok(None);
        };
        let hash = hash_of(&value)?;
        if request.query.is_empty() {
            let known = self.0.lock().ok().and_then(|mut c| c.get(&hash).cloned());
            let Some(text) = known else {
                // Apollo's clients look for this message or the code, then send the text with the hash.
                return Err(refusal("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"));
            };
            request.query = text.to_string();
            return Ok(None);
        }
        if format!("{:x}", Sha256::digest(request.query.as_bytes())) != hash {
            return Err(refusal(
                "PERSISTED_QUERY_HASH_MISMATCH",
                "extensions.persistedQuery.sha256Hash is niet de SHA-256 van de query",
            ));
        }
        Ok(Some((hash, Arc::from(request.query.as_str()))))
    }

    /// Keeps a text the guard let through under its hash.
    pub fn keep(&self, hash: String, text: Arc<str>) {
        if let Ok(mut cache) = self.0.lock() {
            cache.put(hash, text);
        }
    }
}

/// The `sha256Hash` of a `persistedQuery` extension of version 1.
fn hash_of(value: &Value) -> Result<String, ServerError> {
    let Value::Object(map) = value else {
        return Err(refusal(
            "BAD_REQUEST",
            "extensions.persistedQuery is een object met version en sha256Hash",
        ));
    };
    match map.get("version") {
        Some(Value::Number(n)) if n.as_i64() == Some(1) => {}
        _ => {
            return Err(refusal(
                "PERSISTED_QUERY_NOT_SUPPORTED",
                "alleen versie 1 van persistedQuery wordt ondersteund",
            ));
        }
    }
    match map.get("sha256Hash") {
        Some(Value::String(h)) if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(h.to_ascii_lowercase())
        }
        _ => Err(refusal(
            "BAD_REQUEST",
            "extensions.persistedQuery.sha256Hash is een SHA-256-hash in 64 hexadecimale tekens",
        )),
    }
}
