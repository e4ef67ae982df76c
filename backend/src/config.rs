//! Typed configuration. The binary fills [`Settings`] from flags and the environment (see `cli`); tests build
//! it directly. Nothing else reads the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Default embedded database: an SQLite file in the working directory, created when missing.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://koers.db?mode=rwc";
/// Default listen address.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Everything Koers needs to run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `sqlite://…` (embedded) or `postgres://…`.
    pub database_url: String,
    /// Listen address; port 0 picks a free port.
    pub addr: SocketAddr,
    /// Folder with the built front end (`index.html`, wasm, `explorer/`).
    pub static_dir: PathBuf,
    /// Load the seed into an empty database at start.
    pub seed_on_empty: bool,
    /// Largest accepted request body in bytes.
    pub body_limit: usize,
    /// Longest a request may take.
    pub request_timeout: Duration,
    /// Limits on GraphQL documents.
    pub limits: GraphqlLimits,
    /// Requests per client address on the API; `None` switches rate limiting off.
    pub rate_limit: Option<RateLimit>,
    /// Schema introspection and the explorer; switch off for production if wanted.
    pub introspection: bool,
    /// Who may do what.
    pub toegang: Toegang,
    /// Limits on connections: how many, how slow, how long a shutdown waits.
    pub verbindingen: Verbindingen,
    /// Limits on GraphQL over WebSocket.
    pub websocket: WebSocket,
    /// Where `/metrics` (Prometheus) is served; `None`: nowhere. Never the public address.
    pub metrics_addr: Option<SocketAddr>,
    /// Delivery of webhooks: back-off, switch-off, timeouts, which targets are allowed.
    pub webhooks: Webhooks,
    /// Scheduled jobs (run once per interval across all instances); `None`: this instance runs none.
    pub taken: Option<Taken>,
    /// Reverse proxies whose `X-Forwarded-For` names the client: the per-address limits then count the
    /// client's address instead of the proxy's. Empty: the header is ignored.
    pub vertrouwde_proxies: Vec<std::net::IpAddr>,
    /// GraphQL requests over HTTP that execute at once (from the start of execution to the serialised
    /// answer); further ones wait their turn. Bounds the memory that large answers take under load. 0: no
    /// limit.
    pub gelijktijdige_verzoeken: usize,
    /// Answers to queries kept per data version, viewer and request; `None`: every request executes.
    pub antwoordcache: Option<Antwoordcache>,
}

/// The answer cache (`http::antwoordcache`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Antwoordcache {
    /// How long a kept answer is served without executing again while the data version stays the same (what
    /// depends on the clock alone, such as a series up to now, is at most this old).
    pub houdbaar: Duration,
    /// Most bytes of kept answers (requests and answers together); the least used go first.
    pub max_bytes: u64,
}

impl Default for Antwoordcache {
    fn default() -> Self {
        Antwoordcache {
            houdbaar: Duration::from_secs(1),
            max_bytes: 8 * 1024 * 1024,
        }
    }
}

/// The default of [`Settings::gelijktijdige_verzoeken`]: twice the CPUs (more would not answer sooner, only
/// hold more answers in memory at once).
pub fn standaard_gelijktijdig() -> usize {
    std::thread::available_parallelism().map_or(4, |n| n.get() * 2)
}

/// Scheduled jobs: how often, and how long one instance's claim on a run holds.
#[derive(Debug, Clone, Copy)]
pub struct Taken {
    /// A job runs once per interval (the periods are counted from 1970, the same on every instance).
    pub interval: Duration,
    /// How long a run is claimed; an unfinished run past it (its instance died) is taken over.
    pub lease: Duration,
}

impl Default for Taken {
    fn default() -> Self {
        Taken {
            interval: Duration::from_secs(3600),
            lease: Duration::from_secs(300),
        }
    }
}

/// Settings of the webhook delivery worker.
#[derive(Debug, Clone, Copy)]
pub struct Webhooks {
    /// Wait before the first retry; each further retry waits twice as long (with jitter), up to `max_wachttijd`.
    pub basis_wachttijd: Duration,
    /// Longest wait between two tries.
    pub max_wachttijd: Duration,
    /// Failed tries in a row after which a webhook is switched off.
    pub max_fouten: u32,
    /// How long one POST may take (connect, send, answer).
    pub timeout: Duration,
    /// How often the worker looks for due retries even when nothing woke it.
    pub poll: Duration,
    /// How long a claimed delivery stays reserved for one worker (then another may take it).
    pub lease: Duration,
    /// Allow targets on loopback, private and link-local addresses (tests, a receiver on the same host).
    pub lokale_doelen: bool,
    /// How long delivered rows stay in the delivery log.
    pub bewaartermijn: Duration,
}

impl Default for Webhooks {
    fn default() -> Self {
        Webhooks {
            basis_wachttijd: Duration::from_secs(10),
            max_wachttijd: Duration::from_secs(6 * 3600),
            max_fouten: 15,
            timeout: Duration::from_secs(10),
            poll: Duration::from_secs(5),
            lease: Duration::from_secs(30),
            lokale_doelen: false,
            bewaartermijn: Duration::from_secs(30 * 24 * 3600),
        }
    }
}

/// Limits on the TCP connections of the HTTP server.
#[derive(Debug, Clone, Copy)]
pub struct Verbindingen {
    /// Open connections in all; further ones are closed at once.
    pub max: usize,
    /// Open connections per client address; further ones are closed at once.
    pub max_per_adres: usize,
    /// Longest a client may take to send a request's headers (also the idle time of a kept-alive connection).
    pub header_timeout: Duration,
    /// Longest a shutdown waits for requests in flight before it closes what is left.
    pub shutdown_timeout: Duration,
    /// How long a stopping server goes on serving while `/readyz` says it stops, so that a load balancer's
    /// health check takes it out before it closes (0: it closes at once).
    pub drain: Duration,
}

impl Default for Verbindingen {
    fn default() -> Self {
        Verbindingen {
            max: 1024,
            max_per_adres: 128,
            header_timeout: Duration::from_secs(10),
            shutdown_timeout: Duration::from_secs(10),
            drain: Duration::ZERO,
        }
    }
}

/// Limits on `/graphql/ws` (each socket; the per-address and per-token limits apply to its operations too).
#[derive(Debug, Clone, Copy)]
pub struct WebSocket {
    /// How long a new socket may take to send `connection_init` (closed with 4408 after).
    pub init_timeout: Duration,
    /// Largest message in bytes (a bigger one closes the socket with 1009 unread).
    pub max_bericht: usize,
    /// Most operations running at once on one socket.
    pub max_abonnementen: usize,
    /// Operations per socket.
    pub operaties: RateLimit,
    /// How often the sockets' tokens and sessions are checked for revocation, sign-out and expiry.
    pub controle: Duration,
}

impl Default for WebSocket {
    fn default() -> Self {
        WebSocket {
            init_timeout: Duration::from_secs(10),
            max_bericht: 64 * 1024,
            max_abonnementen: 20,
            operaties: RateLimit {
                per_second: 10,
                burst: 30,
            },
            controle: Duration::from_millis(500),
        }
    }
}

/// Access settings.
#[derive(Debug, Clone, Copy)]
pub struct Toegang {
    /// Anyone may read what is not confidential without signing in.
    pub anoniem_lezen: bool,
    /// How long a session lasts after signing in.
    pub sessie_duur: Duration,
    /// Always mark the session cookie `Secure` (it is also marked when a proxy says `X-Forwarded-Proto: https`).
    pub cookie_secure: bool,
    /// Requests per API token; `None` switches this limit off.
    pub token_rate_limit: Option<RateLimit>,
    /// Sign-in attempts per client address per minute (also the burst).
    pub aanmeldingen_per_minuut: u32,
}

impl Default for Toegang {
    fn default() -> Self {
        Toegang {
            anoniem_lezen: true,
            sessie_duur: Duration::from_secs(12 * 3600),
            cookie_secure: false,
            token_rate_limit: Some(RateLimit::default()),
            aanmeldingen_per_minuut: 10,
        }
    }
}

/// A token bucket per client (address or token).
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    /// Sustained requests per second.
    pub per_second: u32,
    /// Requests allowed in a burst.
    pub burst: u32,
}

impl RateLimit {
    /// The time in which one request is earned back.
    pub fn period(self) -> Duration {
        Duration::from_nanos(1_000_000_000 / u64::from(self.per_second.max(1)))
    }
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit {
            per_second: 50,
            burst: 200,
        }
    }
}

/// Guard rails for GraphQL documents, checked in this order: the text (nesting, tokens) before it is parsed,
/// the parsed document (spreads, directives, fields after expanding fragments) before it is validated, then
/// depth, aliases and complexity, and last the size of the answer.
#[derive(Debug, Clone, Copy)]
pub struct GraphqlLimits {
    /// Deepest selection nesting; the standard introspection query of GraphiQL needs 15.
    pub depth: usize,
    /// Highest complexity of a request, and of all requests of a batch together. A field costs 1 plus its
    /// selection; a connection `first`/`last` times its selection; a list field the assumed size of the list
    /// (see `graphql::cost`) times its selection.
    pub complexity: usize,
    /// Most operations in one batch request.
    pub batch: usize,
    /// Most aliased fields in one document (fragments counted where they are spread).
    pub aliases: usize,
    /// Deepest nesting of `{`, `[` and `(` in a document's text, and of lists and objects in its variables.
    pub nesting: usize,
    /// Most tokens (names, numbers, strings, punctuation) in a document.
    pub tokens: usize,
    /// Most fragment spreads written in a document.
    pub spreads: usize,
    /// Most directives written in a document.
    pub directives: usize,
    /// Most fields a document selects once its fragments are expanded where they are spread.
    pub fields: usize,
    /// Largest answer in bytes (JSON, a batch counted whole).
    pub response_bytes: usize,
    /// Most query texts kept for automatic persisted queries (least recently used go first); 0 switches
    /// persisted queries off.
    pub persisted_queries: usize,
}

impl Default for GraphqlLimits {
    fn default() -> Self {
        GraphqlLimits {
            depth: 16,
            complexity: 20_000,
            batch: 10,
            aliases: 50,
            nesting: 64,
            tokens: 10_000,
            spreads: 100,
            directives: 50,
            fields: 2_000,
            response_bytes: 4 * 1024 * 1024,
            persisted_queries: 1000,
        }
    }
}

impl Settings {
    /// Settings with defaults for everything but the database.
    pub fn new(database_url: impl Into<String>) -> Self {
        Settings {
            database_url: database_url.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            static_dir: PathBuf::from("frontend/dist"),
            seed_on_empty: true,
            body_limit: 256 * 1024,
            request_timeout: Duration::from_secs(30),
            limits: GraphqlLimits::default(),
            rate_limit: Some(RateLimit::default()),
            introspection: true,
            toegang: Toegang::default(),
            verbindingen: Verbindingen::default(),
            websocket: WebSocket::default(),
            metrics_addr: None,
            webhooks: Webhooks::default(),
            taken: Some(Taken::default()),
            vertrouwde_proxies: Vec::new(),
            gelijktijdige_verzoeken: standaard_gelijktijdig(),
            antwoordcache: Some(Antwoordcache::default()),
        }
    }
}
