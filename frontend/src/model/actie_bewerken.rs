//! Adding and changing an actie: the form's input as typed (kept as a draft), checked, and the mutations.

use crate::api::{self, ApiError};
use crate::model::actie_regel::ActieRegel;
use koers_shared::FieldError;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// Creates an actie; answers its id.
pub const AANMAKEN: &str =
    "mutation Aanmaken($invoer: ActieAanmakenInvoer!) { actieAanmaken(invoer: $invoer) { id } }";
/// Changes an actie; answers its id.
pub const WIJZIGEN: &str =
    "mutation Wijzigen($invoer: ActieWijzigenInvoer!) { actieWijzigen(invoer: $invoer) { id } }";

/// The form's input, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActieInvoer {
    /// The opgave (id).
    pub opgave: String,
    /// Title.
    pub titel: String,
    /// Description.
    pub beschrijving: String,
    /// Year, as typed.
    pub jaar: String,
    /// Quarter `1`–`4`, or empty.
    pub kwartaal: String,
    /// Status on the wire (only when adding).
    pub status: String,
    /// Leading organisations (ids).
    pub trekkers: Vec<String>,
    /// Joining organisations (ids).
    pub partners: Vec<String>,
    /// Confidential work.
    pub vertrouwelijk: bool,
    /// Note with the change.
    pub toelichting: String,
}

impl ActieInvoer {
    /// The form filled with an actie's current values.
    pub fn van(a: &ActieRegel) -> Self {
        ActieInvoer {
            opgave: a.opgave.as_ref().map(|o| o.id.clone()).unwrap_or_default(),
            titel: a.titel.clone(),
            beschrijving: a.beschrijving.clone(),
            jaar: a.jaar.to_string(),
            kwartaal: a.kwartaal.map(|k| k.to_string()).unwrap_or_default(),
            status: String::new(),
            trekkers: a.trekkers.iter().map(|o| o.id.clone()).collect(),
            partners: a.partners.iter().map(|o| o.id.clone()).collect(),
            vertrouwelijk: a.vertrouwelijk,
            toelichting: String::new(),
        }
    }

    /// This input applied again on a newer version after a conflict: the fields the person changed from
    /// `basis` (the form's starting point) keep their input, the others take `nu`'s value.
    pub fn opnieuw_op(&self, basis: &ActieInvoer, nu: &ActieInvoer) -> ActieInvoer {
        use crate::concept::samenvoegen;
        ActieInvoer {
            opgave: samenvoegen(&basis.opgave, &self.opgave, &nu.opgave).clone(),
            titel: samenvoegen(&basis.titel, &self.titel, &nu.titel).clone(),
            beschrijving: samenvoegen(&basis.beschrijving, &self.beschrijving, &nu.beschrijving).clone(),
            jaar: samenvoegen(&basis.jaar, &self.jaar, &nu.jaar).clone(),
            kwartaal: samenvoegen(&basis.kwartaal, &self.kwartaal, &nu.kwartaal).clone(),
            status: self.status.clone(),
            trekkers: samenvoegen(&basis.trekkers, &self.trekkers, &nu.trekkers).clone(),
            partners: samenvoegen(&basis.partners, &self.partners, &nu.partners).clone(),
            vertrouwelijk: samenvoegen(basis.vertrouwelijk, self.vertrouwelijk, nu.vertrouwelijk),
            toelichting: self.toelichting.clone(),
        }
    }

    fn gecontroleerd(&self) -> Result<(i32, Option<i32>), Vec<FieldError>> {
        let mut fouten = Vec::new();
        if self.titel.trim().is_empty() {
            fouten.push(FieldError::new("titel", "een titel is verplicht"));
        } else if self.titel.chars().count() > 300 {
            fouten.push(FieldError::new("titel", "hoogstens 300 tekens"));
        }
        let jaar = self
            .jaar
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|j| (2000..=2100).contains(j));
        if jaar.is_none() {
            fouten.push(FieldError::new("jaar", "een jaar van 2000 tot 2100"));
        }
        let kwartaal = match self.kwartaal.trim() {
            "" => None,
            k => k.parse::<i32>().ok().filter(|k| (1..=4).contains(k)).or_else(|| {
                fouten.push(FieldError::new("kwartaal", "kwartaal 1 tot 4"));
                None
            }),
        };
        if self.opgave.is_empty() {
            fouten.push(FieldError::new("opgave", "kies een opgave"));
        }
        match (fouten.is_empty(), jaar) {
            (true, Some(j)) => Ok((j, kwartaal)),
            _ => Err(fouten),
        }
    }

    fn tekst(s: &str) -> Option<String> {
        Some(s.trim().to_string()).filter(|s| !s.is_empty())
    }

    /// Variables of `actieAanmaken`, or every problem per field.
    pub fn aanmaken(&self) -> Result<Value, Vec<FieldError>> {
        let (jaar, kwartaal) = self.gecontroleerd()?;
        Ok(json!({ "invoer": {
            "opgave": self.opgave, "titel": self.titel.trim(), "beschrijving": Self::tekst(&self.beschrijving),
            "jaar": jaar, "kwartaal": kwartaal, "status": self.status, "trekkers": self.trekkers,
            "partners": self.partners, "vertrouwelijk": self.vertrouwelijk,
            "toelichting": Self::tekst(&self.toelichting) } }))
    }

    /// Variables of `actieWijzigen` for actie `id` at `versie` (every field sent: what the form shows is what
    /// is saved), or every problem per field.
    pub fn wijzigen(&self, id: &str, versie: i32) -> Result<Value, Vec<FieldError>> {
        let (jaar, kwartaal) = self.gecontroleerd()?;
        Ok(json!({ "invoer": {
            "id": id, "versie": versie, "opgave": self.opgave, "titel": self.titel.trim(),
            "beschrijving": self.beschrijving.trim(), "jaar": jaar, "kwartaal": kwartaal,
            "trekkers": self.trekkers, "partners": self.partners, "vertrouwelijk": self.vertrouwelijk,
            "toelichting": Self::tekst(&self.toelichting) } }))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Antwoord {
    actie_aanmaken: Option<Id>,
    actie_wijzigen: Option<Id>,
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

/// Sends `mutatie` with `variabelen`; answers the actie's id.
pub async fn bewaar(mutatie: &str, naam: &str, variabelen: Value) -> Result<String, ApiError> {
    let a: Antwoord = api::graphql(mutatie, naam, variabelen).await?;
    a.actie_aanmaken
        .or(a.actie_wijzigen)
        .map(|i| i.id)
        .ok_or_else(|| ApiError::Onleesbaar("antwoord zonder actie".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applying_again_keeps_my_changes_and_takes_the_rest_from_the_new_version() {
        let basis = ActieInvoer {
            opgave: "o1".into(),
            titel: "Oud".into(),
            beschrijving: "Tekst".into(),
            jaar: "2025".into(),
            trekkers: vec!["g1".into()],
            ..ActieInvoer::default()
        };
        let mijn = ActieInvoer {
            titel: "Mijn titel".into(),
            toelichting: "waarom".into(),
            ..basis.clone()
        };
        let nu = ActieInvoer {
            beschrijving: "Hun tekst".into(),
            trekkers: vec!["g2".into()],
            vertrouwelijk: true,
            ..basis.clone()
        };
        let samen = mijn.opnieuw_op(&basis, &nu);
        assert_eq!(samen.titel, "Mijn titel");
        assert_eq!(samen.toelichting, "waarom");
        assert_eq!(samen.beschrijving, "Hun tekst");
        assert_eq!(samen.trekkers, ["g2"]);
        assert!(samen.vertrouwelijk);
        assert_eq!(samen.jaar, "2025");
    }

    #[test]
    fn checks_name_the_field_and_a_valid_form_sends_everything() {
        let mut i = ActieInvoer {
            opgave: "o1".into(),
            jaar: "twintig".into(),
            kwartaal: "5".into(),
            status: "GEPLAND".into(),
            ..Default::default()
        };
        let velden: Vec<String> = i
            .aanmaken()
            .expect_err("invalid")
            .into_iter()
            .map(|f| f.veld)
            .collect();
        assert_eq!(velden, ["titel", "jaar", "kwartaal"]);
        i.titel = " Nieuwe aanpak ".into();
        i.jaar = "2026".into();
        i.kwartaal = String::new();
        i.trekkers = vec!["org1".into()];
        let v = i.wijzigen("a1", 4).expect("valid");
        assert_eq!(v["invoer"]["titel"], "Nieuwe aanpak");
        assert_eq!(v["invoer"]["kwartaal"], Value::Null);
        assert_eq!(v["invoer"]["versie"], 4);
        assert_eq!(v["invoer"]["trekkers"], json!(["org1"]));
    }
}
