//! Harness for Koers' browser tests.
//!
//! [`Koers::start`] runs the real server in-process on a free port, with a fresh temporary SQLite database
//! (migrated and seeded) and the built front end from `frontend/dist`. [`Browser::start`] runs chromedriver
//! with headless Chromium. Selectors live in [`fixtures`]. The tests are `#[ignore]`d so that
//! `cargo test --workspace` needs no browser; `.ci/test` runs them with `cargo test -p koers-e2e -- --ignored`.

pub mod beheer;
pub mod bord;
pub mod browser;
pub mod fixtures;
pub mod presentatie;
pub mod proxy;

pub use browser::Browser;

use anyhow::{Context, bail};
use koers_backend::config::Settings;
use koers_backend::startup::Application;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use tokio::task::JoinHandle;

/// The folder with the built front end, `frontend/dist` in the workspace. Fails when it was not built.
pub fn dist_dir() -> anyhow::Result<PathBuf> {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("frontend")
        .join("dist");
    if !dist.join("index.html").is_file() {
        bail!(
            "{} has no index.html: the front end is not built; run .ci/build-frontend.sh first",
            dist.display()
        );
    }
    dist.canonicalize()
        .with_context(|| format!("resolving {}", dist.display()))
}

/// Where screenshots go: `e2e/artifacts/` (gitignored). Created when missing.
pub fn artifacts_dir() -> anyhow::Result<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// A running Koers server with its own database. Stops when dropped.
pub struct Koers {
    addr: SocketAddr,
    server: JoinHandle<anyhow::Result<()>>,
    http: reqwest::Client,
    /// An API token that may read and change everything; [`Koers::graphql`] sends it.
    token: String,
    /// The running app's service layer, to set up users.
    services: koers_backend::service::Services,
    // Dropped last: holds the SQLite file.
    _db_dir: TempDir,
}

impl Koers {
    /// Starts Koers on `127.0.0.1:0` with a fresh seeded SQLite database, serving `frontend/dist`.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_with(|_| {}).await
    }

    /// [`Koers::start`] with settings changed by `f` (e.g. webhooks to 127.0.0.1 allowed).
    pub async fn start_with(f: impl FnOnce(&mut Settings)) -> anyhow::Result<Self> {
        let static_dir = dist_dir()?;
        let db_dir = tempfile::Builder::new().prefix("koers-e2e-db-").tempdir()?;
        let db_path = db_dir.path().join("koers.db");
        let mut settings = Settings::new(format!("sqlite://{}?mode=rwc", db_path.display()));
        settings.addr = SocketAddr::from(([127, 0, 0, 1], 0));
        settings.static_dir = static_dir;
        f(&mut settings);
        let app = Application::build(settings)
            .await
            .context("building the Koers application")?;
        let addr = app.local_addr();
        let nieuw = koers_backend::service::tokens::NieuwToken {
            naam: "e2e-test".into(),
            schrijven: true,
            vertrouwelijk: true,
            themas: None,
            geldig_dagen: 1,
        };
        let systeem = koers_backend::toegang::Kijker::systeem("e2e");
        let (token, _) = app
            .services()
            .token_aanmaken(&systeem, nieuw)
            .await
            .context("creating the test's API token")?;
        let services = app.services().clone();
        let server = tokio::spawn(app.run_until_stopped());
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .build()?;
        Ok(Koers {
            addr,
            server,
            http,
            token,
            services,
            _db_dir: db_dir,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A plain HTTP client for requests outside the browser.
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// Posts a GraphQL document to `/graphql` as an all-seeing API token (the browser itself is anonymous
    /// unless a test signs in) and returns its `data`. GraphQL errors are an `Err`.
    pub async fn graphql(&self, query: &str, variables: Value) -> anyhow::Result<Value> {
        self.ensure_running()?;
        let request = self.http.post(self.url("/graphql")).bearer_auth(&self.token);
        self.antwoord(request, query, variables).await
    }

    /// [`Koers::graphql`] in a session of the person `gebruikersnaam` (signed in through `/auth/aanmelden`,
    /// with the session cookie and its CSRF token), for what only people may do, e.g. freezing an RVO snapshot.
    pub async fn graphql_als(
        &self,
        gebruikersnaam: &str,
        wachtwoord: &str,
        query: &str,
        variables: Value,
    ) -> anyhow::Result<Value> {
        self.ensure_running()?;
        let response = self
            .http
            .post(self.url("/auth/aanmelden"))
            .json(&json!({ "gebruikersnaam": gebruikersnaam, "wachtwoord": wachtwoord }))
            .send()
            .await
            .context("POST /auth/aanmelden")?;
        let cookie = response
            .headers()
            .get(reqwest::header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::to_string)
            .with_context(|| format!("signing in as {gebruikersnaam} set no cookie"))?;
        let body: Value = response.json().await.context("the sign-in answer")?;
        let csrf = body["csrfToken"]
            .as_str()
            .context("the sign-in answer has no csrfToken")?;
        let request = self
            .http
            .post(self.url("/graphql"))
            .header(reqwest::header::COOKIE, cookie)
            .header("X-CSRF-Token", csrf);
        self.antwoord(request, query, variables).await
    }

    /// Sends `query` with `variables` by `request` and returns its `data`; GraphQL errors are an `Err`.
    async fn antwoord(
        &self,
        request: reqwest::RequestBuilder,
        query: &str,
        variables: Value,
    ) -> anyhow::Result<Value> {
        let response = request
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .context("POST /graphql")?;
        let status = response.status();
        let body = response.text().await.context("reading the /graphql answer")?;
        if !status.is_success() {
            bail!("POST /graphql answered {status}: {body}");
        }
        let mut answer: Value =
            serde_json::from_str(&body).with_context(|| format!("/graphql answered no JSON: {body}"))?;
        if let Some(errors) = answer.get("errors").filter(|e| !e.is_null()) {
            bail!("GraphQL errors for {query}: {errors}");
        }
        match answer.get_mut("data").map(Value::take) {
            Some(data) if !data.is_null() => Ok(data),
            _ => bail!("GraphQL answer without data for {query}: {body}"),
        }
    }

    /// Creates a user who can sign in with `gebruikersnaam` and the returned password; `rol` is `lezer`,
    /// `redacteur` or `beheerder`, `themas` a redacteur's thema keys (e.g. `mensenhandel`).
    pub async fn gebruiker(
        &self,
        gebruikersnaam: &str,
        rol: &str,
        themas: &[&str],
    ) -> anyhow::Result<String> {
        let alle = koers_backend::service::lezen::themas(
            &self.services.db.reader,
            &koers_backend::service::zicht::Zicht::van(&koers_backend::toegang::Kijker::systeem("e2e"))?,
        )
        .await?;
        let themas = themas
            .iter()
            .map(|k| {
                alle.iter()
                    .find(|t| t.sleutel == *k)
                    .map(|t| t.id)
                    .with_context(|| format!("no thema {k}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let wachtwoord = format!("wachtwoord-van-{gebruikersnaam}");
        let n = koers_backend::service::toegang::NieuweGebruiker {
            gebruikersnaam: gebruikersnaam.into(),
            naam: format!("{gebruikersnaam} (e2e)"),
            wachtwoord: wachtwoord.clone(),
            rol: rol.parse().map_err(anyhow::Error::msg)?,
            themas,
        };
        self.services
            .gebruiker_aanmaken(&koers_backend::toegang::Kijker::systeem("e2e"), n)
            .await?;
        Ok(wachtwoord)
    }

    /// The seeded plan with key `sleutel` (e.g. [`fixtures::RAP_MENSENHANDEL`]): its `id`, `sleutel` and
    /// `opgaven { id }`, from the API.
    pub async fn plan(&self, sleutel: &str) -> anyhow::Result<Value> {
        let plannen = self
            .graphql("{ actieplannen { id sleutel opgaven { id } } }", json!({}))
            .await?;
        plannen["actieplannen"]
            .as_array()
            .context("actieplannen")?
            .iter()
            .find(|p| p["sleutel"] == sleutel)
            .cloned()
            .with_context(|| format!("no plan {sleutel}"))
    }

    /// Fails when the server task has ended (it should run until dropped).
    pub fn ensure_running(&self) -> anyhow::Result<()> {
        if self.server.is_finished() {
            bail!("the Koers server on {} has stopped", self.addr);
        }
        Ok(())
    }
}

impl Drop for Koers {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Signs in through the sign-in page and waits until the app is back on `terug` (a path) with the session bar
/// showing the person.
pub async fn aanmelden(
    browser: &Browser,
    koers: &Koers,
    gebruikersnaam: &str,
    wachtwoord: &str,
    terug: &str,
) -> anyhow::Result<()> {
    let pad = format!("/aanmelden?terug={}", terug.replace('/', "%2F"));
    browser.goto(&koers.url(&pad)).await?;
    vul_aanmelden_in(browser, gebruikersnaam, wachtwoord).await?;
    browser.wait_for(fixtures::AANGEMELD_ALS).await?;
    browser.wait_for_url(terug, |u| u.ends_with(terug)).await?;
    Ok(())
}

/// The `id` of a JSON object, as a string (a GraphQL `ID` may come as a string or an integer).
pub fn id_of(value: &Value) -> anyhow::Result<String> {
    match value.get("id") {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        other => bail!("no id in {value} (found {other:?})"),
    }
}

/// Reads `value` as an array, with a readable error.
pub fn array<'v>(value: &'v Value, what: &str) -> anyhow::Result<&'v Vec<Value>> {
    value
        .as_array()
        .with_context(|| format!("{what} is not a list: {value}"))
}

/// Fills in the sign-in form that is on screen and sends it.
pub async fn vul_aanmelden_in(
    browser: &Browser,
    gebruikersnaam: &str,
    wachtwoord: &str,
) -> anyhow::Result<()> {
    browser
        .wait_for(fixtures::GEBRUIKERSNAAM_VELD)
        .await?
        .send_keys(gebruikersnaam)
        .await?;
    browser
        .wait_for(fixtures::WACHTWOORD_VELD)
        .await?
        .send_keys(wachtwoord)
        .await?;
    browser.wait_for(fixtures::AANMELDEN_KNOP).await?.click().await?;
    Ok(())
}
