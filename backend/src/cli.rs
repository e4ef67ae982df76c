//! Command line of the `koers` binary: `serve`, `migrate`, `seed`, `backup` and `restore`, configured by flags or
//! the environment.

use crate::config::{DEFAULT_ADDR, DEFAULT_DATABASE_URL, RateLimit, Settings};
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
            ..Settings::new(common.database_url.clone())
        }
    }
}
