//! PostgreSQL goes away under a running Koers and comes back: Koers stays up, `/readyz` says not ready, API calls
//! get DATABASE_UNAVAILABLE within the pool's acquire timeout (no hang, no 500), and once the server is back
//! requests succeed again without restarting Koers. The test runs its own PostgreSQL server so it can stop it.

use crate::pgserver::{PG_BIN, PgServer};
use koers_backend::config::Settings;
use koers_backend::startup::Application;
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The longest an answer may take while the database is down (the PostgreSQL acquire timeout is 5 s).
const BOUND: Duration = Duration::from_secs(10);

const MELDEN: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { versie } }";

async fn gql(client: &reqwest::Client, base: &str, query: &str, variables: Value) -> (u16, Value) {
    gql_as(client, base, None, query, variables).await
}

async fn gql_as(
    client: &reqwest::Client,
    base: &str,
    token: Option<&str>,
    query: &str,
    variables: Value,
) -> (u16, Value) {
    let mut req = client.post(format!("{base}/graphql"));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let r = req
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .expect("Koers answers");
    let status = r.status().as_u16();
    (status, r.json().await.expect("a JSON answer"))
}

async fn readyz(client: &reqwest::Client, base: &str) -> u16 {
    client
        .get(format!("{base}/readyz"))
        .send()
        .await
        .expect("Koers answers")
        .status()
        .as_u16()
}

/// A GraphQL error with the code: inside a 200 when the schema ran, or a 503 when the HTTP layer could not even
/// check the API token.
fn assert_unavailable(status: u16, r: &Value) {
    assert!(
        matches!(status, 200 | 503),
        "a GraphQL error, not an HTTP failure: {status} {r:#}"
    );
    assert_eq!(
        r["errors"][0]["extensions"]["code"], "DATABASE_UNAVAILABLE",
        "{r:#}"
    );
    let message = r["errors"][0]["message"].as_str().unwrap();
    assert!(
        !message.contains("127.0.0.1") && !message.contains("sqlx"),
        "no internals: {message}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn koers_survives_a_postgresql_outage() {
    if !PgServer::available() {
        eprintln!("skipped: no PostgreSQL server programs in {PG_BIN}");
        return;
    }
    let pg = tokio::task::spawn_blocking(PgServer::init).await.unwrap();
    let admin = Database::connect(pg.url("postgres")).await.unwrap();
    admin.execute_unprepared("CREATE DATABASE koers").await.unwrap();
    admin.close().await.unwrap();

    let static_dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::new(pg.url("koers"));
    settings.addr = "127.0.0.1:0".parse().unwrap();
    settings.static_dir = static_dir.path().to_path_buf();
    let app = Application::build(settings).await.expect("Koers starts");
    let nieuw = koers_backend::service::tokens::NieuwToken {
        naam: "Storingstest".into(),
        schrijven: true,
        vertrouwelijk: false,
        themas: None,
        geldig_dagen: 1,
    };
    let systeem = koers_backend::toegang::Kijker::systeem("test");
    let (token, _) = app.services().token_aanmaken(&systeem, nieuw).await.unwrap();
    let base = format!("http://{}", app.local_addr());
    tokio::spawn(app.run_until_stopped());
    // The client gives up long after the bound: a hang would show as a failed bound, not as a stuck test.
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();

    assert_eq!(readyz(&client, &base).await, 200);
    let lijst = "{ acties(first: 1) { nodes { id versie } } }";
    let (status, r) = gql(&client, &base, lijst, json!({})).await;
    assert_eq!(status, 200);
    let actie = r["data"]["acties"]["nodes"][0].clone();
    assert!(actie["id"].is_string(), "{r:#}");

    // PostgreSQL stops.
    tokio::task::block_in_place(|| pg.stop());

    let t = Instant::now();
    assert_eq!(readyz(&client, &base).await, 503, "/readyz: not ready");
    assert!(t.elapsed() < BOUND, "/readyz answered after {:?}", t.elapsed());
    eprintln!("PostgreSQL down: /readyz 503 after {:?}", t.elapsed());

    let t = Instant::now();
    let (status, r) = gql(&client, &base, lijst, json!({})).await;
    assert!(t.elapsed() < BOUND, "the query answered after {:?}", t.elapsed());
    assert_unavailable(status, &r);

    let t = Instant::now();
    let melding = json!({ "i": { "id": actie["id"], "versie": actie["versie"], "voortgang": 50,
                                 "status": "IN_UITVOERING" } });
    let (status, r) = gql_as(&client, &base, Some(&token), MELDEN, melding.clone()).await;
    assert!(
        t.elapsed() < BOUND,
        "the mutation answered after {:?}",
        t.elapsed()
    );
    assert_unavailable(status, &r);
    eprintln!(
        "PostgreSQL down: mutation DATABASE_UNAVAILABLE after {:?}",
        t.elapsed()
    );

    let healthz = client.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(healthz.status().as_u16(), 200, "Koers itself stays up");

    // PostgreSQL is back: the same Koers serves again.
    tokio::task::block_in_place(|| pg.start());
    let t = Instant::now();
    while readyz(&client, &base).await != 200 {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "ready again after PostgreSQL returned"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    eprintln!("PostgreSQL back: ready again after {:?}", t.elapsed());
    let (status, r) = gql(&client, &base, lijst, json!({})).await;
    assert_eq!(status, 200);
    assert!(r.get("errors").is_none(), "{r:#}");
    assert_eq!(r["data"]["acties"]["nodes"][0], actie);
    let (_, r) = gql_as(&client, &base, Some(&token), MELDEN, melding).await;
    assert!(
        r.get("errors").is_none(),
        "the refused write can be sent again: {r:#}"
    );
    assert_eq!(
        r["data"]["actieVoortgangRapporteren"]["versie"],
        actie["versie"].as_i64().unwrap() + 1
    );
}
