//! Live updates over `graphql-transport-ws`: a reported change reaches the subscribers of its plan, with the
//! new version and the opgave's new roll-up, and nobody else.

use crate::helpers::{TestApp, new_actie, plan_ids};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

const SUBSCRIPTION: &str = "subscription($p: ID) { actieGewijzigd(actieplan: $p) {
    actie { id versie voortgang } verborgen opgave { id } opgaveRollup { totaal } } }";

const REPORT: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { id versie voortgang } }";

/// A `graphql-transport-ws` client.
pub struct Ws(WebSocketStream<MaybeTlsStream<TcpStream>>);

impl Ws {
    /// Connects anonymously and completes the `connection_init` / `connection_ack` handshake.
    pub async fn connect(app: &TestApp) -> Ws {
        Self::connect_with(app, &[], json!({}))
            .await
            .expect("connection_ack")
    }

    /// Connects with extra upgrade `headers` and a `connection_init` `payload`; `Err` has the refusal (an HTTP
    /// status or the server's close/error message).
    pub async fn connect_with(app: &TestApp, headers: &[(&str, &str)], payload: Value) -> Result<Ws, String> {
        let mut req = format!("ws://{}/graphql/ws", app.addr)
            .into_client_request()
            .unwrap();
        req.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_static("graphql-transport-ws"),
        );
        for (k, v) in headers {
            let name = tokio_tungstenite::tungstenite::http::HeaderName::from_bytes(k.as_bytes()).unwrap();
            req.headers_mut().insert(name, HeaderValue::from_str(v).unwrap());
        }
        let (stream, resp) = tokio_tungstenite::connect_async(req)
            .await
            .map_err(|e| e.to_string())?;
        assert_eq!(
            resp.headers()
                .get("sec-websocket-protocol")
                .and_then(|v| v.to_str().ok()),
            Some("graphql-transport-ws"),
            "the server speaks the requested protocol"
        );
        let mut ws = Ws(stream);
        ws.send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        match ws.recv(Duration::from_secs(5)).await {
            Some(ack) if ack["type"] == "connection_ack" => Ok(ws),
            other => Err(format!("{other:?}")),
        }
    }

    pub async fn send(&mut self, msg: Value) {
        self.0
            .send(Message::Text(msg.to_string().into()))
            .await
            .expect("send");
    }

    /// The next protocol message within `wait`, skipping WebSocket and protocol pings.
    pub async fn recv(&mut self, wait: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.0.next()).await.ok()?;
            match msg?.ok()? {
                Message::Text(t) => {
                    let v: Value = serde_json::from_str(t.as_str()).expect("json message");
                    if v["type"] == "ping" {
                        self.send(json!({ "type": "pong" })).await;
                        continue;
                    }
                    return Some(v);
                }
                Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => continue,
                Message::Close(c) => return Some(json!({ "type": "close", "reason": format!("{c:?}") })),
                other => panic!("unexpected message {other:?}"),
            }
        }
    }

    pub async fn subscribe(&mut self, id: &str, plan: &str) {
        self.send(json!({ "id": id, "type": "subscribe",
                          "payload": { "query": SUBSCRIPTION, "variables": { "p": plan } } }))
            .await;
    }
}

/// Waits until `n` subscriptions listen for changes (the subscription is registered asynchronously).
pub async fn listeners(app: &TestApp, n: usize) {
    timeout(Duration::from_secs(30), async {
        while app.services.events.receiver_count() < n {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{n} subscriptions registered in time"));
}

async fn rollup_totaal(app: &TestApp, opgave: &str) -> i64 {
    app.data(
        "query($o: ID!) { opgave(id: $o) { rollup { totaal } } }",
        json!({ "o": opgave }),
    )
    .await["opgave"]["rollup"]["totaal"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_progress_report_reaches_the_plans_subscribers_and_no_one_else() {
    let app = TestApp::spawn().await;
    let (mh, mh_opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let (dv, dv_opgaven) = plan_ids(&app, "dv-2025-2027").await;
    // Created before anyone subscribes, so its creation is not an event for them.
    let id = new_actie(&app, &mh_opgaven[0], "Live gevolgd").await;
    let totaal = rollup_totaal(&app, &mh_opgaven[0]).await;

    let mut mh_ws = Ws::connect(&app).await;
    mh_ws.subscribe("1", &mh).await;
    let mut dv_ws = Ws::connect(&app).await;
    dv_ws.subscribe("dv", &dv).await;
    listeners(&app, 2).await;

    let d = app
        .data(REPORT, json!({ "i": { "id": id, "versie": 1, "voortgang": 70 } }))
        .await;
    assert_eq!(d["actieVoortgangRapporteren"]["versie"], 2);

    let m = mh_ws
        .recv(Duration::from_secs(5))
        .await
        .expect("the plan's subscriber is told within 5 s");
    assert_eq!(m["type"], "next", "{m}");
    assert_eq!(m["id"], "1", "{m}");
    assert!(m["payload"].get("errors").is_none(), "{m}");
    let g = &m["payload"]["data"]["actieGewijzigd"];
    assert_eq!(g["actie"]["id"], id.as_str(), "{m}");
    assert_eq!(g["actie"]["versie"], 2, "{m}");
    assert_eq!(g["actie"]["voortgang"], 70, "{m}");
    assert_eq!(g["opgave"]["id"], mh_opgaven[0].as_str(), "{m}");
    assert_eq!(g["opgaveRollup"]["totaal"], totaal, "{m}");

    // The other plan's subscriber hears nothing of it …
    let none = dv_ws.recv(Duration::from_millis(500)).await;
    assert!(none.is_none(), "a change in another plan arrived: {none:?}");

    // … but does hear changes in its own plan, which the first subscriber then does not.
    let other = new_actie(&app, &dv_opgaven[0], "Ander plan").await;
    let m = dv_ws
        .recv(Duration::from_secs(5))
        .await
        .expect("the other plan's subscriber is told");
    assert_eq!(m["id"], "dv", "{m}");
    let g = &m["payload"]["data"]["actieGewijzigd"];
    assert_eq!(g["actie"]["id"], other.as_str(), "{m}");
    assert_eq!(g["actie"]["versie"], 1, "{m}");
    assert_eq!(g["opgave"]["id"], dv_opgaven[0].as_str(), "{m}");
    assert_eq!(
        g["opgaveRollup"]["totaal"],
        rollup_totaal(&app, &dv_opgaven[0]).await,
        "{m}"
    );
    let none = mh_ws.recv(Duration::from_millis(500)).await;
    assert!(none.is_none(), "a change in another plan arrived: {none:?}");
}

#[tokio::test]
async fn a_new_actie_raises_the_rollup_its_subscribers_see() {
    let app = TestApp::spawn().await;
    let (plan, opgaven) = plan_ids(&app, "zv-2025-2026").await;
    let totaal = rollup_totaal(&app, &opgaven[1]).await;
    let mut ws = Ws::connect(&app).await;
    ws.subscribe("z", &plan).await;
    listeners(&app, 1).await;

    let id = new_actie(&app, &opgaven[1], "Nieuw werk").await;
    let m = ws.recv(Duration::from_secs(5)).await.expect("told in time");
    let g = &m["payload"]["data"]["actieGewijzigd"];
    assert_eq!(g["actie"]["id"], id.as_str(), "{m}");
    assert_eq!(g["actie"]["voortgang"], 10, "{m}");
    assert_eq!(g["opgaveRollup"]["totaal"], totaal + 1, "{m}");
}

#[tokio::test]
async fn a_subscription_on_a_malformed_plan_id_is_an_error() {
    let app = TestApp::spawn().await;
    let mut ws = Ws::connect(&app).await;
    ws.subscribe("x", "niet-een-id").await;
    let m = ws.recv(Duration::from_secs(5)).await.expect("an answer in time");
    // async-graphql reports resolver errors of a subscription as one `next` with errors, then `complete`.
    assert_eq!(m["type"], "next", "{m}");
    assert_eq!(m["id"], "x", "{m}");
    assert_eq!(
        m["payload"]["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{m}"
    );
    assert_eq!(
        m["payload"]["errors"][0]["extensions"]["field"], "actieplan",
        "{m}"
    );
    let done = ws.recv(Duration::from_secs(5)).await.expect("complete in time");
    assert_eq!(done, json!({ "type": "complete", "id": "x" }));
    assert_eq!(app.services.events.receiver_count(), 0, "nothing keeps listening");
}
