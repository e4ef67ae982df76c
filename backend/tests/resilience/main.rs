//! Resilience tests ("data that survives"): concurrent conflicting updates, backup and restore, a PostgreSQL
//! outage, SIGKILL during a burst of writes, a full disk, a deleted database file, a second writing process,
//! webhook deliveries across a SIGKILL and two servers on one database.
//! Like the API tests they run on SQLite, or on the PostgreSQL server named by `KOERS_TEST_DATABASE_URL`; the
//! outage test starts a PostgreSQL server of its own.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

#[path = "../api/helpers.rs"]
mod helpers;
#[path = "../api/node.rs"]
mod node;
#[path = "../api/ontvanger.rs"]
mod ontvanger;

mod pgserver;
mod proces;

mod backup;
mod concurrency;
mod gelijktijdig;
mod instanties;
mod outage;
mod schijfvol;
mod sigkill;
mod stoppen;
mod verdwenen;
mod webhooks;
