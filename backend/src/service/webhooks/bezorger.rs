//! The delivery worker: a tokio task that claims due outbox rows with a lease (`FOR UPDATE SKIP LOCKED` on
//! PostgreSQL, the write lock of `BEGIN IMMEDIATE` on SQLite), posts them, and records the result. A failure
//! is retried with exponential back-off and jitter; after `max_fouten` failures in a row the webhook is switched
//! off and its waiting rows stop. All state is in the database: after a restart (or a lapsed lease) a row is
//! claimed again, so every event is delivered at least once.

use super::verzenden::{self, Poging};
use super::{Webhooks, geheim};
use crate::db::Db;
use crate::entities::webhook;
use crate::entities::webhook_levering::{self as levering, Toestand};
use crate::error::ServiceResult;
use crate::service::audit;
use crate::toegang::Kijker;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, SubsecRound, Utc};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use sea_orm::sea_query::{Expr, LockBehavior, LockType, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Most rows one round claims (and posts at once).
const PER_RONDE: u64 = 16;
/// How often delivered rows past their retention are removed (more often when the retention is shorter).
const OPRUIMEN: Duration = Duration::from_secs(3600);

/// The label of the delivery counter: `result` is `ok` or `failed`.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct Uitkomst {
    /// `ok` (2xx) or `failed`.
    pub result: &'static str,
}

/// Counts tries per result (the metrics registry holds a clone).
pub type Tellers = Family<Uitkomst, Counter>;

/// A running worker; [`Bezorger::stop`] ends it.
pub struct Bezorger {
    stop: watch::Sender<bool>,
    taak: JoinHandle<()>,
}

/// What one task needs.
struct Werk {
    db: Db,
    webhooks: Webhooks,
    client: reqwest::Client,
    tellers: Tellers,
}

impl Bezorger {
    /// Starts the worker over `db`.
    pub fn start(db: Db, webhooks: Webhooks, tellers: Tellers) -> reqwest::Result<Bezorger> {
        let client = verzenden::client(&webhooks.instellingen)?;
        let (stop, gestopt) = watch::channel(false);
        let werk = Werk {
            db,
            webhooks,
            client,
            tellers,
        };
        Ok(Bezorger {
            stop,
            taak: tokio::spawn(werk.loop_tot(gestopt)),
        })
    }

    /// Stops the worker: a round in flight may finish within a few seconds, else it is dropped (its rows are
    /// claimed again when their lease lapses).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let mut taak = self.taak;
        if tokio::time::timeout(Duration::from_secs(3), &mut taak)
            .await
            .is_err()
        {
            taak.abort();
        }
    }
}

impl Werk {
    async fn loop_tot(self, mut gestopt: watch::Receiver<bool>) {
        let poll = self.webhooks.instellingen.poll.max(Duration::from_millis(10));
        let mut opgeruimd: Option<std::time::Instant> = None;
        let opruimen = OPRUIMEN.min(self.webhooks.instellingen.bewaartermijn);
        loop {
            if *gestopt.borrow() {
                return;
            }
            if opgeruimd.is_none_or(|t| t.elapsed() > opruimen) {
                opgeruimd = Some(std::time::Instant::now());
                if let Err(e) = self.opruimen().await {
                    tracing::warn!(error = %e, "webhookleveringen: opruimen mislukt");
                }
            }
            let meer = match self.ronde().await {
                Ok(n) => n as u64 == PER_RONDE,
                Err(e) => {
                    tracing::warn!(error = %e, "webhookleveringen: ronde mislukt");
                    false
                }
            };
            if meer {
                continue;
            }
            tokio::select! {
                () = self.webhooks.wekker.notified() => {}
                () = tokio::time::sleep(poll) => {}
                _ = gestopt.changed() => return,
            }
        }
    }

    /// Removes delivered rows older than the retention period (the log keeps what is waiting or stopped).
    async fn opruimen(&self) -> ServiceResult<()> {
        let termijn = chrono::Duration::from_std(self.webhooks.instellingen.bewaartermijn)
            .unwrap_or_else(|_| chrono::Duration::days(30));
        let txn = self.db.begin_write().await?;
        let weg = levering::Entity::delete_many()
            .filter(levering::Column::Toestand.eq(Toestand::Bezorgd))
            .filter(levering::Column::BezorgdOp.lt(Utc::now() - termijn))
            .exec(&txn)
            .await?;
        self.db.commit(txn).await?;
        if weg.rows_affected > 0 {
            tracing::info!(aantal = weg.rows_affected, "oude webhookleveringen opgeruimd");
        }
        Ok(())
    }

    /// Claims due rows, posts them at once, records each; how many it claimed.
    async fn ronde(&self) -> ServiceResult<usize> {
        let geclaimd = self.claim().await?;
        let n = geclaimd.len();
        let posts = geclaimd.into_iter().map(|(l, w, tot)| async move {
            let poging = match geheim::sleutel(&w.geheim, "geheim") {
                Ok(sleutel) => {
                    verzenden::verstuur(
                        &self.client,
                        &self.webhooks.instellingen,
                        &w.url,
                        &sleutel,
                        &l.bericht_id,
                        &l.payload,
                    )
                    .await
                }
                Err(e) => Poging {
                    fout: Some(e.to_string()),
                    ..Poging::default()
                },
            };
            let result = if poging.gelukt() { "ok" } else { "failed" };
            self.tellers.get_or_create(&Uitkomst { result }).inc();
            if let Err(e) = self.record(&l, &w, tot, &poging).await {
                tracing::warn!(error = %e, levering = l.id, "webhooklevering: uitkomst niet opgeslagen");
            }
        });
        futures_util::future::join_all(posts).await;
        Ok(n)
    }

    /// Reserves up to [`PER_RONDE`] due rows of active webhooks until `now + lease`.
    async fn claim(&self) -> ServiceResult<Vec<(levering::Model, webhook::Model, DateTime<Utc>)>> {
        let nu = Utc::now().trunc_subsecs(3);
        let lease = chrono::Duration::from_std(self.webhooks.instellingen.lease)
            .unwrap_or_else(|_| chrono::Duration::seconds(30));
        let tot = nu + lease;
        let te_doen = || {
            let actief = Query::select()
                .column(webhook::Column::Id)
                .from(webhook::Entity)
                .and_where(webhook::Column::Actief.eq(true))
                .to_owned();
            levering::Entity::find()
                .filter(levering::Column::Toestand.eq(Toestand::Wachtend))
                .filter(levering::Column::VolgendePogingOp.lte(nu))
                .filter(
                    Condition::any()
                        .add(levering::Column::GeclaimdTot.is_null())
                        .add(levering::Column::GeclaimdTot.lt(nu)),
                )
                .filter(levering::Column::WebhookId.in_subquery(actief))
        };
        // A read first: an idle worker never takes the write lock.
        if te_doen().one(&self.db.reader).await?.is_none() {
            return Ok(Vec::new());
        }
        let txn = self.db.begin_write().await?;
        let rows = te_doen()
            .order_by_asc(levering::Column::Id)
            .limit(PER_RONDE)
            .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
            .all(&txn)
            .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        levering::Entity::update_many()
            .col_expr(levering::Column::GeclaimdTot, Expr::value(tot))
            .filter(levering::Column::Id.is_in(ids))
            .exec(&txn)
            .await?;
        let webhook_ids: Vec<i32> = rows.iter().map(|r| r.webhook_id).collect();
        let hooks = webhook::Entity::find()
            .filter(webhook::Column::Id.is_in(webhook_ids))
            .all(&txn)
            .await?;
        self.db.commit(txn).await?;
        Ok(rows
            .into_iter()
            .filter_map(|l| {
                let w = hooks.iter().find(|w| w.id == l.webhook_id)?.clone();
                Some((l, w, tot))
            })
            .collect())
    }

    /// The wait before try `poging + 1`: base × 2^(poging − 1), at most the cap, less up to a quarter (jitter).
    fn wachttijd(&self, poging: i32) -> Duration {
        let s = &self.webhooks.instellingen;
        let macht = u32::try_from(poging.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        let vol = s
            .basis_wachttijd
            .saturating_mul(2u32.saturating_pow(macht))
            .min(s.max_wachttijd);
        let jitter = f64::from(OsRng.next_u32() % 1000) / 4000.0;
        vol.mul_f64(1.0 - jitter)
    }

    /// Stores the result of a try of row `l` claimed until `tot` (nothing if the lease went to another worker).
    async fn record(
        &self,
        l: &levering::Model,
        w: &webhook::Model,
        tot: DateTime<Utc>,
        p: &Poging,
    ) -> ServiceResult<()> {
        let nu = Utc::now();
        let pogingen = l.pogingen + 1;
        let mut upd = levering::Entity::update_many()
            .col_expr(levering::Column::Pogingen, Expr::value(pogingen))
            .col_expr(
                levering::Column::GeclaimdTot,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(levering::Column::LaatstePogingOp, Expr::value(nu))
            .col_expr(
                levering::Column::LaatsteStatus,
                Expr::value(p.status.map(i32::from)),
            )
            .col_expr(levering::Column::LaatsteAntwoord, Expr::value(p.antwoord.clone()))
            .col_expr(levering::Column::LaatsteFout, Expr::value(p.fout.clone()));
        if p.gelukt() {
            upd = upd
                .col_expr(levering::Column::Toestand, Expr::value(Toestand::Bezorgd))
                .col_expr(levering::Column::BezorgdOp, Expr::value(nu));
        } else {
            let volgende = nu + chrono::Duration::from_std(self.wachttijd(pogingen)).unwrap_or_default();
            upd = upd.col_expr(levering::Column::VolgendePogingOp, Expr::value(volgende));
        }
        let txn = self.db.begin_write().await?;
        let res = upd
            .filter(levering::Column::Id.eq(l.id))
            .filter(levering::Column::GeclaimdTot.eq(tot))
            .exec(&txn)
            .await?;
        if res.rows_affected != 1 {
            return Ok(());
        }
        let fouten = if p.gelukt() {
            Expr::value(0)
        } else {
            sea_orm::sea_query::ExprTrait::add(Expr::col(webhook::Column::OpeenvolgendeFouten), 1)
        };
        webhook::Entity::update_many()
            .col_expr(webhook::Column::OpeenvolgendeFouten, fouten)
            .filter(webhook::Column::Id.eq(w.id))
            .exec(&txn)
            .await?;
        if !p.gelukt() {
            self.misschien_uitschakelen(&txn, w.id, p).await?;
        }
        self.db.commit(txn).await?;
        Ok(())
    }

    /// Switches webhook `id` off when it has failed `max_fouten` times in a row; its waiting rows stop.
    async fn misschien_uitschakelen(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        id: i32,
        p: &Poging,
    ) -> ServiceResult<()> {
        let max = i32::try_from(self.webhooks.instellingen.max_fouten.max(1)).unwrap_or(i32::MAX);
        let Some(w) = webhook::Entity::find_by_id(id).one(txn).await? else {
            return Ok(());
        };
        if !w.actief || w.opeenvolgende_fouten < max {
            return Ok(());
        }
        let laatste = p.fout.clone().unwrap_or_else(|| "onbekende fout".into());
        let reden = format!("{max} leveringen op rij mislukt; de laatste: {laatste}");
        super::leveringen::zet_uit(txn, id, &reden).await?;
        audit::schrijf(
            txn,
            &Kijker::systeem("webhooks"),
            "webhookUitgeschakeld",
            Some(format!("webhook/{id}")),
            serde_json::json!({ "reden": reden }),
        )
        .await?;
        tracing::warn!(webhook = id, %reden, "webhook uitgeschakeld");
        Ok(())
    }
}
