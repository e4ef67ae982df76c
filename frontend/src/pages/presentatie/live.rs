//! Live updates over `graphql-transport-ws`: a WebSocket to `/graphql/ws` on the same origin, `connection_init`,
//! one `subscribe` to `actieGewijzigd`, every `next` handed to a callback. When the socket closes it is opened
//! again after a growing pause (1 s, 2 s, 4 s … at most 30 s); meanwhile the state says "herstellen".

use super::data::{LIVE_SUBSCRIPTION, LiveData, Wijziging};
use leptos::prelude::{set_timeout_with_handle, window};
use miniserde::{Deserialize, Serialize, json};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{MessageEvent, WebSocket};

/// Path of the subscription endpoint.
pub const WS_PAD: &str = "/graphql/ws";
/// The sub-protocol.
pub const PROTOCOL: &str = "graphql-transport-ws";
/// The longest pause before a new attempt.
const MAX_PAUZE_MS: u64 = 30_000;

/// What the connection reports to the page.
pub enum Melding {
    /// The subscription is acknowledged and running; `opnieuw` when this is not the first connection.
    Verbonden {
        /// True after a reconnect: changes may have been missed.
        opnieuw: bool,
    },
    /// The socket closed; a new attempt follows.
    Verbroken,
    /// A change arrived.
    Wijziging(Box<Wijziging>),
}

/// A message from the server; first only its type is read.
#[derive(Deserialize)]
struct Bericht {
    #[serde(rename = "type")]
    soort: String,
}

/// A `next` message: its payload is the subscription's result.
#[derive(Deserialize)]
struct Volgende {
    payload: Option<Resultaat>,
}

#[derive(Deserialize)]
struct Resultaat {
    data: Option<LiveData>,
}

/// A message without id or payload (`connection_init`, `pong`).
#[derive(Serialize)]
struct Kaal {
    #[serde(rename = "type")]
    soort: &'static str,
}

/// The `subscribe` message.
#[derive(Serialize)]
struct Inschrijving {
    id: &'static str,
    #[serde(rename = "type")]
    soort: &'static str,
    payload: Operatie,
}

#[derive(Serialize)]
struct Operatie {
    query: &'static str,
    #[serde(rename = "operationName")]
    operation_name: &'static str,
}

type Handlers = (
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(web_sys::Event)>,
    Closure<dyn FnMut(web_sys::Event)>,
);

/// A live connection; [`Live::stop`] ends it for good.
pub struct Live {
    melden: Box<dyn Fn(Melding)>,
    socket: RefCell<Option<WebSocket>>,
    handlers: RefCell<Option<Handlers>>,
    gestopt: Cell<bool>,
    pogingen: Cell<u32>,
    ooit_verbonden: Cell<bool>,
}

/// The WebSocket URL on the origin of the page.
fn ws_url() -> String {
    let locatie = window().location();
    let protocol = match locatie.protocol().as_deref() {
        Ok("https:") => "wss:",
        _ => "ws:",
    };
    let host = locatie.host().unwrap_or_default();
    format!("{protocol}//{host}{WS_PAD}")
}

impl Live {
    /// Opens the connection; `melden` hears of every change of state and every change of data.
    pub fn start(melden: impl Fn(Melding) + 'static) -> Rc<Live> {
        let live = Rc::new(Live {
            melden: Box::new(melden),
            socket: RefCell::new(None),
            handlers: RefCell::new(None),
            gestopt: Cell::new(false),
            pogingen: Cell::new(0),
            ooit_verbonden: Cell::new(false),
        });
        Live::verbind(&live);
        live
    }

    /// Closes the socket and stops reconnecting.
    pub fn stop(&self) {
        self.gestopt.set(true);
        if let Some(ws) = self.socket.borrow_mut().take() {
            ws.set_onmessage(None);
            ws.set_onclose(None);
            ws.set_onerror(None);
            let _ = ws.close();
        }
        // Dropping the handlers breaks the cycle between them and this connection.
        self.handlers.borrow_mut().take();
    }

    fn verbind(live: &Rc<Live>) {
        if live.gestopt.get() {
            return;
        }
        let ws = match WebSocket::new_with_str(&ws_url(), PROTOCOL) {
            Ok(ws) => ws,
            Err(_) => {
                Live::later_opnieuw(live);
                return;
            }
        };
        let l = Rc::clone(live);
        let open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            l.stuur(&Kaal {
                soort: "connection_init",
            });
        });
        let l = Rc::clone(live);
        let bericht = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(tekst) = e.data().as_string() {
                l.ontvang(&tekst);
            }
        });
        let l = Rc::clone(live);
        let dicht = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            l.socket.borrow_mut().take();
            if !l.gestopt.get() {
                (l.melden)(Melding::Verbroken);
                Live::later_opnieuw(&l);
            }
        });
        ws.set_onopen(Some(open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(bericht.as_ref().unchecked_ref()));
        ws.set_onclose(Some(dicht.as_ref().unchecked_ref()));
        *live.socket.borrow_mut() = Some(ws);
        // The previous socket's handlers are no longer running: it closed before this attempt was scheduled.
        *live.handlers.borrow_mut() = Some((bericht, open, dicht));
    }

    fn later_opnieuw(live: &Rc<Live>) {
        let poging = live.pogingen.get();
        live.pogingen.set(poging.saturating_add(1));
        let pauze = (1000u64 << poging.min(5)).min(MAX_PAUZE_MS);
        let l = Rc::clone(live);
        let _ = set_timeout_with_handle(move || Live::verbind(&l), Duration::from_millis(pauze));
    }

    fn stuur<B: Serialize>(&self, bericht: &B) {
        if let Some(ws) = self.socket.borrow().as_ref() {
            let _ = ws.send_with_str(&json::to_string(bericht));
        }
    }

    fn ontvang(&self, tekst: &str) {
        let Ok(bericht) = json::from_str::<Bericht>(tekst) else {
            return;
        };
        match bericht.soort.as_str() {
            "connection_ack" => {
                self.stuur(&Inschrijving {
                    id: "1",
                    soort: "subscribe",
                    payload: Operatie {
                        query: LIVE_SUBSCRIPTION,
                        operation_name: "Live",
                    },
                });
                self.pogingen.set(0);
                let opnieuw = self.ooit_verbonden.replace(true);
                (self.melden)(Melding::Verbonden { opnieuw });
            }
            "ping" => self.stuur(&Kaal { soort: "pong" }),
            "next" => {
                let data = json::from_str::<Volgende>(tekst)
                    .ok()
                    .and_then(|v| v.payload?.data);
                if let Some(d) = data {
                    (self.melden)(Melding::Wijziging(Box::new(d.actie_gewijzigd)));
                }
            }
            "error" | "complete" => {
                if let Some(ws) = self.socket.borrow().as_ref() {
                    let _ = ws.close();
                }
            }
            _ => {}
        }
    }
}
