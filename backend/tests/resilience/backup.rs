//! `koers backup` and `koers restore` with the real binary: a snapshot taken while the database is open holds
//! exactly the state of that moment, and restoring it brings that state back; backup never overwrites, restore
//! refuses a file that is not a Koers database and a database that is in use, leaving the current one untouched.
//! SQLite only; on PostgreSQL both commands point to pg_dump / pg_restore.

use crate::helpers::fresh_database;
use crate::proces::{koers, on_postgres, text};
use koers_backend::db::Db;
use koers_backend::entities::{actie, actie_organisatie, opgave, organisatie, voortgangsupdate};
use koers_backend::seed;
use koers_backend::service::Services;
use koers_backend::service::invoer::{ActieInvoer, VoortgangMelding};
use koers_backend::toegang::Kijker;
use koers_shared::{ActieToestand, Gezondheid, Status};
use sea_orm::{EntityTrait, QueryOrder};

/// Everything a change can touch: the acties, their owners and their history.
#[derive(Debug, PartialEq)]
struct Stand {
    acties: Vec<actie::Model>,
    eigenaars: Vec<actie_organisatie::Model>,
    historie: Vec<voortgangsupdate::Model>,
}

async fn stand(db: &Db) -> Stand {
    Stand {
        acties: actie::Entity::find()
            .order_by_asc(actie::Column::Id)
            .all(&db.reader)
            .await
            .unwrap(),
        eigenaars: actie_organisatie::Entity::find()
            .order_by_asc(actie_organisatie::Column::ActieId)
            .order_by_asc(actie_organisatie::Column::OrganisatieId)
            .order_by_asc(actie_organisatie::Column::Rol)
            .all(&db.reader)
            .await
            .unwrap(),
        historie: voortgangsupdate::Entity::find()
            .order_by_asc(voortgangsupdate::Column::Id)
            .all(&db.reader)
            .await
            .unwrap(),
    }
}

async fn nieuwe_actie(s: &Services, titel: &str) -> actie::Model {
    let opgave = opgave::Entity::find().one(&s.db.reader).await.unwrap().unwrap();
    let orgs = organisatie::Entity::find().all(&s.db.reader).await.unwrap();
    s.actie_aanmaken(
        &Kijker::systeem("Backuptest"),
        ActieInvoer {
            opgave_id: opgave.id,
            titel: titel.into(),
            trekkers: vec![orgs[0].id],
            partners: vec![orgs[1].id, orgs[2].id],
            jaar: 2026,
            kwartaal: Some(2),
            toestand: ActieToestand {
                status: Some(Status::InUitvoering),
                voortgang: Some(20),
                ..Default::default()
            },
            door: "Backuptest".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

async fn melden(s: &Services, a: &actie::Model, voortgang: i64) -> actie::Model {
    s.voortgang_rapporteren(
        &Kijker::systeem("Backuptest"),
        VoortgangMelding {
            id: a.id,
            versie: a.versie,
            status: Some(Status::InUitvoering),
            gezondheid: Some(Some(Gezondheid::Aandacht)),
            gezondheid_reden: Some(Some(format!("stand {voortgang}"))),
            voortgang: Some(Some(voortgang)),
            toelichting: Some("voor de backup".into()),
            door: "Backuptest".into(),
        },
    )
    .await
    .unwrap()
}

fn assert_refused(out: &std::process::Output, woord: &str) {
    let t = text(out);
    assert!(!out.status.success(), "expected a refusal: {t}");
    assert!(t.contains(woord), "expected {woord:?} in: {t}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_then_restore_brings_back_exactly_the_snapshot() {
    if on_postgres() {
        eprintln!(
            "skipped on PostgreSQL: koers backup/restore are for SQLite (pg_dump/pg_restore otherwise)"
        );
        return;
    }
    let (url, dir) = fresh_database().await;
    let dir = dir.unwrap();
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    seed::load(&db, &seed::parse(seed::BUILTIN).unwrap())
        .await
        .unwrap();
    let services = Services::new(db.clone());

    // Changes before the backup: a new actie reported twice, and progress on a seeded one.
    let a = nieuwe_actie(&services, "Voor de backup").await;
    let a = melden(&services, &a, 40).await;
    let a = melden(&services, &a, 55).await;
    let seeded = actie::Entity::find_by_id(1)
        .one(&db.reader)
        .await
        .unwrap()
        .unwrap();
    let seeded = melden(&services, &seeded, 30).await;
    let voor = stand(&db).await;

    // A snapshot while the database is open and in use.
    let snap = dir.path().join("snapshots").join("koers-backup.db");
    std::fs::create_dir(snap.parent().unwrap()).unwrap();
    let out = koers(&url, dir.path(), &["backup", snap.to_str().unwrap()]).await;
    assert!(out.status.success(), "backup: {}", text(&out));
    assert!(text(&out).contains("backup geschreven"), "{}", text(&out));
    let snap_bytes = std::fs::read(&snap).unwrap();

    // A backup never overwrites.
    let out = koers(&url, dir.path(), &["backup", snap.to_str().unwrap()]).await;
    assert_refused(&out, "bestaat al");
    assert_eq!(
        std::fs::read(&snap).unwrap(),
        snap_bytes,
        "the existing file is untouched"
    );

    // Changes after the backup.
    let b = nieuwe_actie(&services, "Na de backup").await;
    melden(&services, &b, 70).await;
    let a = melden(&services, &a, 90).await;
    melden(&services, &seeded, 35).await;
    let na = stand(&db).await;
    assert_ne!(na, voor);
    assert_eq!(a.versie, 4);

    // While the database is open (as by a running Koers), restore refuses and changes nothing.
    let out = koers(&url, dir.path(), &["restore", snap.to_str().unwrap()]).await;
    assert_refused(&out, "in gebruik");
    assert_eq!(stand(&db).await, na);

    // Not a Koers database: a text file, and an empty file (a valid but empty SQLite database).
    let tekst = dir.path().join("notities.txt");
    std::fs::write(
        &tekst,
        "Dit is geen database, maar een boodschappenlijst.\n".repeat(200),
    )
    .unwrap();
    let leeg = dir.path().join("leeg.db");
    std::fs::write(&leeg, b"").unwrap();
    drop(services);
    db.reader.close_by_ref().await.unwrap();
    db.writer.close_by_ref().await.unwrap();
    let db_file = dir.path().join("koers.db");
    let db_bytes = std::fs::read(&db_file).unwrap();
    for (bestand, woord) in [(&tekst, "geen bruikbare backup"), (&leeg, "ontbreken")] {
        let out = koers(&url, dir.path(), &["restore", bestand.to_str().unwrap()]).await;
        assert_refused(&out, woord);
        assert_eq!(
            std::fs::read(&db_file).unwrap(),
            db_bytes,
            "the database file is untouched"
        );
    }
    let db = Db::connect(&url).await.unwrap();
    assert_eq!(stand(&db).await, na, "a refused restore changes nothing");
    db.reader.close_by_ref().await.unwrap();
    db.writer.close_by_ref().await.unwrap();

    // Koers is stopped: restore brings back exactly the state at backup time.
    let out = koers(&url, dir.path(), &["restore", snap.to_str().unwrap()]).await;
    assert!(out.status.success(), "restore: {}", text(&out));
    assert!(text(&out).contains("hersteld uit"), "{}", text(&out));
    assert_eq!(
        std::fs::read(&snap).unwrap(),
        snap_bytes,
        "restore leaves the snapshot as it was"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp files left: {leftovers:?}");

    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let hersteld = stand(&db).await;
    assert_eq!(hersteld.acties, voor.acties, "every actie row as at backup time");
    assert_eq!(hersteld.eigenaars, voor.eigenaars);
    assert_eq!(hersteld.historie, voor.historie, "the history as at backup time");
    assert!(hersteld.acties.iter().all(|x| x.titel != "Na de backup"));

    // The restored database works: the next change continues the history without a gap.
    let services = Services::new(db.clone());
    let a = actie::Entity::find_by_id(a.id)
        .one(&db.reader)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.versie, 3);
    let a = melden(&services, &a, 60).await;
    assert_eq!(a.versie, 4);
}

#[tokio::test]
async fn on_postgresql_backup_and_restore_point_to_pg_dump_and_pg_restore() {
    let cwd = tempfile::tempdir().unwrap();
    let url = "postgres://koers@127.0.0.1:1/koers";
    for (cmd, woord) in [
        ("backup", "pg_dump --format=custom"),
        ("restore", "pg_restore --clean"),
    ] {
        let out = koers(url, cwd.path(), &[cmd, "koers.dump"]).await;
        assert_refused(&out, woord);
        assert!(!cwd.path().join("koers.dump").exists());
    }
}
