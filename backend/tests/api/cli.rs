//! The real `koers` binary: `migrate` and `seed` against a fresh database.

use crate::helpers::fresh_database;
use koers_backend::db::Db;
use koers_backend::entities::{actie, organisatie, thema};
use sea_orm::{EntityTrait, PaginatorTrait};
use std::process::Output;

/// Runs `koers args…` with `DATABASE_URL=url` in an empty working directory.
async fn koers(url: &str, args: &[&str]) -> Output {
    let cwd = tempfile::tempdir().unwrap();
    tokio::process::Command::new(env!("CARGO_BIN_EXE_koers"))
        .args(args)
        .current_dir(cwd.path())
        .env("DATABASE_URL", url)
        .env("KOERS_LOG", "warn")
        .env_remove("KOERS_SEED_FILE")
        .env_remove("KOERS_LOG_JSON")
        .output()
        .await
        .expect("koers runs")
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The `N` of `seed geladen: N nieuw, M bestaand`.
fn nieuw(stdout: &str) -> usize {
    let line = stdout
        .lines()
        .find(|l| l.contains("seed geladen:"))
        .unwrap_or_else(|| panic!("no seed report in {stdout:?}"));
    let (_, rest) = line.split_once("seed geladen:").unwrap();
    let (n, _) = rest
        .trim()
        .split_once(" nieuw")
        .unwrap_or_else(|| panic!("no 'nieuw' in {line:?}"));
    n.trim()
        .parse()
        .unwrap_or_else(|_| panic!("no count in {line:?}"))
}

async fn count<E: EntityTrait>(db: &Db) -> u64
where
    E::Model: Sync,
{
    E::find().count(&db.reader).await.unwrap()
}

#[tokio::test]
async fn migrate_then_seed_twice_is_idempotent() {
    let (url, _dir) = fresh_database().await;

    let out = koers(&url, &["migrate"]).await;
    let (so, se) = text(&out);
    assert!(out.status.success(), "migrate failed: {so}\n{se}");
    assert!(so.contains("database bijgewerkt"), "{so}");

    let out = koers(&url, &["seed"]).await;
    let (so, se) = text(&out);
    assert!(out.status.success(), "seed failed: {so}\n{se}");
    let first = nieuw(&so);
    assert!(first > 0, "the first seed inserts records: {so}");

    let db = Db::connect(&url).await.unwrap();
    let acties = count::<actie::Entity>(&db).await;
    let builtin = koers_backend::seed::parse(koers_backend::seed::BUILTIN).unwrap();
    assert_eq!(acties, builtin.actie.len() as u64, "every seeded actie is stored");
    let themas = count::<thema::Entity>(&db).await;
    let orgs = count::<organisatie::Entity>(&db).await;

    let out = koers(&url, &["seed"]).await;
    let (so, se) = text(&out);
    assert!(out.status.success(), "second seed failed: {so}\n{se}");
    assert_eq!(nieuw(&so), 0, "a second seed inserts nothing: {so}");
    assert_eq!(count::<actie::Entity>(&db).await, acties);
    assert_eq!(count::<thema::Entity>(&db).await, themas);
    assert_eq!(count::<organisatie::Entity>(&db).await, orgs);

    // Migrating an up-to-date database is a no-op that succeeds.
    let out = koers(&url, &["migrate"]).await;
    assert!(out.status.success(), "{:?}", text(&out));
}

const SMALL_SEED: &str = r#"
[[document]]
bestand = "test.txt"
titel = "Testdocument"

[[organisatie]]
sleutel = "var"
naam = "VeiligheidsAlliantie regio Rotterdam"
soort = "samenwerkingsverband"
bron = "test.txt"

[[thema]]
sleutel = "t"
naam = "Testthema"
volgorde = 1
bron = "test.txt"

[[actieplan]]
sleutel = "p"
thema = "t"
titel = "Testplan"
soort = "actieplan"
periode_van = 2025
periode_tot = 2026
status = "in_uitvoering"
bron = "test.txt"

[[opgave]]
sleutel = "o"
actieplan = "p"
volgorde = 1
titel = "Testopgave"
bron = "test.txt"

[[actie]]
sleutel = "a"
opgave = "OPGAVE"
titel = "Testactie"
trekkers = ["var"]
jaar = 2026
status = "gepland"
bron = "test.txt"
"#;

#[tokio::test]
async fn seed_file_loads_a_custom_file() {
    let (url, _dir) = fresh_database().await;
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), SMALL_SEED.replace("OPGAVE", "o")).unwrap();
    let out = koers(&url, &["seed", "--file", file.path().to_str().unwrap()]).await;
    let (so, se) = text(&out);
    assert!(out.status.success(), "{so}\n{se}");
    assert_eq!(nieuw(&so), 5, "one of each: {so}");
    let db = Db::connect(&url).await.unwrap();
    assert_eq!(count::<actie::Entity>(&db).await, 1);
    assert_eq!(count::<thema::Entity>(&db).await, 1);
}

#[tokio::test]
async fn a_seed_file_with_a_broken_reference_is_refused_and_writes_nothing() {
    let (url, _dir) = fresh_database().await;
    let out = koers(&url, &["migrate"]).await;
    assert!(out.status.success(), "{:?}", text(&out));

    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        file.path(),
        SMALL_SEED.replace("OPGAVE", "opgave-die-niet-bestaat"),
    )
    .unwrap();
    let out = koers(&url, &["seed", "--file", file.path().to_str().unwrap()]).await;
    let (so, se) = text(&out);
    assert!(!out.status.success(), "a broken seed must fail: {so}\n{se}");
    assert!(
        se.contains("opgave-die-niet-bestaat"),
        "the error names the missing key: stdout {so:?}, stderr {se:?}"
    );
    assert!(!so.contains("seed geladen"), "{so}");

    let db = Db::connect(&url).await.unwrap();
    assert_eq!(
        count::<organisatie::Entity>(&db).await,
        0,
        "not even the valid records"
    );
    assert_eq!(count::<thema::Entity>(&db).await, 0);
    assert_eq!(count::<actie::Entity>(&db).await, 0);

    // A missing file is an error too, not a silent fall-back to the built-in seed.
    let out = koers(&url, &["seed", "--file", "/bestaat/niet.toml"]).await;
    assert!(!out.status.success(), "{:?}", text(&out));
    assert_eq!(count::<thema::Entity>(&db).await, 0);
}

#[tokio::test]
async fn serve_stops_gracefully_on_sigterm() {
    let (url, _dir) = fresh_database().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cwd = tempfile::tempdir().unwrap();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_koers"))
        .arg("serve")
        .current_dir(cwd.path())
        .env("DATABASE_URL", &url)
        .env("KOERS_ADDR", format!("127.0.0.1:{port}"))
        .env("KOERS_STATIC_DIR", cwd.path())
        .env("KOERS_LOG", "warn")
        .kill_on_drop(true)
        .spawn()
        .expect("koers serve starts");
    let client = reqwest::Client::new();
    let health = format!("http://127.0.0.1:{port}/healthz");
    let mut up = false;
    for _ in 0..200 {
        if client
            .get(&health)
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(up, "koers serve answered /healthz");
    let pid = child.id().expect("pid").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait())
        .await
        .expect("koers stops within 10 s of SIGTERM")
        .unwrap();
    assert!(status.success(), "graceful shutdown exits 0, got {status}");
}

/// Runs `koers args…` against `url`, with `KOERS_WACHTWOORD` set or not.
async fn koers_met(url: String, args: Vec<String>, wachtwoord: Option<String>) -> Output {
    let cwd = tempfile::tempdir().unwrap();
    let mut c = tokio::process::Command::new(env!("CARGO_BIN_EXE_koers"));
    c.args(args)
        .current_dir(cwd.path())
        .env("DATABASE_URL", &url)
        .env("KOERS_LOG", "warn");
    match wachtwoord {
        Some(w) => c.env("KOERS_WACHTWOORD", w),
        None => c.env_remove("KOERS_WACHTWOORD"),
    };
    c.output().await.expect("koers runs")
}

#[tokio::test]
async fn users_and_tokens_are_managed_from_the_command_line() {
    let app = crate::helpers::TestApp::spawn().await;
    let url = app.database_url.clone();
    let run = |args: &[&str], wachtwoord: Option<&str>| {
        koers_met(
            url.clone(),
            args.iter().map(|a| a.to_string()).collect(),
            wachtwoord.map(str::to_string),
        )
    };

    // A redacteur for Mensenhandel, with a password from the environment; a too short one is refused.
    let args = &[
        "user",
        "create",
        "--gebruikersnaam",
        "hanna",
        "--naam",
        "Hanna",
        "--rol",
        "redacteur",
        "--thema",
        "mensenhandel",
    ];
    let out = run(args, Some("kort")).await;
    assert!(!out.status.success());
    assert!(text(&out).1.contains("minstens 12 tekens"), "{:?}", text(&out));
    let out = run(args, Some("een-lang-wachtwoord")).await;
    assert!(out.status.success(), "{:?}", text(&out));
    let s = app
        .sign_in("hanna", "een-lang-wachtwoord")
        .await
        .expect("signs in");
    let r = app
        .gql_as(
            &crate::helpers::Als::Sessie(&s),
            "{ ik { rol schrijfThemas { sleutel } } }",
            serde_json::json!({}),
        )
        .await;
    assert_eq!(
        r["data"]["ik"]["schrijfThemas"][0]["sleutel"], "mensenhandel",
        "{r:#}"
    );
    let out = run(
        &[
            "user",
            "create",
            "--gebruikersnaam",
            "x",
            "--naam",
            "X",
            "--rol",
            "redacteur",
            "--thema",
            "bestaat-niet",
        ],
        Some("een-lang-wachtwoord"),
    )
    .await;
    assert!(text(&out).1.contains("onbekend thema"), "{:?}", text(&out));

    // A token: printed once on the first line, listed by prefix, revoked by prefix.
    let out = run(
        &["token", "create", "--naam", "RIEC", "--thema", "mensenhandel"],
        None,
    )
    .await;
    assert!(out.status.success(), "{:?}", text(&out));
    let (stdout, _) = text(&out);
    let token = stdout.lines().next().unwrap().trim().to_string();
    let (status, _) = app
        .gql_status(
            &crate::helpers::Als::Token(&token),
            "{ themas { id } }",
            serde_json::json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let (lijst, _) = text(&run(&["token", "list"], None).await);
    let prefix: String = token.splitn(3, '_').take(2).collect::<Vec<_>>().join("_");
    let regel = lijst
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("{lijst}"));
    assert!(regel.contains("RIEC") && regel.contains("actief"), "{regel}");
    assert!(!lijst.contains(&token), "the list never shows a secret");
    let out = run(&["token", "revoke", &prefix], None).await;
    assert!(out.status.success(), "{:?}", text(&out));
    let (status, _) = app
        .gql_status(
            &crate::helpers::Als::Token(&token),
            "{ themas { id } }",
            serde_json::json!({}),
        )
        .await;
    assert_eq!(status, 401, "a revoked token no longer works");
}

/// `koers import FILE` checks a plan file and creates nothing; with `--toepassen` it creates the plan; a file with
/// problems lists them by line and ends with exit code 1.
#[tokio::test]
async fn import_checks_a_plan_file_then_applies_it() {
    let (url, _dir) = fresh_database().await;
    assert!(koers(&url, &["seed"]).await.status.success());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.toml");
    let plan = "[[actieplan]]\nsleutel = \"mh-2027\"\nthema = \"mensenhandel\"\ntitel = \"Actieplan 2027\"\nsoort = \"actieplan\"\nperiode_van = 2027\nperiode_tot = 2030\nstatus = \"vastgesteld\"\nbron = \"Beleidskader\"\n\n[[opgave]]\nsleutel = \"mh-2027-preventie\"\nactieplan = \"mh-2027\"\nvolgorde = 1\ntitel = \"Preventie\"\nbron = \"Beleidskader\"\n";
    std::fs::write(&file, plan).unwrap();
    let path = file.to_str().unwrap();
    let db = Db::connect(&url).await.unwrap();
    let plannen = count::<koers_backend::entities::actieplan::Entity>(&db).await;
    let out = koers(&url, &["import", path]).await;
    let (so, se) = text(&out);
    assert!(out.status.success(), "{so}\n{se}");
    assert!(
        so.contains("droogoefening") && so.contains("opgave mh-2027-preventie (regel 11)"),
        "{so}"
    );
    assert_eq!(
        count::<koers_backend::entities::actieplan::Entity>(&db).await,
        plannen
    );
    let out = koers(&url, &["import", path, "--toepassen"]).await;
    let (so, se) = text(&out);
    assert!(out.status.success(), "{so}\n{se}");
    assert_eq!(
        count::<koers_backend::entities::actieplan::Entity>(&db).await,
        plannen + 1
    );
    let out = koers(&url, &["import", path, "--toepassen"]).await;
    let (so, _) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{so}");
    assert!(so.contains("regel 1: plan 'mh-2027' bestaat al"), "{so}");
}
