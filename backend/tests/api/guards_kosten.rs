//! Amplification inside the limits: unpaginated lists count by their size in the complexity, a batch costs
//! the sum of its parts, and an answer has a size ceiling. The front end's own queries still pass.

use crate::helpers::{TestApp, code, plan_ids};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Everything under the themas: plans, opgaven, acties with their history and organisations.
const FULL_TREE: &str = "themas { id naam portefeuillehouder actieplannen { id titel soort status opgaven { id titel \
beschrijving acties { id titel beschrijving status gezondheid voortgang jaar kwartaal historie { versie door \
tijdstip statusVan statusNaar toelichting } trekkers { id naam afkorting } partners { id naam afkorting } } } } }";

/// One document with `n` aliases of the full tree.
fn aliased_full_trees(n: usize) -> String {
    let body: Vec<String> = (0..n).map(|i| format!("t{i}: {FULL_TREE}")).collect();
    format!("{{ {} }}", body.join(" "))
}

#[tokio::test]
async fn a_batch_of_aliased_full_trees_is_refused() {
    let app = TestApp::spawn().await;
    let one = json!({ "query": aliased_full_trees(50) });
    let batch: Vec<Value> = (0..10).map(|_| one.clone()).collect();
    let body = serde_json::to_vec(&batch).unwrap();
    assert!(body.len() > 100_000, "{}", body.len());
    let (status, r) = app.post_raw(body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{r:#}");
    assert_eq!(code(&r), "QUERY_TOO_COMPLEX", "{r:#}");

    // One such document alone is refused too, and so is a single full tree: its lists multiply.
    let r = app.gql(&aliased_full_trees(50), json!({})).await;
    assert_eq!(code(&r), "QUERY_TOO_COMPLEX", "{r:#}");
    let r = app.gql(&format!("{{ {FULL_TREE} }}"), json!({})).await;
    assert_eq!(code(&r), "QUERY_TOO_COMPLEX", "{r:#}");
}

/// A request the front end's Presentatie view sends (the widest it has).
const PRESENTATIE: &str = "query Presentatie { themas { naam actieplannen { id titel soort periodeVan periodeTot \
rollup { totaal aandeelAfgerond aandeelInUitvoering gemiddeldeVoortgang slechtsteGezondheid aantalPerStatus { status \
aantal } } opgaven { id volgorde titel rollup { totaal aandeelAfgerond aandeelInUitvoering gemiddeldeVoortgang \
slechtsteGezondheid aantalPerStatus { status aantal } } acties(vertrouwelijk: false) { id titel status gezondheid \
voortgang vertrouwelijk } } } } }";

/// The front end's page of acties (the costliest it sends), with `first: 100`.
const ACTIES: &str = "query Acties($filter: ActieFilter, $first: Int, $after: String) { acties(filter: $filter, \
first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id titel status gezondheid \
gezondheidReden voortgang jaar kwartaal datum vertrouwelijk gewijzigdOp trekkers { id naam afkorting } partners { id \
naam afkorting } opgave { id volgorde titel actieplan { id titel } } historie { versie tijdstip door statusVan \
statusNaar gezondheidVan gezondheidNaar toelichting } } } }";

/// The board: per plan and opgave the roll-up now and at the last RVO, and the overdue count.
const OVERZICHT: &str = "query Overzicht($vorige: DateTime, $peildatum: NaiveDate!, $weken: Int) { themas { id naam \
portefeuillehouder actieplannen { id titel soort periodeVan periodeTot status opgaven { id volgorde titel \
rollup { ...R } vorige: rollup(peilmoment: $vorige) { ...R } aantalTeLaat(peildatum: $peildatum, weken: $weken) } \
rollup { ...R } vorige: rollup(peilmoment: $vorige) { ...R } aantalTeLaat(peildatum: $peildatum, weken: $weken) } } } \
fragment R on Rollup { totaal aandeelAfgerond aandeelInUitvoering gemiddeldeVoortgang slechtsteGezondheid \
aantalVerborgen aantalMetVoortgang aantalPerStatus { status aantal } aantalPerGezondheid { gezondheid aantal } }";

const ACTIEPLAN: &str = "query Actieplan($id: ID!) { actieplan(id: $id) { id titel soort periodeVan periodeTot \
status bron vastgesteldDoor vastgesteldOp thema { id naam } rollup { totaal aandeelAfgerond aandeelInUitvoering \
gemiddeldeVoortgang slechtsteGezondheid aantalPerStatus { status aantal } } opgaven { id volgorde titel rollup { \
totaal aandeelAfgerond aandeelInUitvoering gemiddeldeVoortgang slechtsteGezondheid aantalPerStatus { status aantal } \
} acties { id titel beschrijving status gezondheid gezondheidReden voortgang jaar kwartaal datum vertrouwelijk \
trekkers { id naam afkorting } partners { id naam afkorting } } } } }";

#[tokio::test]
async fn the_front_ends_queries_pass_alone_and_together() {
    let app = TestApp::spawn().await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let requests = [
        json!({ "query": PRESENTATIE, "operationName": "Presentatie" }),
        json!({ "query": ACTIES, "operationName": "Acties", "variables": { "first": 100 } }),
        json!({ "query": OVERZICHT, "operationName": "Overzicht",
                "variables": { "vorige": "2026-01-01T00:00:00Z", "peildatum": "2026-12-02", "weken": 4 } }),
        json!({ "query": ACTIEPLAN, "operationName": "Actieplan", "variables": { "id": plan } }),
    ];
    for r in &requests {
        let (status, body) = app.post_raw(serde_json::to_vec(r).unwrap()).await;
        assert_eq!(status, 200, "{body:#}");
        assert!(body.get("errors").is_none(), "{}: {body:#}", r["operationName"]);
    }
    // The view of a plan and the overview in one batch.
    let batch = json!([requests[2], requests[3]]);
    let (status, body) = app.post_raw(serde_json::to_vec(&batch).unwrap()).await;
    assert_eq!(status, 200, "{body:#}");
    assert!(
        body.as_array().unwrap().iter().all(|x| x.get("errors").is_none()),
        "{body:#}"
    );
}

#[tokio::test]
async fn a_batch_costs_the_sum_of_its_parts_and_is_refused_whole() {
    let app = TestApp::spawn().await;
    let (_, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let before = app.acties_total().await;
    let page = json!({ "query": ACTIES, "variables": { "first": 100 } });
    // One page of a hundred acties is fine; a batch of two pages is over the limit as a whole.
    let (status, one) = app.post_raw(serde_json::to_vec(&json!([page])).unwrap()).await;
    assert_eq!(status, 200, "{one:#}");
    let create = json!({
        "query": "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }",
        "variables": { "i": { "opgave": opgaven[0], "titel": "Mag niet bestaan", "jaar": 2026, "status": "GEPLAND" } },
    });
    let (status, r) = app
        .post_raw(serde_json::to_vec(&json!([create, page, page])).unwrap())
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{r:#}");
    assert_eq!(code(&r), "QUERY_TOO_COMPLEX", "{r:#}");
    assert_eq!(
        app.acties_total().await,
        before,
        "no part of the refused batch ran"
    );
}

#[tokio::test]
async fn an_answer_over_the_size_ceiling_is_refused_with_its_own_code() {
    let app = TestApp::spawn_with(|s| s.limits.response_bytes = 2_000).await;
    let d = app.data("{ themas { id naam } }", json!({})).await;
    assert_eq!(d["themas"].as_array().map(Vec::len), Some(5));
    // 43 organisations with their names are some 4 kB.
    let (status, r) = app
        .post_raw(serde_json::to_vec(&json!({ "query": "{ organisaties { id naam } }" })).unwrap())
        .await;
    assert_eq!(status, 200, "{r:#}");
    assert_eq!(code(&r), "RESPONSE_TOO_LARGE", "{r:#}");
    // A batch counts whole.
    let small = json!({ "query": "{ themas { id naam } }" });
    let batch: Vec<Value> = (0..10).map(|_| small.clone()).collect();
    let (_, r) = app.post_raw(serde_json::to_vec(&batch).unwrap()).await;
    assert_eq!(code(&r), "RESPONSE_TOO_LARGE", "{r:#}");
    // The same ceiling over the WebSocket.
    let mut ws = crate::wsclient::Sock::ready(&app, &[], json!({})).await;
    ws.subscribe("groot", "{ organisaties { id naam } }", json!({}))
        .await;
    match ws.next(std::time::Duration::from_secs(10)).await {
        crate::wsclient::Event::Msg(m) => {
            assert_eq!(m["type"], "next", "{m:#}");
            assert_eq!(code(&m["payload"]), "RESPONSE_TOO_LARGE", "{m:#}");
        }
        other => panic!("expected a next message, got {other:?}"),
    }
}
