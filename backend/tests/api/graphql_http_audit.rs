//! The GraphQL over HTTP audit of npm's `graphql-http` (`auditServer`, `backend/tests/audit/`) against a served
//! Koers: every check ok, no errors and no warnings. Needs node and npm (as the front-end build does); installs
//! the audit's packages with `npm ci` when they are missing.

use crate::helpers::TestApp;
use std::path::Path;
use std::time::Duration;
use tokio::process::Command;

/// `npm ci` in `dir` unless its node_modules were installed from the same lockfile.
async fn npm_ci(dir: &Path) {
    let lock = std::fs::read(dir.join("package-lock.json")).expect("package-lock.json");
    let stamp = dir.join("node_modules/.koers-lock");
    if std::fs::read(&stamp).is_ok_and(|s| s == lock) {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(dir)
        .status()
        .await
        .expect("npm is installed (the front-end build needs it too)");
    assert!(status.success(), "npm ci in {}", dir.display());
    std::fs::write(stamp, lock).unwrap();
}

#[tokio::test]
async fn the_graphql_over_http_audit_passes_without_errors_or_warnings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/audit");
    npm_ci(&dir).await;
    let app = TestApp::spawn().await;
    let run = Command::new("node")
        .arg("audit.mjs")
        .arg(app.url("/graphql"))
        .current_dir(&dir)
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(180), run)
        .await
        .expect("the audit finishes within 3 minutes")
        .expect("node is installed (the front-end build needs it too)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(" 0 not ok"), "{stdout}");
}
