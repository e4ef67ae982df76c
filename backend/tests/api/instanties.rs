//! Several Koers instances on one database: changes reach the subscribers of every instance (PostgreSQL
//! `NOTIFY`, once each, as each subscriber may see them), a listener that lost its connection makes its
//! sockets reload, scheduled jobs run once per period (and a dead instance's run is taken over), and sign-in
//! attempts are counted by all instances together. The multi-instance tests need PostgreSQL and say so when
//! skipped; the job test runs on SQLite too.

use crate::helpers::{Als, TestApp, new_actie, plan_ids};
use crate::wsclient::{Event, Sock};
use koers_backend::config::Taken;
use koers_backend::toegang::Rol;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::time::Instant;

const LIVE: &str = "subscription { actieGewijzigd { actie { id titel } verborgen opgave { id } } }";

fn op_postgres() -> bool {
    std::env::var("KOERS_TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"))
}

/// Two instances on one fresh PostgreSQL database; `None` (with a message) on SQLite.
pub(crate) async fn twee(
    test: &str,
    f: impl Fn(&mut koers_backend::config::Settings),
) -> Option<(TestApp, TestApp)> {
    if !op_postgres() {
        eprintln!("{test}: overgeslagen, twee instanties vragen PostgreSQL (KOERS_TEST_DATABASE_URL)");
        return None;
    }
    let a = TestApp::spawn_with(&f).await;
    let b = TestApp::spawn_on(a.database_url.clone(), None, &f).await;
    Some((a, b))
}

/// Waits until `app` has `n` subscribers listening for changes.
async fn abonnees(app: &TestApp, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.services.events.receiver_count() < n {
        assert!(Instant::now() < deadline, "subscriptions did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The next `next` payload's `actieGewijzigd` on `sock`, within `wait`.
async fn wijziging(sock: &mut Sock, wait: Duration) -> Option<Value> {
    match sock.next(wait).await {
        Event::Msg(m) if m["type"] == "next" => Some(m["payload"]["data"]["actieGewijzigd"].clone()),
        Event::Silence => None,
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test]
async fn a_change_on_one_instance_reaches_subscribers_on_the_other_once_as_they_may_see_it() {
    let Some((a, b)) = twee("instanties", |_| {}).await else {
        return;
    };
    let bearer = format!("Bearer {}", a.token);
    let mut anoniem_b = Sock::ready(&b, &[], json!({})).await;
    let mut vertrouwd_b = Sock::ready(&b, &[], json!({ "authorization": bearer })).await;
    let mut anoniem_a = Sock::ready(&a, &[], json!({})).await;
    for s in [&mut anoniem_b, &mut vertrouwd_b, &mut anoniem_a] {
        s.subscribe("1", LIVE, json!({})).await;
    }
    abonnees(&b, 2).await;
    abonnees(&a, 1).await;

    let (_, opgaven) = plan_ids(&a, "mh-2024-2026").await;
    let id = new_actie(&a, &opgaven[0], "Via A").await;
    // (Within a second: measured against the real binaries in tests/resilience/instanties.rs.)
    let w = wijziging(&mut anoniem_b, Duration::from_secs(10))
        .await
        .expect("B hears of A's change");
    assert_eq!(w["actie"]["id"], id.as_str());
    let w = wijziging(&mut anoniem_a, Duration::from_secs(5))
        .await
        .expect("A's own subscriber");
    assert_eq!(w["actie"]["id"], id.as_str());
    assert_eq!(
        wijziging(&mut vertrouwd_b, Duration::from_secs(5)).await.unwrap()["actie"]["id"],
        id.as_str()
    );

    // Confidential: the anonymous subscriber on B hears only that its opgave changed; the token sees it.
    let geheim = a
        .data(
            "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
            json!({ "i": { "opgave": opgaven[0], "titel": "Geheim via A", "jaar": 2026,
                           "status": "IN_UITVOERING", "vertrouwelijk": true } }),
        )
        .await["actieAanmaken"]["id"]
        .clone();
    let w = wijziging(&mut anoniem_b, Duration::from_secs(5))
        .await
        .expect("roll-up news");
    assert_eq!(
        w["actie"],
        Value::Null,
        "no confidential actie for anonymous: {w}"
    );
    let w = wijziging(&mut vertrouwd_b, Duration::from_secs(5)).await.unwrap();
    assert_eq!(w["actie"]["id"], geheim);
    // Each change came once: A's subscriber does not get its own instance's change a second time.
    assert!(wijziging(&mut anoniem_a, Duration::from_secs(5)).await.is_some());
    assert_eq!(anoniem_a.next(Duration::from_millis(800)).await, Event::Silence);
    assert_eq!(anoniem_b.next(Duration::from_millis(200)).await, Event::Silence);
}

#[tokio::test]
async fn a_listener_that_lost_its_connection_listens_again_and_makes_its_sockets_reload() {
    let Some((a, b)) = twee("luisteraar", |_| {}).await else {
        return;
    };
    let mut sock = Sock::ready(&b, &[], json!({})).await;
    sock.subscribe("1", LIVE, json!({})).await;
    abonnees(&b, 1).await;
    let naam = koers_backend::service::luisteraar::naam(&b.services);
    let db = a.db().await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let r = db
            .writer
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1",
                [naam.clone().into()],
            ))
            .await
            .unwrap()
            .unwrap();
        if r.try_get_by_index::<i64>(0).unwrap() >= 1 {
            break;
        }
        assert!(Instant::now() < deadline, "B's listener connection not found");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (e, _) = sock.until_closed(Duration::from_secs(30)).await;
    assert_eq!(e.close_code(), 1012, "reload: {e:?}");

    // Reconnected (as the front end does) it hears of A's changes again.
    let mut sock = Sock::ready(&b, &[], json!({})).await;
    sock.subscribe("1", LIVE, json!({})).await;
    abonnees(&b, 1).await;
    let (_, opgaven) = plan_ids(&a, "mh-2024-2026").await;
    let id = new_actie(&a, &opgaven[0], "Na het herstel").await;
    let w = wijziging(&mut sock, Duration::from_secs(10))
        .await
        .expect("listening again");
    assert_eq!(w["actie"]["id"], id.as_str());
}

async fn getal(db: &koers_backend::db::Db, sql: &str) -> i64 {
    let backend = db.backend();
    let r = db
        .reader
        .query_one_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .unwrap();
    r.try_get_by_index::<i64>(0).unwrap()
}

async fn tot(what: &str, mut f: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !f().await {
        assert!(Instant::now() < deadline, "{what} did not happen in time");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_cleanup_job_runs_once_per_period_and_takes_over_a_run_whose_instance_died() {
    let taken = |s: &mut koers_backend::config::Settings| {
        s.taken = Some(Taken {
            interval: Duration::from_secs(1),
            lease: Duration::from_secs(2),
        });
    };
    let a = TestApp::spawn_with(taken).await;
    // On PostgreSQL a second instance claims runs of the same job on the same database.
    let b = match op_postgres() {
        true => Some(TestApp::spawn_on(a.database_url.clone(), None, taken).await),
        false => None,
    };
    let db = a.db().await;
    let oud = a.sign_in_new("oud", Rol::Lezer, &[]).await;
    let vers = a.sign_in_new("vers", Rol::Lezer, &[]).await;
    db.writer
        .execute_unprepared(
            "UPDATE sessie SET verloopt_op = '2026-01-01 00:00:00+00:00' WHERE gebruiker_id = \
             (SELECT id FROM gebruiker WHERE gebruikersnaam = 'oud')",
        )
        .await
        .unwrap();
    tot("the expired session's removal", async || {
        getal(
            &db,
            "SELECT COUNT(*) FROM sessie s JOIN gebruiker g ON g.id = s.gebruiker_id \
                    WHERE g.gebruikersnaam = 'oud'",
        )
        .await
            == 0
    })
    .await;
    let r = a.gql_as(&Als::Sessie(&vers), "{ ik { naam } }", json!({})).await;
    assert_eq!(r["data"]["ik"]["naam"], "Naam vers", "a live session stays: {r}");
    let _ = oud;
    // A few periods pass: one run each, never two.
    tot("three finished runs", async || {
        getal(&db, "SELECT COUNT(*) FROM taak_run WHERE klaar_op IS NOT NULL").await >= 3
    })
    .await;
    let dubbel =
        "SELECT COUNT(*) FROM (SELECT periode FROM taak_run GROUP BY naam, periode HAVING COUNT(*) > 1) d";
    assert_eq!(getal(&db, dubbel).await, 0);

    // An instance that claimed a run and died: its lease ends, another instance finishes the run.
    let id = getal(
        &db,
        "SELECT CAST(MAX(id) AS BIGINT) FROM taak_run WHERE klaar_op IS NOT NULL",
    )
    .await;
    db.writer
        .execute_unprepared(&format!(
            "UPDATE taak_run SET klaar_op = NULL, resultaat = NULL, instantie = 'dood', pogingen = 1, \
             geclaimd_tot = begonnen_op WHERE id = {id}"
        ))
        .await
        .unwrap();
    tot("the takeover", async || {
        let sql = format!(
            "SELECT COUNT(*) FROM taak_run WHERE id = {id} AND klaar_op IS NOT NULL AND pogingen = 2 \
             AND instantie <> 'dood'"
        );
        getal(&db, &sql).await == 1
    })
    .await;
    drop(b);
}

#[tokio::test]
async fn sign_in_attempts_are_counted_by_all_instances_together() {
    let Some((a, b)) = twee("aanmelden", |s| s.toegang.aanmeldingen_per_minuut = 3).await else {
        return;
    };
    // Four attempts within one minute: not across the turn of a minute.
    let seconde = chrono::Utc::now().timestamp().rem_euclid(60);
    if seconde > 45 {
        tokio::time::sleep(Duration::from_secs(u64::try_from(61 - seconde).unwrap())).await;
    }
    for app in [&a, &a, &b] {
        let (status, _) = app.sign_in("niemand", "fout").await.unwrap_err();
        assert_eq!(status, 401);
    }
    let (status, body) = b.sign_in("niemand", "fout").await.unwrap_err();
    assert_eq!(status, 429, "the fourth attempt, on the other instance: {body}");
    assert_eq!(crate::helpers::code(&body), "RATE_LIMITED");
}

#[tokio::test]
async fn instances_started_together_on_an_empty_database_migrate_and_seed_once() {
    if !op_postgres() {
        eprintln!("samen starten: overgeslagen, twee instanties vragen PostgreSQL (KOERS_TEST_DATABASE_URL)");
        return;
    }
    let (url, _) = crate::helpers::fresh_database().await;
    let (a, b) = tokio::join!(
        TestApp::spawn_on(url.clone(), None, |_| {}),
        TestApp::spawn_on(url.clone(), None, |_| {})
    );
    let n = a.acties_total().await;
    assert!(n > 0, "seeded");
    assert_eq!(b.acties_total().await, n);
    let db = a.db().await;
    assert_eq!(
        getal(&db, "SELECT COUNT(*) FROM thema").await,
        getal(&db, "SELECT COUNT(DISTINCT sleutel) FROM thema").await
    );
}

/// A failed sign-in as the reverse proxy at 127.0.0.1 forwards it for `voor`; the status.
async fn aanmelden_via_proxy(app: &TestApp, voor: &str) -> u16 {
    app.client
        .post(app.url("/auth/aanmelden"))
        .header("X-Forwarded-For", voor)
        .json(&json!({ "gebruikersnaam": "niemand", "wachtwoord": "fout" }))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_limits_count_the_forwarded_client_address() {
    let proxy = |s: &mut koers_backend::config::Settings| {
        s.toegang.aanmeldingen_per_minuut = 2;
        s.vertrouwde_proxies = vec!["127.0.0.1".parse().unwrap()];
    };
    let app = TestApp::spawn_with(proxy).await;
    assert_eq!(aanmelden_via_proxy(&app, "10.0.0.1").await, 401);
    assert_eq!(aanmelden_via_proxy(&app, "10.0.0.1").await, 401);
    assert_eq!(aanmelden_via_proxy(&app, "10.0.0.1").await, 429);
    // Another client behind the same proxy is not held back by the first.
    assert_eq!(aanmelden_via_proxy(&app, "10.0.0.2").await, 401);
    // A made-up address in front of the proxy's own entry changes nothing: the proxy appended 10.0.0.1.
    assert_eq!(aanmelden_via_proxy(&app, "192.0.2.7, 10.0.0.1").await, 429);

    // Without trusted proxies the header is ignored: everyone is the proxy.
    let app = TestApp::spawn_with(|s| s.toegang.aanmeldingen_per_minuut = 2).await;
    assert_eq!(aanmelden_via_proxy(&app, "10.0.0.1").await, 401);
    assert_eq!(aanmelden_via_proxy(&app, "10.0.0.2").await, 401);
    assert_eq!(aanmelden_via_proxy(&app, "10.0.0.3").await, 429);
}
