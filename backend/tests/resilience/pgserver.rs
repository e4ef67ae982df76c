//! A throwaway PostgreSQL 15 server that a test owns and may stop and start again, like `.ci/pg.sh` does it:
//! initdb/pg_ctl from `/usr/lib/postgresql/15/bin`, run as the `postgres` user when we are root, in its own temp
//! dir, on a free port, listening on 127.0.0.1 only, trust authentication.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where Debian puts the PostgreSQL 15 server programs.
pub const PG_BIN: &str = "/usr/lib/postgresql/15/bin";

/// A PostgreSQL server in a temp dir; stopped (immediately) when dropped.
pub struct PgServer {
    dir: tempfile::TempDir,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

fn bin(program: &str) -> PathBuf {
    Path::new(PG_BIN).join(program)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `program args…`, as the `postgres` user when we are root (PostgreSQL refuses to run as root).
fn as_pg(program: &Path, args: &[&str]) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program).args(args);
        c
    } else {
        let mut c = Command::new(program);
        c.args(args);
        c
    }
}

fn run(mut c: Command, what: &str) {
    let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

impl PgServer {
    /// Whether the PostgreSQL server programs are installed.
    pub fn available() -> bool {
        bin("pg_ctl").exists() && bin("initdb").exists()
    }

    /// Creates a cluster in a new temp dir and starts it on a free port.
    pub fn init() -> PgServer {
        let dir = tempfile::Builder::new()
            .prefix("koers-pg-own-")
            .tempdir()
            .expect("temp dir");
        if is_root() {
            let mut c = Command::new("chown");
            c.arg("postgres:postgres").arg(dir.path());
            run(c, "chown the PostgreSQL dir");
        }
        let data = dir.path().join("data");
        let data = data.to_str().unwrap();
        run(
            as_pg(
                &bin("initdb"),
                &[
                    "-D",
                    data,
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "--no-sync",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ],
            ),
            "initdb",
        );
        let server = PgServer {
            port: crate::proces::free_port(),
            dir,
        };
        server.start();
        server
    }

    fn data(&self) -> String {
        self.dir.path().join("data").to_str().unwrap().to_string()
    }

    /// Starts the server (again) on its port and waits until it accepts connections.
    pub fn start(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log");
        run(
            as_pg(
                &bin("pg_ctl"),
                &[
                    "-D",
                    &self.data(),
                    "-l",
                    log.to_str().unwrap(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    &options,
                    "start",
                ],
            ),
            "pg_ctl start",
        );
    }

    /// Stops the server: `fast` disconnects every client and shuts down cleanly.
    pub fn stop(&self) {
        run(
            as_pg(&bin("pg_ctl"), &["-D", &self.data(), "-m", "fast", "-w", "stop"]),
            "pg_ctl stop",
        );
    }

    /// The URL of database `db` on this server.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        if self.dir.path().join("data/postmaster.pid").exists() {
            let _ = as_pg(
                &bin("pg_ctl"),
                &["-D", &self.data(), "-m", "immediate", "-w", "stop"],
            )
            .output();
        }
    }
}
