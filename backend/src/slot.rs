//! One `koers serve` per SQLite file: an exclusive lock on `<database>.lock` beside the file, held while the
//! server runs. The operating system releases it when the process ends, also after a crash or SIGKILL.

use anyhow::bail;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The held lock; released when dropped.
#[derive(Debug)]
pub struct Slot {
    _bestand: File,
    /// The lock file.
    pub pad: PathBuf,
}

/// The lock file of SQLite database `database`.
pub fn pad(database: &Path) -> PathBuf {
    let mut naam = database.as_os_str().to_owned();
    naam.push(".lock");
    PathBuf::from(naam)
}

/// Takes the lock of `database`, or says which server holds it.
pub fn neem(database: &Path) -> anyhow::Result<Slot> {
    let pad = pad(database);
    let bestand = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&pad)
        .map_err(|e| anyhow::anyhow!("slotbestand {} niet te openen: {e}", pad.display()))?;
    match bestand.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => bail!(
            "de database {} is al in gebruik door een andere `koers serve` (slot: {}); SQLite is voor één \
             server. Stop die eerst, of gebruik PostgreSQL (DATABASE_URL=postgres://…) voor meer dan één server",
            database.display(),
            pad.display()
        ),
        Err(TryLockError::Error(e)) => bail!("slotbestand {} niet te vergrendelen: {e}", pad.display()),
    }
    Ok(Slot {
        _bestand: bestand,
        pad,
    })
}
