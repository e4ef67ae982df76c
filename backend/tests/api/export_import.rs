//! Re-import of an export for bulk progress updates: export → edit → dry run (writes nothing) → apply (one
//! transaction, history and audit like a single report); a stale versie is a CONFLICT and nothing is written;
//! rights, unknown ids and bad values are named per row; the file's size is bounded; a changed title, year or
//! quarter is said back, not dropped silently.

use crate::export::{csv_rows, download, kol, redacteur, row_of, to_csv, xlsx_cells};
use crate::helpers::{Als, Sessie, TestApp, code, field, plan_ids, sleutel};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

const IMPORT: &str = "mutation($b: BestandInvoer!, $d: Boolean) { voortgangImporteren(bestand: $b, droogoefenen: $d) {
    toegepast regels { regel actie uitkomst velden versie genegeerd } problemen { regel veld code melding huidigeVersie } } }";
const ACTIE: &str = "query($id: ID!) { actie(id: $id) { versie status gezondheid gezondheidReden voortgang
    historie { versie door toelichting } } }";

async fn importeer(app: &TestApp, s: &Sessie, formaat: &str, inhoud: &str, droog: bool) -> Value {
    app.gql_as(
        &Als::Sessie(s),
        IMPORT,
        json!({ "b": { "formaat": formaat, "inhoud": inhoud }, "d": droog }),
    )
    .await
}

async fn export_csv(app: &TestApp, s: &Sessie, plan: &str) -> Vec<Vec<String>> {
    let (status, _, body) = download(app, &Als::Sessie(s), &format!("/export/actieplan/{plan}.csv")).await;
    assert_eq!(status, 200);
    csv_rows(&body)
}

/// The ids of the first `n` acties of the plan's export.
fn ids(rows: &[Vec<String>], n: usize) -> Vec<String> {
    rows[1..]
        .iter()
        .map(|r| r[kol("id")].clone())
        .filter(|id| !id.is_empty())
        .take(n)
        .collect()
}

fn zet(row: &mut [String], status: &str, gezondheid: &str, reden: &str, voortgang: &str) {
    row[kol("status")] = status.into();
    row[kol("gezondheid")] = gezondheid.into();
    row[kol("gezondheidReden")] = reden.into();
    row[kol("voortgang")] = voortgang.into();
}

#[tokio::test]
async fn an_edited_export_is_checked_by_a_dry_run_then_applied_in_one_transaction() {
    let app = TestApp::spawn().await;
    let red = redacteur(&app).await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let mut rows = export_csv(&app, &red, &plan).await;
    let id = ids(&rows, 1).remove(0);
    let voor = app.data(ACTIE, json!({ "id": id })).await["actie"].clone();
    let r = row_of(&mut rows, &id);
    zet(r, "In uitvoering", "Aandacht", "capaciteit bij de partners", "45");
    r[kol("toelichting")] = "Stand uit het RVO-overleg".into();
    let file = to_csv(&rows);

    let d = importeer(&app, &red, "CSV", &file, true).await;
    let v = &d["data"]["voortgangImporteren"];
    assert_eq!(v["problemen"], json!([]), "{d:#}");
    assert_eq!(v["toegepast"], false);
    let regels = v["regels"].as_array().unwrap();
    assert_eq!(regels.len(), ids(&rows, 1000).len());
    let gewijzigd: Vec<&Value> = regels.iter().filter(|r| r["uitkomst"] == "GEWIJZIGD").collect();
    assert_eq!(gewijzigd.len(), 1, "{d:#}");
    assert_eq!(gewijzigd[0]["actie"], id.as_str());
    assert!(
        gewijzigd[0]["velden"]
            .as_array()
            .unwrap()
            .contains(&json!("gezondheid"))
    );
    assert!(
        regels
            .iter()
            .filter(|r| r["actie"] != id.as_str())
            .all(|r| r["uitkomst"] == "ONGEWIJZIGD")
    );
    assert_eq!(
        app.data(ACTIE, json!({ "id": id })).await["actie"],
        voor,
        "a dry run writes nothing"
    );

    let d = importeer(&app, &red, "CSV", &file, false).await;
    let v = &d["data"]["voortgangImporteren"];
    assert_eq!(v["toegepast"], true, "{d:#}");
    let na = app.data(ACTIE, json!({ "id": id })).await["actie"].clone();
    assert_eq!(na["versie"], voor["versie"].as_i64().unwrap() + 1);
    assert_eq!(
        (
            &na["status"],
            &na["gezondheid"],
            &na["gezondheidReden"],
            &na["voortgang"]
        ),
        (
            &json!("IN_UITVOERING"),
            &json!("AANDACHT"),
            &json!("capaciteit bij de partners"),
            &json!(45)
        )
    );
    let h = na["historie"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(h["toelichting"], "Stand uit het RVO-overleg");
    assert_eq!(h["door"], "Naam red-mh");
    let beheer = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let audit = app
        .gql_as(
            &Als::Sessie(&beheer),
            "{ auditLog(first: 5) { nodes { handeling object } } }",
            json!({}),
        )
        .await;
    let handelingen = audit.to_string();
    assert!(
        handelingen.contains("voortgangImporteren") && handelingen.contains("actieVoortgangRapporteren"),
        "{audit:#}"
    );

    // The same file again: the versie is stale, but the row is what the actie holds now: nothing to do.
    let d = importeer(&app, &red, "CSV", &file, false).await;
    let v = &d["data"]["voortgangImporteren"];
    assert_eq!(
        (v["toegepast"].clone(), v["problemen"].clone()),
        (json!(true), json!([])),
        "{d:#}"
    );
    assert!(
        v["regels"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["uitkomst"] == "ONGEWIJZIGD")
    );
}

#[tokio::test]
async fn an_xlsx_export_comes_back_too() {
    let app = TestApp::spawn().await;
    let red = redacteur(&app).await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let (_, _, body) = download(
        &app,
        &Als::Sessie(&red),
        &format!("/export/actieplan/{plan}.xlsx"),
    )
    .await;
    let cells = xlsx_cells(&body);
    let id = cells[1][kol("id")].to_string();
    // Edited and saved as a spreadsheet program would: a new workbook with the same cells, one changed.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in cells.iter().enumerate() {
        for (c, cel) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cel {
                calamine::Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()).unwrap(),
                calamine::Data::Empty => {}
                other => ws.write_string(r, c, other.to_string()).map(|_| ()).unwrap(),
            }
        }
    }
    let was_afgerond = cells[1][kol("status")] == calamine::Data::String("Afgerond".into());
    let (status, verwacht) = if was_afgerond {
        ("Gestopt", "GESTOPT")
    } else {
        ("Afgerond", "AFGEROND")
    };
    ws.write_string(1, kol("status") as u16, status).unwrap();
    ws.write_string(1, kol("gezondheid") as u16, "").unwrap();
    ws.write_string(1, kol("gezondheidReden") as u16, "").unwrap();
    if was_afgerond {
        ws.write_string(1, kol("voortgang") as u16, "").unwrap();
    } else {
        ws.write_number(1, kol("voortgang") as u16, 100).unwrap();
    }
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(wb.save_to_buffer().unwrap());
    let d = importeer(&app, &red, "XLSX", &b64, false).await;
    let v = &d["data"]["voortgangImporteren"];
    assert_eq!(v["toegepast"], true, "{d:#}");
    assert_eq!(v["regels"][0]["regel"], 2);
    assert_eq!(v["regels"][0]["uitkomst"], "GEWIJZIGD");
    let na = app.data(ACTIE, json!({ "id": id })).await;
    assert_eq!(na["actie"]["status"], verwacht);
}

#[tokio::test]
async fn a_stale_versie_is_a_conflict_for_that_row_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let red = redacteur(&app).await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let mut rows = export_csv(&app, &red, &plan).await;
    let [a, b, c]: [String; 3] = ids(&rows, 3).try_into().unwrap();
    // After the export someone else reports on A and on C.
    for x in [&a, &c] {
        let versie = app.data(ACTIE, json!({ "id": x })).await["actie"]["versie"].clone();
        let r = app
            .gql(
                "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
                json!({ "i": { "id": x, "versie": versie, "status": "IN_UITVOERING", "voortgang": 70, "gezondheid": null, "gezondheidReden": null } }),
            )
            .await;
        assert!(r.get("errors").is_none(), "{r:#}");
    }
    let voor_a = app.data(ACTIE, json!({ "id": a })).await;
    let voor_b = app.data(ACTIE, json!({ "id": b })).await;
    zet(row_of(&mut rows, &a), "Doorlopend", "", "", "20");
    zet(row_of(&mut rows, &b), "Doorlopend", "", "", "30");
    let d = importeer(&app, &red, "CSV", &to_csv(&rows), false).await;
    let v = &d["data"]["voortgangImporteren"];
    assert_eq!(v["toegepast"], false, "{d:#}");
    let p = v["problemen"].as_array().unwrap();
    assert_eq!(p.len(), 1, "{d:#}");
    assert_eq!(
        (&p[0]["code"], &p[0]["veld"]),
        (&json!("CONFLICT"), &json!("versie"))
    );
    assert_eq!(p[0]["huidigeVersie"], voor_a["actie"]["versie"]);
    let regel_a = rows.iter().position(|r| r[kol("id")] == a).unwrap() + 1;
    assert_eq!(p[0]["regel"], regel_a as i64);
    // C was changed elsewhere but not in the file: left alone, not a conflict.
    let c_regel = v["regels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actie"] == c.as_str())
        .unwrap()
        .clone();
    assert_eq!(c_regel["uitkomst"], "INTUSSEN_GEWIJZIGD");
    assert_eq!(
        app.data(ACTIE, json!({ "id": a })).await,
        voor_a,
        "A is not overwritten"
    );
    assert_eq!(
        app.data(ACTIE, json!({ "id": b })).await,
        voor_b,
        "B waits for the whole file"
    );
}

#[tokio::test]
async fn rights_unknown_ids_and_bad_values_are_named_per_row() {
    let app = TestApp::spawn().await;
    let red = redacteur(&app).await;
    let ander = app
        .sign_in_new("red-dv", Rol::Redacteur, &["digitale-veiligheid"])
        .await;
    let lezer = app.sign_in_new("lees", Rol::Lezer, &[]).await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let mut rows = export_csv(&app, &red, &plan).await;
    let [a, b, c, e]: [String; 4] = ids(&rows, 4).try_into().unwrap();
    zet(row_of(&mut rows, &a), "In uitvoering", "", "", "140");
    zet(row_of(&mut rows, &b), "In uitvoering", "Risico", "", "");
    zet(row_of(&mut rows, &c), "bijna klaar", "", "", "");
    row_of(&mut rows, &e)[kol("versie")] = "twee".into();
    let mut onbekend = rows[1].clone();
    onbekend[kol("id")] = "QWN0aWU6OTk5OTk".into(); // Actie:99999
    rows.push(onbekend);
    let d = importeer(&app, &red, "CSV", &to_csv(&rows), true).await;
    let p = d["data"]["voortgangImporteren"]["problemen"]
        .as_array()
        .unwrap()
        .clone();
    let gevonden: Vec<(i64, &str, &str)> = p
        .iter()
        .map(|p| {
            (
                p["regel"].as_i64().unwrap(),
                p["veld"].as_str().unwrap(),
                p["code"].as_str().unwrap(),
            )
        })
        .collect();
    let regel = |id: &str| rows.iter().position(|r| r[kol("id")] == id).unwrap() as i64 + 1;
    let mut verwacht = vec![
        (regel(&a), "voortgang", "BAD_USER_INPUT"),
        (regel(&b), "gezondheidReden", "BAD_USER_INPUT"),
        (regel(&c), "status", "BAD_USER_INPUT"),
        (regel(&e), "versie", "BAD_USER_INPUT"),
        (rows.len() as i64, "id", "NOT_FOUND"),
    ];
    verwacht.sort();
    let mut gevonden = gevonden;
    gevonden.sort();
    assert_eq!(gevonden, verwacht, "{d:#}");

    // A redacteur of another thema may read the plan but change none of it: each changed row says so.
    let mut rows = export_csv(&app, &ander, &plan).await;
    zet(row_of(&mut rows, &a), "Doorlopend", "", "", "");
    let d = importeer(&app, &ander, "CSV", &to_csv(&rows), false).await;
    let v = &d["data"]["voortgangImporteren"];
    assert_eq!(v["toegepast"], false);
    assert_eq!(v["problemen"][0]["code"], "FORBIDDEN", "{d:#}");
    assert_eq!(v["problemen"][0]["regel"], regel(&a));
    // A lezer may change nothing at all.
    let d = importeer(&app, &lezer, "CSV", &to_csv(&rows), true).await;
    assert_eq!(code(&d), "FORBIDDEN");
}

#[tokio::test]
async fn a_file_past_the_limit_or_without_the_columns_is_refused_whole() {
    let app = TestApp::spawn().await;
    let red = redacteur(&app).await;
    let groot = format!(
        "id;versie;status;gezondheid;gezondheidReden;voortgang\n{}",
        "x".repeat(170 * 1024)
    );
    let d = importeer(&app, &red, "CSV", &groot, true).await;
    assert_eq!((code(&d), field(&d)), ("BAD_USER_INPUT", "inhoud"), "{d:#}");
    assert!(d["errors"][0]["message"].as_str().unwrap().contains("160 KB"));
    assert_eq!(sleutel(&d), "BESTAND_TE_GROOT");
    assert_eq!(d["errors"][0]["extensions"]["fouten"][0]["waarden"]["kb"], "160");
    let d = importeer(&app, &red, "CSV", "id;titel\nQWN0aWU6MQ;x\n", true).await;
    assert_eq!((code(&d), field(&d)), ("BAD_USER_INPUT", "inhoud"));
    assert!(
        d["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("versie, status"),
        "{d:#}"
    );
    assert_eq!(sleutel(&d), "KOLOMMEN_ONTBREKEN");
    let d = importeer(&app, &red, "XLSX", "bm9nZWVueGxzeA", true).await;
    assert_eq!((code(&d), field(&d)), ("BAD_USER_INPUT", "inhoud"), "{d:#}");
    assert!(["GEEN_BASE64", "GEEN_XLSX"].contains(&sleutel(&d)), "{d:#}");
}

#[tokio::test]
async fn columns_an_import_does_not_take_over_are_said_back() {
    let app = TestApp::spawn().await;
    let red = redacteur(&app).await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let mut rows = export_csv(&app, &red, &plan).await;
    let id = ids(&rows, 1).remove(0);
    let r = row_of(&mut rows, &id);
    let titel = r[kol("actie")].clone();
    r[kol("actie")] = format!("{titel} (nieuwe titel)");
    r[kol("jaar")] = "2031".into();
    let file = to_csv(&rows);

    let d = importeer(&app, &red, "CSV", &file, false).await;
    let v = &d["data"]["voortgangImporteren"];
    assert_eq!(v["problemen"], json!([]), "{d:#}");
    let regels = v["regels"].as_array().unwrap();
    let regel = regels.iter().find(|r| r["actie"] == id.as_str()).unwrap();
    assert_eq!(regel["uitkomst"], "ONGEWIJZIGD", "{d:#}");
    assert_eq!(regel["genegeerd"], json!(["actie", "jaar"]), "{d:#}");
    assert!(
        regels
            .iter()
            .filter(|r| r["actie"] != id.as_str())
            .all(|r| r["genegeerd"] == json!([])),
        "an unedited row has nothing to say back: {d:#}"
    );
    let na = app
        .data(
            "query($id: ID!) { actie(id: $id) { titel jaar } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        na["actie"]["titel"],
        titel.as_str(),
        "the title is not taken over"
    );
}
