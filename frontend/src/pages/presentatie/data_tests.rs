//! Unit tests of the presentation's data: decoding, slides and live changes.

use super::*;

const R: &str = r#"{"totaal":1,"aandeelAfgerond":0.0,"aandeelInUitvoering":0.0,"gemiddeldeVoortgang":null,
    "slechtsteGezondheid":null,"aantalPerStatus":[],"aantalPerGezondheid":[]}"#;

fn data() -> Presentatie {
    let json = format!(
        r#"{{"themas":[{{"naam":"T","actieplannen":[{{"id":"p","titel":"P","soort":"ACTIEPLAN",
        "periodeVan":2024,"periodeTot":2026,"rollup":{R},"opgaven":[{{"id":"o2","volgorde":2,"titel":"B",
        "rollup":{R},"acties":[]}},{{"id":"o1","volgorde":1,"titel":"A","rollup":{R},"acties":[
        {{"id":"a1","titel":"open","status":"GEPLAND","gezondheid":null,"voortgang":null,"vertrouwelijk":false}},
        {{"id":"a2","titel":"geheim","status":"GEPLAND","gezondheid":null,"voortgang":null,"vertrouwelijk":true}}
        ]}}]}}]}}]}}"#
    );
    van_antwoord(miniserde::json::from_str(&json).expect("decodes"))
}

fn wijziging(id: &str, opgave: &str, vertrouwelijk: bool, totaal: u32) -> Wijziging {
    let json = format!(
        r#"{{"actieGewijzigd":{{"actie":{{"id":"{id}","titel":"t-{id}","status":"AFGEROND","gezondheid":null,
        "voortgang":100,"vertrouwelijk":{vertrouwelijk}}},"opgave":{{"id":"{opgave}"}},"opgaveRollup":{{
        "totaal":{totaal},"aandeelAfgerond":50.0,"aandeelInUitvoering":0.0,"gemiddeldeVoortgang":null,
        "slechtsteGezondheid":null,"aantalPerStatus":[],"aantalPerGezondheid":[]}}}}}}"#
    );
    miniserde::json::from_str::<LiveData>(&json)
        .expect("decodes")
        .actie_gewijzigd
}

#[test]
fn confidential_acties_are_dropped_and_opgaven_ordered() {
    let p = data();
    let o = &p.plannen[0].opgaven;
    assert_eq!(o[0].id, "o1");
    assert_eq!(o[0].acties.len(), 1);
    assert_eq!(o[0].acties[0].titel, "open");
    let soorten: Vec<_> = p.dias().iter().map(|d| d.soort).collect();
    assert_eq!(soorten, [Soort::Plan, Soort::Opgave, Soort::Opgave]);
}

#[test]
fn live_changes_apply_in_place_without_confidential_work() {
    let mut p = data();
    p.pas_toe(wijziging("a1", "o1", false, 2));
    assert_eq!(p.plannen[0].opgaven[0].acties[0].status, Status::Afgerond);
    assert_eq!(p.plannen[0].opgaven[0].rollup.aandeel_afgerond, 50.0);
    p.pas_toe(wijziging("a9", "o1", true, 3));
    assert_eq!(p.plannen[0].opgaven[0].acties.len(), 1);
    assert_eq!(p.plannen[0].opgaven[0].rollup.totaal, 3);
    p.pas_toe(wijziging("a1", "o1", true, 3));
    assert!(p.plannen[0].opgaven[0].acties.is_empty());
    p.pas_toe(wijziging("a5", "o2", false, 1));
    assert_eq!(p.plannen[0].opgaven[1].acties[0].id, "a5");
}

#[test]
fn an_actie_hidden_from_this_viewer_leaves_the_slide() {
    let mut p = data();
    assert_eq!(p.plannen[0].opgaven[0].acties[0].id, "a1");
    let json = r#"{"actieGewijzigd":{"actie":null,"verborgen":"a1","opgave":{"id":"o1"},"opgaveRollup":{
        "totaal":2,"aandeelAfgerond":0.0,"aandeelInUitvoering":0.0,"gemiddeldeVoortgang":null,
        "slechtsteGezondheid":null,"aantalPerStatus":[],"aantalPerGezondheid":[]}}}"#;
    let w = miniserde::json::from_str::<LiveData>(json)
        .expect("decodes")
        .actie_gewijzigd;
    p.pas_toe(w);
    assert!(p.plannen[0].opgaven[0].acties.is_empty());
    assert_eq!(p.plannen[0].opgaven[0].rollup.totaal, 2);
    // Hidden work without an id: only the roll-up moves.
    let json = json
        .replace(r#""verborgen":"a1""#, r#""verborgen":null"#)
        .replace(r#""totaal":2"#, r#""totaal":5"#);
    let w = miniserde::json::from_str::<LiveData>(&json)
        .expect("decodes")
        .actie_gewijzigd;
    p.pas_toe(w);
    assert_eq!(p.plannen[0].opgaven[0].rollup.totaal, 5);
}

#[test]
fn long_opgaven_get_several_slides() {
    let mut p = data();
    for i in 0..ACTIES_PER_DIA {
        p.pas_toe(wijziging(&format!("n{i}"), "o1", false, 9));
    }
    let delen: Vec<_> = p.dias().iter().map(|d| (d.opgave, d.deel, d.delen)).collect();
    assert_eq!(delen, [(0, 0, 1), (0, 0, 2), (0, 1, 2), (1, 0, 1)]);
}
