//! Building and running the application: lock an SQLite file (one server per file), connect, migrate, seed an
//! empty database, bind, serve until a shutdown signal; meanwhile the PostgreSQL listener (changes made by
//! other instances) and the scheduled jobs run beside it.

use crate::config::Settings;
use crate::db::Db;
use crate::graphql::build_schema_with;
use crate::http::{AppState, router};
use crate::seed;
use crate::service::Services;
use crate::service::webhooks::bezorger::Bezorger;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// A bound, ready-to-run Koers.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    services: Services,
    verbindingen: crate::config::Verbindingen,
    /// The metrics listener and what it serves, when `metrics_addr` is set.
    metrics: Option<(TcpListener, axum::Router)>,
    /// The webhook delivery counters (the worker starts with the server).
    webhook_tellers: crate::service::webhooks::bezorger::Tellers,
    taken: Option<crate::config::Taken>,
    proxies: Arc<[std::net::IpAddr]>,
    /// The SQLite file's lock, held while this application lives.
    _slot: Option<crate::slot::Slot>,
}

impl Application {
    /// Connects to the database, migrates it, seeds it when empty (if so configured) and binds the address.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let sqlite_slot = match crate::db::sqlite_file(&settings.database_url) {
            Ok(Some(file)) if settings.database_url.starts_with("sqlite:") => Some(crate::slot::neem(&file)?),
            _ => None,
        };
        let db = Db::connect(&settings.database_url).await?;
        db.migrate().await?;
        // One instance seeds an empty database; one started beside it waits and finds it seeded.
        let slot = db.opstartslot().await?;
        if settings.seed_on_empty && seed::is_empty(&db).await? {
            let report = seed::load(&db, &seed::parse(seed::BUILTIN)?).await?;
            tracing::info!(
                nieuw = report.nieuw,
                "lege database gevuld met de bronnen van de VAR"
            );
        }
        slot.vrij().await;
        let mut services = Services::new(db);
        services.webhooks.instellingen = settings.webhooks;
        let schema = build_schema_with(services.clone(), settings.limits, settings.introspection);
        let listener = TcpListener::bind(settings.addr).await?;
        let verbindingen = settings.verbindingen;
        let metrics_addr = settings.metrics_addr;
        let taken = settings.taken;
        let proxies = settings.vertrouwde_proxies.clone().into();
        let state = AppState::new(schema, services.clone(), Arc::new(settings));
        let metrics = match metrics_addr {
            Some(addr) => Some((TcpListener::bind(addr).await?, metrics_router(&state))),
            None => None,
        };
        let webhook_tellers = state.metrics.webhooks();
        Ok(Application {
            webhook_tellers,
            listener,
            router: router(state),
            services,
            verbindingen,
            metrics,
            taken,
            proxies,
            _slot: sqlite_slot,
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// The address `/metrics` is served on, if any.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().and_then(|(l, _)| l.local_addr().ok())
    }

    /// The service layer (for tests and commands).
    pub fn services(&self) -> &Services {
        &self.services
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight (within the shutdown deadline).
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `stop` completes, then finishes the requests in flight (within the shutdown deadline).
    pub async fn run_until(self, stop: impl std::future::Future<Output = ()>) -> anyhow::Result<()> {
        tracing::info!(addr = %self.local_addr(), "Koers luistert");
        // The metrics listener lives as long as the server; it answers only a scraper on its own address.
        let metrics = self.metrics.map(|(listener, router)| {
            tokio::spawn(async move {
                if let Err(e) = axum::serve(listener, router).await {
                    tracing::warn!(error = %e, "metrics-adres gestopt");
                }
            })
        });
        let bezorger = Bezorger::start(
            self.services.db.clone(),
            self.services.webhooks.clone(),
            self.webhook_tellers,
        )?;
        let mut naast = vec![tokio::spawn(crate::service::luisteraar::luister(
            self.services.clone(),
        ))];
        if let Some(taken) = self.taken {
            naast.push(tokio::spawn(crate::service::taken::plan(
                self.services.clone(),
                taken,
            )));
        }
        naast.extend(metrics);
        let (limits, proxies) = (self.verbindingen, self.proxies);
        let stopt = std::sync::Arc::clone(&self.services.stopt);
        // First unready for the drain (a load balancer stops sending), then the shutdown proper.
        let stop = async move {
            stop.await;
            stopt.store(true, std::sync::atomic::Ordering::Relaxed);
            if !limits.drain.is_zero() {
                tracing::info!(
                    seconden = limits.drain.as_secs(),
                    "Koers stopt: /readyz meldt het, verkeer loopt af"
                );
                tokio::time::sleep(limits.drain).await;
            }
        };
        crate::server::serve(self.listener, self.router, limits, proxies, stop).await;
        bezorger.stop().await;
        for taak in naast {
            taak.abort();
        }
        tracing::info!("Koers gestopt");
        Ok(())
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// `GET /metrics`: the OpenMetrics text of this Koers.
fn metrics_router(state: &AppState) -> axum::Router {
    let metrics = Arc::clone(&state.metrics);
    let db = state.services.db.clone();
    axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let tekst = metrics.tekst(&db);
            async move {
                (
                    [(
                        axum::http::header::CONTENT_TYPE,
                        "application/openmetrics-text; version=1.0.0; charset=utf-8",
                    )],
                    tekst,
                )
            }
        }),
    )
}
