//! Adding and changing an actie: the form's input as typed (kept as a draft), checked, and the mutations.

use crate::api::{self, ApiError, InvoerVariabelen};
use crate::model::actie_regel::ActieRegel;
use koers_shared::{FieldError, Melding};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{AANMAKEN, WIJZIGEN};

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
            beschrijving: a.beschrijving().to_string(),
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
        if !koers_shared::tekst::is_zichtbaar(&self.titel) {
            fouten.push(FieldError::met("titel", Melding::Verplicht));
        } else if let Some(c) = koers_shared::tekst::ongeldig_teken(&self.titel) {
            let teken = u32::from(c);
            fouten.push(FieldError::met("titel", Melding::OngeldigTeken { teken }));
        } else if self.titel.chars().count() > koers_shared::beheer::MAX_TITEL {
            let max = koers_shared::beheer::MAX_TITEL;
            fouten.push(FieldError::met("titel", Melding::TeLang { max }));
        }
        let jaar = self
            .jaar
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|j| (2000..=2100).contains(j));
        if jaar.is_none() {
            fouten.push(FieldError::met(
                "jaar",
                Melding::BuitenBereik { min: 2000, max: 2100 },
            ));
        }
        let kwartaal = match self.kwartaal.trim() {
            "" => None,
            k => k.parse::<i32>().ok().filter(|k| (1..=4).contains(k)).or_else(|| {
                fouten.push(FieldError::met(
                    "kwartaal",
                    Melding::BuitenBereik { min: 1, max: 4 },
                ));
                None
            }),
        };
        if self.opgave.is_empty() {
            fouten.push(FieldError::met("opgave", Melding::Verplicht));
        }
        match (fouten.is_empty(), jaar) {
            (true, Some(j)) => Ok((j, kwartaal)),
            _ => Err(fouten),
        }
    }

    fn tekst(s: &str) -> Option<String> {
        Some(s.trim().to_string()).filter(|s| !s.is_empty())
    }

    /// The `actieAanmaken` input, or every problem per field.
    pub fn aanmaken(&self) -> Result<Opslaan, Vec<FieldError>> {
        let (jaar, kwartaal) = self.gecontroleerd()?;
        Ok(Opslaan::Aanmaken(AanmaakInvoer {
            opgave: self.opgave.clone(),
            titel: self.titel.trim().to_string(),
            beschrijving: Self::tekst(&self.beschrijving),
            jaar,
            kwartaal,
            status: self.status.clone(),
            trekkers: self.trekkers.clone(),
            partners: self.partners.clone(),
            vertrouwelijk: self.vertrouwelijk,
            toelichting: Self::tekst(&self.toelichting),
        }))
    }

    /// The `actieWijzigen` input for actie `id` at `versie` (every field sent: what the form shows is what is
    /// saved), or every problem per field.
    pub fn wijzigen(&self, id: &str, versie: i32) -> Result<Opslaan, Vec<FieldError>> {
        let (jaar, kwartaal) = self.gecontroleerd()?;
        Ok(Opslaan::Wijzigen(WijzigInvoer {
            id: id.to_string(),
            versie,
            opgave: self.opgave.clone(),
            titel: self.titel.trim().to_string(),
            beschrijving: self.beschrijving.trim().to_string(),
            jaar,
            kwartaal,
            trekkers: self.trekkers.clone(),
            partners: self.partners.clone(),
            vertrouwelijk: self.vertrouwelijk,
            toelichting: Self::tekst(&self.toelichting),
        }))
    }
}

/// A checked form, ready to send: a new actie or a change.
#[derive(Debug)]
pub enum Opslaan {
    /// `actieAanmaken`.
    Aanmaken(AanmaakInvoer),
    /// `actieWijzigen`.
    Wijzigen(WijzigInvoer),
}

/// The input of `actieAanmaken`.
#[derive(Debug, Serialize)]
pub struct AanmaakInvoer {
    opgave: String,
    titel: String,
    beschrijving: Option<String>,
    jaar: i32,
    kwartaal: Option<i32>,
    status: String,
    trekkers: Vec<String>,
    partners: Vec<String>,
    vertrouwelijk: bool,
    toelichting: Option<String>,
}

/// The input of `actieWijzigen`.
#[derive(Debug, Serialize)]
pub struct WijzigInvoer {
    id: String,
    versie: i32,
    opgave: String,
    titel: String,
    beschrijving: String,
    jaar: i32,
    kwartaal: Option<i32>,
    trekkers: Vec<String>,
    partners: Vec<String>,
    vertrouwelijk: bool,
    toelichting: Option<String>,
}

#[derive(Deserialize)]
struct Antwoord {
    #[serde(rename = "actieAanmaken")]
    actie_aanmaken: Option<Id>,
    #[serde(rename = "actieWijzigen")]
    actie_wijzigen: Option<Id>,
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

/// Sends the new actie or the change; answers the actie's id.
pub async fn bewaar(opslaan: Opslaan) -> Result<String, ApiError> {
    let a: Antwoord = match opslaan {
        Opslaan::Aanmaken(invoer) => api::graphql(AANMAKEN, "Aanmaken", InvoerVariabelen { invoer }).await?,
        Opslaan::Wijzigen(invoer) => api::graphql(WIJZIGEN, "Wijzigen", InvoerVariabelen { invoer }).await?,
    };
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
            ..Default::default()
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
        let Ok(Opslaan::Wijzigen(v)) = i.wijzigen("a1", 4) else {
            panic!("a valid change");
        };
        let tekst = miniserde::json::to_string(&v);
        assert!(tekst.contains(r#""titel":"Nieuwe aanpak""#), "{tekst}");
        assert!(tekst.contains(r#""kwartaal":null"#), "{tekst}");
        assert!(tekst.contains(r#""versie":4"#), "{tekst}");
        assert!(tekst.contains(r#""trekkers":["org1"]"#), "{tekst}");
        assert!(!tekst.contains("status"), "a change sends no status: {tekst}");
    }
}
