//! Helpers of the board's browser tests (`e2e/tests/bord*.rs`, `titels.rs`): the viewport with a deadline, an
//! anonymous GraphQL read (what the browser sees), the plans of the overview and a roll-up's health counts.

use crate::{Browser, Koers, array};
use anyhow::bail;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The health values as the board's `data-gezondheid` and the API name them.
pub const GEZONDHEDEN: [(&str, &str); 3] = [
    ("op_koers", "OP_KOERS"),
    ("aandacht", "AANDACHT"),
    ("risico", "RISICO"),
];

/// Sets the viewport; resizing a window can lag on a busy machine, so it polls a few times with a deadline.
pub async fn formaat(browser: &Browser, grootte: (u32, u32)) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match browser.set_viewport(grootte).await {
            Ok(()) => return Ok(()),
            Err(e) if Instant::now() > deadline => return Err(e),
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

/// Posts a query as an anonymous visitor (what the browser sees) and returns its `data`.
pub async fn anoniem(koers: &Koers, query: &str) -> anyhow::Result<Value> {
    let antwoord: Value = koers
        .http()
        .post(koers.url("/graphql"))
        .json(&json!({ "query": query }))
        .send()
        .await?
        .json()
        .await?;
    if let Some(fouten) = antwoord.get("errors").filter(|e| !e.is_null()) {
        bail!("GraphQL errors for {query}: {fouten}");
    }
    Ok(antwoord["data"].clone())
}

/// Every plan of the overview query.
pub fn plannen(data: &Value) -> anyhow::Result<Vec<Value>> {
    Ok(array(&data["themas"], "themas")?
        .iter()
        .filter_map(|t| t["actieplannen"].as_array())
        .flatten()
        .cloned()
        .collect())
}

/// The API's count of acties in progress with health `api` in a roll-up.
pub fn aantal(rollup: &Value, api: &str) -> i64 {
    rollup["aantalPerGezondheid"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a["gezondheid"] == json!(api))
        .filter_map(|a| a["aantal"].as_i64())
        .sum()
}
