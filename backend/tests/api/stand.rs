//! `actie_stand`, the counts roll-ups read, stays equal to the acties themselves through every kind of write:
//! through Koers (create, progress, moving to another opgave) and straight in the database, as another
//! program or an older Koers would write.

use crate::helpers::{alles_zicht, fresh_database};
use koers_backend::db::Db;
use koers_backend::seed;
use koers_backend::service::Services;
use koers_backend::service::invoer::{ActieInvoer, ActieWijziging, VoortgangMelding};
use koers_backend::service::rollups;
use koers_backend::toegang::Kijker;
use koers_shared::{ActieToestand, Gezondheid, Status};
use sea_orm::{ConnectionTrait, EntityTrait, Statement};

/// The counts per opgave as `actie_stand` holds them, and as the acties give them.
async fn both(
    db: &Db,
) -> (
    Vec<(i32, bool, String, String, i64, i64, i64)>,
    Vec<(i32, bool, String, String, i64, i64, i64)>,
) {
    let read = |sql: &str| {
        let sql = sql.to_string();
        async move {
            let rows = db
                .reader
                .query_all_raw(Statement::from_string(db.reader.get_database_backend(), sql))
                .await
                .unwrap();
            rows.iter()
                .map(|r| {
                    (
                        r.try_get_by_index::<i32>(0).unwrap(),
                        r.try_get_by_index::<bool>(1).unwrap(),
                        r.try_get_by_index::<String>(2).unwrap(),
                        r.try_get_by_index::<String>(3).unwrap(),
                        r.try_get_by_index::<i64>(4).unwrap(),
                        r.try_get_by_index::<i64>(5).unwrap(),
                        r.try_get_by_index::<i64>(6).unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let stand = read(
        "SELECT opgave_id, vertrouwelijk, status, gezondheid, CAST(aantal AS BIGINT), CAST(met_voortgang AS BIGINT), \
         CAST(voortgang_som AS BIGINT) FROM actie_stand WHERE aantal > 0 ORDER BY 1, 2, 3, 4",
    )
    .await;
    let echt = read(
        "SELECT opgave_id, vertrouwelijk, status, COALESCE(gezondheid, ''), CAST(COUNT(*) AS BIGINT), \
         CAST(COUNT(voortgang) AS BIGINT), CAST(COALESCE(SUM(voortgang), 0) AS BIGINT) FROM actie \
         GROUP BY opgave_id, vertrouwelijk, status, COALESCE(gezondheid, '') ORDER BY 1, 2, 3, 4",
    )
    .await;
    (stand, echt)
}

#[tokio::test]
async fn the_counts_follow_every_write() {
    let (url, _dir) = fresh_database().await;
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    seed::load(&db, &seed::parse(seed::BUILTIN).unwrap())
        .await
        .unwrap();
    let (stand, echt) = both(&db).await;
    assert!(!stand.is_empty());
    assert_eq!(stand, echt, "filled by the migration");

    let s = Services::new(db.clone());
    let ik = Kijker::systeem("test");
    let opgaven: Vec<i32> = koers_backend::entities::opgave::Entity::find()
        .all(&db.reader)
        .await
        .unwrap()
        .iter()
        .map(|o| o.id)
        .collect();
    let a = s
        .actie_aanmaken(
            &ik,
            ActieInvoer {
                opgave_id: opgaven[0],
                titel: "Telling".into(),
                jaar: 2026,
                vertrouwelijk: true,
                toestand: ActieToestand {
                    status: Some(Status::InUitvoering),
                    gezondheid: Some(Gezondheid::ALL[0]),
                    voortgang: Some(30),
                    ..Default::default()
                },
                door: "test".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let a = s
        .voortgang_rapporteren(
            &ik,
            VoortgangMelding {
                id: a.id,
                versie: a.versie,
                status: Some(Status::Afgerond),
                gezondheid: Some(None),
                gezondheid_reden: Some(None),
                voortgang: Some(Some(100)),
                toelichting: None,
                door: "test".into(),
            },
        )
        .await
        .unwrap();
    s.actie_wijzigen(
        &ik,
        ActieWijziging {
            id: a.id,
            versie: a.versie,
            opgave_id: Some(opgaven[1]),
            door: "test".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let (stand, echt) = both(&db).await;
    assert_eq!(stand, echt, "after Koers' own writes");

    // Another writer, straight in the database.
    let backend = db.writer.get_database_backend();
    for sql in [
        "UPDATE actie SET status = 'gestopt', gezondheid = NULL WHERE id % 3 = 0".to_string(),
        "UPDATE actie SET voortgang = 55 WHERE status = 'gepland' AND id % 2 = 0".to_string(),
        format!("DELETE FROM actie_organisatie WHERE actie_id = {}", a.id),
        format!("DELETE FROM voortgangsupdate WHERE actie_id = {}", a.id),
        format!("DELETE FROM actie WHERE id = {}", a.id),
    ] {
        db.writer
            .execute_raw(Statement::from_string(backend, sql))
            .await
            .unwrap();
    }
    let (stand, echt) = both(&db).await;
    assert_eq!(stand, echt, "after writes by another program");

    // And the roll-up read from it is the one the acties give.
    let z = alles_zicht();
    let per = rollups::per_opgave(&db.reader, &z, &opgaven).await.unwrap();
    let acties = koers_backend::entities::actie::Entity::find()
        .all(&db.reader)
        .await
        .unwrap();
    for o in &opgaven {
        let verwacht = koers_shared::rollup(
            acties
                .iter()
                .filter(|x| x.opgave_id == *o)
                .map(|x| rollups::stand_van(x).unwrap()),
        );
        assert_eq!(per[o].rollup, verwacht, "opgave {o}");
    }
}
