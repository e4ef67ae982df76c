//! Database connections: an SQLite file (WAL, busy timeout, one writer and a pool of readers) or PostgreSQL
//! (one pool for both), the migrations of `koers-migrations`, and the one way to write: [`Db::begin_write`] …
//! [`Db::commit`], which never acknowledges a change the database did not store.

use crate::error::{ServiceError, ServiceResult, is_unavailable, storage_failure};
use koers_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::Connection as _;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    RuntimeErr, SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Why writes fail when the database file is gone.
pub const FILE_MISSING: &str = "het databasebestand ontbreekt";

/// Connections to Koers' database. Reads go to `reader`; every write goes through `writer`, which for SQLite
/// is a single connection so that writers queue instead of failing with `SQLITE_BUSY`. A write transaction is
/// begun with [`Db::begin_write`] and ended with [`Db::commit`] (or dropped, which rolls it back).
#[derive(Debug, Clone)]
pub struct Db {
    /// For queries.
    pub reader: DatabaseConnection,
    /// For writes: transactions through [`Db::begin_write`], never `writer.begin()`.
    pub writer: DatabaseConnection,
    /// The SQLite file (none for PostgreSQL or an in-memory database).
    file: Option<PathBuf>,
    /// Why the last write failed, until one commits again.
    failure: Arc<Mutex<Option<String>>>,
    /// The data version: moves on after every write this process tried and every change another instance
    /// announced (see [`Db::versie`]).
    versie: Arc<AtomicU64>,
}

/// The PostgreSQL channel on which every write transaction says that the data changed (payload empty);
/// each instance's listener moves its [`Db::versie`] on.
pub const VERSIE_KANAAL: &str = "koers_versie";

/// The key of the advisory lock of [`Db::opstartslot`] ("koers" in ASCII).
const OPSTART_SLOT: i64 = 0x006b_6f65_7273;

/// Held while one instance migrates or seeds; see [`Db::opstartslot`].
pub struct Opstartslot(Option<sea_orm::sqlx::PgConnection>);

impl Opstartslot {
    /// Releases the lock (closing its connection, which releases it too).
    pub async fn vrij(self) {
        if let Some(conn) = self.0 {
            let _ = conn.close().await;
        }
    }
}

/// Whether the database can take writes, for `/readyz`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteState {
    /// Writes commit.
    Ok,
    /// The SQLite file was deleted or moved under the running server.
    FileMissing,
    /// The last write did not commit, and a test write does not either (e.g. the disk is full).
    Failing(String),
}

/// Options for an SQLite pool of `max` connections; `on_file`: the database is a file that exists by now (see
/// [`Db::connect`]), so a connection never creates an empty one.
fn sqlite_options(url: &str, max: u32, writer: bool, on_file: bool) -> ConnectOptions {
    let mut opts = ConnectOptions::new(url);
    opts.max_connections(max)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |o| {
            let o = o
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true);
            if on_file { o.create_if_missing(false) } else { o }
        });
    if writer {
        // A connection whose transaction did not end (its COMMIT and then its ROLLBACK failed, e.g. on a full
        // disk) is closed instead of reused: a later BEGIN would be a savepoint inside a transaction that never
        // commits, and every write after it would be acknowledged and lost. The ping waits for the rollback
        // that dropping the transaction queued.
        opts.map_sqlx_sqlite_pool_opts(|p| {
            p.after_release(|conn, _| {
                Box::pin(async move {
                    conn.ping().await?;
                    let clean = !conn.is_in_transaction();
                    if !clean {
                        tracing::warn!("write connection left inside a transaction: closed, a new one opens");
                    }
                    Ok(clean)
                })
            })
        });
    }
    opts
}

/// The file behind an SQLite URL; `None` for an in-memory database.
pub fn sqlite_file(url: &str) -> Result<Option<PathBuf>, DbErr> {
    let opts =
        SqliteConnectOptions::from_str(url).map_err(|e| DbErr::Conn(RuntimeErr::Internal(e.to_string())))?;
    let file = opts.get_filename();
    let in_memory = url.contains(":memory:") || url.contains("mode=memory") || file.as_os_str().is_empty();
    Ok((!in_memory).then(|| file.to_path_buf()))
}

impl Db {
    /// Connects to `url` (`sqlite://…` or `postgres://…`). A missing SQLite file is created (when the URL
    /// allows it, `mode=rwc`) by one connection first; every connection after it opens the file without create.
    pub async fn connect(url: &str) -> Result<Db, DbErr> {
        if url.starts_with("sqlite:") {
            let file = sqlite_file(url)?;
            if file.as_ref().is_some_and(|f| !f.exists()) {
                let mut create = ConnectOptions::new(url);
                create.max_connections(1).min_connections(1).sqlx_logging(false);
                Database::connect(create).await?.close().await?;
            }
            let on_file = file.is_some();
            Ok(Db {
                writer: Database::connect(sqlite_options(url, 1, true, on_file)).await?,
                reader: Database::connect(sqlite_options(url, 4, false, on_file)).await?,
                file,
                failure: Arc::default(),
                versie: Arc::default(),
            })
        } else {
            let mut opts = ConnectOptions::new(url);
            opts.max_connections(10)
                .min_connections(0)
                .connect_timeout(Duration::from_secs(5))
                .acquire_timeout(Duration::from_secs(5))
                .sqlx_logging(false);
            let pool = Database::connect(opts).await?;
            Ok(Db {
                reader: pool.clone(),
                writer: pool,
                file: None,
                failure: Arc::default(),
                versie: Arc::default(),
            })
        }
    }

    /// Which SQL dialect.
    pub fn backend(&self) -> DbBackend {
        self.writer.get_database_backend()
    }

    /// Applies every pending migration. On PostgreSQL under [`Db::opstartslot`], so that instances started
    /// together migrate one after the other (the later ones find nothing left to do).
    pub async fn migrate(&self) -> Result<(), DbErr> {
        let slot = self.opstartslot().await?;
        let r = Migrator::up(&self.writer, None).await;
        slot.vrij().await;
        r
    }

    /// On PostgreSQL, the lock that one starting instance holds while it migrates or seeds (a session-level
    /// advisory lock on a connection of its own: it ends with that connection, also when the process dies).
    pub async fn opstartslot(&self) -> Result<Opstartslot, DbErr> {
        if self.backend() != DbBackend::Postgres {
            return Ok(Opstartslot(None));
        }
        let sql_err = |e: sea_orm::sqlx::Error| DbErr::Conn(RuntimeErr::SqlxError(e.into()));
        let pool = self.writer.get_postgres_connection_pool();
        let mut conn = pool.acquire().await.map_err(sql_err)?.detach();
        sea_orm::sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(OPSTART_SLOT)
            .execute(&mut conn)
            .await
            .map_err(sql_err)?;
        Ok(Opstartslot(Some(conn)))
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), DbErr> {
        self.reader.ping().await
    }

    /// Begins a write transaction on the writer: `BEGIN IMMEDIATE` on SQLite, so that it takes the write lock
    /// at once and waits (up to the busy timeout) for another process' write instead of failing later, when its
    /// first write finds that the other process committed since its first read. End it with [`Db::commit`].
    pub async fn begin_write(&self) -> Result<DatabaseTransaction, DbErr> {
        self.writer
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..TransactionOptions::default()
            })
            .await
    }

    /// Commits `txn`, or says why the change is not stored: `DATABASE_WRITE_FAILED` when the commit failed
    /// (a full disk, an I/O error, a database file that is gone), `DATABASE_UNAVAILABLE` when the connection
    /// was lost. The writer is never reused inside the failed transaction (see `sqlite_options`), and `/readyz`
    /// reports the failure until a write commits again.
    pub async fn commit(&self, txn: DatabaseTransaction) -> ServiceResult<()> {
        if self.file_missing() {
            drop(txn);
            tracing::error!("database file missing: the change is not stored");
            self.set_failure(Some(FILE_MISSING));
            return Err(ServiceError::WriteFailed(FILE_MISSING.to_string()));
        }
        if self.backend() == DbBackend::Postgres {
            // Delivered by PostgreSQL to every listening instance if, and only when, this transaction commits.
            txn.execute_unprepared(&format!("NOTIFY {VERSIE_KANAAL}")).await?;
        }
        let uitkomst = txn.commit().await;
        // Also when the commit failed: a lost connection may have committed it after all.
        self.gewijzigd();
        match uitkomst {
            Ok(()) => {
                self.set_failure(None);
                Ok(())
            }
            Err(e) if is_unavailable(&e) => Err(ServiceError::Database(e)),
            Err(e) => {
                let reden = storage_failure(&e).unwrap_or("de database weigerde de wijziging");
                tracing::error!(error = %e, "commit failed: the change is not stored");
                self.set_failure(Some(reden));
                Err(ServiceError::WriteFailed(reden.to_string()))
            }
        }
    }

    /// The data version: the same number twice means no write of this process and no change another
    /// instance announced came in between. Answers kept for a version are valid while it lasts.
    pub fn versie(&self) -> u64 {
        self.versie.load(Ordering::Acquire)
    }

    /// Moves the data version on: called after every write (also one outside [`Db::commit`], and by the
    /// listener for another instance's).
    pub fn gewijzigd(&self) {
        self.versie.fetch_add(1, Ordering::AcqRel);
    }

    /// Whether writes can be stored. After a failed commit it tries a write that changes nothing (SQLite: the
    /// header's `user_version` set to itself; PostgreSQL: a transaction id) and says so once that commits.
    pub async fn write_state(&self) -> WriteState {
        if self.file_missing() {
            return WriteState::FileMissing;
        }
        let failed = self.failure.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let Some(reden) = failed else {
            return WriteState::Ok;
        };
        match self.probe().await {
            Ok(()) => WriteState::Ok,
            Err(ServiceError::WriteFailed(r)) => WriteState::Failing(r),
            Err(e) => {
                tracing::warn!(error = %e, "test write failed");
                WriteState::Failing(reden)
            }
        }
    }

    async fn probe(&self) -> ServiceResult<()> {
        let txn = self.begin_write().await?;
        match self.backend() {
            DbBackend::Sqlite => {
                let versie = txn
                    .query_one_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA user_version"))
                    .await?
                    .map(|r| r.try_get_by_index::<i64>(0))
                    .transpose()?
                    .unwrap_or(0);
                txn.execute_unprepared(&format!("PRAGMA user_version = {versie}"))
                    .await?;
            }
            _ => {
                txn.execute_unprepared("SELECT txid_current()").await?;
            }
        }
        self.commit(txn).await
    }

    fn file_missing(&self) -> bool {
        self.file.as_ref().is_some_and(|f| !f.exists())
    }

    fn set_failure(&self, reden: Option<&str>) {
        *self.failure.lock().unwrap_or_else(|p| p.into_inner()) = reden.map(str::to_string);
    }
}
