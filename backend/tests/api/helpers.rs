//! The test harness: a fresh database per test and Koers spawned on port 0.

use koers_backend::config::Settings;
use koers_backend::db::Db;
use koers_backend::service::Services;
use koers_backend::service::toegang::NieuweGebruiker;
use koers_backend::service::tokens::NieuwToken;
use koers_backend::startup::Application;
use koers_backend::toegang::{Kijker, Rol};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};
use tempfile::TempDir;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh, empty database: its URL and the temp dir that holds it (SQLite).
pub async fn fresh_database() -> (String, Option<TempDir>) {
    match std::env::var("KOERS_TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            let admin = Database::connect(&url)
                .await
                .expect("PostgreSQL for tests is reachable");
            let name = format!(
                "koers_t_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::SeqCst),
                chrono::Utc::now().timestamp_micros()
            );
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create database");
            let base = url.rsplit_once('/').map(|(b, _)| b).expect("url has a database");
            (format!("{base}/{name}"), None)
        }
        _ => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("koers.db").display());
            (url, Some(dir))
        }
    }
}

/// A running Koers for one test.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub database_url: String,
    pub static_dir: TempDir,
    /// The running app's service layer (e.g. to see how many subscriptions listen for changes).
    pub services: Services,
    /// An API token that may read and change everything (all thema's, confidential too), used by [`Self::gql`].
    pub token: String,
    /// Where `/metrics` is served, when the test asked for it.
    pub metrics_addr: Option<SocketAddr>,
    /// Stops the server (as SIGTERM would): see [`Self::stop`].
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    running: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    _db_dir: Option<TempDir>,
}

impl TestApp {
    /// Koers with the seeded database and default settings.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// Koers with settings changed by `f`. The static dir holds a small `index.html` and explorer page.
    pub async fn spawn_with(f: impl FnOnce(&mut Settings)) -> TestApp {
        let (database_url, db_dir) = fresh_database().await;
        Self::spawn_on(database_url, db_dir, f).await
    }

    /// Koers on the database at `database_url` (a second instance on the database of another `TestApp`).
    pub async fn spawn_on(
        database_url: String,
        db_dir: Option<TempDir>,
        f: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let static_dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            static_dir.path().join("index.html"),
            "<!doctype html><title>Koers</title>",
        )
        .unwrap();
        std::fs::create_dir(static_dir.path().join("explorer")).unwrap();
        std::fs::write(
            static_dir.path().join("explorer/index.html"),
            "<!doctype html><title>GraphiQL</title>",
        )
        .unwrap();
        let mut settings = Settings::new(database_url.clone());
        settings.addr = "127.0.0.1:0".parse().unwrap();
        settings.static_dir = static_dir.path().to_path_buf();
        // Rate limits are switched on by the tests that are about them; the others send bursts from one address.
        settings.rate_limit = None;
        settings.toegang.token_rate_limit = None;
        f(&mut settings);
        let app = Application::build(settings).await.expect("app builds");
        let addr = app.local_addr();
        let metrics_addr = app.metrics_addr();
        let services = app.services().clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let running = tokio::spawn(app.run_until(async {
            let _ = stopped.await;
        }));
        let mut app = TestApp {
            addr,
            client: reqwest::Client::new(),
            database_url,
            static_dir,
            services,
            token: String::new(),
            metrics_addr,
            stop: Some(stop),
            running: Some(running),
            _db_dir: db_dir,
        };
        app.token = app.new_token("Testbeheer", true, true, None).await;
        app
    }

    /// Stops the server as a SIGTERM would and waits until it has stopped.
    pub async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(running) = self.running.take() {
            running.await.expect("server task").expect("server stops cleanly");
        }
    }

    /// A new API token made by the system; `themas` are thema keys (`None`: all).
    pub async fn new_token(
        &self,
        naam: &str,
        schrijven: bool,
        vertrouwelijk: bool,
        themas: Option<&[&str]>,
    ) -> String {
        let themas = match themas {
            Some(keys) => Some(self.thema_ids(keys).await),
            None => None,
        };
        let n = NieuwToken {
            naam: naam.into(),
            schrijven,
            vertrouwelijk,
            themas,
            geldig_dagen: 30,
        };
        self.services
            .token_aanmaken(&Kijker::systeem("test"), n)
            .await
            .expect("token")
            .0
    }

    /// Thema ids of thema keys.
    pub async fn thema_ids(&self, keys: &[&str]) -> Vec<i32> {
        let alle = koers_backend::service::lezen::themas(&self.services.db.reader, &alles_zicht())
            .await
            .expect("themas");
        keys.iter()
            .map(|k| alle.iter().find(|t| t.sleutel == *k).expect("thema key").id)
            .collect()
    }

    /// Creates a user (password `wachtwoord-van-<gebruikersnaam>`) and signs them in; returns the session.
    pub async fn sign_in_new(&self, gebruikersnaam: &str, rol: Rol, themas: &[&str]) -> Sessie {
        let n = NieuweGebruiker {
            gebruikersnaam: gebruikersnaam.into(),
            naam: format!("Naam {gebruikersnaam}"),
            wachtwoord: format!("wachtwoord-van-{gebruikersnaam}"),
            rol,
            themas: self.thema_ids(themas).await,
        };
        self.services
            .gebruiker_aanmaken(&Kijker::systeem("test"), n)
            .await
            .expect("user");
        self.sign_in(gebruikersnaam, &format!("wachtwoord-van-{gebruikersnaam}"))
            .await
            .expect("signed in")
    }

    /// Signs in over HTTP; `Err` has the status and body of a refusal.
    pub async fn sign_in(&self, gebruikersnaam: &str, wachtwoord: &str) -> Result<Sessie, (u16, Value)> {
        let r = self
            .client
            .post(self.url("/auth/aanmelden"))
            .json(&json!({ "gebruikersnaam": gebruikersnaam, "wachtwoord": wachtwoord }))
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        let set_cookie = r
            .headers()
            .get(reqwest::header::SET_COOKIE)
            .map(|v| v.to_str().unwrap().to_string());
        let body: Value = r.json().await.unwrap_or(Value::Null);
        match (status, set_cookie) {
            (200, Some(set_cookie)) => Ok(Sessie {
                cookie: set_cookie.split(';').next().unwrap().to_string(),
                set_cookie,
                csrf: body["csrfToken"].as_str().unwrap().to_string(),
            }),
            _ => Err((status, body)),
        }
    }

    /// `http://addr/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Posts a GraphQL request with [`Self::token`]; returns the whole JSON response.
    pub async fn gql(&self, query: &str, variables: Value) -> Value {
        self.gql_as(&Als::Token(&self.token), query, variables).await
    }

    /// Posts a GraphQL request as `als`; returns the whole JSON response.
    pub async fn gql_as(&self, als: &Als<'_>, query: &str, variables: Value) -> Value {
        let (status, body) = self.gql_status(als, query, variables).await;
        assert!(status < 500, "{status}: {body:#}");
        body
    }

    /// Posts a GraphQL request as `als`; returns the HTTP status and the JSON response.
    pub async fn gql_status(&self, als: &Als<'_>, query: &str, variables: Value) -> (u16, Value) {
        let mut req = self
            .client
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }));
        match als {
            Als::Anoniem => {}
            Als::Token(t) => req = req.bearer_auth(t),
            Als::Sessie(s) => {
                req = req
                    .header(reqwest::header::COOKIE, &s.cookie)
                    .header("X-CSRF-Token", &s.csrf)
            }
            Als::SessieZonderCsrf(s) => req = req.header(reqwest::header::COOKIE, &s.cookie),
        }
        let r = req.send().await.expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.expect("json"))
    }

    /// Posts `body` as is to `/graphql` with [`Self::token`]; returns the status and the JSON response (`Null` if it is not JSON).
    pub async fn post_raw(&self, body: impl Into<reqwest::Body>) -> (reqwest::StatusCode, Value) {
        let r = self
            .client
            .post(self.url("/graphql"))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .bearer_auth(&self.token)
            .body(body)
            .send()
            .await
            .expect("request");
        let status = r.status();
        let text = r.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// How many acties the API reports, over all pages.
    pub async fn acties_total(&self) -> i64 {
        self.data("{ acties { totalCount } }", json!({})).await["acties"]["totalCount"]
            .as_i64()
            .expect("totalCount")
    }

    /// Posts a GraphQL request that must succeed; returns `data`.
    pub async fn data(&self, query: &str, variables: Value) -> Value {
        let r = self.gql(query, variables).await;
        assert!(r.get("errors").is_none(), "unexpected errors: {r:#}");
        r["data"].clone()
    }

    /// A second connection to the same database, for checks behind the API's back.
    pub async fn db(&self) -> Db {
        Db::connect(&self.database_url).await.expect("db")
    }
}

/// A signed-in session as a browser holds it.
#[derive(Debug, Clone)]
pub struct Sessie {
    /// `koers_sessie=…`, as sent back in `Cookie`.
    pub cookie: String,
    /// The whole `Set-Cookie` header of the sign-in.
    pub set_cookie: String,
    /// The session's CSRF token.
    pub csrf: String,
}

/// Who sends a request in a test.
pub enum Als<'a> {
    /// Nobody signed in.
    Anoniem,
    /// `Authorization: Bearer`.
    Token(&'a str),
    /// The session cookie with its CSRF token.
    Sessie(&'a Sessie),
    /// The session cookie without its CSRF token (as a forged cross-site request would).
    SessieZonderCsrf(&'a Sessie),
}

/// The first error's `extensions.code`.
pub fn code(r: &Value) -> &str {
    r["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {r:#}"))
}

/// The first error's `extensions.field`.
pub fn field(r: &Value) -> &str {
    r["errors"][0]["extensions"]["field"]
        .as_str()
        .unwrap_or_else(|| panic!("no error field in {r:#}"))
}

/// The key of the first error's first problem (`extensions.fouten[0].sleutel`).
pub fn sleutel(r: &Value) -> &str {
    r["errors"][0]["extensions"]["fouten"][0]["sleutel"]
        .as_str()
        .unwrap_or_else(|| panic!("no message key in {r:#}"))
}

/// The global id of the plan with `sleutel`, and of its opgaven in order.
pub async fn plan_ids(app: &TestApp, sleutel: &str) -> (String, Vec<String>) {
    let d = app
        .data("{ actieplannen { id sleutel opgaven { id } } }", json!({}))
        .await;
    let plan = d["actieplannen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["sleutel"] == sleutel)
        .unwrap_or_else(|| panic!("plan {sleutel} seeded"))
        .clone();
    let opgaven = plan["opgaven"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string());
    (plan["id"].as_str().unwrap().to_string(), opgaven.collect())
}

/// Creates an actie in `opgave` with status in uitvoering; returns its id.
pub async fn new_actie(app: &TestApp, opgave: &str, titel: &str) -> String {
    let d = app
        .data(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }",
            json!({ "i": { "opgave": opgave, "titel": titel, "jaar": 2026, "status": "IN_UITVOERING",
                           "voortgang": 10 } }),
        )
        .await;
    d["actieAanmaken"]["id"].as_str().unwrap().to_string()
}

/// What the server itself sees: everything.
pub fn alles_zicht() -> koers_backend::service::zicht::Zicht {
    koers_backend::service::zicht::Zicht::van(&koers_backend::toegang::Kijker::systeem("test"))
        .expect("zicht")
}

/// The usual viewers of the confidentiality tests: a signed-in lezer and three tokens — one without the
/// confidential scope, one for another thema (Digitale Veiligheid, with every right), and one for Mensenhandel
/// with the confidential scope.
pub struct Kijkers {
    pub lezer: Sessie,
    pub open_token: String,
    pub ander_thema: String,
    pub vertrouwd: String,
}

impl Kijkers {
    /// Creates them on `app`.
    pub async fn new(app: &TestApp) -> Kijkers {
        Kijkers {
            lezer: app.sign_in_new("lezer", Rol::Lezer, &[]).await,
            open_token: app.new_token("open", false, false, None).await,
            ander_thema: app
                .new_token("dv", true, true, Some(&["digitale-veiligheid"]))
                .await,
            vertrouwd: app
                .new_token("mh-vertrouwelijk", false, true, Some(&["mensenhandel"]))
                .await,
        }
    }
}
