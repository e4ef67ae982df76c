//! Validation of a reported state of an actie (status, health, reason, progress), shared so that the UI can
//! say exactly what the API will refuse. Field names are the GraphQL input field names.

use crate::domain::{Gezondheid, Status, Voortgang};
use crate::melding::Melding;
use serde::{Deserialize, Serialize};

/// A problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The GraphQL input field, e.g. `gezondheidReden`.
    pub veld: String,
    /// What is wrong: a key with parameters, translated by the UI.
    pub melding: Melding,
}

impl FieldError {
    /// A new error for `veld` with a Dutch text that has no key of its own ([`Melding::Ongeldig`]).
    pub fn new(veld: &str, melding: impl Into<String>) -> Self {
        FieldError::met(
            veld,
            Melding::Ongeldig {
                tekst: melding.into(),
            },
        )
    }

    /// A new error for `veld`.
    pub fn met(veld: &str, melding: Melding) -> Self {
        FieldError {
            veld: veld.to_string(),
            melding,
        }
    }

    /// What is wrong, in Dutch.
    pub fn tekst(&self) -> String {
        self.melding.nl()
    }
}

/// A state as submitted, not yet checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActieToestand {
    /// Lifecycle status.
    pub status: Option<Status>,
    /// Health.
    pub gezondheid: Option<Gezondheid>,
    /// Reason for aandacht or risico.
    pub gezondheid_reden: Option<String>,
    /// Progress as sent, not yet range-checked.
    pub voortgang: Option<i64>,
}

/// A state that satisfies every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeldigeToestand {
    /// Lifecycle status.
    pub status: Status,
    /// Health; only while in progress.
    pub gezondheid: Option<Gezondheid>,
    /// Trimmed reason; present exactly when the health requires one.
    pub gezondheid_reden: Option<String>,
    /// Progress; 100 when afgerond.
    pub voortgang: Option<Voortgang>,
}

/// Checks a complete state (status required) and returns every problem at once.
pub fn valideer_toestand(t: &ActieToestand) -> Result<GeldigeToestand, Vec<FieldError>> {
    let mut fouten = Vec::new();
    let status = t.status.unwrap_or_else(|| {
        fouten.push(FieldError::met("status", Melding::Verplicht));
        Status::Gepland
    });
    let voortgang = match t.voortgang.map(Voortgang::try_from).transpose() {
        Ok(v) => v,
        Err(_) => {
            fouten.push(FieldError::met(
                "voortgang",
                Melding::BuitenBereik { min: 0, max: 100 },
            ));
            None
        }
    };
    let voortgang = match (status, voortgang) {
        (Status::Afgerond, None) => Some(Voortgang::VOLLEDIG),
        (Status::Afgerond, Some(v)) if v != Voortgang::VOLLEDIG => {
            fouten.push(FieldError::met("voortgang", Melding::AfgerondIsHonderd));
            Some(v)
        }
        (_, v) => v,
    };
    if let (false, Some(_)) = (status.is_actief(), t.gezondheid) {
        fouten.push(FieldError::met(
            "gezondheid",
            Melding::GezondheidBuitenUitvoering { status },
        ));
    }
    let reden = t
        .gezondheid_reden
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    match (t.gezondheid, reden) {
        (Some(g), None) if g.vereist_reden() => fouten.push(FieldError::met(
            "gezondheidReden",
            Melding::RedenVerplicht { gezondheid: g },
        )),
        (None | Some(Gezondheid::OpKoers), Some(_)) => {
            fouten.push(FieldError::met("gezondheidReden", Melding::RedenOnverwacht))
        }
        _ => {}
    }
    if !fouten.is_empty() {
        return Err(fouten);
    }
    Ok(GeldigeToestand {
        status,
        gezondheid: t.gezondheid,
        gezondheid_reden: reden.map(str::to_string),
        voortgang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toestand(status: Status) -> ActieToestand {
        ActieToestand {
            status: Some(status),
            ..Default::default()
        }
    }

    #[test]
    fn attention_without_reason_names_the_reason_field() {
        let t = ActieToestand {
            gezondheid: Some(Gezondheid::Aandacht),
            ..toestand(Status::InUitvoering)
        };
        let fouten = valideer_toestand(&t).unwrap_err();
        assert_eq!(fouten.len(), 1);
        assert_eq!(fouten[0].veld, "gezondheidReden");
    }

    #[test]
    fn blank_reason_counts_as_missing() {
        let t = ActieToestand {
            gezondheid: Some(Gezondheid::Risico),
            gezondheid_reden: Some("   ".into()),
            ..toestand(Status::Doorlopend)
        };
        assert_eq!(valideer_toestand(&t).unwrap_err()[0].veld, "gezondheidReden");
    }

    #[test]
    fn health_is_refused_outside_progress() {
        let t = ActieToestand {
            gezondheid: Some(Gezondheid::OpKoers),
            ..toestand(Status::Gepland)
        };
        assert_eq!(valideer_toestand(&t).unwrap_err()[0].veld, "gezondheid");
    }

    #[test]
    fn afgerond_means_100_percent() {
        let ok = valideer_toestand(&toestand(Status::Afgerond)).unwrap();
        assert_eq!(ok.voortgang, Some(Voortgang::VOLLEDIG));
        let t = ActieToestand {
            voortgang: Some(80),
            ..toestand(Status::Afgerond)
        };
        assert_eq!(valideer_toestand(&t).unwrap_err()[0].veld, "voortgang");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let t = ActieToestand {
            status: None,
            voortgang: Some(140),
            gezondheid_reden: Some("waarom".into()),
            ..Default::default()
        };
        let velden: Vec<_> = valideer_toestand(&t)
            .unwrap_err()
            .into_iter()
            .map(|f| f.veld)
            .collect();
        assert_eq!(velden, ["status", "voortgang", "gezondheidReden"]);
    }

    #[test]
    fn a_valid_state_keeps_the_trimmed_reason() {
        let t = ActieToestand {
            gezondheid: Some(Gezondheid::Aandacht),
            gezondheid_reden: Some("  capaciteit politie  ".into()),
            voortgang: Some(40),
            ..toestand(Status::InUitvoering)
        };
        let ok = valideer_toestand(&t).unwrap();
        assert_eq!(ok.gezondheid_reden.as_deref(), Some("capaciteit politie"));
        assert_eq!(ok.voortgang.map(Voortgang::procent), Some(40));
    }

    mod eigenschappen {
        use super::*;
        use proptest::prelude::*;

        const VELDEN: [&str; 4] = ["status", "gezondheid", "gezondheidReden", "voortgang"];

        fn arb_reden() -> impl Strategy<Value = Option<String>> {
            prop::option::of(prop_oneof![
                Just(String::new()),
                Just("   ".to_string()),
                Just("capaciteit politie".to_string()),
                Just("  budget  ".to_string()),
                "\\PC{0,12}",
            ])
        }

        fn arb_voortgang() -> impl Strategy<Value = Option<i64>> {
            prop::option::of(prop_oneof![
                4 => 0i64..=100,
                1 => Just(100i64),
                1 => -200i64..=300,
                1 => any::<i64>(),
            ])
        }

        fn arb_toestand() -> impl Strategy<Value = ActieToestand> {
            (
                prop::option::weighted(0.9, prop::sample::select(Status::ALL)),
                prop::option::of(prop::sample::select(Gezondheid::ALL)),
                arb_reden(),
                arb_voortgang(),
            )
                .prop_map(
                    |(status, gezondheid, gezondheid_reden, voortgang)| ActieToestand {
                        status,
                        gezondheid,
                        gezondheid_reden,
                        voortgang,
                    },
                )
        }

        /// The rules, written out independently of `valideer_toestand`.
        fn voldoet_aan_regels(t: &ActieToestand) -> bool {
            let Some(status) = t.status else { return false };
            let reden = t
                .gezondheid_reden
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty());
            let voortgang_ok = match t.voortgang {
                None => true,
                Some(v) if !(0..=100).contains(&v) => false,
                Some(v) => status != Status::Afgerond || v == 100,
            };
            let gezondheid_ok = t.gezondheid.is_none() || status.is_actief();
            let reden_ok = match t.gezondheid {
                Some(Gezondheid::Aandacht | Gezondheid::Risico) => reden.is_some(),
                Some(Gezondheid::OpKoers) | None => reden.is_none(),
            };
            voortgang_ok && gezondheid_ok && reden_ok
        }

        proptest! {
            #[test]
            fn an_accepted_state_satisfies_every_rule(t in arb_toestand()) {
                if let Ok(ok) = valideer_toestand(&t) {
                    prop_assert_eq!(Some(ok.status), t.status);
                    prop_assert_eq!(ok.gezondheid, t.gezondheid);
                    if let Some(v) = ok.voortgang {
                        prop_assert!(v.procent() <= 100);
                    }
                    match t.voortgang {
                        Some(v) => prop_assert_eq!(ok.voortgang.map(i64::from), Some(v)),
                        None if ok.status != Status::Afgerond => prop_assert_eq!(ok.voortgang, None),
                        None => {}
                    }
                    if ok.status == Status::Afgerond {
                        prop_assert_eq!(ok.voortgang, Some(Voortgang::VOLLEDIG));
                    }
                    if ok.gezondheid.is_some() {
                        prop_assert!(ok.status.is_actief(), "gezondheid bij status {}", ok.status);
                    }
                    match ok.gezondheid {
                        Some(g) if g.vereist_reden() => {
                            let reden = ok.gezondheid_reden.as_deref().unwrap_or_default();
                            prop_assert!(!reden.is_empty());
                            prop_assert_eq!(reden, reden.trim());
                        }
                        _ => prop_assert_eq!(ok.gezondheid_reden, None),
                    }
                }
            }

            #[test]
            fn accepted_exactly_when_the_rules_hold(t in arb_toestand()) {
                let uitslag = valideer_toestand(&t);
                prop_assert_eq!(uitslag.is_ok(), voldoet_aan_regels(&t), "{:?} -> {:?}", t, uitslag);
            }

            #[test]
            fn errors_name_known_fields_with_a_message(t in arb_toestand()) {
                if let Err(fouten) = valideer_toestand(&t) {
                    prop_assert!(!fouten.is_empty());
                    for f in &fouten {
                        prop_assert!(VELDEN.contains(&f.veld.as_str()), "onbekend veld {}", f.veld);
                        prop_assert!(!f.tekst().trim().is_empty());
                    }
                }
            }

            #[test]
            fn progress_outside_0_to_100_is_refused_naming_voortgang(
                t in arb_toestand(),
                v in prop_oneof![i64::MIN..0, 101i64..=i64::MAX, -5i64..0, 101i64..110],
            ) {
                let t = ActieToestand { voortgang: Some(v), ..t };
                let fouten = valideer_toestand(&t).unwrap_err();
                let voortgang: Vec<_> = fouten.iter().filter(|f| f.veld == "voortgang").collect();
                prop_assert_eq!(voortgang.len(), 1, "{:?}", fouten);
                prop_assert_eq!(&voortgang[0].melding, &Melding::BuitenBereik { min: 0, max: 100 });
            }
        }
    }
}
