//! The built-in seed: it parses, every record names its source document, and loading it is idempotent and
//! never overwrites reported progress.

use crate::helpers::{TestApp, fresh_database};
use koers_backend::db::Db;
use koers_backend::entities::{
    actie, actieplan, opgave, organisatie, rvo_vergadering, thema, voortgangsupdate,
};
use koers_backend::seed::{self, BUILTIN};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

/// The VAR's reports the seed is drawn from (`/work/shared/seeds/`), by file name and title.
const DOCUMENTS: [(&str, &str); 5] = [
    ("000_cf0045d2e4d573fd.txt", "VAR Jaarverslag 2022 / Jaarplan 2023"),
    ("001_604fafb8aa4428dd.txt", "VAR Jaarverslag 2023 / Jaarplan 2024"),
    ("002_dc385e6db2dda92d.txt", "VAR Jaarverslag 2025 / Jaarplan 2026"),
    ("003_699f55838a6ce540.txt", "VAR Jaarverslag 2020 / Jaarplan 2021"),
    ("004_820b09cd18c2b033.txt", "VAR-website, Het laatste nieuws"),
];

/// Checks that a loaded `bron` starts with a source document's title and names no file any more.
fn check_bron(what: &str, key: &str, bron: &str) {
    assert!(
        DOCUMENTS.iter().any(|(_, titel)| bron.starts_with(titel)),
        "{what} '{key}': bron does not start with a source document: {bron:?}"
    );
    assert!(
        !bron.contains(".txt"),
        "{what} '{key}': a file name is left: {bron:?}"
    );
}

#[test]
fn the_seed_lists_exactly_the_source_documents() {
    let s = seed::parse(BUILTIN).unwrap();
    let lijst: Vec<(&str, &str)> = s
        .document
        .iter()
        .map(|d| (d.bestand.as_str(), d.titel.as_str()))
        .collect();
    assert_eq!(lijst, DOCUMENTS);
}

#[test]
fn the_builtin_seed_parses_with_the_five_portefeuilles() {
    let s = seed::parse(BUILTIN).expect("the built-in seed parses");
    assert_eq!(s.thema.len(), 5);
    let mut namen: Vec<&str> = s.thema.iter().map(|t| t.naam.as_str()).collect();
    namen.sort_unstable();
    assert_eq!(
        namen,
        [
            "Digitale Veiligheid",
            "Jeugd en Veiligheid",
            "Maatschappelijk Ongenoegen",
            "Mensenhandel",
            "Zorg en Veiligheid"
        ]
    );
    let mut volgorde: Vec<i32> = s.thema.iter().map(|t| t.volgorde).collect();
    volgorde.sort_unstable();
    volgorde.dedup();
    assert_eq!(volgorde.len(), 5, "each thema has its own place");
    assert!(!s.actieplan.is_empty() && !s.opgave.is_empty() && !s.actie.is_empty());
    assert!(!s.organisatie.is_empty());
}

#[test]
fn every_seeded_record_names_its_source_document() {
    let s = seed::parse(BUILTIN).unwrap();
    for a in &s.actie {
        check_bron("actie", &a.sleutel, &a.bron);
    }
    for o in &s.opgave {
        check_bron("opgave", &o.sleutel, &o.bron);
    }
    for p in &s.actieplan {
        check_bron("actieplan", &p.sleutel, &p.bron);
    }
    for t in &s.thema {
        check_bron("thema", &t.sleutel, &t.bron);
    }
    for o in &s.organisatie {
        check_bron("organisatie", &o.sleutel, &o.bron);
    }
    for r in &s.rvo_vergadering {
        check_bron("rvo_vergadering", &r.datum.to_string(), &r.bron);
    }
}

#[test]
fn parse_refuses_what_it_cannot_trust() {
    let base = r#"
[[thema]]
sleutel = "t"
naam = "T"
volgorde = 1
bron = "x.txt — Hoofdstuk 1"

[[document]]
bestand = "x.txt"
titel = "Het Boek"
"#;
    let s = seed::parse(base).expect("a valid seed");
    assert_eq!(s.thema[0].bron, "Het Boek — Hoofdstuk 1");
    let cases = [
        (format!("{base}{base}"), "dubbel"),
        (
            base.replace("bron = \"x.txt — Hoofdstuk 1\"", "bron = \"  \""),
            "bron",
        ),
        (
            base.replace("bron = \"x.txt — Hoofdstuk 1\"", "bron = \"y.txt — Hoofdstuk 1\""),
            "onbekend document 'y.txt'",
        ),
        (
            base.replace("bron = \"x.txt — Hoofdstuk 1\"", "bron = \"Hoofdstuk 1\""),
            "geen brondocument",
        ),
        (base.replace("titel = \"Het Boek\"", "titel = \"\""), "geen titel"),
        (
            base.replace("volgorde = 1", "volgorde = 1\nkleur = \"rood\""),
            "kleur",
        ),
        (
            format!(
                "{base}[[actieplan]]\nsleutel = \"p\"\nthema = \"t\"\ntitel = \"P\"\nsoort = \"actieplan\"\n\
                 periode_van = 2027\nperiode_tot = 2025\nstatus = \"vastgesteld\"\nbron = \"x.txt\"\n"
            ),
            "periode",
        ),
        (
            format!(
                "{base}[[actieplan]]\nsleutel = \"p\"\nthema = \"onbekend\"\ntitel = \"P\"\nsoort = \"actieplan\"\n\
                 periode_van = 2025\nperiode_tot = 2025\nstatus = \"vastgesteld\"\nbron = \"x.txt\"\n"
            ),
            "onbekend",
        ),
    ];
    for (text, needle) in cases {
        let e = seed::parse(&text).expect_err(needle).to_string();
        assert!(e.contains(needle), "error for {needle:?} says {e:?}");
    }
}

struct Counts([u64; 7]);

async fn counts(db: &Db) -> Counts {
    let c = &db.reader;
    Counts([
        organisatie::Entity::find().count(c).await.unwrap(),
        thema::Entity::find().count(c).await.unwrap(),
        actieplan::Entity::find().count(c).await.unwrap(),
        opgave::Entity::find().count(c).await.unwrap(),
        actie::Entity::find().count(c).await.unwrap(),
        rvo_vergadering::Entity::find().count(c).await.unwrap(),
        voortgangsupdate::Entity::find().count(c).await.unwrap(),
    ])
}

#[tokio::test]
async fn loading_the_seed_twice_changes_nothing() {
    let (url, _dir) = fresh_database().await;
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let s = seed::parse(BUILTIN).unwrap();

    let first = seed::load(&db, &s).await.unwrap();
    let records = s.organisatie.len()
        + s.thema.len()
        + s.actieplan.len()
        + s.opgave.len()
        + s.actie.len()
        + s.rvo_vergadering.len();
    assert_eq!(first.nieuw, records, "an empty database takes every record");
    assert_eq!(first.bestaand, 0);
    let after_first = counts(&db).await;
    assert_eq!(after_first.0[1], 5);
    assert_eq!(after_first.0[4], s.actie.len() as u64);
    assert_eq!(
        after_first.0[6],
        s.actie.len() as u64,
        "one history row per seeded actie"
    );

    let second = seed::load(&db, &s).await.unwrap();
    assert_eq!(second.nieuw, 0);
    assert_eq!(second.bestaand, first.nieuw);
    assert_eq!(counts(&db).await.0, after_first.0);
}

#[tokio::test]
async fn a_reseed_keeps_reported_progress() {
    let app = TestApp::spawn().await;
    let d = app
        .data(
            "{ acties(first: 1, filter: { status: [GEPLAND] }) { edges { node { id sleutel versie } } } }",
            json!({}),
        )
        .await;
    let node = &d["acties"]["edges"][0]["node"];
    assert!(node["sleutel"].is_string(), "a seeded actie: {node}");
    let id = node["id"].as_str().unwrap();
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": id, "versie": node["versie"], "status": "IN_UITVOERING", "voortgang": 40,
                       "gezondheid": "OP_KOERS" } }),
    )
    .await;

    let r = seed::load(&app.db().await, &seed::parse(BUILTIN).unwrap())
        .await
        .unwrap();
    assert_eq!(r.nieuw, 0);

    let d = app
        .data(
            "query($id: ID!) { actie(id: $id) { versie status voortgang gezondheid historie { versie } } }",
            json!({ "id": id }),
        )
        .await;
    let a = &d["actie"];
    assert_eq!(a["status"], "IN_UITVOERING", "{a}");
    assert_eq!(a["voortgang"], 40, "{a}");
    assert_eq!(a["gezondheid"], "OP_KOERS", "{a}");
    assert_eq!(a["versie"], 2, "{a}");
    assert_eq!(a["historie"].as_array().unwrap().len(), 2, "{a}");
}
