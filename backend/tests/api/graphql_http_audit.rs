//! The GraphQL over HTTP audit of npm's `graphql-http` (`auditServer`, `backend/tests/audit/`) against a served
//! Koers: every check ok, no errors and no warnings.

use crate::helpers::TestApp;
use crate::node;

#[tokio::test]
async fn the_graphql_over_http_audit_passes_without_errors_or_warnings() {
    let dir = node::folder("audit").await;
    let app = TestApp::spawn().await;
    let stdout = node::run(&dir, "audit.mjs", &[&app.url("/graphql")]).await;
    assert!(stdout.contains(" 0 not ok"), "{stdout}");
}
