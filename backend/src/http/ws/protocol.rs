//! The messages of `graphql-transport-ws` (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md):
//! reading and checking what a client sends, writing what the server sends, and the close codes.

use serde_json::{Map, Value, json};

/// The one sub-protocol Koers speaks.
pub const PROTOCOL: &str = "graphql-transport-ws";

/// Longest close reason a WebSocket close frame can carry, in bytes.
pub const MAX_REDEN: usize = 123;

/// Why the server closes a socket: a close code and its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sluiten {
    /// The close code.
    pub code: u16,
    /// The reason, at most [`MAX_REDEN`] bytes.
    pub reden: String,
}

impl Sluiten {
    /// Close with `code` and `reden` (cut to [`MAX_REDEN`] bytes on a character boundary).
    pub fn new(code: u16, reden: impl Into<String>) -> Self {
        let mut reden = reden.into();
        if reden.len() > MAX_REDEN {
            let mut end = MAX_REDEN;
            while !reden.is_char_boundary(end) {
                end -= 1;
            }
            reden.truncate(end);
        }
        Sluiten { code, reden }
    }

    /// 4400: the message breaks the protocol.
    pub fn ongeldig(waarom: &str) -> Self {
        Self::new(4400, format!("Invalid message received: {waarom}"))
    }

    /// 4401: an operation before the connection was acknowledged.
    pub fn niet_ingewijd() -> Self {
        Self::new(4401, "Unauthorized")
    }

    /// 4403: the credential is not (or no longer) valid.
    pub fn verboden(waarom: &str) -> Self {
        Self::new(4403, format!("Forbidden: {waarom}"))
    }

    /// 1001: the server shuts down; the client reconnects (to another instance, or to this one restarted).
    pub fn server_stopt() -> Self {
        Self::new(1001, "Server is shutting down")
    }

    /// 1012: changes may have been missed (the instance lost its PostgreSQL listener for a while); the client
    /// reconnects and loads again what it shows.
    pub fn herladen() -> Self {
        Self::new(1012, "Reload: changes may have been missed")
    }

    /// 4408: no `connection_init` in time.
    pub fn init_te_laat() -> Self {
        Self::new(4408, "Connection initialisation timeout")
    }

    /// 4409: an operation with the id of one still running.
    pub fn dubbel(id: &str) -> Self {
        Self::new(4409, format!("Subscriber for {id} already exists"))
    }

    /// 4429: a second `connection_init`.
    pub fn tweede_init() -> Self {
        Self::new(4429, "Too many initialisation requests")
    }

    /// 4500: the server could not handle the message.
    pub fn storing() -> Self {
        Self::new(4500, "Internal server error")
    }

    /// 1009: a message over the size limit.
    pub fn te_groot(max: usize) -> Self {
        Self::new(1009, format!("Message too big: more than {max} bytes"))
    }
}

/// A message from the client, checked.
#[derive(Debug)]
pub enum Inkomend {
    /// `connection_init` with its payload (an object; empty when absent).
    Init(Map<String, Value>),
    /// `ping`, answered with a `pong` carrying the same payload.
    Ping(Option<Value>),
    /// `pong`.
    Pong,
    /// `subscribe`: an operation to run.
    Subscribe {
        /// The operation id, unique among the socket's running operations.
        id: String,
        /// The GraphQL request.
        request: Box<async_graphql::Request>,
    },
    /// `complete`: the client stops an operation.
    Complete(String),
}

fn optioneel_object(bericht: &Map<String, Value>, veld: &str) -> Result<Option<Map<String, Value>>, Sluiten> {
    match bericht.get(veld) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o.clone())),
        Some(_) => Err(Sluiten::ongeldig(&format!("`{veld}` must be an object"))),
    }
}

fn id(bericht: &Map<String, Value>) -> Result<String, Sluiten> {
    match bericht.get("id") {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        _ => Err(Sluiten::ongeldig("`id` must be a non-empty string")),
    }
}

fn request(payload: Map<String, Value>) -> Result<async_graphql::Request, Sluiten> {
    if !payload.get("query").is_some_and(Value::is_string) {
        return Err(Sluiten::ongeldig("`payload.query` must be a string"));
    }
    for veld in ["variables", "extensions"] {
        optioneel_object(&payload, veld)
            .map_err(|_| Sluiten::ongeldig(&format!("`payload.{veld}` must be an object")))?;
    }
    if !matches!(
        payload.get("operationName"),
        None | Some(Value::Null | Value::String(_))
    ) {
        return Err(Sluiten::ongeldig("`payload.operationName` must be a string"));
    }
    serde_json::from_value(Value::Object(payload)).map_err(|e| Sluiten::ongeldig(&e.to_string()))
}

/// Reads one text message; anything the protocol does not allow is a 4400 close.
pub fn lees(tekst: &str) -> Result<Inkomend, Sluiten> {
    let Ok(Value::Object(bericht)) = serde_json::from_str::<Value>(tekst) else {
        return Err(Sluiten::ongeldig("not a JSON object"));
    };
    let soort = bericht.get("type").and_then(Value::as_str).unwrap_or_default();
    match soort {
        "connection_init" => Ok(Inkomend::Init(
            optioneel_object(&bericht, "payload")?.unwrap_or_default(),
        )),
        "ping" => Ok(Inkomend::Ping(
            optioneel_object(&bericht, "payload")?.map(Value::Object),
        )),
        "pong" => optioneel_object(&bericht, "payload").map(|_| Inkomend::Pong),
        "subscribe" => {
            let id = id(&bericht)?;
            let Some(payload) = optioneel_object(&bericht, "payload")? else {
                return Err(Sluiten::ongeldig("`payload` is required"));
            };
            Ok(Inkomend::Subscribe {
                id,
                request: Box::new(request(payload)?),
            })
        }
        "complete" => Ok(Inkomend::Complete(id(&bericht)?)),
        "" => Err(Sluiten::ongeldig("`type` must be a string")),
        _ => Err(Sluiten::ongeldig("unknown `type`")),
    }
}

/// `connection_ack`.
pub fn ack() -> String {
    json!({ "type": "connection_ack" }).to_string()
}

/// `pong`, with the ping's payload.
pub fn pong(payload: Option<Value>) -> String {
    match payload {
        Some(p) => json!({ "type": "pong", "payload": p }),
        None => json!({ "type": "pong" }),
    }
    .to_string()
}

/// `next` with a result.
pub fn next(id: &str, resultaat: &async_graphql::Response) -> String {
    json!({ "type": "next", "id": id, "payload": resultaat }).to_string()
}

/// `error`: the operation was refused before it ran; ends it.
pub fn error(id: &str, fouten: &[Value]) -> String {
    json!({ "type": "error", "id": id, "payload": fouten }).to_string()
}

/// `complete`: the operation is done.
pub fn complete(id: &str) -> String {
    json!({ "type": "complete", "id": id }).to_string()
}

/// One GraphQL error with `extensions.code` (and more extensions).
pub fn fout(bericht: &str, code: &str, meer: Value) -> Value {
    let mut ext = json!({ "code": code });
    if let (Some(e), Value::Object(m)) = (ext.as_object_mut(), meer) {
        e.extend(m);
    }
    json!({ "message": bericht, "extensions": ext })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_close_reason_is_cut_on_a_char_boundary() {
        let s = Sluiten::dubbel(&"é".repeat(200));
        assert!(s.reden.len() <= MAX_REDEN && s.reden.starts_with("Subscriber for é"));
    }

    #[test]
    fn malformed_messages_are_4400() {
        for m in [
            "nope",
            "[]",
            r#"{"type":"subscribe","payload":{"query":"{ x }"}}"#,
            r#"{"type":"subscribe","id":"1"}"#,
            r#"{"type":"subscribe","id":"1","payload":{"query":1}}"#,
            r#"{"type":"connection_init","payload":[1]}"#,
            r#"{"type":"next","id":"1"}"#,
            r#"{"type":"complete"}"#,
        ] {
            assert_eq!(lees(m).map(|_| ()).unwrap_err().code, 4400, "{m}");
        }
        assert!(matches!(
            lees(r#"{"type":"connection_init"}"#),
            Ok(Inkomend::Init(_))
        ));
    }
}
