//! `koers-bench api`: records Koers' answers to the overview and the largest actieplan query, starts a
//! same-bytes axum server with them, loads both servers alternately with the two queries and prints req/s,
//! p50, p99 and the ratio Koers / ceiling per query.

use crate::documenten::{ACTIEPLAN_QUERY, OVERZICHT_QUERY};
use crate::http::{Conn, Prepared};
use crate::load::{self, Probe, Stats};
use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncBufReadExt;

/// Options of `api`.
#[derive(clap::Args)]
pub struct ApiArgs {
    /// A running Koers (`host:port`) serving the seed; without it the bench starts one on a fresh database.
    #[arg(long)]
    pub addr: Option<String>,
    /// Seconds of load per server.
    #[arg(long, default_value_t = 20)]
    pub seconds: u64,
    /// Connections at once.
    #[arg(long, default_value_t = 50)]
    pub connections: usize,
    /// Seconds of warm-up per server, not counted.
    #[arg(long, default_value_t = 2)]
    pub warmup: u64,
    /// The process id of the Koers at `addr`, to print its RSS after the load.
    #[arg(long)]
    pub pid: Option<u32>,
}

/// A GraphQL request body.
pub fn body(query: &str, variables: Value) -> Vec<u8> {
    json!({ "query": query, "variables": variables })
        .to_string()
        .into_bytes()
}

/// Sends one request body to `/graphql` at `addr` and answers the body of a 200.
pub async fn fetch(addr: &str, body: &[u8]) -> Result<Vec<u8>> {
    let mut c = Conn::open(addr).await?;
    let a = c.send(&Prepared::post_json(addr, "/graphql", body, &[])).await?;
    if a.status != 200 {
        bail!("status {} from {addr}", a.status);
    }
    Ok(a.body)
}

/// The ids of every plan in an overview answer.
pub fn plan_ids(overview: &[u8]) -> Result<Vec<String>> {
    let v: Value = serde_json::from_slice(overview)?;
    if v.get("errors").is_some() {
        bail!("the overview failed: {v}");
    }
    let themas = v["data"]["themas"].as_array().context("no themas")?;
    Ok(themas
        .iter()
        .flat_map(|t| t["actieplannen"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p["id"].as_str().map(str::to_string))
        .collect())
}

/// The overview's request and answer, and the request and answer of the plan with the largest answer.
pub async fn record(addr: &str) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
    // As the board asks it: the roll-ups at a meeting a month ago, the overdue acties today, a year's trend.
    let nu = chrono::Utc::now();
    let trend_van = (nu - chrono::TimeDelta::days(365))
        .date_naive()
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    let vorige = (nu - chrono::TimeDelta::days(30))
        .date_naive()
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    let ov_req = body(
        OVERZICHT_QUERY,
        json!({ "vorige": vorige, "peildatum": nu.date_naive(), "weken": 4, "trendVan": trend_van }),
    );
    let ov = fetch(addr, &ov_req).await?;
    let mut best: Option<(Vec<u8>, Vec<u8>)> = None;
    for id in plan_ids(&ov)? {
        let req = body(ACTIEPLAN_QUERY, json!({ "id": id }));
        let res = fetch(addr, &req).await?;
        if best.as_ref().is_none_or(|(_, b)| res.len() > b.len()) {
            best = Some((req, res));
        }
    }
    let best = best.context("the overview has no plans")?;
    Ok(vec![(ov_req, ov), best])
}

/// The probes that send `pairs` and check their answers.
pub fn probes(addr: &str, pairs: &[(Vec<u8>, Vec<u8>)]) -> Vec<Probe> {
    pairs
        .iter()
        .map(|(req, res)| Probe {
            request: Prepared::post_json(addr, "/graphql", req, &[]),
            expect: Some(Arc::new(res.clone())),
        })
        .collect()
}

async fn measure(addr: &str, probes: &[Probe], args: &ApiArgs) -> Result<Vec<Stats>> {
    if args.warmup > 0 {
        load::run(
            addr,
            probes,
            args.connections,
            Duration::from_secs(args.warmup),
            None,
        )
        .await?;
    }
    load::run(
        addr,
        probes,
        args.connections,
        Duration::from_secs(args.seconds),
        None,
    )
    .await
}

/// Runs `api`.
pub async fn run(mut args: ApiArgs) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("koers-bench-{}", std::process::id()));
    let mut own = None;
    let addr = match args.addr.clone() {
        Some(a) => a,
        None => {
            std::fs::create_dir_all(&dir)?;
            let url = format!("sqlite://{}/koers.db?mode=rwc", dir.display());
            crate::genereer::run(&url, 0).await?;
            let k = crate::proces::Koers::start(&url).await?;
            args.pid = k.pid();
            let a = k.addr.clone();
            own = Some(k);
            a
        }
    };
    let result = compare(&addr, &args, &dir).await;
    if let Some(k) = own {
        k.stop().await?;
    }
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn compare(addr: &str, args: &ApiArgs, dir: &std::path::Path) -> Result<()> {
    let pairs = record(addr).await.context("recording Koers' answers")?;
    let dir = dir.join("antwoorden");
    crate::same::save(&dir, &pairs)?;
    let mut child = tokio::process::Command::new(std::env::current_exe()?)
        .arg("serve-bytes")
        .arg("--dir")
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let stdout = child.stdout.take().context("no stdout")?;
    let mut line = String::new();
    tokio::io::BufReader::new(stdout).read_line(&mut line).await?;
    let same_addr = line.trim().to_string();
    println!(
        "load average before: {} · {} connections, {} s per server (+{} s warm-up), queries alternately",
        crate::load_average(),
        args.connections,
        args.seconds,
        args.warmup
    );
    let koers = measure(addr, &probes(addr, &pairs), args).await?;
    let rss = args.pid.and_then(crate::rss_mb);
    let same = measure(&same_addr, &probes(&same_addr, &pairs), args).await?;
    println!(
        "{:<10} {:>8}  {:<62} {:<62} {:>7}",
        "query", "bytes", "Koers", "same bytes (axum)", "ratio"
    );
    for (i, name) in ["overview", "actieplan"].iter().enumerate() {
        println!(
            "{:<10} {:>8}  {:<62} {:<62} {:>6.1}%",
            name,
            pairs[i].1.len(),
            koers[i].line(),
            same[i].line(),
            100.0 * koers[i].rate() / same[i].rate().max(1e-9)
        );
    }
    if let Some(mb) = rss {
        println!("Koers RSS at the end of its load: {mb:.1} MB");
    }
    println!("load average after: {}", crate::load_average());
    drop(child);
    Ok(())
}
