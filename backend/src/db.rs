//! Database connections: an SQLite file (WAL, busy timeout, one writer and a pool of readers) or PostgreSQL
//! (one pool for both), and the migrations of `koers-migrations`.

use koers_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbBackend, DbErr};
use std::time::Duration;

/// Connections to Koers' database. Reads go to `reader`; every write goes through `writer`, which for SQLite
/// is a single connection so that writers queue instead of failing with `SQLITE_BUSY`.
#[derive(Debug, Clone)]
pub struct Db {
    /// For queries.
    pub reader: DatabaseConnection,
    /// For transactions that write.
    pub writer: DatabaseConnection,
}

fn sqlite_options(url: &str, max: u32) -> ConnectOptions {
    let mut opts = ConnectOptions::new(url);
    opts.max_connections(max)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
        });
    opts
}

impl Db {
    /// Connects to `url` (`sqlite://…` or `postgres://…`).
    pub async fn connect(url: &str) -> Result<Db, DbErr> {
        if url.starts_with("sqlite:") {
            let writer = Database::connect(sqlite_options(url, 1)).await?;
            let reader = Database::connect(sqlite_options(url, 4)).await?;
            Ok(Db { reader, writer })
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
            })
        }
    }

    /// Which SQL dialect.
    pub fn backend(&self) -> DbBackend {
        self.writer.get_database_backend()
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> Result<(), DbErr> {
        Migrator::up(&self.writer, None).await
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), DbErr> {
        self.reader.ping().await
    }
}
