//! Text search through the full-text index (FTS5 trigrams on SQLite, `pg_trgm` on PostgreSQL): the same
//! substring answers as before on both — words, prefixes, parts of words, case and accents, characters that
//! mean something to the index's own syntax —, confidential work stays hidden, and the index follows every
//! write, also one made straight in the database (another program, an older Koers).

use crate::helpers::{Als, Kijkers, TestApp, plan_ids};
use koers_backend::graphql::ids::{Soort, decode};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }";
const ZOEK: &str = "query($f: ActieFilter) { acties(filter: $f, first: 100) { totalCount nodes { id } } }";

async fn maak(app: &TestApp, opgave: &str, titel: &str, beschrijving: &str, vertrouwelijk: bool) -> String {
    let d = app
        .data(
            AANMAKEN,
            json!({ "i": { "opgave": opgave, "titel": titel, "beschrijving": beschrijving, "jaar": 2026,
                           "status": "GEPLAND", "vertrouwelijk": vertrouwelijk } }),
        )
        .await;
    d["actieAanmaken"]["id"].as_str().unwrap().to_string()
}

/// The ids `als` finds for `tekst`, checked against `totalCount`.
async fn zoek(app: &TestApp, als: &Als<'_>, tekst: &str) -> BTreeSet<String> {
    let r = app.gql_as(als, ZOEK, json!({ "f": { "tekst": tekst } })).await;
    assert!(r.get("errors").is_none(), "{tekst:?}: {r:#}");
    let nodes: BTreeSet<String> = r["data"]["acties"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        r["data"]["acties"]["totalCount"].as_u64(),
        Some(nodes.len() as u64),
        "{tekst:?}"
    );
    nodes
}

fn ids(list: &[&String]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn words_prefixes_parts_case_and_accents_find_the_same_acties() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let a = maak(
        &app,
        &opgaven[0],
        "Coördinatie wijkteams Feijenoord",
        "Évaluatie van de zoekaanpak",
        false,
    )
    .await;
    let b = maak(
        &app,
        &opgaven[1],
        "Zoekplan \"B\" * OR NEAR(x)",
        "Coordinatie zonder trema",
        false,
    )
    .await;
    let c = maak(&app, &opgaven[0], "Wijkzoekteams", "ÉÉN evaluatieronde", false).await;
    let als = Als::Token(&app.token);
    let gevallen: Vec<(&str, BTreeSet<String>)> = vec![
        // A whole word, and its upper case.
        ("coördinatie", ids(&[&a])),
        ("COÖRDINATIE", ids(&[&a])),
        // The accent counts: "coordinatie" is another word.
        ("coordinatie", ids(&[&b])),
        // A prefix, a part inside a word, across a space.
        ("wijkteam", ids(&[&a])),
        ("zoekteams", ids(&[&c])),
        ("eijenoor", ids(&[&a])),
        ("wijkteams feijen", ids(&[&a])),
        // Accented capitals in the description; without the accent it is another word.
        ("ÉVALUATIE", ids(&[&a])),
        ("evaluatie", ids(&[&c])),
        ("één evaluatie", ids(&[&c])),
        // Words that are not next to each other are not one text.
        ("feijenoord evaluatie", ids(&[])),
        // The index's own syntax is plain text here.
        ("\"b\" *", ids(&[&b])),
        ("or near(", ids(&[&b])),
        ("\"", ids(&[&b])),
        // Shorter than a trigram: still found.
        ("ij", ids(&[&a, &c])),
        ("é", ids(&[&a, &c])),
    ];
    for (tekst, verwacht) in gevallen {
        let gevonden = zoek(&app, &als, tekst).await;
        let eigen: BTreeSet<String> = gevonden
            .iter()
            .filter(|id| [&a, &b, &c].contains(id))
            .cloned()
            .collect();
        assert_eq!(eigen, verwacht, "{tekst:?}");
    }
    assert!(zoek(&app, &als, "zoekaanpak").await == ids(&[&a]));
}

#[tokio::test]
async fn confidential_acties_are_found_only_by_who_may_see_them() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let open = maak(&app, &opgaven[0], "Zoekterm veldwerkproef open", "", false).await;
    let geheim = maak(&app, &opgaven[0], "Zoekterm veldwerkproef geheim", "", true).await;
    let k = Kijkers::new(&app).await;
    for (wie, als) in [
        ("anoniem", Als::Anoniem),
        ("token zonder vertrouwelijk", Als::Token(&k.open_token)),
        ("token voor een ander thema", Als::Token(&k.ander_thema)),
    ] {
        for t in ["veldwerkproef", "VELDWERKPROEF GEHEIM", "f g"] {
            let found = zoek(&app, &als, t).await;
            assert!(!found.contains(&geheim), "{wie} finds it by {t:?}");
        }
    }
    assert_eq!(zoek(&app, &Als::Anoniem, "veldwerkproef").await, ids(&[&open]));
    assert_eq!(
        zoek(&app, &Als::Token(&k.vertrouwd), "veldwerkproef").await,
        ids(&[&open, &geheim])
    );
}

/// On SQLite FTS5's own consistency check of `actie_zoek` against `actie`; on PostgreSQL the trigram index
/// exists. Fails when there is no index.
async fn index_klopt(app: &TestApp) {
    let db = app.db().await;
    let backend = db.reader.get_database_backend();
    match backend {
        DbBackend::Postgres => {
            let r = db
                .reader
                .query_one_raw(Statement::from_string(
                    backend,
                    "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'idx_actie_zoektekst_trgm'",
                ))
                .await
                .unwrap()
                .unwrap();
            assert_eq!(r.try_get_by_index::<i64>(0).unwrap(), 1, "the trigram index");
        }
        _ => {
            db.writer
                .execute_unprepared("INSERT INTO actie_zoek (actie_zoek, rank) VALUES ('integrity-check', 1)")
                .await
                .expect("actie_zoek agrees with actie");
        }
    }
}

#[tokio::test]
async fn the_index_follows_every_write_also_straight_in_the_database() {
    // Another program's writes reach kept answers only after their freshness (`antwoordcache`); this test is
    // about the search index, so every request executes.
    let app = TestApp::spawn_with(|s| s.antwoordcache = None).await;
    index_klopt(&app).await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let a = maak(&app, &opgaven[0], "Indexproef eerste titel", "", false).await;
    let b = maak(&app, &opgaven[0], "Indexproef om te wissen", "", false).await;
    let als = Als::Token(&app.token);
    assert_eq!(zoek(&app, &als, "indexproef").await, ids(&[&a, &b]));
    // Through Koers: a new title.
    let r = app
        .data(
            "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { id } }",
            json!({ "i": { "id": a, "versie": 1, "titel": "Proefindex tweede titel" } }),
        )
        .await;
    assert_eq!(r["actieWijzigen"]["id"], Value::String(a.clone()));
    assert!(zoek(&app, &als, "eerste titel").await.is_empty());
    assert_eq!(zoek(&app, &als, "tweede titel").await, ids(&[&a]));
    // Straight in the database, as another program writes: a text and a delete.
    let db = app.db().await;
    let backend = db.writer.get_database_backend();
    let (na, nb) = (
        decode(&a, Soort::Actie, "id").unwrap(),
        decode(&b, Soort::Actie, "id").unwrap(),
    );
    for sql in [
        format!(
            "UPDATE actie SET titel = 'Buiten Koers om', zoektekst = 'buiten koers om\n' WHERE id = {na}"
        ),
        format!("DELETE FROM actie_organisatie WHERE actie_id = {nb}"),
        format!("DELETE FROM voortgangsupdate WHERE actie_id = {nb}"),
        format!("DELETE FROM actie WHERE id = {nb}"),
    ] {
        db.writer
            .execute_raw(Statement::from_string(backend, sql))
            .await
            .unwrap();
    }
    assert!(zoek(&app, &als, "tweede titel").await.is_empty());
    assert_eq!(zoek(&app, &als, "koers om").await, ids(&[&a]));
    assert!(zoek(&app, &als, "indexproef").await.is_empty());
    index_klopt(&app).await;
}
