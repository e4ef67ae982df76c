//! Koers' Prometheus metrics (prometheus-client, one registry per running app): GraphQL requests and their
//! latency per operation name, errors per code, open WebSockets and their running operations, and the database
//! pools. Served as OpenMetrics text on their own listen address (`KOERS_METRICS_ADDR`), never on the public one.

use crate::db::Db;
use async_graphql::BatchResponse;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use sea_orm::DbBackend;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// Most distinct operation names kept as labels; later names count as `overig` (a client chooses the names).
const MAX_NAMEN: usize = 200;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Operatie {
    operatie: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Code {
    code: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Pool {
    pool: String,
    toestand: String,
}

/// The operation's name as the document writes it (`query Naam …`), read lexically from the start of the text —
/// only a label: the document is parsed later, behind the guards.
pub fn naam_in_document(query: &str) -> Option<String> {
    let head = query.get(..query.len().min(2000)).unwrap_or(query);
    let mut rest = head;
    loop {
        let i = ["query", "mutation", "subscription"]
            .iter()
            .filter_map(|k| rest.find(k).map(|i| (i, k.len())))
            .min()?;
        let voor = rest[..i.0].chars().next_back();
        let na = &rest[i.0 + i.1..];
        if voor.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
            && na.starts_with(char::is_whitespace)
        {
            let naam: String = na
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            return (!naam.is_empty()).then_some(naam);
        }
        rest = na;
    }
}

/// The metrics of one Koers.
pub struct Metrics {
    registry: Registry,
    verzoeken: Family<Operatie, Counter>,
    duur: Family<Operatie, Histogram>,
    fouten: Family<Code, Counter>,
    sockets: Gauge,
    socket_operaties: Gauge,
    pools: Family<Pool, Gauge>,
    bewaard: Counter,
    webhooks: crate::service::webhooks::bezorger::Tellers,
    namen: Mutex<HashSet<String>>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A fresh registry with every metric.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("koers");
        let verzoeken = Family::<Operatie, Counter>::default();
        let duur = Family::<Operatie, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.001, 2.0, 14))
        });
        let fouten = Family::<Code, Counter>::default();
        let sockets = Gauge::default();
        let socket_operaties = Gauge::default();
        let pools = Family::<Pool, Gauge>::default();
        let bewaard = Counter::default();
        registry.register(
            "graphql_requests",
            "GraphQL operations over HTTP, per operation name",
            verzoeken.clone(),
        );
        registry.register(
            "graphql_request_duration_seconds",
            "Time to execute a GraphQL request or batch over HTTP, per operation name",
            duur.clone(),
        );
        registry.register(
            "graphql_errors",
            "GraphQL errors per extensions.code",
            fouten.clone(),
        );
        registry.register(
            "websocket_connections",
            "Open WebSocket connections",
            sockets.clone(),
        );
        registry.register(
            "websocket_operations",
            "Operations (subscriptions, queries, mutations) running over WebSockets",
            socket_operaties.clone(),
        );
        registry.register(
            "db_pool_connections",
            "Database pool connections, per pool and state",
            pools.clone(),
        );
        registry.register(
            "graphql_answer_cache_hits",
            "GraphQL requests over HTTP answered from the answer cache (counted in graphql_requests too)",
            bewaard.clone(),
        );
        let webhooks = crate::service::webhooks::bezorger::Tellers::default();
        registry.register(
            "webhook_deliveries",
            "Webhook delivery attempts, per result (ok: the receiver answered 2xx; failed: anything else)",
            webhooks.clone(),
        );
        Metrics {
            registry,
            verzoeken,
            duur,
            fouten,
            sockets,
            socket_operaties,
            pools,
            bewaard,
            webhooks,
            namen: Mutex::new(HashSet::new()),
        }
    }

    /// The webhook delivery counters, for the delivery worker.
    pub fn webhooks(&self) -> crate::service::webhooks::bezorger::Tellers {
        self.webhooks.clone()
    }

    /// The label for operation `name` (bounded in number and form).
    fn label(&self, name: Option<&str>) -> Operatie {
        let name = name
            .filter(|n| {
                !n.is_empty() && n.len() <= 64 && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
            .unwrap_or("anoniem");
        let mut namen = self.namen.lock().unwrap_or_else(PoisonError::into_inner);
        let operatie = if namen.contains(name) || (namen.len() < MAX_NAMEN && namen.insert(name.to_string()))
        {
            name.to_string()
        } else {
            "overig".to_string()
        };
        Operatie { operatie }
    }

    /// Records one answered request or batch: `names` are the operation names of its requests.
    pub fn graphql(&self, names: &[Option<String>], duur: Duration, antwoord: &BatchResponse) {
        for name in names {
            let label = self.label(name.as_deref());
            self.verzoeken.get_or_create(&label).inc();
            self.duur.get_or_create(&label).observe(duur.as_secs_f64());
        }
        let fouten = match antwoord {
            BatchResponse::Single(r) => r.errors.iter().collect::<Vec<_>>(),
            BatchResponse::Batch(list) => list.iter().flat_map(|r| r.errors.iter()).collect(),
        };
        for e in fouten {
            self.fout(
                e.extensions
                    .as_ref()
                    .and_then(|x| x.get("code"))
                    .and_then(|c| match c {
                        async_graphql::Value::String(s) => Some(s.as_str()),
                        _ => None,
                    }),
            );
        }
    }

    /// Records one request answered from the answer cache (it had no errors).
    pub fn bewaard(&self, name: Option<&str>, duur: Duration) {
        let label = self.label(name);
        self.verzoeken.get_or_create(&label).inc();
        self.duur.get_or_create(&label).observe(duur.as_secs_f64());
        self.bewaard.inc();
    }

    /// Counts one error with `code` (refusals before execution too).
    pub fn fout(&self, code: Option<&str>) {
        let code = code.unwrap_or("ONBEKEND").to_string();
        self.fouten.get_or_create(&Code { code }).inc();
    }

    /// A WebSocket opened; the returned guard counts it until dropped.
    pub fn socket(self: &Arc<Self>) -> Teller {
        self.sockets.inc();
        Teller(Arc::clone(self), Soort::Socket)
    }

    /// An operation over a WebSocket began; counted until the guard is dropped.
    pub fn socket_operatie(self: &Arc<Self>) -> Teller {
        self.socket_operaties.inc();
        Teller(Arc::clone(self), Soort::Operatie)
    }

    /// The OpenMetrics text of every metric, with the pools as they are now.
    pub fn tekst(&self, db: &Db) -> String {
        for (naam, conn) in [("lezen", &db.reader), ("schrijven", &db.writer)] {
            let (size, idle) = match conn.get_database_backend() {
                DbBackend::Sqlite => {
                    let p = conn.get_sqlite_connection_pool();
                    (p.size(), p.num_idle())
                }
                DbBackend::Postgres => {
                    let p = conn.get_postgres_connection_pool();
                    (p.size(), p.num_idle())
                }
                _ => continue,
            };
            let idle = i64::try_from(idle).unwrap_or(i64::MAX);
            let zet = |toestand: &str, n: i64| {
                self.pools
                    .get_or_create(&Pool {
                        pool: naam.to_string(),
                        toestand: toestand.to_string(),
                    })
                    .set(n);
            };
            zet("open", i64::from(size));
            zet("vrij", idle);
        }
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            tracing::warn!("metrics niet te coderen");
        }
        out
    }
}

enum Soort {
    Socket,
    Operatie,
}

/// Counts an open socket or a running operation while it lives.
pub struct Teller(Arc<Metrics>, Soort);

impl Drop for Teller {
    fn drop(&mut self) {
        match self.1 {
            Soort::Socket => self.0.sockets.dec(),
            Soort::Operatie => self.0.socket_operaties.dec(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::naam_in_document;

    #[test]
    fn the_operation_name_is_read_from_the_documents_start() {
        assert_eq!(
            naam_in_document("query Overzicht { themas { id } }").as_deref(),
            Some("Overzicht")
        );
        assert_eq!(
            naam_in_document("# x\nmutation  Melden($i: X) { a }").as_deref(),
            Some("Melden")
        );
        assert_eq!(naam_in_document("{ themas { id } }"), None);
        assert_eq!(naam_in_document("query { a }"), None);
        assert_eq!(
            naam_in_document("{ subquery_x } subscription Live { a }").as_deref(),
            Some("Live")
        );
    }
}
