//! Node scripts of the tests (`backend/tests/audit/`, `clients/`, `webhooks/`): their npm packages, installed
//! with `npm ci` when missing (one installation at a time), and a run with a deadline.

use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::process::Command;
use tokio::sync::Mutex;

static NPM: Mutex<()> = Mutex::const_new(());

/// The folder `backend/tests/<name>`, its packages installed from its lockfile.
pub async fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name);
    let _one = NPM.lock().await;
    let lock = std::fs::read(dir.join("package-lock.json")).expect("package-lock.json");
    let stamp = dir.join("node_modules/.koers-lock");
    if !std::fs::read(&stamp).is_ok_and(|s| s == lock) {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .status()
            .await
            .expect("npm is installed (the front-end build needs it too)");
        assert!(status.success(), "npm ci in {}", dir.display());
        std::fs::write(stamp, lock).unwrap();
    }
    dir
}

/// Runs `node script args…` in `dir`; its stdout, after asserting it exited 0 within three minutes.
pub async fn run(dir: &Path, script: &str, args: &[&str]) -> String {
    let run = Command::new("node")
        .arg(script)
        .args(args)
        .current_dir(dir)
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(180), run)
        .await
        .expect("the script finishes within 3 minutes")
        .expect("node is installed (the front-end build needs it too)");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "node {script}: {stdout}\n{stderr}");
    stdout
}
