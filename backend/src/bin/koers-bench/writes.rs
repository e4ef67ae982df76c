//! `koers-bench writes`: progress reports one after the other (each waits for the answer before the next),
//! by an API token with write rights, on a fresh seeded SQLite file; prints reports/s, p50, p99 and the SQL
//! statements one report costs (counted in-process).

use crate::api::body;
use crate::documenten::VOORTGANG_MUTATIE;
use crate::http::{Conn, Prepared};
use crate::proces::Koers;
use anyhow::{Context, Result, bail};
use koers_backend::cli::TokenCommand;
use koers_backend::db::Db;
use koers_backend::entities::actie;
use koers_backend::graphql::build_schema;
use koers_backend::service::Services;
use koers_backend::toegang::Kijker;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Options of `writes`.
#[derive(clap::Args)]
pub struct WritesArgs {
    /// Seconds of reports.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
}

/// The id and version of a planned actie (its progress may be anything from 0 to 99).
async fn an_actie(url: &str) -> Result<(i32, i32)> {
    let db = Db::connect(url).await?;
    let a = actie::Entity::find()
        .filter(actie::Column::Status.eq(koers_shared::Status::Gepland.as_str()))
        .one(&db.reader)
        .await?;
    let a = match a {
        Some(a) => a,
        None => actie::Entity::find()
            .one(&db.reader)
            .await?
            .context("no acties")?,
    };
    Ok((a.id, a.versie))
}

fn report(id: &str, versie: i64, n: u64) -> Vec<u8> {
    body(
        VOORTGANG_MUTATIE,
        json!({ "invoer": { "id": id, "versie": versie, "voortgang": (n % 100) as i64,
            "toelichting": format!("meting {n}") } }),
    )
}

/// Statements of one report, executed in-process.
async fn statements(url: &str, id: &str, versie: i64) -> Result<usize> {
    let mut db = Db::connect(url).await?;
    let counter = Arc::new(AtomicUsize::new(0));
    for conn in [&mut db.reader, &mut db.writer] {
        let c = counter.clone();
        conn.set_metric_callback(move |_| {
            c.fetch_add(1, Ordering::SeqCst);
        });
    }
    let schema = build_schema(Services::new(db), Default::default());
    let request: async_graphql::Request = serde_json::from_slice(&report(id, versie, 1))?;
    let r = schema.execute(request.data(Kijker::systeem("bench"))).await;
    anyhow::ensure!(r.errors.is_empty(), "{:?}", r.errors);
    Ok(counter.load(Ordering::SeqCst))
}

/// Runs `writes`.
pub async fn run(args: WritesArgs) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("koers-bench-writes-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}/koers.db?mode=rwc", dir.display());
    crate::genereer::run(&url, 0).await?;
    let cmd = TokenCommand::Create {
        naam: "bench".into(),
        schrijven: true,
        vertrouwelijk: true,
        themas: vec![],
        dagen: 1,
    };
    let out = koers_backend::beheer::token(&url, &cmd).await?;
    let token = out.lines().next().context("no token")?.trim().to_string();
    let (id, versie) = an_actie(&url).await?;
    let koers = Koers::start(&url).await?;
    let addr = koers.addr.clone();
    let gid = koers_backend::graphql::ids::encode(koers_backend::graphql::ids::Soort::Actie, id).0;
    let auth = [format!("Authorization: Bearer {token}")];
    let mut conn = Conn::open(&addr).await?;
    let mut versie = i64::from(versie);
    let mut lat = Vec::new();
    println!("load average before: {}", crate::load_average());
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < Duration::from_secs(args.seconds) {
        let req = Prepared::post_json(&addr, "/graphql", &report(&gid, versie, n), &auth);
        let t = Instant::now();
        let a = conn.send(&req).await?;
        lat.push(t.elapsed().as_micros() as u64);
        let v: Value = serde_json::from_slice(&a.body)?;
        match v["data"]["actieVoortgangRapporteren"]["versie"].as_i64() {
            Some(nieuw) => versie = nieuw,
            None => bail!("report {n} failed: {v}"),
        }
        n += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    koers.stop().await?;
    lat.sort_unstable();
    let q = |p: f64| lat[((lat.len() - 1) as f64 * p) as usize] as f64 / 1000.0;
    println!(
        "progress reports, sequential, SQLite: {:.0}/s  p50 {:.2} ms  p99 {:.2} ms  ({n} reports)",
        n as f64 / secs,
        q(0.5),
        q(0.99)
    );
    println!(
        "SQL statements per report: {}",
        statements(&url, &gid, versie).await?
    );
    println!("load average after: {}", crate::load_average());
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
