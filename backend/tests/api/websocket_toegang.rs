//! Credentials over an open WebSocket: every operation checks its caller again, and the sockets of a revoked
//! token (also revoked by the `koers` command line, another process), an ended session or an expired one
//! close with 4403 within about a second.

use crate::helpers::{Als, TestApp, new_actie, plan_ids};
use crate::wsclient::{Event, Sock};
use koers_backend::entities::{api_token, sessie};
use koers_backend::toegang::Kijker;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::time::Instant;

const REPORT: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { versie } }";

/// The prefix of the token named `naam`.
async fn prefix(app: &TestApp, naam: &str) -> String {
    let tokens = app.services.tokens(&Kijker::systeem("test")).await.unwrap();
    tokens.into_iter().find(|(t, _)| t.naam == naam).unwrap().0.prefix
}

async fn versie(app: &TestApp, actie: &str) -> i64 {
    app.data(
        "query($a: ID!) { actie(id: $a) { versie } }",
        json!({ "a": actie }),
    )
    .await["actie"]["versie"]
        .as_i64()
        .unwrap()
}

fn bearer(t: &str) -> Value {
    json!({ "authorization": format!("Bearer {t}") })
}

/// Waits (at most `wait`) for the socket to close; the close code and how long it took.
async fn closes(s: &mut Sock, wait: Duration) -> (u16, Duration) {
    let start = Instant::now();
    let (e, t) = s.until_closed(wait).await;
    (e.close_code(), t - start)
}

#[tokio::test]
async fn a_revoked_write_token_no_longer_changes_an_actie_over_its_open_socket() {
    // The watcher is slowed down: what stops the write is the check of this very operation.
    let app = TestApp::spawn_with(|s| s.websocket.controle = Duration::from_secs(3600)).await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let actie = new_actie(&app, &opgaven[0], "Over de socket").await;
    let token = app.new_token("Schrijver", true, false, None).await;
    let mut s = Sock::ready(&app, &[], bearer(&token)).await;
    s.subscribe(
        "1",
        REPORT,
        json!({ "i": { "id": actie, "versie": 1, "voortgang": 20 } }),
    )
    .await;
    let Event::Msg(m) = s.next(Duration::from_secs(10)).await else {
        panic!("an answer")
    };
    assert_eq!(
        m["payload"]["data"]["actieVoortgangRapporteren"]["versie"], 2,
        "{m}"
    );

    app.services
        .token_intrekken(
            &Kijker::systeem("test"),
            None,
            Some(&prefix(&app, "Schrijver").await),
        )
        .await
        .unwrap();
    s.subscribe(
        "2",
        REPORT,
        json!({ "i": { "id": actie, "versie": 2, "voortgang": 90 } }),
    )
    .await;
    // The first operation's `complete` may come first; then the close, and no answer to the second.
    let mut e = s.next(Duration::from_secs(20)).await;
    if e == Event::Msg(json!({ "type": "complete", "id": "1" })) {
        e = s.next(Duration::from_secs(20)).await;
    }
    assert_eq!(e.close_code(), 4403, "{e:?}");
    assert_eq!(versie(&app, &actie).await, 2, "the revoked token changed nothing");
}

#[tokio::test]
async fn revoking_a_token_from_the_command_line_closes_its_sockets_within_a_second() {
    let app = TestApp::spawn().await;
    let token = app.new_token("Beamer", false, false, None).await;
    let mut s = Sock::ready(&app, &[], bearer(&token)).await;
    let mut anoniem = Sock::ready(&app, &[], json!({})).await;
    let p = prefix(&app, "Beamer").await;
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_koers"))
        .args(["token", "revoke", &p])
        .env("DATABASE_URL", &app.database_url)
        .env("KOERS_LOG", "warn")
        .output()
        .await
        .expect("koers runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The watcher checks every 500 ms; a generous bound for a busy machine.
    let (code, na) = closes(&mut s, Duration::from_secs(20)).await;
    assert_eq!(code, 4403);
    assert!(na < Duration::from_secs(3), "closed after {na:?}");
    // Other sockets stay open.
    anoniem.send(json!({ "type": "ping" })).await;
    assert_eq!(
        anoniem.next(Duration::from_secs(5)).await,
        Event::Msg(json!({ "type": "pong" }))
    );
}

#[tokio::test]
async fn signing_out_closes_the_sessions_sockets() {
    let app = TestApp::spawn().await;
    let sessie = app
        .sign_in_new("lotte", koers_backend::toegang::Rol::Lezer, &[])
        .await;
    let mut s = Sock::ready(&app, &[("Cookie", &sessie.cookie)], json!({})).await;
    s.send(json!({ "type": "subscribe", "id": "ik", "payload": { "query": "{ ik { naam } }" } }))
        .await;
    let Event::Msg(m) = s.next(Duration::from_secs(10)).await else {
        panic!("an answer")
    };
    assert_eq!(m["payload"]["data"]["ik"]["naam"], "Naam lotte", "{m}");

    let r = app
        .client
        .post(app.url("/auth/afmelden"))
        .header("Cookie", &sessie.cookie)
        .header("X-CSRF-Token", &sessie.csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    let (code, na) = closes(&mut s, Duration::from_secs(20)).await;
    assert_eq!(code, 4403);
    assert!(na < Duration::from_secs(3), "closed after {na:?}");
    // A new socket with the ended session's cookie is anonymous.
    let mut s = Sock::ready(&app, &[("Cookie", &sessie.cookie)], json!({})).await;
    s.send(json!({ "type": "subscribe", "id": "ik", "payload": { "query": "{ ik { naam } }" } }))
        .await;
    let Event::Msg(m) = s.next(Duration::from_secs(10)).await else {
        panic!("an answer")
    };
    assert_eq!(m["payload"]["data"]["ik"]["naam"], "anoniem", "{m}");
}

#[tokio::test]
async fn expired_sessions_and_tokens_close_their_sockets() {
    let app = TestApp::spawn_with(|s| {
        s.toegang.sessie_duur = Duration::from_secs(2);
        // Only the socket's own expiry timer can close it this soon.
        s.websocket.controle = Duration::from_secs(3600);
    })
    .await;
    let sessie = app
        .sign_in_new("kort", koers_backend::toegang::Rol::Lezer, &[])
        .await;
    let mut s = Sock::ready(&app, &[("Cookie", &sessie.cookie)], json!({})).await;
    let (code, na) = closes(&mut s, Duration::from_secs(15)).await;
    assert_eq!(code, 4403);
    assert!(na < Duration::from_secs(5), "closed after {na:?}");

    let token = app.new_token("Kort", false, false, None).await;
    let db = app.db().await;
    api_token::Entity::update_many()
        .col_expr(
            api_token::Column::VerlooptOp,
            Expr::value(chrono::Utc::now() + chrono::Duration::seconds(2)),
        )
        .filter(api_token::Column::Naam.eq("Kort"))
        .exec(&db.writer)
        .await
        .unwrap();
    let mut s = Sock::ready(&app, &[], bearer(&token)).await;
    let (code, na) = closes(&mut s, Duration::from_secs(15)).await;
    assert_eq!(code, 4403);
    assert!(na < Duration::from_secs(5), "closed after {na:?}");
    let (status, _) = app
        .gql_status(&Als::Token(&token), "{ __typename }", json!({}))
        .await;
    assert_eq!(status, 401, "the token really expired");
}

#[tokio::test]
async fn a_session_ended_behind_the_servers_back_closes_its_socket() {
    let app = TestApp::spawn().await;
    let sessie = app
        .sign_in_new("elders", koers_backend::toegang::Rol::Redacteur, &[])
        .await;
    let mut s = Sock::ready(&app, &[("Cookie", &sessie.cookie)], json!({})).await;
    let db = app.db().await;
    sessie::Entity::update_many()
        .col_expr(sessie::Column::IngetrokkenOp, Expr::value(chrono::Utc::now()))
        .exec(&db.writer)
        .await
        .unwrap();
    let (code, na) = closes(&mut s, Duration::from_secs(20)).await;
    assert_eq!(code, 4403);
    assert!(na < Duration::from_secs(3), "closed after {na:?}");
}
