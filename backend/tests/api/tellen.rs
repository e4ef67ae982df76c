//! What a request costs in SQL statements: a page of acties counts only what its selection asks for, and a
//! progress report reads its actie's plan and thema once.

use crate::helpers::fresh_database;
use koers_backend::db::Db;
use koers_backend::graphql::{KoersSchema, build_schema};
use koers_backend::seed;
use koers_backend::service::Services;
use koers_backend::toegang::Kijker;
use serde_json::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A seeded schema whose reader and writer count their statements.
async fn counted() -> (KoersSchema, Arc<AtomicUsize>, Option<tempfile::TempDir>) {
    let (url, dir) = fresh_database().await;
    let mut db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    seed::load(&db, &seed::parse(seed::BUILTIN).unwrap())
        .await
        .unwrap();
    let counter = Arc::new(AtomicUsize::new(0));
    for conn in [&mut db.reader, &mut db.writer] {
        let c = counter.clone();
        conn.set_metric_callback(move |_| {
            c.fetch_add(1, Ordering::SeqCst);
        });
    }
    (build_schema(Services::new(db), Default::default()), counter, dir)
}

async fn run(schema: &KoersSchema, counter: &AtomicUsize, query: &str) -> (usize, Value) {
    counter.store(0, Ordering::SeqCst);
    let r = schema
        .execute(async_graphql::Request::new(query).data(Kijker::systeem("test")))
        .await;
    assert!(r.errors.is_empty(), "{query}: {:?}", r.errors);
    (counter.load(Ordering::SeqCst), r.data.into_json().unwrap())
}

#[tokio::test]
async fn an_acties_page_counts_only_what_it_asks_for() {
    let (schema, counter, _dir) = counted().await;
    let (bare, first) = run(
        &schema,
        &counter,
        "{ acties(first: 3) { nodes { id } pageInfo { endCursor } } }",
    )
    .await;
    let (with_total, d) = run(
        &schema,
        &counter,
        "{ acties(first: 3) { totalCount nodes { id } } }",
    )
    .await;
    assert!(
        with_total > bare,
        "totalCount costs a statement: {bare} without, {with_total} with"
    );
    assert!(d["acties"]["totalCount"].as_u64().unwrap() > 3);

    let cursor = first["acties"]["pageInfo"]["endCursor"].as_str().unwrap();
    let next = format!("{{ acties(first: 3, after: \"{cursor}\") {{ nodes {{ id }} }} }}");
    let (walk, _) = run(&schema, &counter, &next).await;
    let asked = format!(
        "{{ acties(first: 3, after: \"{cursor}\") {{ ...P }} }} fragment P on ActieConnection {{ pageInfo {{ hasPreviousPage }} }}"
    );
    let (back, d) = run(&schema, &counter, &asked).await;
    assert_eq!(walk, bare, "walking on costs what the first page costs");
    assert!(
        back > walk,
        "hasPreviousPage, asked through a fragment, costs a statement"
    );
    assert_eq!(d["acties"]["pageInfo"]["hasPreviousPage"], true);
}

#[tokio::test]
async fn a_progress_report_reads_plan_and_thema_once() {
    let (schema, counter, _dir) = counted().await;
    let (_, d) = run(
        &schema,
        &counter,
        "{ acties(first: 1, filter: { status: [GEPLAND] }) { nodes { id versie } } }",
    )
    .await;
    let node = &d["acties"]["nodes"][0];
    let m = format!(
        "mutation {{ actieVoortgangRapporteren(invoer: {{ id: \"{}\", versie: {}, voortgang: 40 }}) {{ id versie }} }}",
        node["id"].as_str().unwrap(),
        node["versie"]
    );
    let (n, d) = run(&schema, &counter, &m).await;
    assert_eq!(
        d["actieVoortgangRapporteren"]["versie"],
        node["versie"].as_i64().unwrap() + 1
    );
    // Read the actie, its plan and thema (one join); update it, write its history and the audit row; read the
    // webhooks that may hear of it (their outbox rows are written in the same transaction); on PostgreSQL also
    // the NOTIFY that tells the other instances.
    let grens = match std::env::var("KOERS_TEST_DATABASE_URL") {
        Ok(u) if u.starts_with("postgres") => 7,
        _ => 6,
    };
    assert!(n <= grens, "a progress report takes {n} statements");
}
