//! A raw `graphql-transport-ws` client for the tests: every protocol step, close code and frame is the test's.

use crate::helpers::TestApp;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::{HeaderName, HeaderValue};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// What the server sent next.
#[derive(Debug, PartialEq)]
pub enum Event {
    /// A protocol message.
    Msg(Value),
    /// A close frame: code and reason.
    Closed(u16, String),
    /// The connection ended without a close frame (or broke).
    Gone,
    /// Nothing within the wait.
    Silence,
}

impl Event {
    /// The close code, panicking on anything else.
    pub fn close_code(&self) -> u16 {
        match self {
            Event::Closed(c, _) => *c,
            other => panic!("expected a close, got {other:?}"),
        }
    }
}

/// A raw WebSocket client that leaves every protocol step to the test.
pub struct Sock(WebSocketStream<MaybeTlsStream<TcpStream>>);

impl Sock {
    /// Opens `/graphql/ws` with sub-protocol `graphql-transport-ws` and extra `headers`, without `connection_init`.
    pub async fn open(app: &TestApp, headers: &[(&str, &str)]) -> Sock {
        Self::open_as(app, "graphql-transport-ws", headers)
            .await
            .expect("upgrade")
    }

    /// Opens with `protocol`; `Err` is the handshake's failure.
    pub async fn open_as(app: &TestApp, protocol: &str, headers: &[(&str, &str)]) -> Result<Sock, String> {
        let mut req = format!("ws://{}/graphql/ws", app.addr)
            .into_client_request()
            .unwrap();
        req.headers_mut()
            .insert("Sec-WebSocket-Protocol", HeaderValue::from_str(protocol).unwrap());
        for (k, v) in headers {
            let name = HeaderName::from_bytes(k.as_bytes()).unwrap();
            req.headers_mut().insert(name, HeaderValue::from_str(v).unwrap());
        }
        let (s, _) = tokio_tungstenite::connect_async(req)
            .await
            .map_err(|e| e.to_string())?;
        Ok(Sock(s))
    }

    /// Opens and completes the handshake with `payload`.
    pub async fn ready(app: &TestApp, headers: &[(&str, &str)], payload: Value) -> Sock {
        let mut s = Self::open(app, headers).await;
        s.send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        let ack = s.next(Duration::from_secs(10)).await;
        assert_eq!(ack, Event::Msg(json!({ "type": "connection_ack" })));
        s
    }

    /// Sends a JSON message; a broken connection is ignored (the next read tells).
    pub async fn send(&mut self, msg: Value) {
        self.text(&msg.to_string()).await;
    }

    /// Sends a text frame as is.
    pub async fn text(&mut self, t: &str) {
        let _ = self.0.send(Message::Text(t.to_string().into())).await;
    }

    /// Sends a binary frame.
    pub async fn binary(&mut self, b: Vec<u8>) {
        let _ = self.0.send(Message::Binary(b.into())).await;
    }

    /// A `subscribe` of `query` with `variables` as operation `id`.
    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        self.send(json!({ "type": "subscribe", "id": id,
                          "payload": { "query": query, "variables": variables } }))
            .await;
    }

    /// The next event within `wait`.
    pub async fn next(&mut self, wait: Duration) -> Event {
        let deadline = Instant::now() + wait;
        loop {
            let Ok(m) = tokio::time::timeout_at(deadline, self.0.next()).await else {
                return Event::Silence;
            };
            match m {
                None | Some(Err(_)) => return Event::Gone,
                Some(Ok(Message::Text(t))) => {
                    return Event::Msg(serde_json::from_str(t.as_str()).expect("JSON"));
                }
                Some(Ok(Message::Close(Some(c)))) => {
                    return Event::Closed(u16::from(c.code), c.reason.to_string());
                }
                Some(Ok(Message::Close(None))) => return Event::Gone,
                Some(Ok(_)) => continue,
            }
        }
    }

    /// Skips messages until the socket closes (or `wait` passes); the close event and when it came.
    pub async fn until_closed(&mut self, wait: Duration) -> (Event, Instant) {
        let deadline = Instant::now() + wait;
        loop {
            match self
                .next(deadline.saturating_duration_since(Instant::now()))
                .await
            {
                Event::Msg(_) => continue,
                e => return (e, Instant::now()),
            }
        }
    }
}
