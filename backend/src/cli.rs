//! Command line of the `koers` binary: `serve`, `migrate`, `seed`, `backup`, `restore`, `import`, `user` and `token`,
//! configured by flags or the environment.

use crate::config::{
    DEFAULT_ADDR, DEFAULT_DATABASE_URL, RateLimit, Settings, Taken, Toegang, Verbindingen, WebSocket,
    Webhooks,
};
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Koers: de voortgang van de regionale actieplannen van de VAR.
#[derive(Debug, Parser)]
#[command(name = "koers", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Common {
    /// Database: `sqlite://pad.db?mode=rwc` (embedded, default) or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,
    /// Log filter, e.g. `info` or `koers_backend=debug`.
    #[arg(long, env = "KOERS_LOG", default_value = "info", global = true)]
    pub log: String,
    /// Log as JSON lines instead of text.
    #[arg(long, env = "KOERS_LOG_JSON", default_value_t = false, global = true)]
    pub log_json: bool,
}

/// What to do.
#[derive(Debug, Subcommand)]
// Parsed once at start: the size of `serve`'s options does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Serve the API and the dashboard (migrates first; seeds an empty database).
    Serve(ServeArgs),
    /// Bring the database schema up to date.
    Migrate,
    /// Load the seed file (idempotent).
    Seed {
        /// A seed file other than the built-in one.
        #[arg(long, env = "KOERS_SEED_FILE")]
        file: Option<PathBuf>,
    },
    /// Write a consistent snapshot of the SQLite database to a new file (also while Koers runs).
    Backup {
        /// The snapshot file to create; an existing file is never overwritten.
        file: PathBuf,
    },
    /// Replace the SQLite database with a checked snapshot. Stop Koers first.
    Restore {
        /// A snapshot made by `koers backup`.
        file: PathBuf,
    },
    /// Import one plan with its opgaven and acties from a TOML file in the seed's format: checks only, unless
    /// `--toepassen` (then all or nothing, in one transaction).
    Import {
        /// The TOML file, with exactly one `[[actieplan]]`.
        file: PathBuf,
        /// Create the plan when the file has no problems.
        #[arg(long, default_value_t = false)]
        toepassen: bool,
    },
    /// People who sign in.
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens for integrations.
    #[command(subcommand)]
    Token(TokenCommand),
}

/// `koers user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user; the password comes from KOERS_WACHTWOORD or the first line of standard input.
    Create {
        /// Sign-in name (no spaces).
        #[arg(long)]
        gebruikersnaam: String,
        /// Name shown in history and audit log.
        #[arg(long)]
        naam: String,
        /// lezer, redacteur or beheerder.
        #[arg(long)]
        rol: String,
        /// A redacteur's thema (its key, e.g. `mensenhandel`); repeat for more.
        #[arg(long = "thema")]
        themas: Vec<String>,
    },
}

/// `koers token …`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token and print it once (Koers keeps only a hash).
    Create {
        /// Name of the integration.
        #[arg(long)]
        naam: String,
        /// May change acties (default: read only).
        #[arg(long)]
        schrijven: bool,
        /// May read confidential acties.
        #[arg(long)]
        vertrouwelijk: bool,
        /// A thema key (e.g. `mensenhandel`); repeat for more; none means every thema.
        #[arg(long = "thema")]
        themas: Vec<String>,
        /// Days until it expires.
        #[arg(long, default_value_t = 90)]
        dagen: i64,
    },
    /// Revoke a token by its prefix (as `token list` shows it).
    Revoke {
        /// The token's prefix, e.g. `koers_AbCd1234`.
        prefix: String,
    },
    /// List every token (never the secrets).
    List,
}

/// Options of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Listen address.
    #[arg(long, env = "KOERS_ADDR", default_value = DEFAULT_ADDR)]
    pub addr: SocketAddr,
    /// Folder with the built front end.
    #[arg(long, env = "KOERS_STATIC_DIR", default_value = "frontend/dist")]
    pub static_dir: PathBuf,
    /// Do not seed an empty database at start.
    #[arg(long, env = "KOERS_NO_SEED", default_value_t = false)]
    pub no_seed: bool,
    /// Largest request body in bytes.
    #[arg(long, env = "KOERS_BODY_LIMIT", default_value_t = 256 * 1024)]
    pub body_limit: usize,
    /// Sustained API requests per second per client address; 0 switches rate limiting off.
    #[arg(long, env = "KOERS_RATE_PER_SECOND", default_value_t = 50)]
    pub rate_per_second: u32,
    /// API requests a client address may send in a burst.
    #[arg(long, env = "KOERS_RATE_BURST", default_value_t = 200)]
    pub rate_burst: u32,
    /// Switch off schema introspection and the explorer (production).
    #[arg(long, env = "KOERS_NO_INTROSPECTION", default_value_t = false)]
    pub no_introspection: bool,
    /// Only signed-in people and tokens may read (default: anyone reads what is not confidential).
    #[arg(long, env = "KOERS_NO_ANONYMOUS_READ", default_value_t = false)]
    pub no_anonymous_read: bool,
    /// Hours a session lasts after signing in.
    #[arg(long, env = "KOERS_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: u64,
    /// Always mark the session cookie Secure (also done when a proxy sends X-Forwarded-Proto: https).
    #[arg(long, env = "KOERS_COOKIE_SECURE", default_value_t = false)]
    pub cookie_secure: bool,
    /// Sustained API requests per second per API token; 0 switches this limit off.
    #[arg(long, env = "KOERS_TOKEN_RATE_PER_SECOND", default_value_t = 50)]
    pub token_rate_per_second: u32,
    /// Sign-in attempts per client address per minute.
    #[arg(long, env = "KOERS_SIGNIN_PER_MINUTE", default_value_t = 10)]
    pub signin_per_minute: u32,
    /// Serve Prometheus metrics at `/metrics` on this address (e.g. 127.0.0.1:9464); off when not set.
    #[arg(long, env = "KOERS_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
    /// Open connections in all; further ones are closed at once.
    #[arg(long, env = "KOERS_MAX_CONNECTIONS", default_value_t = 1024)]
    pub max_connections: usize,
    /// Open connections per client address.
    #[arg(long, env = "KOERS_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 128)]
    pub max_connections_per_address: usize,
    /// Seconds a client may take to send a request's headers (and a kept-alive connection may stay idle).
    #[arg(long, env = "KOERS_HEADER_TIMEOUT", default_value_t = 10)]
    pub header_timeout: u64,
    /// Seconds a shutdown (SIGTERM, Ctrl-C) waits for requests in flight.
    #[arg(long, env = "KOERS_SHUTDOWN_TIMEOUT", default_value_t = 10)]
    pub shutdown_timeout: u64,
    /// Seconds a stopping server goes on serving with `/readyz` unready, for a load balancer to take it out.
    #[arg(long, env = "KOERS_SHUTDOWN_DRAIN", default_value_t = 0)]
    pub shutdown_drain: u64,
    /// Seconds a new WebSocket may take to send `connection_init`.
    #[arg(long, env = "KOERS_WS_INIT_TIMEOUT", default_value_t = 10)]
    pub ws_init_timeout: u64,
    /// Largest WebSocket message in bytes.
    #[arg(long, env = "KOERS_WS_MAX_MESSAGE", default_value_t = 64 * 1024)]
    pub ws_max_message: usize,
    /// Most operations running at once on one WebSocket.
    #[arg(long, env = "KOERS_WS_MAX_SUBSCRIPTIONS", default_value_t = 20)]
    pub ws_max_subscriptions: usize,
    /// Sustained operations per second on one WebSocket.
    #[arg(long, env = "KOERS_WS_RATE_PER_SECOND", default_value_t = 10)]
    pub ws_rate_per_second: u32,
    /// Operations one WebSocket may send in a burst.
    #[arg(long, env = "KOERS_WS_RATE_BURST", default_value_t = 30)]
    pub ws_rate_burst: u32,
    /// Seconds between runs of the scheduled jobs (once across all instances); 0: this instance runs none.
    #[arg(long, env = "KOERS_JOB_INTERVAL", default_value_t = 3600)]
    pub job_interval: u64,
    /// Seconds an instance's claim on a job run holds; an unfinished run past it is taken over by another.
    #[arg(long, env = "KOERS_JOB_LEASE", default_value_t = 300)]
    pub job_lease: u64,
    /// Reverse proxies (comma-separated addresses) whose `X-Forwarded-For` names the client for the limits.
    #[arg(long, env = "KOERS_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// GraphQL requests over HTTP executing at once (more wait their turn); 0: no limit. Default: 2 × CPUs.
    #[arg(long, env = "KOERS_MAX_CONCURRENT_REQUESTS", default_value_t = crate::config::standaard_gelijktijdig())]
    pub max_concurrent_requests: usize,
    /// Milliseconds a query's answer is served again without executing while no data changed; 0: no cache.
    #[arg(long, env = "KOERS_ANSWER_CACHE_MS", default_value_t = 1000)]
    pub answer_cache_ms: u64,
    /// Megabytes of kept answers at most.
    #[arg(long, env = "KOERS_ANSWER_CACHE_MB", default_value_t = 8)]
    pub answer_cache_mb: u64,
    /// Webhook delivery.
    #[command(flatten)]
    pub webhooks: WebhookArgs,
}

/// Options of the webhook delivery worker.
#[derive(Debug, Args)]
pub struct WebhookArgs {
    /// Milliseconds before the first retry of a failed webhook delivery (doubling per retry, with jitter).
    #[arg(long, env = "KOERS_WEBHOOK_RETRY_BASE_MS", default_value_t = 10_000)]
    pub webhook_retry_base_ms: u64,
    /// Longest wait between two tries of a webhook delivery, in seconds.
    #[arg(long, env = "KOERS_WEBHOOK_RETRY_MAX_SECONDS", default_value_t = 6 * 3600)]
    pub webhook_retry_max_seconds: u64,
    /// Failed deliveries in a row after which a webhook is switched off.
    #[arg(long, env = "KOERS_WEBHOOK_MAX_FAILURES", default_value_t = 15)]
    pub webhook_max_failures: u32,
    /// Seconds one webhook POST may take.
    #[arg(long, env = "KOERS_WEBHOOK_TIMEOUT", default_value_t = 10)]
    pub webhook_timeout: u64,
    /// Milliseconds between two looks for due retries.
    #[arg(long, env = "KOERS_WEBHOOK_POLL_MS", default_value_t = 5_000)]
    pub webhook_poll_ms: u64,
    /// Allow webhooks to loopback, private and link-local addresses (off: such targets are refused).
    #[arg(long, env = "KOERS_WEBHOOK_ALLOW_INTERNAL", default_value_t = false)]
    pub webhook_allow_internal: bool,
    /// Days delivered webhook messages stay in the delivery log.
    #[arg(long, env = "KOERS_WEBHOOK_KEEP_DAYS", default_value_t = 30)]
    pub webhook_keep_days: u64,
}

impl WebhookArgs {
    /// The worker's settings.
    pub fn settings(&self) -> Webhooks {
        let ms = std::time::Duration::from_millis;
        Webhooks {
            basis_wachttijd: ms(self.webhook_retry_base_ms.max(1)),
            max_wachttijd: std::time::Duration::from_secs(self.webhook_retry_max_seconds.max(1)),
            max_fouten: self.webhook_max_failures.max(1),
            timeout: std::time::Duration::from_secs(self.webhook_timeout.clamp(1, 300)),
            poll: ms(self.webhook_poll_ms.max(10)),
            lokale_doelen: self.webhook_allow_internal,
            bewaartermijn: std::time::Duration::from_secs(self.webhook_keep_days.clamp(1, 3650) * 24 * 3600),
            ..Webhooks::default()
        }
    }
}

impl ServeArgs {
    /// The settings for `serve`.
    pub fn settings(&self, common: &Common) -> Settings {
        Settings {
            addr: self.addr,
            static_dir: self.static_dir.clone(),
            seed_on_empty: !self.no_seed,
            body_limit: self.body_limit,
            rate_limit: (self.rate_per_second > 0).then_some(RateLimit {
                per_second: self.rate_per_second,
                burst: self.rate_burst.max(1),
            }),
            introspection: !self.no_introspection,
            toegang: Toegang {
                anoniem_lezen: !self.no_anonymous_read,
                sessie_duur: std::time::Duration::from_secs(self.session_hours.clamp(1, 24 * 30) * 3600),
                cookie_secure: self.cookie_secure,
                token_rate_limit: (self.token_rate_per_second > 0).then_some(RateLimit {
                    per_second: self.token_rate_per_second,
                    burst: self.token_rate_per_second.saturating_mul(4),
                }),
                aanmeldingen_per_minuut: self.signin_per_minute.max(1),
            },
            metrics_addr: self.metrics_addr,
            webhooks: self.webhooks.settings(),
            verbindingen: Verbindingen {
                max: self.max_connections.max(1),
                max_per_adres: self.max_connections_per_address.max(1),
                header_timeout: std::time::Duration::from_secs(self.header_timeout.max(1)),
                shutdown_timeout: std::time::Duration::from_secs(self.shutdown_timeout),
                drain: std::time::Duration::from_secs(self.shutdown_drain),
            },
            websocket: WebSocket {
                init_timeout: std::time::Duration::from_secs(self.ws_init_timeout.max(1)),
                max_bericht: self.ws_max_message.max(1024),
                max_abonnementen: self.ws_max_subscriptions.max(1),
                operaties: RateLimit {
                    per_second: self.ws_rate_per_second.max(1),
                    burst: self.ws_rate_burst.max(1),
                },
                ..WebSocket::default()
            },
            taken: (self.job_interval > 0).then(|| Taken {
                interval: std::time::Duration::from_secs(self.job_interval),
                lease: std::time::Duration::from_secs(self.job_lease.max(1)),
            }),
            vertrouwde_proxies: self.trusted_proxies.clone(),
            gelijktijdige_verzoeken: self.max_concurrent_requests,
            antwoordcache: (self.answer_cache_ms > 0 && self.answer_cache_mb > 0).then(|| {
                crate::config::Antwoordcache {
                    houdbaar: std::time::Duration::from_millis(self.answer_cache_ms),
                    max_bytes: self.answer_cache_mb * 1024 * 1024,
                }
            }),
            ..Settings::new(common.database_url.clone())
        }
    }
}
