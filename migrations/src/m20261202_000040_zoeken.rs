//! Roll-ups kept up to date by the database: `actie_stand` counts the acties per opgave, confidentiality,
//! status and health (with how many have a progress and its sum), filled here and maintained by triggers on
//! `actie`, so every writer (an older Koers too, another instance, the command line) keeps it right and a
//! roll-up reads a handful of rows per opgave instead of every actie.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "CREATE TABLE actie_stand (
    opgave_id INTEGER NOT NULL REFERENCES opgave (id) ON DELETE CASCADE,
    vertrouwelijk BOOLEAN NOT NULL,
    status VARCHAR NOT NULL,
    gezondheid VARCHAR NOT NULL,
    aantal INTEGER NOT NULL,
    met_voortgang INTEGER NOT NULL,
    voortgang_som INTEGER NOT NULL,
    PRIMARY KEY (opgave_id, vertrouwelijk, status, gezondheid)
)";

/// The acties as they are now; `gezondheid` '' stands for none (a key column cannot be NULL).
const FILL: &str = "INSERT INTO actie_stand
    (opgave_id, vertrouwelijk, status, gezondheid, aantal, met_voortgang, voortgang_som)
    SELECT opgave_id, vertrouwelijk, status, COALESCE(gezondheid, ''), COUNT(*), COUNT(voortgang),
        COALESCE(SUM(voortgang), 0)
    FROM actie GROUP BY opgave_id, vertrouwelijk, status, COALESCE(gezondheid, '')";

/// Counts one actie (`R` = NEW or OLD) in, as a statement.
fn erbij(r: &str) -> String {
    format!(
        "INSERT INTO actie_stand
            (opgave_id, vertrouwelijk, status, gezondheid, aantal, met_voortgang, voortgang_som)
            VALUES ({r}.opgave_id, {r}.vertrouwelijk, {r}.status, COALESCE({r}.gezondheid, ''), 1,
                CASE WHEN {r}.voortgang IS NULL THEN 0 ELSE 1 END, COALESCE({r}.voortgang, 0))
            ON CONFLICT (opgave_id, vertrouwelijk, status, gezondheid) DO UPDATE SET
                aantal = actie_stand.aantal + 1,
                met_voortgang = actie_stand.met_voortgang + excluded.met_voortgang,
                voortgang_som = actie_stand.voortgang_som + excluded.voortgang_som;"
    )
}

/// Counts one actie out.
fn eraf(r: &str) -> String {
    format!(
        "UPDATE actie_stand SET aantal = aantal - 1,
                met_voortgang = met_voortgang - CASE WHEN {r}.voortgang IS NULL THEN 0 ELSE 1 END,
                voortgang_som = voortgang_som - COALESCE({r}.voortgang, 0)
            WHERE opgave_id = {r}.opgave_id AND vertrouwelijk = {r}.vertrouwelijk AND status = {r}.status
                AND gezondheid = COALESCE({r}.gezondheid, '');"
    )
}

const KOLOMMEN: &str = "opgave_id, vertrouwelijk, status, gezondheid, voortgang";

fn sqlite() -> Vec<String> {
    vec![
        format!(
            "CREATE TRIGGER actie_stand_insert AFTER INSERT ON actie BEGIN {} END",
            erbij("NEW")
        ),
        format!(
            "CREATE TRIGGER actie_stand_delete AFTER DELETE ON actie BEGIN {} END",
            eraf("OLD")
        ),
        format!(
            "CREATE TRIGGER actie_stand_update AFTER UPDATE OF {KOLOMMEN} ON actie BEGIN {} {} END",
            eraf("OLD"),
            erbij("NEW")
        ),
    ]
}

fn postgres() -> Vec<String> {
    vec![
        format!(
            "CREATE FUNCTION actie_stand_bij() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('DELETE', 'UPDATE') THEN {} END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN {} END IF;
                RETURN NULL;
            END $$",
            eraf("OLD"),
            erbij("NEW")
        ),
        format!(
            "CREATE TRIGGER actie_stand_bij AFTER INSERT OR DELETE OR UPDATE OF {KOLOMMEN} ON actie
            FOR EACH ROW EXECUTE FUNCTION actie_stand_bij()"
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(TABLE).await?;
        db.execute_unprepared(FILL).await?;
        let triggers = match db.get_database_backend() {
            DbBackend::Postgres => postgres(),
            _ => sqlite(),
        };
        for t in triggers {
            db.execute_unprepared(&t).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("DROP TRIGGER IF EXISTS actie_stand_bij ON actie")
                .await?;
            db.execute_unprepared("DROP FUNCTION IF EXISTS actie_stand_bij()")
                .await?;
        } else {
            for t in ["insert", "delete", "update"] {
                db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS actie_stand_{t}"))
                    .await?;
            }
        }
        db.execute_unprepared("DROP TABLE IF EXISTS actie_stand").await?;
        Ok(())
    }
}
