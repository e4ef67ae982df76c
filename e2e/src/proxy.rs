//! A TCP proxy between the browser and Koers, so that a test can cut every connection and later accept them
//! again on the same port (the API "briefly unreachable").

use anyhow::Context;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

/// A TCP proxy to Koers; [`Proxy::knip`] drops the listener and every connection.
pub struct Proxy {
    taken: Arc<Mutex<Vec<AbortHandle>>>,
}

impl Proxy {
    /// Listens on `luister` and forwards every connection to `doel`.
    pub async fn start(luister: SocketAddr, doel: SocketAddr) -> anyhow::Result<Proxy> {
        let listener = TcpListener::bind(luister).await.context("binding the proxy")?;
        let taken = Arc::new(Mutex::new(Vec::new()));
        let t = Arc::clone(&taken);
        let accept = tokio::spawn(async move {
            while let Ok((mut binnen, _)) = listener.accept().await {
                let verbinding = tokio::spawn(async move {
                    if let Ok(mut buiten) = TcpStream::connect(doel).await {
                        let _ = tokio::io::copy_bidirectional(&mut binnen, &mut buiten).await;
                    }
                });
                if let Ok(mut v) = t.lock() {
                    v.push(verbinding.abort_handle());
                }
            }
        });
        if let Ok(mut v) = taken.lock() {
            v.push(accept.abort_handle());
        }
        Ok(Proxy { taken })
    }

    /// Cuts every connection and stops listening; start a new proxy on the same address to reconnect.
    pub fn knip(&self) {
        if let Ok(mut v) = self.taken.lock() {
            for t in v.drain(..) {
                t.abort();
            }
        }
    }
}
