//! Helpers of the board's browser tests (`e2e/tests/bord*.rs`, `titels.rs`): the viewport with a deadline, an
//! anonymous GraphQL read (what the browser sees), the plans of the overview, a roll-up's health counts, and
//! what each row of the board should show ([`Verwacht`]).

use crate::{Browser, Koers, array, fixtures, id_of};
use anyhow::{Context, bail};
use chrono::{Days, NaiveDate, Utc};
use serde_json::{Value, json};
use std::collections::HashMap;
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

/// What the board should show besides the roll-ups: the API's overdue counts and roll-ups at the last RVO,
/// checked against the acties' own history (as the browser computed them before the API did).
pub struct Verwacht {
    /// Every actie an anonymous visitor sees, with its history.
    pub acties: Vec<Value>,
    /// The last meeting before today.
    pub vorige_rvo: String,
    /// An update older than this day (`JJJJ-MM-DD`) is overdue.
    pub grens: String,
    /// Per plan and opgave id: the API's `aantalTeLaat` and its roll-up at the start of the last RVO's day.
    pub api: HashMap<String, (i64, Value)>,
}

/// The change of the share afgerond in the whole points the screen shows.
pub fn punten(voor: &Value, na: &Value) -> i64 {
    let r = |v: &Value| v["aandeelAfgerond"].as_f64().unwrap_or_default().round() as i64;
    r(na) - r(voor)
}

impl Verwacht {
    /// Loads it for the overview `data` (of [`fixtures::BORD_QUERY`]).
    pub async fn laad(koers: &Koers, data: &Value) -> anyhow::Result<Self> {
        let lijst = anoniem(koers, fixtures::BORD_ACTIES_QUERY).await?;
        assert_eq!(
            lijst["acties"]["pageInfo"]["hasNextPage"],
            json!(false),
            "more than 100 acties"
        );
        let acties = array(&lijst["acties"]["nodes"], "acties")?.clone();
        let vandaag = Utc::now().date_naive();
        let datums: Vec<NaiveDate> = array(&data["rvoVergaderingen"], "rvoVergaderingen")?
            .iter()
            .filter_map(|v| v["datum"].as_str()?.parse().ok())
            .collect();
        let vorige = datums
            .iter()
            .filter(|d| **d < vandaag)
            .max()
            .context("no RVO before today")?;
        let peildatum = datums
            .iter()
            .filter(|d| **d >= vandaag)
            .min()
            .copied()
            .unwrap_or(vandaag);
        let grens = peildatum.checked_sub_days(Days::new(28)).context("date")?;
        let query = fixtures::bord_api_query(&format!("{vorige}T00:00:00Z"), &peildatum.to_string());
        let mut api = HashMap::new();
        for plan in plannen(&anoniem(koers, &query).await?)? {
            for rij in std::iter::once(&plan).chain(array(&plan["opgaven"], "opgaven")?) {
                let n = rij["aantalTeLaat"].as_i64().context("aantalTeLaat")?;
                api.insert(id_of(rij)?, (n, rij["vorige"].clone()));
            }
        }
        Ok(Verwacht {
            acties,
            vorige_rvo: vorige.to_string(),
            grens: grens.to_string(),
            api,
        })
    }

    /// The overdue count and the change since the RVO the API gives row `id` (now `rollup`), checked against
    /// its acties' history: the same overdue count, no change when none changed since the RVO, and the
    /// test's own expectation `gewijzigd` where it made changes.
    pub fn rij(
        &self,
        id: &str,
        rollup: &Value,
        acties: &[&Value],
        gewijzigd: &HashMap<String, [i64; 4]>,
    ) -> anyhow::Result<(i64, [i64; 4])> {
        let (te_laat, vorige) = self.api.get(id).with_context(|| format!("{id} in the API"))?;
        assert_eq!(*te_laat, self.te_laat(acties), "the API's overdue count of {id}");
        let mut v = [punten(vorige, rollup), 0, 0, 0];
        for (i, (_, api)) in GEZONDHEDEN.iter().enumerate() {
            v[i + 1] = aantal(rollup, api) - aantal(vorige, api);
        }
        if let Some(w) = gewijzigd.get(id) {
            assert_eq!(v, *w, "the API's change since the RVO of {id}");
        } else if !self.gewijzigd_sinds_rvo(acties) {
            assert_eq!(
                v, [0; 4],
                "the API's change since the RVO of {id}, unchanged since"
            );
        }
        Ok((*te_laat, v))
    }

    /// The acties of an opgave (`Some`) or of a plan.
    pub fn van(&self, plan: &str, opgave: Option<&str>) -> Vec<&Value> {
        self.acties
            .iter()
            .filter(|a| match opgave {
                Some(o) => a["opgave"]["id"] == json!(o),
                None => a["opgave"]["actieplan"]["id"] == json!(plan),
            })
            .collect()
    }

    /// In progress and the latest update (or change) before the limit.
    pub fn te_laat(&self, acties: &[&Value]) -> i64 {
        acties
            .iter()
            .filter(|a| a["status"] == json!("IN_UITVOERING") || a["status"] == json!("DOORLOPEND"))
            .filter(|a| {
                let laatste = a["historie"]
                    .as_array()
                    .and_then(|h| h.iter().max_by_key(|r| r["versie"].as_i64()))
                    .and_then(|r| r["tijdstip"].as_str())
                    .or_else(|| a["gewijzigdOp"].as_str())
                    .unwrap_or_default();
                laatste.get(..10).is_some_and(|d| d < self.grens.as_str())
            })
            .count() as i64
    }

    /// Whether any of `acties` changed on or after the last RVO (then its change is not simply zero).
    pub fn gewijzigd_sinds_rvo(&self, acties: &[&Value]) -> bool {
        acties.iter().any(|a| {
            a["historie"].as_array().into_iter().flatten().any(|r| {
                r["tijdstip"]
                    .as_str()
                    .and_then(|t| t.get(..10))
                    .is_some_and(|d| d >= self.vorige_rvo.as_str())
            })
        })
    }
}
