//! Validation of a reported state of an actie (status, health, reason, progress), shared so that the UI can
//! say exactly what the API will refuse. Field names are the GraphQL input field names.

use crate::domain::{Gezondheid, Status, Voortgang};
use serde::{Deserialize, Serialize};

/// A problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The GraphQL input field, e.g. `gezondheidReden`.
    pub veld: String,
    /// What is wrong, in Dutch.
    pub melding: String,
}

impl FieldError {
    /// A new error for `veld`.
    pub fn new(veld: &str, melding: impl Into<String>) -> Self {
        FieldError { veld: veld.to_string(), melding: melding.into() }
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
        fouten.push(FieldError::new("status", "status is verplicht"));
        Status::Gepland
    });
    let voortgang = match t.voortgang.map(Voortgang::try_from).transpose() {
        Ok(v) => v,
        Err(e) => {
            fouten.push(FieldError::new("voortgang", e.to_string()));
            None
        }
    };
    let voortgang = match (status, voortgang) {
        (Status::Afgerond, None) => Some(Voortgang::VOLLEDIG),
        (Status::Afgerond, Some(v)) if v != Voortgang::VOLLEDIG => {
            fouten.push(FieldError::new("voortgang", "een afgeronde actie heeft voortgang 100"));
            Some(v)
        }
        (_, v) => v,
    };
    if let (false, Some(_)) = (status.is_actief(), t.gezondheid) {
        fouten.push(FieldError::new(
            "gezondheid",
            format!("gezondheid geldt alleen tijdens uitvoering, niet bij status '{}'", status.label()),
        ));
    }
    let reden = t.gezondheid_reden.as_deref().map(str::trim).filter(|r| !r.is_empty());
    match (t.gezondheid, reden) {
        (Some(g), None) if g.vereist_reden() => fouten.push(FieldError::new(
            "gezondheidReden",
            format!("bij gezondheid '{}' is een reden verplicht", g.label()),
        )),
        (None | Some(Gezondheid::OpKoers), Some(_)) => fouten.push(FieldError::new(
            "gezondheidReden",
            "een reden hoort alleen bij gezondheid 'Aandacht' of 'Risico'",
        )),
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
        ActieToestand { status: Some(status), ..Default::default() }
    }

    #[test]
    fn attention_without_reason_names_the_reason_field() {
        let t = ActieToestand { gezondheid: Some(Gezondheid::Aandacht), ..toestand(Status::InUitvoering) };
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
        let t = ActieToestand { gezondheid: Some(Gezondheid::OpKoers), ..toestand(Status::Gepland) };
        assert_eq!(valideer_toestand(&t).unwrap_err()[0].veld, "gezondheid");
    }

    #[test]
    fn afgerond_means_100_percent() {
        let ok = valideer_toestand(&toestand(Status::Afgerond)).unwrap();
        assert_eq!(ok.voortgang, Some(Voortgang::VOLLEDIG));
        let t = ActieToestand { voortgang: Some(80), ..toestand(Status::Afgerond) };
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
        let velden: Vec<_> = valideer_toestand(&t).unwrap_err().into_iter().map(|f| f.veld).collect();
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
}
