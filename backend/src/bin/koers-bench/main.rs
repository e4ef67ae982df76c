//! `koers-bench`: load figures for Koers, printed, never asserted. `api` compares the dashboard's queries
//! against a same-bytes axum server, `scale` the seed against a generated large one (`gen`); the
//! `.ci/bench-*.sh` scripts build and call it.

mod api;
mod genereer;
mod http;
mod load;
mod proces;
mod same;
mod scale;
mod writes;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[path = "../../../../frontend/src/model/documenten.rs"]
#[allow(dead_code)]
mod documenten;

/// Load figures for Koers.
#[derive(Parser)]
#[command(name = "koers-bench")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The overview and actieplan queries alternately against Koers and a same-bytes axum server.
    Api(api::ApiArgs),
    /// Latency, statements and RSS on the seed and on a scaled copy (starts Koers itself).
    Scale(scale::ScaleArgs),
    /// Progress reports one after the other on SQLite (starts Koers itself).
    Writes(writes::WritesArgs),
    /// Fill a database with generated acties up to a total (seeding it first when empty).
    Gen {
        /// The database, e.g. `sqlite://koers.db?mode=rwc`.
        #[arg(long)]
        database_url: String,
        /// Acties in all.
        #[arg(long, default_value_t = 10_000)]
        acties: u64,
    },
    /// Serve recorded answers (started by `api` as its own process).
    ServeBytes {
        /// Folder with `N.req` / `N.res` pairs.
        #[arg(long)]
        dir: PathBuf,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::ServeBytes { dir } => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?
            .block_on(same::serve(&dir)),
        // One thread for the load generator: it leaves the other core to the server under test.
        Command::Api(args) => client()?.block_on(api::run(args)),
        Command::Scale(args) => client()?.block_on(scale::run(args)),
        Command::Writes(args) => client()?.block_on(writes::run(args)),
        Command::Gen { database_url, acties } => client()?.block_on(async {
            let n = genereer::run(&database_url, acties).await?;
            println!("{n} acties toegevoegd");
            Ok(())
        }),
    }
}

fn client() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

/// The machine's load average, to say under what load a figure was taken.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// The resident set size of process `pid` in MB, from /proc.
pub fn rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
