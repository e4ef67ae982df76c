//! The PostgreSQL listener of one instance: `LISTEN koers_wijziging` on a connection of its own, every other
//! instance's committed change handed to this instance's subscribers. A lost connection is made again (with a
//! growing pause); once it listens again, subscribers are told to reload what they may have missed.

use super::Services;
use super::events::{KANAAL, Melding};
use sea_orm::DbBackend;
use sea_orm::sqlx::postgres::{PgListener, PgPoolOptions};
use std::time::Duration;

/// The first pause before connecting again; it doubles up to [`MAX_PAUZE`].
const EERSTE_PAUZE: Duration = Duration::from_millis(200);
/// The longest pause between attempts.
const MAX_PAUZE: Duration = Duration::from_secs(10);

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
    let pool = PgPoolOptions::new().max_connections(1).connect_lazy_with(opties);
    let mut pauze = EERSTE_PAUZE;
    let mut verloren = false;
    loop {
        let mut listener = match verbind(&pool).await {
            Ok(l) => l,
            Err(e) => {
                if pool.is_closed() {
                    return;
                }
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
            let _ = services.herladen.send(());
        }
        loop {
            match listener.try_recv().await {
                Ok(Some(n)) => ontvang(&services, n.payload()),
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "luisteraar verloor zijn verbinding");
                    break;
                }
            }
        }
        verloren = true;
        if pool.is_closed() {
            return;
        }
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

async fn verbind(pool: &sea_orm::sqlx::PgPool) -> Result<PgListener, sea_orm::sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(KANAAL).await?;
    Ok(listener)
}

/// One notification: another instance's change goes to the subscribers; this instance's own was delivered
/// when it committed.
fn ontvang(services: &Services, payload: &str) {
    match serde_json::from_str::<Melding>(payload) {
        Ok(m) if *m.bron == *services.instantie => {}
        Ok(m) => services.verspreid(m.event),
        Err(e) => tracing::warn!(error = %e, "onleesbare wijzigingsmelding genegeerd"),
    }
}
