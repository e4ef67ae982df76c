//! Validation messages carry a key of their own with parameters (`extensions.fouten[].sleutel`, `waarden`), so
//! that the English UI can say them; `message` keeps the Dutch text.

use crate::helpers::{Als, TestApp, code, field, plan_ids};
use koers_backend::toegang::Rol;
use serde_json::{Value, json};

const ACTIE_AANMAKEN: &str = "mutation($i: ActieAanmakenInvoer!) { actieAanmaken(invoer: $i) { id } }";
const ORG_AANMAKEN: &str =
    "mutation($i: OrganisatieAanmakenInvoer!) { organisatieAanmaken(invoer: $i) { id } }";

/// The first problem of a refused request: `(veld, sleutel, waarden)`, and the Dutch `message`.
fn eerste_fout(r: &Value) -> (Value, &str) {
    assert_eq!(code(r), "BAD_USER_INPUT", "{r}");
    let f = &r["errors"][0]["extensions"]["fouten"][0];
    let v = json!({ "veld": f["veld"], "sleutel": f["sleutel"], "waarden": f["waarden"] });
    (v, r["errors"][0]["message"].as_str().unwrap_or_default())
}

#[tokio::test]
async fn a_refused_actie_names_its_problem_by_key() {
    let app = TestApp::spawn().await;
    let (plan, opgaven) = plan_ids(&app, "mh-2024-2026").await;
    let base = json!({ "opgave": opgaven[1], "titel": "Nieuw", "jaar": 2026, "status": "GEPLAND" });
    // Organisatie 9999 and Opgave 999999, as global ids.
    let org = "T3JnYW5pc2F0aWU6OTk5OQ";
    let opgave = "T3BnYXZlOjk5OTk5OQ";
    let cases = [
        (
            "opgave",
            json!(opgave),
            json!({ "veld": "opgave", "sleutel": "BESTAAT_NIET", "waarden": { "ding": "OPGAVE" } }),
            "deze opgave bestaat niet",
        ),
        (
            "opgave",
            json!(plan),
            json!({ "veld": "opgave", "sleutel": "VERKEERDE_SOORT_ID",
                    "waarden": { "verwacht": "Opgave", "kreeg": "Actieplan" } }),
            "verwacht een id van een Opgave, kreeg een id van een Actieplan",
        ),
        (
            "opgave",
            json!("geen-id"),
            json!({ "veld": "opgave", "sleutel": "GEEN_GELDIG_ID", "waarden": { "id": "geen-id" } }),
            "'geen-id' is geen geldig id",
        ),
        (
            "trekkers",
            json!([org, org]),
            json!({ "veld": "trekkers", "sleutel": "DUBBEL", "waarden": { "ding": "ORGANISATIE" } }),
            "een organisatie staat er dubbel in",
        ),
        (
            "trekkers",
            json!([org]),
            json!({ "veld": "trekkers", "sleutel": "EEN_BESTAAT_NIET", "waarden": { "ding": "ORGANISATIE" } }),
            "een van deze organisaties bestaat niet",
        ),
    ];
    for (veld, waarde, verwacht, tekst) in cases {
        let mut i = base.clone();
        i[veld] = waarde;
        let r = app.gql(ACTIE_AANMAKEN, json!({ "i": i })).await;
        let (fout, message) = eerste_fout(&r);
        assert_eq!(fout, verwacht, "{r}");
        assert!(message.ends_with(tekst), "the Dutch text stays: {message}");
        assert_ne!(fout["sleutel"], "ONGELDIG");
    }
}

#[tokio::test]
async fn a_key_taken_twice_is_said_by_key() {
    let app = TestApp::spawn().await;
    let b = app.sign_in_new("beheer", Rol::Beheerder, &[]).await;
    let i = json!({ "i": { "naam": "Gemeente Krimpen", "soort": "GEMEENTE", "sleutel": "krimpen" } });
    let eerst = app.gql_as(&Als::Sessie(&b), ORG_AANMAKEN, i.clone()).await;
    assert!(eerst["errors"].is_null(), "{eerst}");
    let r = app.gql_as(&Als::Sessie(&b), ORG_AANMAKEN, i).await;
    assert_eq!(field(&r), "sleutel");
    let (fout, message) = eerste_fout(&r);
    assert_eq!(
        fout,
        json!({ "veld": "sleutel", "sleutel": "BESTAAT_AL", "waarden": { "ding": "SLEUTEL" } })
    );
    assert!(message.ends_with("deze sleutel bestaat al"), "{message}");
}

#[tokio::test]
async fn the_as_of_and_overdue_refusals_are_said_by_key() {
    let app = TestApp::spawn().await;
    let (plan, _) = plan_ids(&app, "mh-2024-2026").await;
    let node = "query($id: ID!, $p: DateTime, $van: DateTime!, $tot: DateTime, $i: ReeksInterval!, $w: Int) {
        node(id: $id) { ... on Actieplan {
            rollup(peilmoment: $p) { totaal }
            rollupReeks(van: $van, tot: $tot, interval: $i) { moment }
            aantalTeLaat(peildatum: \"2026-12-01\", weken: $w) } } }";
    let goed = json!({ "id": plan, "van": "2026-01-01T00:00:00Z", "i": "MAAND" });
    let cases = [
        (
            "p",
            json!("2099-01-01T00:00:00Z"),
            "peilmoment",
            json!({ "sleutel": "IN_DE_TOEKOMST", "waarden": {} }),
        ),
        (
            "tot",
            json!("2025-01-01T00:00:00Z"),
            "tot",
            json!({ "sleutel": "TOT_VOOR_VAN", "waarden": {} }),
        ),
        (
            "i",
            json!("DAG"),
            "interval",
            json!({ "sleutel": "TE_VEEL_PUNTEN", "waarden": { "max": "400" } }),
        ),
        (
            "w",
            json!(0),
            "weken",
            json!({ "sleutel": "BUITEN_BEREIK", "waarden": { "min": "1", "max": "52" } }),
        ),
    ];
    for (var, waarde, veld, verwacht) in cases {
        let mut v = goed.clone();
        v[var] = waarde;
        if var == "i" {
            v["van"] = json!("2020-01-01T00:00:00Z");
        }
        let r = app.gql(node, v).await;
        let (fout, _) = eerste_fout(&r);
        assert_eq!(fout["veld"], veld, "{r}");
        assert_eq!(
            json!({ "sleutel": fout["sleutel"], "waarden": fout["waarden"] }),
            verwacht,
            "{r}"
        );
    }
}
