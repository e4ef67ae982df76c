//! RVO snapshots: frozen once per meeting (by a beheerder, or by the job at the meeting's start, once across
//! instances), unchanged by later edits, read through the viewer's rights, compared with now or each other.

use crate::helpers::{Als, TestApp, code, field, new_actie, plan_ids};
use koers_backend::config::Taken;
use koers_backend::toegang::Rol;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

pub(crate) const STAND: &str = "query($v: ID!) { rvoStand(vergadering: $v) { datum peilmoment door automatisch
    vergadering { id } plannen { id titel rollup { totaal aantalVerborgen aandeelAfgerond }
    opgaven { id rollup { totaal aantalVerborgen } acties { id titel status gezondheid voortgang versie } } } } }";

pub(crate) const VASTLEGGEN: &str =
    "mutation($v: ID!) { rvoStandVastleggen(vergadering: $v) { datum automatisch
    plannen { id } } }";

pub(crate) const VERGELIJK: &str = "query($van: ID!, $met: ID) { rvoVergelijking(van: $van, met: $met) {
    met { datum } verschillen { actie titel voor { status voortgang } na { status voortgang } } } }";

pub(crate) async fn vergadering(app: &TestApp, b: &crate::helpers::Sessie, datum: &str) -> String {
    let r = app
        .gql_as(
            &Als::Sessie(b),
            "mutation($i: RvoVergaderingAanmakenInvoer!) { rvoVergaderingAanmaken(invoer: $i) { id } }",
            json!({ "i": { "datum": datum, "omschrijving": "RVO" } }),
        )
        .await;
    r["data"]["rvoVergaderingAanmaken"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{r:#}"))
        .to_string()
}

async fn getal(app: &TestApp, sql: &str) -> i64 {
    let db = app.db().await;
    let r = db
        .reader
        .query_one_raw(Statement::from_string(db.backend(), sql))
        .await
        .unwrap()
        .unwrap();
    r.try_get_by_index::<i64>(0).unwrap()
}

pub(crate) fn acties_van(stand: &Value) -> Vec<Value> {
    stand["plannen"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["opgaven"].as_array().unwrap().iter())
        .flat_map(|o| o["acties"].as_array().unwrap().iter().cloned())
        .collect()
}

#[tokio::test]
async fn a_frozen_snapshot_is_unchanged_by_later_edits_and_respects_rights() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let a = new_actie(&app, &opgaven[0], "Bevroren").await;
    let v1 = vergadering(&app, &b, "2026-06-01").await;

    // Only a beheerder freezes; a token with every right may not.
    let r = app.gql(VASTLEGGEN, json!({ "v": v1 })).await;
    assert_eq!(code(&r), "FORBIDDEN", "{r:#}");
    let r = app.gql_as(&Als::Sessie(&b), VASTLEGGEN, json!({ "v": v1 })).await;
    assert!(r["errors"].is_null(), "{r:#}");
    assert_eq!(r["data"]["rvoStandVastleggen"]["automatisch"], false);
    // Once per meeting.
    let r = app.gql_as(&Als::Sessie(&b), VASTLEGGEN, json!({ "v": v1 })).await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "{r:#}");
    assert_eq!(field(&r), "vergadering", "{r:#}");

    let voor = app.data(STAND, json!({ "v": v1 })).await;
    let bevroren = acties_van(&voor["rvoStand"]);
    let x = bevroren
        .iter()
        .find(|x| x["id"] == a.as_str())
        .expect("the new actie is in the snapshot");
    assert_eq!(x["status"], "IN_UITVOERING");
    assert_eq!(x["voortgang"], 10);

    // Later edits: a report, a new title, a new actie — the snapshot stays as it was.
    app.data(
        "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
        json!({ "i": { "id": a, "versie": 1, "status": "AFGEROND", "voortgang": null } }),
    )
    .await;
    app.data(
        "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { versie } }",
        json!({ "i": { "id": a, "versie": 2, "titel": "Andere titel", "vertrouwelijk": true } }),
    )
    .await;
    let nieuw = new_actie(&app, &opgaven[0], "Na de vergadering").await;
    let na = app.data(STAND, json!({ "v": v1 })).await;
    assert_eq!(na, voor, "a snapshot is immutable");

    // Listed per meeting.
    let lijst = app
        .data("{ rvoStanden { vergadering { id } datum } }", json!({}))
        .await;
    assert_eq!(
        lijst["rvoStanden"],
        json!([{ "vergadering": { "id": v1 }, "datum": "2026-06-01" }])
    );

    // Compared with now: the reported actie changed, the new one appeared.
    let d = app.data(VERGELIJK, json!({ "van": v1 })).await;
    let vs = d["rvoVergelijking"]["verschillen"].as_array().unwrap();
    let va = vs
        .iter()
        .find(|v| v["actie"] == a.as_str())
        .unwrap_or_else(|| panic!("{d:#}"));
    assert_eq!(va["voor"], json!({ "status": "IN_UITVOERING", "voortgang": 10 }));
    assert_eq!(va["na"]["status"], "AFGEROND");
    let vn = vs
        .iter()
        .find(|v| v["actie"] == nieuw.as_str())
        .unwrap_or_else(|| panic!("{d:#}"));
    assert_eq!(vn["voor"], Value::Null);
    assert_eq!(d["rvoVergelijking"]["met"], Value::Null);

    // A second snapshot, and the two compared: only what changed between them.
    let v2 = vergadering(&app, &b, "2026-07-01").await;
    let r = app.gql_as(&Als::Sessie(&b), VASTLEGGEN, json!({ "v": v2 })).await;
    assert!(r["errors"].is_null(), "{r:#}");
    let d = app.data(VERGELIJK, json!({ "van": v1, "met": v2 })).await;
    assert_eq!(d["rvoVergelijking"]["met"]["datum"], "2026-07-01");
    let ids: Vec<&Value> = d["rvoVergelijking"]["verschillen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["actie"])
        .collect();
    assert!(ids.contains(&&json!(a)) && ids.contains(&&json!(nieuw)), "{d:#}");
    let d = app.data(VERGELIJK, json!({ "van": v2, "met": v2 })).await;
    assert_eq!(d["rvoVergelijking"]["verschillen"], json!([]));

    // Confidential now: a viewer without that right does not see it in the old snapshot either.
    let open = app.new_token("open", false, false, None).await;
    let r = app.gql_as(&Als::Token(&open), STAND, json!({ "v": v1 })).await;
    assert!(r["errors"].is_null(), "{r:#}");
    let gezien = acties_van(&r["data"]["rvoStand"]);
    assert!(gezien.iter().all(|x| x["id"] != a.as_str()), "{gezien:?}");
    let verborgen: i64 = r["data"]["rvoStand"]["plannen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["rollup"]["aantalVerborgen"].as_i64().unwrap())
        .sum();
    assert!(verborgen >= 1);
    let r = app
        .gql_as(&Als::Token(&open), VERGELIJK, json!({ "van": v1 }))
        .await;
    assert!(
        !r.to_string().contains(&a),
        "the comparison does not name it: {r:#}"
    );

    // Audit and history.
    assert_eq!(
        getal(
            &app,
            "SELECT COUNT(*) FROM audit WHERE handeling = 'rvoStandVastleggen'"
        )
        .await,
        2
    );
    assert_eq!(
        getal(
            &app,
            "SELECT COUNT(*) FROM beheer_historie WHERE soort = 'rvo_stand'"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn the_job_freezes_a_meeting_at_its_start_once_even_with_two_instances() {
    let taken = |s: &mut koers_backend::config::Settings| {
        s.taken = Some(Taken {
            interval: Duration::from_secs(1),
            lease: Duration::from_secs(2),
        });
    };
    let a = TestApp::spawn_with(taken).await;
    let op_pg = std::env::var("KOERS_TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"));
    let _b = match op_pg {
        true => Some(TestApp::spawn_on(a.database_url.clone(), None, taken).await),
        false => None,
    };
    let b = a.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let vandaag = chrono::Utc::now().date_naive();
    let v = vergadering(&a, &b, &vandaag.to_string()).await;
    let deadline = Instant::now() + Duration::from_secs(60);
    let stand = loop {
        let d = a.data(STAND, json!({ "v": v })).await;
        if !d["rvoStand"].is_null() {
            break d["rvoStand"].clone();
        }
        assert!(
            Instant::now() < deadline,
            "the job did not freeze the meeting in time"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(stand["automatisch"], true);
    let begin: chrono::DateTime<chrono::Utc> = stand["peilmoment"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        begin,
        vandaag.and_time(chrono::NaiveTime::MIN).and_utc(),
        "as of the meeting's start"
    );
    // Several more ticks of both instances: still one.
    let meer = Instant::now() + Duration::from_secs(2);
    while Instant::now() < meer {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(getal(&a, "SELECT COUNT(*) FROM rvo_stand").await, 1);
    assert_eq!(
        getal(
            &a,
            "SELECT COUNT(*) FROM audit WHERE handeling = 'rvoStandVastleggen'"
        )
        .await,
        1
    );
    // Older meetings (the seeded ones, weeks ago) are not frozen after the fact.
    let lijst = a.data("{ rvoStanden { datum } }", json!({})).await;
    assert_eq!(lijst["rvoStanden"], json!([{ "datum": vandaag.to_string() }]));
}
