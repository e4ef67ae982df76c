//! The ceiling: a minimal axum server that answers each recorded request body with the bytes Koers answered
//! it with, so that the ratio Koers / this server shows what Koers adds on top of its own HTTP stack.

use anyhow::{Context, Result};
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Writes the request/answer pairs to `dir` (`N.req`, `N.res`).
pub fn save(dir: &Path, pairs: &[(Vec<u8>, Vec<u8>)]) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, (req, res)) in pairs.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.req")), req)?;
        std::fs::write(dir.join(format!("{i}.res")), res)?;
    }
    Ok(())
}

fn load(dir: &Path) -> Result<HashMap<Vec<u8>, Bytes>> {
    let mut map = HashMap::new();
    for i in 0.. {
        let req = dir.join(format!("{i}.req"));
        if !req.exists() {
            break;
        }
        let res = std::fs::read(dir.join(format!("{i}.res")))?;
        map.insert(std::fs::read(&req)?, Bytes::from(res));
    }
    Ok(map)
}

/// Serves the pairs in `dir` on a free loopback port (printed on the first line of standard output) until
/// standard input closes.
pub async fn serve(dir: &Path) -> Result<()> {
    let answers = Arc::new(load(dir).context("reading the recorded answers")?);
    let app = axum::Router::new().route(
        "/graphql",
        post(move |body: Bytes| {
            let answers = answers.clone();
            async move {
                match answers.get(body.as_ref()) {
                    Some(b) => (
                        StatusCode::OK,
                        [(header::CONTENT_TYPE, "application/json")],
                        b.clone(),
                    )
                        .into_response(),
                    None => StatusCode::NOT_FOUND.into_response(),
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let mut out = std::io::stdout();
    writeln!(out, "{}", listener.local_addr()?)?;
    out.flush()?;
    // Ends when the parent closes our standard input (or dies).
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut sink);
        let _ = tx.send(());
    });
    let stop = async {
        let _ = rx.await;
    };
    axum::serve(listener, app).with_graceful_shutdown(stop).await?;
    Ok(())
}
