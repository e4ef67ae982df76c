//! Closed-loop load: `connections` kept-alive connections each send the next request as soon as the previous
//! answer is in, cycling through the given requests, until the time is up; every answer is checked.

use crate::http::{Conn, Prepared};
use anyhow::Result;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A request and what it must answer (`None`: any 200). async-graphql 7.2 puts an object's fields in the
/// order they finish resolving, so an answer is checked by its length and its start, not byte for byte.
#[derive(Clone)]
pub struct Probe {
    /// The request.
    pub request: Prepared,
    /// The expected body.
    pub expect: Option<Arc<Vec<u8>>>,
}

/// What one run measured.
pub struct Stats {
    /// Answers that were right.
    pub ok: u64,
    /// Answers that were wrong or failed.
    pub errors: u64,
    /// Wall time of the run.
    pub elapsed: Duration,
    /// Every right answer's latency in microseconds, sorted.
    pub latencies: Vec<u64>,
}

impl Stats {
    /// Right answers per second.
    pub fn rate(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The `q` quantile (0–1) of the latency in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies.len() - 1) as f64 * q).round() as usize;
        self.latencies[i.min(self.latencies.len() - 1)] as f64 / 1000.0
    }

    /// `req/s, p50, p99` on one line.
    pub fn line(&self) -> String {
        format!(
            "{:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  ({} ok, {} errors)",
            self.rate(),
            self.quantile_ms(0.50),
            self.quantile_ms(0.99),
            self.ok,
            self.errors
        )
    }
}

/// Runs the load for `duration` (or until `max_requests` answers in all, when given) on `connections`
/// connections to `addr`, each starting at a different request of `probes`; one [`Stats`] per probe.
pub async fn run(
    addr: &str,
    probes: &[Probe],
    connections: usize,
    duration: Duration,
    max_requests: Option<u64>,
) -> Result<Vec<Stats>> {
    let probes: Arc<Vec<Probe>> = Arc::new(probes.to_vec());
    let start = Instant::now();
    let deadline = start + duration;
    let per_conn = max_requests.map(|m| m.div_ceil(connections as u64));
    let mut tasks = Vec::new();
    for i in 0..connections {
        let probes = probes.clone();
        let addr = addr.to_string();
        tasks.push(tokio::spawn(async move {
            one_connection(&addr, &probes, i, deadline, per_conn).await
        }));
    }
    let mut stats: Vec<Stats> = probes
        .iter()
        .map(|_| Stats {
            ok: 0,
            errors: 0,
            elapsed: Duration::ZERO,
            latencies: Vec::new(),
        })
        .collect();
    for t in tasks {
        for (s, (ok, errors, lat)) in stats.iter_mut().zip(t.await??) {
            s.ok += ok;
            s.errors += errors;
            s.latencies.extend(lat);
        }
    }
    let elapsed = start.elapsed();
    for s in &mut stats {
        s.elapsed = elapsed;
        s.latencies.sort_unstable();
    }
    Ok(stats)
}

/// Per probe: right answers, wrong ones, latencies.
type Tally = Vec<(u64, u64, Vec<u64>)>;

async fn one_connection(
    addr: &str,
    probes: &[Probe],
    first: usize,
    deadline: Instant,
    max: Option<u64>,
) -> Result<Tally> {
    let mut conn = Conn::open(addr).await?;
    let mut tally: Tally = probes.iter().map(|_| (0, 0, Vec::new())).collect();
    let mut i = first;
    let mut sent = 0u64;
    while Instant::now() < deadline && max.is_none_or(|m| sent < m) {
        let k = i % probes.len();
        let p = &probes[k];
        i += 1;
        sent += 1;
        let t = Instant::now();
        let entry = &mut tally[k];
        match conn.send(&p.request).await {
            Ok(a) if a.status == 200 && p.expect.as_ref().is_none_or(|e| same(e, &a.body)) => {
                entry.0 += 1;
                entry.2.push(t.elapsed().as_micros() as u64);
            }
            Ok(_) => entry.1 += 1,
            Err(_) => {
                entry.1 += 1;
                conn = Conn::open(addr).await?;
            }
        }
    }
    Ok(tally)
}

/// Whether `got` is `expected` up to the order of fields: as long, and data without errors.
fn same(expected: &[u8], got: &[u8]) -> bool {
    got.len() == expected.len() && got.starts_with(b"{\"data\":")
}
