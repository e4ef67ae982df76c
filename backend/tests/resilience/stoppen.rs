//! Stopping: a SIGTERM ends `koers serve` within its shutdown deadline, also while slow clients hold
//! connections that never finish their headers.

use crate::helpers::fresh_database;
use crate::proces::Server;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

#[tokio::test]
async fn sigterm_ends_koers_within_its_deadline_despite_slow_clients() {
    let (url, _db_dir) = fresh_database().await;
    let work = tempfile::tempdir().unwrap();
    let mut server = Server::start_with(
        &url,
        work.path(),
        &[("KOERS_SHUTDOWN_TIMEOUT", "2"), ("KOERS_HEADER_TIMEOUT", "120")],
    )
    .await;
    let mut slow = Vec::new();
    for _ in 0..20 {
        let mut s = TcpStream::connect(server.api.addr).await.unwrap();
        s.write_all(b"GET /healthz HTTP/1.1\r\nHost: koers\r\nX-Langzaam: ")
            .await
            .unwrap();
        slow.push(s);
    }
    let took = server
        .terminate(Duration::from_secs(60))
        .await
        .unwrap_or_else(|| panic!("koers still runs a minute after SIGTERM:\n{}", server.log()));
    assert!(
        took < Duration::from_secs(15),
        "SIGTERM took {took:?}, the deadline is 2 s:\n{}",
        server.log()
    );
}
