//! `koers backup` and `koers restore` for the embedded SQLite database.
//!
//! - **Backup** writes a consistent snapshot with `VACUUM INTO`: one self-contained file, taken in a single read
//!   transaction, so it may run while Koers serves. It never overwrites an existing file, and checks the
//!   snapshot it wrote before it reports success.
//! - **Restore** first checks the snapshot (an SQLite file that passes `PRAGMA integrity_check` and
//!   `foreign_key_check`, with Koers' tables, from this or an older version of Koers), then refuses when the
//!   database is in use, then copies the snapshot to a temporary file next to the database, syncs it to disk and
//!   renames it over the database: at every moment the path holds either the old or the new database. Stop
//!   Koers first; a Koers process that has the file open makes the restore refuse.
//! - **PostgreSQL** has its own tools; both commands say so and fail: `pg_dump --format=custom` and
//!   `pg_restore --clean` (see [`POSTGRES_ROUTE`] and the README).

use crate::entities::{
    actie, actie_organisatie, actieplan, opgave, organisatie, rvo_vergadering, thema, voortgangsupdate,
};
use anyhow::{Context, anyhow, bail};
use koers_migrations::{Migrator, MigratorTrait};
use sea_orm::EntityName;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sea_orm::sqlx::{self, ConnectOptions as _, Connection as _};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// What `koers backup` and `koers restore` tell about PostgreSQL.
pub const POSTGRES_ROUTE: &str = "koers backup/restore werken alleen op de ingebouwde SQLite-database. \
Voor PostgreSQL gebruikt u de eigen gereedschappen van PostgreSQL:\n  \
backup:  pg_dump --format=custom --file=koers.dump \"$DATABASE_URL\"\n  \
herstel: pg_restore --clean --if-exists --no-owner --dbname=\"$DATABASE_URL\" koers.dump   (stop Koers eerst)";

/// The outcome of a backup or restore.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verslag {
    /// The snapshot file written (backup) or read (restore).
    pub bestand: PathBuf,
    /// The database file (SQLite).
    pub database: PathBuf,
    /// Number of acties in the snapshot.
    pub acties: i64,
    /// Size of the snapshot in bytes.
    pub bytes: u64,
}

/// The database file behind an `sqlite:` URL; an error for PostgreSQL (with [`POSTGRES_ROUTE`]) and for an
/// in-memory database.
pub fn sqlite_file(database_url: &str) -> anyhow::Result<PathBuf> {
    if database_url.starts_with("postgres:") || database_url.starts_with("postgresql:") {
        bail!("{POSTGRES_ROUTE}");
    }
    if !database_url.starts_with("sqlite:") {
        bail!("onbekende database-URL: alleen sqlite:… en postgres:… worden ondersteund");
    }
    let opts = SqliteConnectOptions::from_str(database_url).context("ongeldige SQLite-URL")?;
    let file = opts.get_filename();
    if database_url.contains(":memory:") || file.as_os_str().is_empty() {
        bail!("een database in het geheugen heeft geen bestand om te bewaren of te herstellen");
    }
    Ok(file.to_path_buf())
}

/// Writes a consistent snapshot of the database at `database_url` to `doel`, a file that must not exist yet.
pub async fn backup(database_url: &str, doel: &Path) -> anyhow::Result<Verslag> {
    let database = sqlite_file(database_url)?;
    if doel.exists() {
        bail!(
            "{} bestaat al; kies een nieuw bestand (een backup overschrijft nooit)",
            doel.display()
        );
    }
    // Absolute, so that SQLite never reads it as a `file:` URI; bound as a parameter, so no quoting is needed.
    let doel = std::path::absolute(doel).context("pad van de backup")?;
    let doel_tekst = doel
        .to_str()
        .ok_or_else(|| anyhow!("het pad van de backup is geen geldige UTF-8-tekst"))?
        .to_owned();
    let opts = SqliteConnectOptions::from_str(database_url)?
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(10));
    let mut conn = opts
        .connect()
        .await
        .with_context(|| format!("kan de database {} niet openen", database.display()))?;
    let result = sqlx::query("VACUUM INTO ?1")
        .bind(&doel_tekst)
        .execute(&mut conn)
        .await;
    conn.close().await.ok();
    result.with_context(|| format!("backup naar {} mislukt", doel.display()))?;
    let checked = async {
        sync_file(&doel)?;
        controleer(&doel).await
    }
    .await;
    match checked {
        Ok(acties) => Ok(Verslag {
            bytes: std::fs::metadata(&doel)?.len(),
            bestand: doel,
            database,
            acties,
        }),
        Err(e) => {
            std::fs::remove_file(&doel).ok();
            Err(e.context("de geschreven backup is onbruikbaar en is verwijderd"))
        }
    }
}

/// Replaces the database at `database_url` with the snapshot `bron`, after checking the snapshot. Koers must not
/// be running against the database.
pub async fn restore(database_url: &str, bron: &Path) -> anyhow::Result<Verslag> {
    let database = std::path::absolute(sqlite_file(database_url)?)?;
    let bron = std::path::absolute(bron)?;
    if !bron.is_file() {
        bail!("{} is geen bestand", bron.display());
    }
    if database.exists() && same_file(&bron, &database)? {
        bail!("de backup en de database zijn hetzelfde bestand");
    }
    let acties = controleer(&bron)
        .await
        .with_context(|| format!("{} is geen bruikbare backup van Koers", bron.display()))?;
    if database.exists() {
        niet_in_gebruik(&database).await?;
    }
    let dir = database
        .parent()
        .ok_or_else(|| anyhow!("de database heeft geen map"))?;
    let naam = database
        .file_name()
        .ok_or_else(|| anyhow!("de database heeft geen bestandsnaam"))?
        .to_string_lossy();
    let tijdelijk = dir.join(format!(".{naam}.herstel-{}.tmp", std::process::id()));
    let result = install(&bron, &tijdelijk, &database, dir);
    if let Err(e) = result {
        std::fs::remove_file(&tijdelijk).ok();
        return Err(e);
    }
    Ok(Verslag {
        bytes: std::fs::metadata(&database)?.len(),
        bestand: bron,
        database,
        acties,
    })
}

/// Copies `bron` to `tijdelijk`, syncs it, removes the old database's logs and renames it over `database`.
fn install(bron: &Path, tijdelijk: &Path, database: &Path, dir: &Path) -> anyhow::Result<()> {
    std::fs::copy(bron, tijdelijk).context("kopie van de backup naast de database")?;
    sync_file(tijdelijk)?;
    // A journal or write-ahead log of the old database must never be applied to the new one.
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut stale = database.as_os_str().to_owned();
        stale.push(suffix);
        match std::fs::remove_file(&stale) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).context("oud logbestand van de database verwijderen"),
        }
    }
    std::fs::rename(tijdelijk, database).context("de database vervangen")?;
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// Checks that `path` is an intact Koers database this version can open; returns its number of acties.
async fn controleer(path: &Path) -> anyhow::Result<i64> {
    // Read-only and immutable: the check never writes next to the file or changes it.
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true)
        .create_if_missing(false);
    let mut conn = opts.connect().await.context("geen SQLite-database")?;
    let result = controleer_inhoud(&mut conn).await;
    conn.close().await.ok();
    result
}

async fn controleer_inhoud(conn: &mut SqliteConnection) -> anyhow::Result<i64> {
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .context("geen SQLite-database")?;
    if integrity != ["ok"] {
        bail!("de database is beschadigd: {}", integrity.join("; "));
    }
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(&mut *conn)
        .await?;
    let migrations = Migrator::migration_table_name().to_string();
    let required = [
        thema::Entity.table_name(),
        actieplan::Entity.table_name(),
        opgave::Entity.table_name(),
        actie::Entity.table_name(),
        organisatie::Entity.table_name(),
        actie_organisatie::Entity.table_name(),
        voortgangsupdate::Entity.table_name(),
        rvo_vergadering::Entity.table_name(),
        migrations.as_str(),
    ];
    let missing: Vec<&str> = required
        .into_iter()
        .filter(|t| !tables.iter().any(|have| have == t))
        .collect();
    if !missing.is_empty() {
        bail!(
            "geen database van Koers: tabel(len) {} ontbreken",
            missing.join(", ")
        );
    }
    let known: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    let applied: Vec<String> = sqlx::query_scalar("SELECT version FROM seaql_migrations")
        .fetch_all(&mut *conn)
        .await?;
    if let Some(onbekend) = applied.iter().find(|v| !known.contains(v)) {
        bail!("de backup komt uit een nieuwere versie van Koers (migratie {onbekend})");
    }
    let dangling: i64 = sqlx::query_scalar("SELECT count(*) FROM pragma_foreign_key_check")
        .fetch_one(&mut *conn)
        .await?;
    if dangling != 0 {
        bail!("de database bevat {dangling} verwijzing(en) naar ontbrekende rijen");
    }
    let acties: i64 = sqlx::query_scalar("SELECT count(*) FROM actie")
        .fetch_one(&mut *conn)
        .await?;
    Ok(acties)
}

/// Refuses when another connection (a running Koers) has the database open. Leaving WAL mode needs the only
/// connection to the file and does not wait; it also folds the log into the file.
async fn niet_in_gebruik(database: &Path) -> anyhow::Result<()> {
    let opts = SqliteConnectOptions::new()
        .filename(database)
        .create_if_missing(false)
        .busy_timeout(Duration::ZERO);
    let mut conn = match opts.connect().await {
        Ok(c) => c,
        Err(e) if is_busy(&e) => bail!(IN_GEBRUIK),
        Err(e) => {
            tracing::warn!(error = %e, "de huidige database is niet te openen; ze wordt toch vervangen");
            return Ok(());
        }
    };
    let result: Result<String, sqlx::Error> = sqlx::query_scalar("PRAGMA journal_mode = DELETE")
        .fetch_one(&mut conn)
        .await;
    conn.close().await.ok();
    match result {
        Ok(mode) if mode.eq_ignore_ascii_case("delete") => Ok(()),
        Ok(_) => bail!(IN_GEBRUIK),
        Err(e) if is_busy(&e) => bail!(IN_GEBRUIK),
        Err(e) => {
            // A damaged database is what one restores over; the snapshot itself was checked.
            tracing::warn!(error = %e, "de huidige database is niet te lezen; ze wordt toch vervangen");
            Ok(())
        }
    }
}

const IN_GEBRUIK: &str = "de database is in gebruik (draait Koers nog?): stop Koers en probeer het opnieuw";

fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => d
            .code()
            .and_then(|c| c.parse::<i32>().ok())
            .is_some_and(|c| matches!(c & 0xff, 5 | 6)),
        _ => false,
    }
}

fn sync_file(path: &Path) -> anyhow::Result<()> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("{} naar schijf schrijven", path.display()))?;
    if let Some(dir) = path.parent() {
        File::open(dir).and_then(|d| d.sync_all()).ok();
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> anyhow::Result<bool> {
    Ok(std::fs::canonicalize(a)? == std::fs::canonicalize(b)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_file_comes_from_the_url() {
        assert_eq!(
            sqlite_file("sqlite://koers.db?mode=rwc").unwrap(),
            PathBuf::from("koers.db")
        );
        assert_eq!(
            sqlite_file("sqlite:///tmp/x/koers.db").unwrap(),
            PathBuf::from("/tmp/x/koers.db")
        );
        let pg = sqlite_file("postgres://u@h/db").unwrap_err().to_string();
        assert!(pg.contains("pg_dump --format=custom") && pg.contains("pg_restore --clean"));
        assert!(sqlite_file("sqlite::memory:").is_err());
    }
}
