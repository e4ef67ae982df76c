//! The version-conflict panel of both editing forms: who changed the actie meanwhile, every field that changed
//! (was → now), and the choice to apply one's own input again or to discard it.

use crate::i18n::{label, tm};
use crate::model::actie_regel::{ActieRegel, Organisatie};
use crate::tijd::moment;
use koers_shared::procent_tekst;
use leptos::prelude::*;

/// Every field a person can change that differs between `oud` (the version the form started from) and `nu`:
/// `(label, was, now)`, in the order of the forms.
pub fn verschillen(oud: &ActieRegel, nu: &ActieRegel) -> Vec<(&'static str, String, String)> {
    let t = tm();
    let leeg = || "–".to_string();
    let tekst = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty()).unwrap_or_else(leeg);
    let namen = |o: &[Organisatie]| {
        if o.is_empty() {
            leeg()
        } else {
            o.iter().map(|o| o.naam.as_str()).collect::<Vec<_>>().join(", ")
        }
    };
    let opgave = |a: &ActieRegel| a.opgave.as_ref().map_or_else(leeg, |o| o.titel.clone());
    let kwartaal = |a: &ActieRegel| a.kwartaal.map_or(t.geen_kwartaal.to_string(), |k| k.to_string());
    let ja_nee = |b: bool| if b { t.ja } else { t.nee }.to_string();
    let gezondheid = |a: &ActieRegel| {
        a.gezondheid
            .map_or(t.geen_gezondheid.to_string(), |g| label(g).to_string())
    };
    let voortgang = |a: &ActieRegel| {
        a.voortgang
            .map_or_else(leeg, |v| procent_tekst(f64::from(v.procent())))
    };
    let paren = [
        (t.opgave, opgave(oud), opgave(nu)),
        (t.titel_veld, oud.titel.clone(), nu.titel.clone()),
        (t.beschrijving, tekst(&oud.beschrijving), tekst(&nu.beschrijving)),
        (t.jaar, oud.jaar.to_string(), nu.jaar.to_string()),
        (t.kwartaal, kwartaal(oud), kwartaal(nu)),
        (t.trekkers, namen(&oud.trekkers), namen(&nu.trekkers)),
        (t.partners, namen(&oud.partners), namen(&nu.partners)),
        (
            t.vertrouwelijk_kort,
            ja_nee(oud.vertrouwelijk),
            ja_nee(nu.vertrouwelijk),
        ),
        (
            t.status,
            label(oud.status).to_string(),
            label(nu.status).to_string(),
        ),
        (t.gezondheid, gezondheid(oud), gezondheid(nu)),
        (t.reden, tekst(&oud.gezondheid_reden), tekst(&nu.gezondheid_reden)),
        (t.voortgang, voortgang(oud), voortgang(nu)),
    ];
    paren.into_iter().filter(|(_, was, nu)| was != nu).collect()
}

/// The panel (`data-testid="conflict"`, the changed fields in `conflict-verschillen`).
#[component]
pub fn ConflictMelding(
    /// The version the form started from.
    oud: ActieRegel,
    /// The version the server has now.
    nu: ActieRegel,
    /// Applies the same input again, on the new version.
    opnieuw: Callback<()>,
    /// Discards the input and shows the new version.
    weggooien: Callback<()>,
    /// The panel sits in a section with its own heading (a level-3 heading, not level 2).
    #[prop(optional)]
    in_sectie: bool,
) -> impl IntoView {
    let t = tm();
    let kop = (t.conflict_kop)(oud.versie(), nu.versie());
    let wie: Vec<_> = nu
        .historie()
        .iter()
        .filter(|h| h.versie > oud.versie())
        .map(|h| (t.conflict_door)(&h.door, &moment(&h.tijdstip).tekst))
        .collect();
    let kop = if in_sectie {
        view! { <h3 class="utrecht-heading-3">{kop}</h3> }.into_any()
    } else {
        view! { <h2 class="utrecht-heading-2">{kop}</h2> }.into_any()
    };
    view! {
        <div class="conflict" role="alert" data-testid="conflict">
            {kop}
            <p>{wie.join(", ")}</p>
            <p>{t.conflict_uitleg}</p>
            <ul data-testid="conflict-verschillen">
                {verschillen(&oud, &nu)
                    .into_iter()
                    .map(|(veld, was, nu)| view! {
                        <li><span class="meta-label">{veld}": "</span>{(t.was_nu)(&was, &nu)}</li>
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="utrecht-button utrecht-button--primary-action knop"
                data-testid="opnieuw-toepassen" on:click=move |_| opnieuw.run(())>{t.opnieuw_toepassen}</button>
            " "
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop"
                data-testid="invoer-weggooien" on:click=move |_| weggooien.run(())>{t.mijn_invoer_weg}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miniserde::json::{self, Object, Value};

    /// Sets `veld` of an actie's JSON to the value written as `waarde`.
    fn zet(a: &mut Object, veld: &str, waarde: &str) {
        a.insert(
            veld.to_string(),
            json::from_str::<Value>(waarde).expect("valid JSON"),
        );
    }

    fn actie(versie: i32, wijzig: impl FnOnce(&mut Object)) -> ActieRegel {
        let mut a: Object = json::from_str(
            r#"{"id": "QWN0aWU6MQ", "titel": "Lokale aanpak", "beschrijving": "Een aanpak per gemeente.",
            "opgaveAfgeleid": false, "opgave": { "id": "o1", "titel": "Signaleren", "actieplan": null },
            "trekkers": [{ "id": "g1", "naam": "Rotterdam", "afkorting": null }], "partners": [],
            "jaar": 2025, "kwartaal": null, "datum": null, "status": "IN_UITVOERING", "gezondheid": "OP_KOERS",
            "gezondheidReden": null, "voortgang": 20, "vertrouwelijk": false, "bron": "RAP 2024–2026",
            "gewijzigdOp": "2025-06-01T10:00:00Z", "historie": []}"#,
        )
        .expect("valid JSON");
        zet(&mut a, "versie", &versie.to_string());
        wijzig(&mut a);
        json::from_str(&json::to_string(&a)).expect("a valid actie")
    }

    #[test]
    fn lists_exactly_the_fields_that_changed() {
        let oud = actie(1, |_| {});
        let nu = actie(2, |a| {
            zet(a, "titel", r#""Regionale aanpak""#);
            zet(
                a,
                "trekkers",
                r#"[{ "id": "p", "naam": "Politie", "afkorting": null }]"#,
            );
            zet(a, "voortgang", "60");
            zet(a, "vertrouwelijk", "true");
        });
        let t = tm();
        let v = verschillen(&oud, &nu);
        let velden: Vec<_> = v.iter().map(|(veld, _, _)| *veld).collect();
        assert_eq!(
            velden,
            [t.titel_veld, t.trekkers, t.vertrouwelijk_kort, t.voortgang]
        );
        assert_eq!(v[0].1, "Lokale aanpak");
        assert_eq!(v[0].2, "Regionale aanpak");
        assert_eq!((v[1].1.as_str(), v[1].2.as_str()), ("Rotterdam", "Politie"));
        assert_eq!((v[2].1.as_str(), v[2].2.as_str()), (t.nee, t.ja));
        assert_eq!((v[3].1.as_str(), v[3].2.as_str()), ("20 %", "60 %"));
    }

    #[test]
    fn the_same_actie_has_no_differences_and_empty_values_read_as_a_dash() {
        assert!(verschillen(&actie(1, |_| {}), &actie(2, |_| {})).is_empty());
        let nu = actie(2, |a| zet(a, "gezondheidReden", r#""Capaciteit""#));
        assert_eq!(verschillen(&actie(1, |_| {}), &nu)[0].1, "–");
        let leeg = actie(1, |a| zet(a, "beschrijving", "\"\""));
        assert_eq!(verschillen(&leeg, &actie(2, |_| {}))[0].1, "–");
    }
}
