//! A large seed: fills a Koers database (seeded first when empty) with generated acties up to a total, spread
//! round-robin over the seed's own opgaven, with varied states, owners, confidential work and searchable text.

use anyhow::{Context, Result};
use koers_backend::db::Db;
use koers_backend::entities::{actie, opgave, organisatie};
use koers_backend::seed;
use koers_backend::service::schrijven::{NieuweActie, insert_actie};
use koers_shared::{ActieToestand, Gezondheid, Status, valideer_toestand};
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};

/// Words the generated titles and descriptions are made of (the text search looks for some of them).
const WOORDEN: &[&str] = &[
    "wijkaanpak",
    "ondermijning",
    "jongeren",
    "haven",
    "cybercrime",
    "zorg",
    "huisvesting",
    "preventie",
    "samenwerking",
    "signalering",
    "ketenpartners",
    "bewustwording",
    "handhaving",
    "netwerk",
    "Überprüfung",
];

/// Brings the database at `url` to `total` acties; answers how many it added.
pub async fn run(url: &str, total: u64) -> Result<u64> {
    let db = Db::connect(url).await?;
    db.migrate().await?;
    if seed::is_empty(&db).await? {
        seed::load(&db, &seed::parse(seed::BUILTIN)?).await?;
    }
    let now = actie::Entity::find().count(&db.reader).await?;
    let opgaven: Vec<i32> = opgave::Entity::find()
        .order_by_asc(opgave::Column::Id)
        .all(&db.reader)
        .await?
        .iter()
        .map(|o| o.id)
        .collect();
    let orgs: Vec<i32> = organisatie::Entity::find()
        .order_by_asc(organisatie::Column::Id)
        .all(&db.reader)
        .await?
        .iter()
        .map(|o| o.id)
        .collect();
    anyhow::ensure!(
        !opgaven.is_empty() && !orgs.is_empty(),
        "the seed has no opgaven or organisaties"
    );
    let txn = db.begin_write().await?;
    let mut added = 0u64;
    for i in now..total {
        let n = usize::try_from(i).context("too many")?;
        insert_actie(&txn, nieuw(n, &opgaven, &orgs), "schaaltest", None).await?;
        added += 1;
    }
    db.commit(txn).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(added)
}

/// The `n`th generated actie.
fn nieuw(n: usize, opgaven: &[i32], orgs: &[i32]) -> NieuweActie {
    let woord = |k: usize| WOORDEN[(n * 7 + k * 13) % WOORDEN.len()];
    let status = Status::ALL[n % Status::ALL.len()];
    let gezondheid = Gezondheid::ALL[(n / 5) % Gezondheid::ALL.len()];
    let gewenst = ActieToestand {
        status: Some(status),
        gezondheid: status.is_actief().then_some(gezondheid),
        gezondheid_reden: Some(format!("schaaltest {}", woord(3))),
        voortgang: status.is_actief().then_some(((n * 37) % 101) as i64),
    };
    // The first state the shared rules accept: with a reason, without one, the status alone.
    let zonder_reden = ActieToestand {
        gezondheid_reden: None,
        ..gewenst.clone()
    };
    let kaal = ActieToestand {
        status: Some(status),
        ..Default::default()
    };
    let toestand = [gewenst, zonder_reden, kaal]
        .iter()
        .find_map(|t| valideer_toestand(t).ok())
        .unwrap_or_else(fallback);
    NieuweActie {
        sleutel: None,
        opgave_id: opgaven[n % opgaven.len()],
        opgave_afgeleid: false,
        titel: format!("Schaalactie {n}: {} en {}", woord(0), woord(1)),
        beschrijving: format!("Gegenereerd voor de schaaltest: {} in de {}.", woord(2), woord(4)),
        jaar: 2024 + (n % 4) as i32,
        kwartaal: Some((n % 4) as i32 + 1),
        datum: None,
        toestand,
        vertrouwelijk: n % 10 == 3,
        bron: "schaaltest".into(),
        trekkers: vec![orgs[n % orgs.len()]],
        partners: vec![orgs[(n / 3 + 1) % orgs.len()]],
    }
}

fn fallback() -> koers_shared::GeldigeToestand {
    koers_shared::GeldigeToestand {
        status: Status::Gepland,
        gezondheid: None,
        gezondheid_reden: None,
        voortgang: None,
    }
}
