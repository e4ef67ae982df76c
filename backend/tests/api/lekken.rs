//! Confidential work never leaks to who may not see it — not through `node(id)`, a connection, the text search,
//! an opgave's acties, the history, a roll-up or a subscription — and those who may see it do. Roll-ups are
//! checked in detail in `lekken_rollups`.

use crate::helpers::{Als, TestApp, plan_ids};
use crate::subscriptions::{Ws, listeners};
use serde_json::{Value, json};
use std::time::Duration;

const GEHEIM: &str = "GEHEIM-Opsporing-Xq7";

const AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id versie } }";
const MELDEN: &str = "mutation($i: VoortgangRapporterenInvoer!) {
    actieVoortgangRapporteren(invoer: $i) { id versie historie { id } } }";

/// Everything a reader can walk: every thema, plan, opgave, actie and history row, and the roll-ups.
const BOOM: &str = "{ themas { id naam rollup { totaal } actieplannen { id titel rollup { totaal }
    opgaven { id titel rollup { totaal } acties { id titel beschrijving gezondheidReden historie { id toelichting } } } } } }";

pub struct Geheim {
    pub actie: String,
    pub historie: Vec<String>,
    pub opgave: String,
    pub plan: String,
}

/// A confidential actie in Mensenhandel with a reported change, made by the test's all-seeing token.
pub async fn geheim(app: &TestApp) -> Geheim {
    let (plan, opgaven) = plan_ids(app, "mh-2024-2026").await;
    let d = app
        .data(
            AANMAKEN,
            json!({ "i": { "opgave": opgaven[1], "titel": GEHEIM, "beschrijving": format!("{GEHEIM} details"),
                           "jaar": 2026, "status": "IN_UITVOERING", "vertrouwelijk": true } }),
        )
        .await;
    let id = d["actieAanmaken"]["id"].as_str().unwrap().to_string();
    let d = app
        .data(
            MELDEN,
            json!({ "i": { "id": id, "versie": 1, "gezondheid": "RISICO", "gezondheidReden": format!("{GEHEIM} reden"),
                           "toelichting": format!("{GEHEIM} toelichting") } }),
        )
        .await;
    let historie = d["actieVoortgangRapporteren"]["historie"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    Geheim {
        actie: id,
        historie,
        opgave: opgaven[1].clone(),
        plan,
    }
}

/// Every read path, as one JSON text: what `als` can learn.
async fn alles(app: &TestApp, als: &Als<'_>, g: &Geheim) -> (Value, String) {
    let mut uit = json!({});
    uit["boom"] = app.gql_as(als, BOOM, json!({})).await;
    uit["node"] = app
        .gql_as(
            als,
            "query($a: ID!, $h1: ID!, $h2: ID!) { a: node(id: $a) { id ... on Actie { titel } }
               actie(id: $a) { id titel } h1: node(id: $h1) { id ... on Voortgangsupdate { toelichting } }
               h2: node(id: $h2) { id } }",
            json!({ "a": g.actie, "h1": g.historie[0], "h2": g.historie[1] }),
        )
        .await;
    for (k, filter) in [
        ("alle", json!({})),
        ("tekst", json!({ "tekst": "GEHEIM" })),
        ("opgave", json!({ "opgave": g.opgave })),
        ("plan", json!({ "actieplan": g.plan })),
        ("vertrouwelijk", json!({ "vertrouwelijk": true })),
        ("risico", json!({ "gezondheid": ["RISICO"] })),
    ] {
        uit[k] = app
            .gql_as(
                als,
                "query($f: ActieFilter) { acties(filter: $f, first: 100) { totalCount nodes { id titel } } }",
                json!({ "f": filter }),
            )
            .await;
    }
    let tekst = uit.to_string();
    (uit, tekst)
}

async fn totaal_van_opgave(app: &TestApp, als: &Als<'_>, opgave: &str) -> i64 {
    let r = app
        .gql_as(
            als,
            "query($id: ID!) { opgave(id: $id) { rollup { totaal } } }",
            json!({ "id": opgave }),
        )
        .await;
    r["data"]["opgave"]["rollup"]["totaal"].as_i64().unwrap_or(-1)
}

#[tokio::test]
async fn confidential_work_is_hidden_on_every_read_path() {
    let app = TestApp::spawn().await;
    let g = geheim(&app).await;
    let crate::helpers::Kijkers {
        lezer,
        open_token,
        ander_thema,
        vertrouwd,
    } = crate::helpers::Kijkers::new(&app).await;
    let alles_gezien = totaal_van_opgave(&app, &Als::Token(&app.token), &g.opgave).await;

    for (wie, als) in [
        ("anoniem", Als::Anoniem),
        ("token zonder vertrouwelijk", Als::Token(&open_token)),
        ("token voor een ander thema", Als::Token(&ander_thema)),
    ] {
        let (uit, tekst) = alles(&app, &als, &g).await;
        assert!(
            !tekst.contains("GEHEIM"),
            "{wie} learns the confidential actie: {uit:#}"
        );
        assert!(!tekst.contains(&g.actie), "{wie} learns its id: {uit:#}");
        assert!(
            !tekst.contains("\"errors\""),
            "{wie}: reads are not errors: {uit:#}"
        );
        assert_eq!(uit["node"]["data"]["a"], Value::Null, "{wie}");
        assert_eq!(uit["node"]["data"]["h1"], Value::Null, "{wie}");
        assert_eq!(uit["vertrouwelijk"]["data"]["acties"]["totalCount"], 0, "{wie}");
    }
    // Open readers still see the open work; the roll-up leaves the confidential actie out.
    let (uit, _) = alles(&app, &Als::Anoniem, &g).await;
    assert!(
        uit["alle"]["data"]["acties"]["totalCount"].as_i64().unwrap() > 50,
        "{uit:#}"
    );
    assert_eq!(
        totaal_van_opgave(&app, &Als::Anoniem, &g.opgave).await,
        alles_gezien - 1
    );
    // A token for another thema does not even see Mensenhandel.
    let (uit, _) = alles(&app, &Als::Token(&ander_thema), &g).await;
    let themas: Vec<&str> = uit["boom"]["data"]["themas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["naam"].as_str().unwrap())
        .collect();
    assert_eq!(themas, ["Digitale Veiligheid"]);
    assert_eq!(uit["plan"]["data"]["acties"]["totalCount"], 0);

    // Those who may, see it on every path.
    for (wie, als) in [
        ("lezer", Als::Sessie(&lezer)),
        ("vertrouwelijk token", Als::Token(&vertrouwd)),
    ] {
        let (uit, tekst) = alles(&app, &als, &g).await;
        assert!(!tekst.contains("\"errors\""), "{wie}: {uit:#}");
        assert_eq!(uit["node"]["data"]["a"]["titel"], GEHEIM, "{wie}");
        assert_eq!(uit["node"]["data"]["h1"]["id"], g.historie[0].as_str(), "{wie}");
        assert_eq!(uit["tekst"]["data"]["acties"]["totalCount"], 1, "{wie}");
        assert_eq!(uit["vertrouwelijk"]["data"]["acties"]["totalCount"], 1, "{wie}");
        assert!(
            tekst.contains(&format!("{GEHEIM} toelichting")),
            "{wie} sees the history"
        );
    }
}

#[tokio::test]
async fn anonymous_reading_can_be_switched_off() {
    let app = TestApp::spawn_with(|s| s.toegang.anoniem_lezen = false).await;
    let r = app.gql_as(&Als::Anoniem, "{ themas { id } }", json!({})).await;
    assert_eq!(r["errors"][0]["extensions"]["code"], "UNAUTHENTICATED", "{r:#}");
    let r = app
        .gql_as(&Als::Anoniem, "{ acties { totalCount } }", json!({}))
        .await;
    assert_eq!(r["errors"][0]["extensions"]["code"], "UNAUTHENTICATED", "{r:#}");
    // Who am I still answers, so the page can offer to sign in.
    let r = app.gql_as(&Als::Anoniem, "{ ik { soort } }", json!({})).await;
    assert_eq!(r["data"]["ik"]["soort"], "anoniem", "{r:#}");
    let r = app.gql("{ themas { id } }", json!({})).await;
    assert_eq!(
        r["data"]["themas"].as_array().unwrap().len(),
        5,
        "a token still reads"
    );
}

#[tokio::test]
async fn subscriptions_never_deliver_confidential_changes_to_who_may_not_see_them() {
    let app = TestApp::spawn().await;
    let g = geheim(&app).await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let open = app
        .data(
            AANMAKEN,
            json!({ "i": { "opgave": opgaven[0], "titel": "Open", "jaar": 2026, "status": "IN_UITVOERING" } }),
        )
        .await["actieAanmaken"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut anoniem = Ws::connect(&app).await;
    let vertrouwd_token = app.new_token("ws", false, true, None).await;
    let mut vertrouwd = Ws::connect_with(
        &app,
        &[],
        json!({ "authorization": format!("Bearer {vertrouwd_token}") }),
    )
    .await
    .expect("a valid token in connection_init is accepted");
    anoniem.subscribe("1", &g.plan).await;
    vertrouwd.subscribe("1", &g.plan).await;
    listeners(&app, 2).await;

    // First the confidential change, then an open one.
    app.data(
        MELDEN,
        json!({ "i": { "id": g.actie, "versie": 2, "voortgang": 70 } }),
    )
    .await;
    app.data(
        MELDEN,
        json!({ "i": { "id": open, "versie": 1, "voortgang": 30 } }),
    )
    .await;
    // The confidential change reaches the anonymous subscriber only as its opgave's new roll-up: no actie,
    // no id, no title.
    let eerst = anoniem.recv(Duration::from_secs(5)).await.expect("an event");
    let e = &eerst["payload"]["data"]["actieGewijzigd"];
    assert_eq!(e["actie"], Value::Null, "{eerst:#}");
    assert_eq!(e["verborgen"], Value::Null, "{eerst:#}");
    assert_eq!(e["opgave"]["id"], g.opgave.as_str());
    assert!(e["opgaveRollup"]["totaal"].as_i64().unwrap() > 0);
    assert!(!eerst.to_string().contains(&g.actie) && !eerst.to_string().contains("GEHEIM"));
    let tweede = anoniem.recv(Duration::from_secs(5)).await.expect("an event");
    assert_eq!(
        tweede["payload"]["data"]["actieGewijzigd"]["actie"]["id"],
        open.as_str(),
        "{tweede:#}"
    );
    let v1 = vertrouwd.recv(Duration::from_secs(5)).await.expect("an event");
    assert_eq!(
        v1["payload"]["data"]["actieGewijzigd"]["actie"]["id"],
        g.actie.as_str(),
        "{v1:#}"
    );

    // An open actie made confidential: those who may not see it any more hear only that it is hidden.
    let v = app
        .data(
            "mutation($i: ActieWijzigenInvoer!) { actieWijzigen(invoer: $i) { versie } }",
            json!({ "i": { "id": open, "versie": 2, "vertrouwelijk": true } }),
        )
        .await;
    assert_eq!(v["actieWijzigen"]["versie"], 3);
    let weg = anoniem.recv(Duration::from_secs(5)).await.expect("an event");
    let g2 = &weg["payload"]["data"]["actieGewijzigd"];
    assert_eq!(g2["actie"], Value::Null, "{weg:#}");
    assert_eq!(g2["verborgen"], open.as_str(), "{weg:#}");
    let tweede = vertrouwd
        .recv(Duration::from_secs(5))
        .await
        .expect("the open report");
    assert_eq!(
        tweede["payload"]["data"]["actieGewijzigd"]["actie"]["id"],
        open.as_str()
    );
    let v2 = vertrouwd.recv(Duration::from_secs(5)).await.expect("an event");
    assert_eq!(
        v2["payload"]["data"]["actieGewijzigd"]["actie"]["id"],
        open.as_str(),
        "{v2:#}"
    );
    assert_eq!(v2["payload"]["data"]["actieGewijzigd"]["verborgen"], Value::Null);

    // A bad token in connection_init is refused; so is an upgrade from another site's page.
    let r = Ws::connect_with(&app, &[], json!({ "authorization": "Bearer koers_nep_nep" })).await;
    assert!(r.is_err(), "an invalid token is refused");
    let r = Ws::connect_with(&app, &[("Origin", "https://kwaadwillend.example")], json!({})).await;
    assert!(
        r.as_ref().is_err_and(|e| e.contains("403")),
        "a foreign Origin is refused: {:?}",
        r.err()
    );
    let eigen = format!("http://{}", app.addr);
    assert!(
        Ws::connect_with(&app, &[("Origin", &eigen)], json!({}))
            .await
            .is_ok()
    );
}
