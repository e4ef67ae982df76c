use super::*;
use std::collections::BTreeMap;

#[test]
fn every_message_survives_the_wire() {
    for m in voorbeelden() {
        let waarden = m.waarden().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        assert_eq!(Melding::uit_sleutel(m.sleutel(), &waarden, "x"), m);
    }
}

#[test]
fn every_example_has_its_own_key() {
    let alle = voorbeelden();
    let sleutels: std::collections::BTreeSet<_> = alle.iter().map(Melding::sleutel).collect();
    assert_eq!(sleutels.len(), alle.len());
    assert!(!sleutels.contains(sleutel::ONGELDIG));
}

#[test]
fn the_dutch_text_names_the_thing() {
    assert_eq!(
        Melding::BestaatNiet { ding: Ding::Plan }.nl(),
        "dit plan bestaat niet"
    );
    assert_eq!(
        Melding::BestaatNiet { ding: Ding::Opgave }.nl(),
        "deze opgave bestaat niet"
    );
    assert_eq!(
        Melding::EenBestaatNiet { ding: Ding::Thema }.nl(),
        "een van deze thema's bestaat niet"
    );
}

#[test]
fn an_unknown_key_keeps_the_dutch_text() {
    let m = Melding::uit_sleutel("NIEUW", &BTreeMap::new(), "iets anders");
    assert_eq!(m.nl(), "iets anders");
    assert_eq!(m.sleutel(), sleutel::ONGELDIG);
}
