//! Integration tests of the API: each test spawns Koers on port 0 with a fresh database — an SQLite file, or
//! a new database on the PostgreSQL server named by `KOERS_TEST_DATABASE_URL`.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

mod helpers;

mod beheer_gebruikers;
mod beheer_hulp;
mod beheer_import;
mod beheer_live;
mod beheer_plannen;
mod beheer_rollen;
mod beheer_stamdata;
mod cli;
mod clients;
mod documenten;
mod graphql_http;
mod graphql_http_apq;
mod graphql_http_audit;
mod guards;
mod guards_codes;
mod guards_document;
mod guards_kosten;
mod hostile;
mod http;
mod instanties;
mod instanties_stil;
mod lekken;
mod lekken_rollups;
mod metrics;
mod mutations;
mod n_plus_one;
mod node;
mod ontvanger;
mod queries;
mod rollen;
mod schema;
mod schema_served;
mod seed;
mod seed_bron;
mod stand;
mod subscriptions;
mod tekst;
mod tellen;
mod toegang;
mod verbindingen;
mod webhooks;
mod webhooks_fouten;
mod webhooks_invoer;
mod webhooks_plannen;
mod webhooks_scope;
mod websocket;
mod websocket_toegang;
mod wsclient;
mod zoeken;
