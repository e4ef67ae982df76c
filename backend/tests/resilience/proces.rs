//! The real `koers` binary as a child process: one-shot commands (`backup`, `restore`) and `koers serve` on a
//! free port, which a test can SIGKILL and start again, or starve of disk space (a lowered file-size limit).

use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// Whether this run's databases are on PostgreSQL (`KOERS_TEST_DATABASE_URL=postgres://…`).
pub fn on_postgres() -> bool {
    std::env::var("KOERS_TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"))
}

/// A port that was free a moment ago: bound to 127.0.0.1:0 and released.
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    l.local_addr().expect("local addr").port()
}

fn koers_command(database_url: &str, cwd: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_koers"));
    c.current_dir(cwd)
        .env("DATABASE_URL", database_url)
        .env("KOERS_LOG", "warn")
        .env_remove("KOERS_LOG_JSON")
        .env_remove("KOERS_SEED_FILE")
        .env_remove("KOERS_NO_SEED")
        .kill_on_drop(true);
    c
}

/// Runs `koers args…` against `database_url` in `cwd`; returns its output.
pub async fn koers(database_url: &str, cwd: &Path, args: &[&str]) -> Output {
    koers_command(database_url, cwd)
        .args(args)
        .output()
        .await
        .expect("koers runs")
}

/// stdout and stderr of a finished command, for assertions and failure messages.
pub fn text(out: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A client of one running Koers (cheap to clone; workers share it while the test holds the process).
#[derive(Clone)]
pub struct Api {
    /// Where Koers listens.
    pub addr: SocketAddr,
    /// A client with a request timeout.
    pub client: reqwest::Client,
    /// An API token that may change everything, made with `koers token create`.
    pub token: String,
}

impl Api {
    /// `http://addr/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Posts a GraphQL request; an error when the server cannot be reached or does not answer with JSON.
    pub async fn gql(&self, query: &str, variables: Value) -> Result<(reqwest::StatusCode, Value), String> {
        let r = self
            .client
            .post(self.url("/graphql"))
            .bearer_auth(&self.token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = r.status();
        let body = r.json().await.map_err(|e| e.to_string())?;
        Ok((status, body))
    }

    /// Posts a GraphQL request that must succeed; returns `data`.
    pub async fn data(&self, query: &str, variables: Value) -> Value {
        let (status, r) = self.gql(query, variables).await.expect("request");
        assert!(
            status.is_success() && r.get("errors").is_none(),
            "unexpected answer {status}: {r:#}"
        );
        r["data"].clone()
    }
}

/// Lowers (`Some(bytes)`) or lifts (`None`) the soft file-size limit (`RLIMIT_FSIZE`) of the running process
/// `pid`, with util-linux `prlimit`: a write past the limit fails as on a full disk (the server is started
/// with SIGXFSZ ignored, see [`Server::start_with_limit`]).
pub fn file_size_limit(pid: u32, bytes: Option<u64>) {
    let limit = bytes.map_or_else(|| "unlimited".to_string(), |b| b.to_string());
    let out = std::process::Command::new("prlimit")
        .arg(format!("--pid={pid}"))
        .arg(format!("--fsize={limit}:"))
        .output()
        .expect("prlimit (util-linux) runs");
    assert!(
        out.status.success(),
        "prlimit: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `koers serve` running as a child process.
pub struct Server {
    child: Child,
    log: PathBuf,
    /// Its API.
    pub api: Api,
}

impl Server {
    /// Starts `koers serve` on `database_url` (migrates; seeds an empty database) on a free port and waits until
    /// `/readyz` says ready, with a fresh write token from `koers token create`. Its stderr goes to a log file in
    /// `work`.
    pub async fn start(database_url: &str, work: &Path) -> Server {
        Self::launch(database_url, work, false, &[]).await
    }

    /// As [`Self::start`], with extra environment variables for `koers serve`.
    pub async fn start_with(database_url: &str, work: &Path, env: &[(&str, &str)]) -> Server {
        Self::launch(database_url, work, false, env).await
    }

    /// [`Server::start`], with SIGXFSZ ignored, so that a lowered [`file_size_limit`] makes writes fail with
    /// `EFBIG` (as `ENOSPC` on a full disk) instead of killing the process.
    pub async fn start_with_limit(database_url: &str, work: &Path) -> Server {
        Self::launch(database_url, work, true, &[]).await
    }

    async fn launch(database_url: &str, work: &Path, ignore_sigxfsz: bool, env: &[(&str, &str)]) -> Server {
        let out = koers(
            database_url,
            work,
            &[
                "token",
                "create",
                "--naam",
                "Burst",
                "--schrijven",
                "--vertrouwelijk",
                "--dagen",
                "1",
            ],
        )
        .await;
        assert!(out.status.success(), "koers token create: {}", text(&out));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let token = stdout.lines().next().unwrap_or_default().trim().to_string();
        assert!(
            token.starts_with("koers_"),
            "a token on the first line: {}",
            text(&out)
        );
        let port = free_port();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let log = work.join(format!("koers-{port}.log"));
        let mut command = if ignore_sigxfsz {
            // An ignored signal stays ignored across exec.
            let mut c = koers_command(database_url, work);
            let c = c.as_std_mut();
            let mut sh = Command::new("sh");
            sh.arg("-c")
                .arg(r#"trap '' XFSZ; exec "$0" serve"#)
                .arg(c.get_program())
                .current_dir(work)
                .kill_on_drop(true);
            for (k, v) in c.get_envs() {
                match v {
                    Some(v) => sh.env(k, v),
                    None => sh.env_remove(k),
                };
            }
            sh
        } else {
            let mut c = koers_command(database_url, work);
            c.arg("serve");
            c
        };
        // stderr goes through this process to the log file: the server's own file-size limit must not stop it.
        let (from_server, to_log) = std::io::pipe().unwrap();
        let mut file = std::fs::File::create(&log).unwrap();
        std::thread::spawn(move || {
            let mut from_server = from_server;
            std::io::copy(&mut from_server, &mut file)
        });
        let child = command
            .env("KOERS_ADDR", addr.to_string())
            .env("KOERS_STATIC_DIR", work.join("static"))
            // The bursts of these tests are far above any per-client or per-token rate limit; that is not what is under test.
            .env("KOERS_RATE_PER_SECOND", "0")
            .env("KOERS_TOKEN_RATE_PER_SECOND", "0")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::from(to_log))
            .spawn()
            .expect("koers serve starts");
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        let mut server = Server {
            child,
            log,
            api: Api { addr, client, token },
        };
        server.wait_ready(Duration::from_secs(120)).await;
        server
    }

    async fn wait_ready(&mut self, within: Duration) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "koers serve stopped ({status}) before it was ready:\n{}",
                    self.log()
                );
            }
            if let Ok(r) = self.api.client.get(self.api.url("/readyz")).send().await
                && r.status().is_success()
            {
                return;
            }
            assert!(
                start.elapsed() < within,
                "koers serve not ready within {within:?}:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// What the server logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id().expect("koers serve runs")
    }

    /// SIGKILL (`Child::kill`): no graceful shutdown, no flushing, nothing; waits until the process is gone.
    pub async fn kill(&mut self) {
        self.child.kill().await.expect("SIGKILL koers");
    }

    /// SIGTERM (as a service manager stops Koers); waits at most `within` for the process to exit and returns
    /// how long it took, or `None` when it was still running then.
    pub async fn terminate(&mut self, within: Duration) -> Option<Duration> {
        let pid = self.child.id().expect("koers still runs").to_string();
        let begun = Instant::now();
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill -TERM");
        assert!(status.success(), "kill -TERM {pid}");
        match tokio::time::timeout(within, self.child.wait()).await {
            Ok(_) => Some(begun.elapsed()),
            Err(_) => None,
        }
    }
}
