//! The PostgreSQL listener of one instance: `LISTEN koers_wijziging` on a connection of its own, every other
//! instance's committed change handed to this instance's subscribers. A lost connection is made again (with a
//! growing pause); once it listens again, subscribers are told to reload what they may have missed. A connection
//! that broke silently is noticed by the listener's pings to itself going unheard. Every write's `NOTIFY` on
//! [`VERSIE_KANAAL`] moves this instance's data version on (its kept answers then no longer count).

use super::Services;
use super::events::{BeheerMelding, KANAAL, Melding};
use crate::db::VERSIE_KANAAL;
use sea_orm::DbBackend;
use sea_orm::sqlx::PgPool;
use sea_orm::sqlx::postgres::{PgListener, PgPoolOptions};
use std::time::Duration;

/// The first pause before connecting again; it doubles up to [`MAX_PAUZE`].
const EERSTE_PAUZE: Duration = Duration::from_millis(200);
/// The longest pause between attempts.
const MAX_PAUZE: Duration = Duration::from_secs(10);
/// How often the listener sends itself a ping; two unheard in a row count as a lost connection.
pub const PING: Duration = Duration::from_secs(5);

/// Listens until the task is aborted; returns at once on SQLite (one process, nothing to hear).
pub async fn luister(services: Services) {
    if services.db.backend() != DbBackend::Postgres {
        return;
    }
    // A pool of its own only to name the connection: `koers-luisteraar <instance>` in `pg_stat_activity`.
    let opties = (*services
        .db
        .writer
        .get_postgres_connection_pool()
        .connect_options())
    .clone()
    .application_name(&naam(&services));
    let mut pauze = EERSTE_PAUZE;
    let mut verloren = false;
    loop {
        // A new pool each time: a listener dropped on a silently broken connection keeps its connection (its
        // `UNLISTEN` never returns) until the operating system gives up on it.
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .connect_lazy_with(opties.clone());
        let mut listener = match verbind(&pool).await {
            Ok(l) => l,
            Err(e) => {
                verloren = true;
                tracing::warn!(error = %e, pauze_ms = pauze.as_millis(), "LISTEN mislukt: opnieuw na een pauze");
                tokio::time::sleep(pauze).await;
                pauze = (pauze * 2).min(MAX_PAUZE);
                continue;
            }
        };
        pauze = EERSTE_PAUZE;
        if verloren {
            tracing::info!("luisteraar weer verbonden: abonnees laden opnieuw");
            // What other instances wrote meanwhile went unheard: kept answers are not to be trusted.
            services.db.gewijzigd();
            let _ = services.herladen.send(());
        }
        luister_tot_verlies(&services, &mut listener).await;
        verloren = true;
    }
}

/// The `application_name` of an instance's listener connection (PostgreSQL keeps 63 bytes of it).
pub fn naam(services: &Services) -> String {
    let mut naam = format!("koers-luisteraar {}", services.instantie);
    while naam.len() > 63 {
        naam.pop();
    }
    naam
}

/// Hands notifications on until the connection is lost: an error, or its own pings unheard (a connection that
/// broke without a word, e.g. behind a NAT or a database failover, would otherwise wait forever).
async fn luister_tot_verlies(services: &Services, listener: &mut PgListener) {
    let mut tik = tokio::time::interval(PING);
    tik.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut volgnummer: u64 = 0;
    let mut ongehoord: u32 = 0;
    loop {
        tokio::select! {
            r = listener.try_recv() => match r {
                Ok(Some(n)) if n.channel() == VERSIE_KANAAL => services.db.gewijzigd(),
                Ok(Some(n)) => match serde_json::from_str::<Binnen>(n.payload()) {
                    Ok(Binnen::Wijziging(m)) if *m.bron != *services.instantie => services.verspreid(m.event),
                    Ok(Binnen::Wijziging(_)) => {}
                    Ok(Binnen::Beheer(m)) if *m.bron != *services.instantie => {
                        if let Some(e) = m.beheer.event() {
                            let _ = services.beheer_events.send(e);
                        }
                    }
                    Ok(Binnen::Beheer(_)) => {}
                    // Any of its own pings, also a late one, shows the connection still carries.
                    Ok(Binnen::Ping { bron, .. }) => {
                        if *bron == *services.instantie {
                            ongehoord = 0;
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "onleesbare wijzigingsmelding genegeerd"),
                },
                Ok(None) => return,
                Err(e) => {
                    tracing::warn!(error = %e, "luisteraar verloor zijn verbinding");
                    return;
                }
            },
            _ = tik.tick() => {
                if ongehoord >= 2 {
                    tracing::warn!("luisteraar hoort zijn eigen ping niet meer: opnieuw verbinden");
                    return;
                }
                volgnummer += 1;
                ongehoord += 1;
                let ping = serde_json::json!({ "bron": &*services.instantie, "ping": volgnummer }).to_string();
                let pool = services.db.writer.get_postgres_connection_pool().clone();
                // Over the instance's pool, not the listener's connection; a ping that cannot be sent stays unheard.
                tokio::spawn(async move {
                    let stuur = sea_orm::sqlx::query("SELECT pg_notify($1, $2)")
                        .bind(KANAAL)
                        .bind(ping)
                        .execute(&pool);
                    let _ = tokio::time::timeout(PING, stuur).await;
                });
            }
        }
    }
}

async fn verbind(pool: &PgPool) -> Result<PgListener, sea_orm::sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    // This loop makes a new listener itself, and then tells the subscribers.
    listener.eager_reconnect(false);
    listener.listen_all([KANAAL, VERSIE_KANAAL]).await?;
    Ok(listener)
}

/// A notification: a change to an actie or a beheer record (another instance's goes to the subscribers; this instance's own was delivered
/// when it committed), or an instance's ping to itself.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Binnen {
    Wijziging(Melding),
    Beheer(BeheerMelding),
    Ping {
        bron: String,
        #[serde(rename = "ping")]
        _volgnummer: u64,
    },
}
