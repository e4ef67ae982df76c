//! `koers-bench scale`: the same queries on the seed and on a scaled copy (acties generated up to a total over
//! the seed's own opgaven): latency at one connection (overview; actieplan, text search and a full cursor walk
//! per actie returned), SQL statements per request (counted in-process), and the server's RSS under load
//! and after it.

use crate::api::{self, body};
use crate::documenten::ACTIES_QUERY;
use crate::http::{Conn, Prepared};
use crate::load::{self, Probe};
use crate::proces::Koers;
use anyhow::{Context, Result};
use koers_backend::config::GraphqlLimits;
use koers_backend::db::Db;
use koers_backend::graphql::build_schema;
use koers_backend::service::Services;
use koers_backend::toegang::Kijker;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Options of `scale`.
#[derive(clap::Args)]
pub struct ScaleArgs {
    /// Acties in the scaled database.
    #[arg(long, default_value_t = 10_000)]
    pub acties: u64,
    /// Seconds per latency figure.
    #[arg(long, default_value_t = 5)]
    pub seconds: u64,
    /// Seconds of load at 50 connections for the RSS figure.
    #[arg(long, default_value_t = 10)]
    pub load_seconds: u64,
    /// The word the text search looks for.
    #[arg(long, default_value = "jongeren")]
    pub zoek: String,
}

/// The figures of one database.
#[derive(Default)]
struct Figures {
    acties: usize,
    overview_ms: f64,
    /// Per actie returned: actieplan, search, cursor walk.
    actieplan_ms: f64,
    search_ms: f64,
    walk_ms: f64,
    statements: Vec<(&'static str, usize)>,
    rss_rest: f64,
    rss_load: f64,
    rss_after: f64,
}

fn search_body(zoek: &str, after: Option<&str>) -> Vec<u8> {
    let mut vars = json!({ "first": 100, "filter": { "tekst": zoek } });
    if zoek.is_empty() {
        vars = json!({ "first": 100 });
    }
    if let Some(a) = after {
        vars["after"] = json!(a);
    }
    body(ACTIES_QUERY, vars)
}

fn count_acties_in_plan(answer: &[u8]) -> usize {
    let v: Value = serde_json::from_slice(answer).unwrap_or_default();
    v["data"]["actieplan"]["opgaven"]
        .as_array()
        .map(|o| o.iter().map(|o| o["acties"].as_array().map_or(0, Vec::len)).sum())
        .unwrap_or(0)
}

fn nodes(answer: &[u8]) -> (usize, Option<String>) {
    let v: Value = serde_json::from_slice(answer).unwrap_or_default();
    let c = &v["data"]["acties"];
    let n = c["nodes"].as_array().map_or(0, Vec::len);
    let next = (c["pageInfo"]["hasNextPage"] == json!(true))
        .then(|| c["pageInfo"]["endCursor"].as_str().map(str::to_string))
        .flatten();
    (n, next)
}

/// p50 in ms of `req` alone at one connection for `secs`.
async fn p50(addr: &str, req: &[u8], secs: u64) -> Result<f64> {
    let probe = Probe {
        request: Prepared::post_json(addr, "/graphql", req, &[]),
        expect: None,
    };
    let s = load::run(addr, &[probe], 1, Duration::from_secs(secs), None).await?;
    Ok(s[0].quantile_ms(0.5))
}

/// One full cursor walk of `acties(first: 100)`: its time in ms, the acties and pages.
async fn walk(addr: &str) -> Result<(f64, usize, usize)> {
    let mut c = Conn::open(addr).await?;
    let t = Instant::now();
    let (mut total, mut pages, mut after) = (0usize, 0usize, None::<String>);
    loop {
        let req = search_body("", after.as_deref());
        let a = c.send(&Prepared::post_json(addr, "/graphql", &req, &[])).await?;
        let (n, next) = nodes(&a.body);
        total += n;
        pages += 1;
        match next {
            Some(n) if pages < 10_000 => after = Some(n),
            _ => break,
        }
    }
    Ok((t.elapsed().as_secs_f64() * 1000.0, total, pages))
}

/// SQL statements per request of each body, executed in-process on a schema over `url`.
async fn statements(url: &str, bodies: &[(&'static str, Vec<u8>)]) -> Result<Vec<(&'static str, usize)>> {
    let mut db = Db::connect(url).await?;
    let counter = Arc::new(AtomicUsize::new(0));
    let c = counter.clone();
    db.reader.set_metric_callback(move |_| {
        c.fetch_add(1, Ordering::SeqCst);
    });
    let schema = build_schema(Services::new(db), GraphqlLimits::default());
    let mut out = Vec::new();
    for (name, b) in bodies {
        let request: async_graphql::Request = serde_json::from_slice(b)?;
        counter.store(0, Ordering::SeqCst);
        let r = schema.execute(request.data(Kijker::anoniem(true))).await;
        anyhow::ensure!(r.errors.is_empty(), "{name}: {:?}", r.errors);
        out.push((*name, counter.load(Ordering::SeqCst)));
    }
    Ok(out)
}

async fn measure(url: &str, args: &ScaleArgs) -> Result<Figures> {
    let koers = Koers::start(url).await?;
    let addr = koers.addr.clone();
    let pairs = api::record(&addr).await?;
    let plan_acties = count_acties_in_plan(&pairs[1].1).max(1);
    let search = search_body(&args.zoek, None);
    let hits = nodes(&api::fetch(&addr, &search).await?).0.max(1);
    let mut f = Figures {
        overview_ms: p50(&addr, &pairs[0].0, args.seconds).await?,
        actieplan_ms: p50(&addr, &pairs[1].0, args.seconds).await? / plan_acties as f64,
        search_ms: p50(&addr, &search, args.seconds).await? / hits as f64,
        ..Figures::default()
    };
    let (ms, n, pages) = walk(&addr).await?;
    f.walk_ms = ms / n.max(1) as f64;
    f.acties = n;
    println!(
        "  {n} acties visible ({pages} pages of 100); largest plan {plan_acties} acties; {hits} hits for {:?}",
        args.zoek
    );
    // RSS: at rest (after the latency runs), the highest of samples under load, then after 5 s of rest.
    let pid = koers.pid().context("no pid")?;
    f.rss_rest = crate::rss_mb(pid).unwrap_or(0.0);
    let probes = api::probes(&addr, &pairs);
    let top = Arc::new(AtomicUsize::new(0));
    let seen = top.clone();
    let sampler = tokio::spawn(async move {
        loop {
            let kb = (crate::rss_mb(pid).unwrap_or(0.0) * 1024.0) as usize;
            seen.fetch_max(kb, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    load::run(&addr, &probes, 50, Duration::from_secs(args.load_seconds), None).await?;
    sampler.abort();
    f.rss_load = top.load(Ordering::Relaxed) as f64 / 1024.0;
    tokio::time::sleep(Duration::from_secs(5)).await;
    f.rss_after = crate::rss_mb(pid).unwrap_or(0.0);
    koers.stop().await?;
    let walk_first = search_body("", None);
    f.statements = statements(
        url,
        &[
            ("overview", pairs[0].0.clone()),
            ("actieplan", pairs[1].0.clone()),
            ("search", search),
            ("acties page", walk_first),
        ],
    )
    .await?;
    Ok(f)
}

fn row(name: &str, a: f64, b: f64, unit: &str, target: &str) {
    println!(
        "{name:<28} {a:>12.3} {unit:<3} {b:>12.3} {unit:<3} {:>8.2}×   {target}",
        b / a.max(1e-9)
    );
}

/// Runs `scale`.
pub async fn run(args: ScaleArgs) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("koers-bench-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}/koers.db?mode=rwc", dir.display());
    println!("load average before: {}", crate::load_average());
    crate::genereer::run(&url, 0).await?;
    println!("seed:");
    let seed = measure(&url, &args).await?;
    let added = crate::genereer::run(&url, args.acties).await?;
    println!("scaled ({added} acties generated, {} in all):", args.acties);
    let big = measure(&url, &args).await?;
    println!();
    println!(
        "{:<28} {:>16} {:>16} {:>9}   target",
        "", "seed", "scaled", "ratio"
    );
    row("acties visible", seed.acties as f64, big.acties as f64, "", "");
    row("overview p50", seed.overview_ms, big.overview_ms, "ms", "≤ 1.5×");
    row(
        "actieplan p50 per actie",
        seed.actieplan_ms,
        big.actieplan_ms,
        "ms",
        "≤ 2×",
    );
    row("search p50 per hit", seed.search_ms, big.search_ms, "ms", "≤ 2×");
    row("cursor walk per actie", seed.walk_ms, big.walk_ms, "ms", "≤ 2×");
    for ((name, a), (_, b)) in seed.statements.iter().zip(&big.statements) {
        row(
            &format!("statements: {name}"),
            *a as f64,
            *b as f64,
            "",
            "constant",
        );
    }
    row("RSS at rest (before load)", seed.rss_rest, big.rss_rest, "MB", "");
    row(
        "RSS under load (highest)",
        seed.rss_load,
        big.rss_load,
        "MB",
        "≤ 64 MB",
    );
    row(
        "RSS 5 s after load",
        seed.rss_after,
        big.rss_after,
        "MB",
        "back to rest",
    );
    println!("load average after: {}", crate::load_average());
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
