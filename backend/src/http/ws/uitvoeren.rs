//! Running one operation of a socket: the single entry point every socket operation goes through, and the
//! task that sends its results.

use super::super::AppState;
use super::protocol;
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use serde_json::Value;
use tokio::sync::mpsc;

/// What an operation's task sends to the socket.
pub enum Uit {
    Bericht {
        id: String,
        generatie: u64,
        tekst: String,
    },
    Klaar {
        id: String,
        generatie: u64,
        tekst: String,
    },
}

/// A result that ends an operation before it ran: no data, and errors not tied to a field.
fn verzoekfout(r: &async_graphql::Response) -> bool {
    r.data == async_graphql::Value::Null && !r.errors.is_empty() && r.errors.iter().all(|e| e.path.is_empty())
}

pub fn als_json(fouten: &[async_graphql::ServerError]) -> Vec<Value> {
    fouten
        .iter()
        .filter_map(|e| serde_json::to_value(e).ok())
        .collect()
}

/// Runs one GraphQL operation of a socket: the single place every socket operation goes through. `Err` are
/// the errors that refuse it before it runs.
pub fn uitvoeren(
    st: &AppState,
    request: async_graphql::Request,
) -> Result<BoxStream<'static, async_graphql::Response>, Vec<Value>> {
    Ok(st.schema.execute_stream(request))
}

/// Runs an operation's results to the socket: `next` for each, `complete` at the end, or one `error` when it
/// was refused before it ran.
/// A result larger than `limit` bytes is replaced by a `next` with the error `RESPONSE_TOO_LARGE`, as over HTTP.
pub async fn draai(
    mut stream: BoxStream<'static, async_graphql::Response>,
    id: String,
    generatie: u64,
    uit: mpsc::Sender<Uit>,
    limit: usize,
) {
    let mut eerste = true;
    while let Some(r) = stream.next().await {
        if std::mem::replace(&mut eerste, false) && verzoekfout(&r) {
            let tekst = protocol::error(&id, &als_json(&r.errors));
            let _ = uit.send(Uit::Klaar { id, generatie, tekst }).await;
            return;
        }
        let mut tekst = protocol::next(&id, &r);
        if tekst.len() > limit {
            let melding =
                format!("het antwoord is groter dan {limit} bytes: vraag minder velden of kleinere pagina's");
            let fout = async_graphql::ServerError::new(melding, None);
            let mut te_groot = async_graphql::Response::from_errors(vec![fout]);
            if let Some(e) = te_groot.errors.first_mut() {
                e.extensions
                    .get_or_insert_with(Default::default)
                    .set("code", "RESPONSE_TOO_LARGE");
            }
            tekst = protocol::next(&id, &te_groot);
        }
        let bericht = Uit::Bericht {
            id: id.clone(),
            generatie,
            tekst,
        };
        if uit.send(bericht).await.is_err() {
            return;
        }
    }
    let tekst = protocol::complete(&id);
    let _ = uit.send(Uit::Klaar { id, generatie, tekst }).await;
}
