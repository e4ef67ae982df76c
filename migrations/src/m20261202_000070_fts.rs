//! A full-text index on the searchable text of an actie (`actie.zoektekst`), kept by the database itself: on
//! SQLite an FTS5 table with the trigram tokenizer (external content, maintained by triggers on `actie` like
//! `actie_stand`), on PostgreSQL a `pg_trgm` GIN index. Both answer the same substring search as before; the
//! index only finds the candidates. Without `pg_trgm` (not installable by this database user) PostgreSQL
//! searches without the index, with the same answers.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The FTS5 table: `zoektekst` of `actie`, by its id; case-sensitive trigrams, since `zoektekst` and every
/// search term are already in the one search form (lower case by the full Unicode rules).
const SQLITE: &[&str] = &[
    "CREATE VIRTUAL TABLE actie_zoek USING fts5(zoektekst, content='actie', content_rowid='id',
        tokenize='trigram case_sensitive 1')",
    "INSERT INTO actie_zoek (actie_zoek) VALUES ('rebuild')",
    "CREATE TRIGGER actie_zoek_insert AFTER INSERT ON actie BEGIN
        INSERT INTO actie_zoek (rowid, zoektekst) VALUES (NEW.id, NEW.zoektekst);
    END",
    "CREATE TRIGGER actie_zoek_delete AFTER DELETE ON actie BEGIN
        INSERT INTO actie_zoek (actie_zoek, rowid, zoektekst) VALUES ('delete', OLD.id, OLD.zoektekst);
    END",
    "CREATE TRIGGER actie_zoek_update AFTER UPDATE OF zoektekst ON actie BEGIN
        INSERT INTO actie_zoek (actie_zoek, rowid, zoektekst) VALUES ('delete', OLD.id, OLD.zoektekst);
        INSERT INTO actie_zoek (rowid, zoektekst) VALUES (NEW.id, NEW.zoektekst);
    END",
];

/// Whether this PostgreSQL has `pg_trgm`, or lets this user install it (a trusted extension needs the
/// CREATE privilege on the database).
const PG_TRGM_POSSIBLE: &str = "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')
    OR (EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm')
        AND has_database_privilege(current_database(), 'CREATE'))";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => {
                let possible = db
                    .query_one_raw(Statement::from_string(DbBackend::Postgres, PG_TRGM_POSSIBLE))
                    .await?
                    .map(|r| r.try_get_by_index::<bool>(0))
                    .transpose()?
                    .unwrap_or(false);
                if possible {
                    db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                        .await?;
                    db.execute_unprepared(
                        "CREATE INDEX IF NOT EXISTS idx_actie_zoektekst_trgm ON actie
                            USING gin (zoektekst gin_trgm_ops)",
                    )
                    .await?;
                }
            }
            _ => {
                for s in SQLITE {
                    db.execute_unprepared(s).await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared("DROP INDEX IF EXISTS idx_actie_zoektekst_trgm")
                    .await?;
            }
            _ => {
                for t in ["insert", "delete", "update"] {
                    db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS actie_zoek_{t}"))
                        .await?;
                }
                db.execute_unprepared("DROP TABLE IF EXISTS actie_zoek").await?;
            }
        }
        Ok(())
    }
}
