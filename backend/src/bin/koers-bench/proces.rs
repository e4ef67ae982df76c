//! A Koers under test as its own process (the release binary next to this one), on a given database, on a
//! free loopback port, without rate limits; stopped when dropped.

use crate::http::{Conn, Prepared};
use anyhow::{Context, Result, bail};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// A running Koers.
pub struct Koers {
    child: tokio::process::Child,
    /// `127.0.0.1:port`.
    pub addr: String,
}

impl Koers {
    /// Starts the `koers` binary beside this one on `database_url` and waits (up to 60 s) until it is ready.
    pub async fn start(database_url: &str) -> Result<Koers> {
        let bin = std::env::current_exe()?.with_file_name("koers");
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let addr = format!("127.0.0.1:{port}");
        let child = tokio::process::Command::new(&bin)
            .args([
                "--database-url",
                database_url,
                "--log",
                "warn",
                "serve",
                "--addr",
                &addr,
            ])
            .args(["--static-dir", "/nonexistent", "--rate-per-second", "0"])
            .args([
                "--token-rate-per-second",
                "0",
                "--max-connections-per-address",
                "1024",
            ])
            .stdout(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {}", bin.display()))?;
        let mut koers = Koers { child, addr };
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if koers.child.try_wait()?.is_some() {
                bail!("Koers stopped at start");
            }
            if koers.ready().await {
                return Ok(koers);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("Koers did not become ready within 60 s")
    }

    async fn ready(&self) -> bool {
        let Ok(mut c) = Conn::open(&self.addr).await else {
            return false;
        };
        c.send(&Prepared::get(&self.addr, "/readyz"))
            .await
            .is_ok_and(|a| a.status == 200)
    }

    /// Its process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Stops it with SIGTERM (SIGKILL after 15 s).
    pub async fn stop(mut self) -> Result<()> {
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill").arg(pid.to_string()).status();
        }
        match tokio::time::timeout(Duration::from_secs(15), self.child.wait()).await {
            Ok(r) => {
                r?;
            }
            Err(_) => self.child.kill().await?,
        }
        Ok(())
    }
}
