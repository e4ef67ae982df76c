//! Reporting progress on an actie: the form's input, checked with the shared rules, and the mutation.

use crate::api::{self, ApiError, InvoerVariabelen, graphql_naam};
use koers_shared::melding::Melding as Fout;
use koers_shared::{ActieToestand, FieldError, Gezondheid, Status, valideer_toestand};
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::VOORTGANG_MUTATIE;

/// What the person typed, as text (kept as a draft exactly as typed).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Melding {
    /// Status on the wire (`IN_UITVOERING`).
    pub status: String,
    /// Health on the wire (`AANDACHT`), or empty for none.
    pub gezondheid: String,
    /// Reason for aandacht or risico.
    pub reden: String,
    /// Progress 0–100, or empty.
    pub voortgang: String,
    /// Note with the change.
    pub toelichting: String,
}

/// The input of the mutation.
#[derive(Debug, Serialize)]
pub struct VoortgangInvoer {
    pub(crate) id: String,
    pub(crate) versie: i32,
    pub(crate) status: String,
    pub(crate) gezondheid: Option<String>,
    #[serde(rename = "gezondheidReden")]
    pub(crate) gezondheid_reden: Option<String>,
    pub(crate) voortgang: Option<i64>,
    pub(crate) toelichting: Option<String>,
}

/// A wire enum value from the form's text; none when empty or unknown.
fn van_wire<T: Deserialize>(s: &str) -> Option<T> {
    miniserde::json::from_str(&miniserde::json::to_string(s)).ok()
}

impl Melding {
    /// This input applied again on a newer version after a conflict: the fields the person changed from
    /// `basis` (the form's starting point) keep their input, the others take `nu`'s value.
    pub fn opnieuw_op(&self, basis: &Melding, nu: &Melding) -> Melding {
        use crate::concept::samenvoegen;
        Melding {
            status: samenvoegen(&basis.status, &self.status, &nu.status).clone(),
            gezondheid: samenvoegen(&basis.gezondheid, &self.gezondheid, &nu.gezondheid).clone(),
            reden: samenvoegen(&basis.reden, &self.reden, &nu.reden).clone(),
            voortgang: samenvoegen(&basis.voortgang, &self.voortgang, &nu.voortgang).clone(),
            toelichting: self.toelichting.clone(),
        }
    }

    /// The form filled with the actie's current state.
    pub fn van(
        status: Status,
        gezondheid: Option<Gezondheid>,
        reden: Option<&str>,
        voortgang: Option<u8>,
    ) -> Self {
        Melding {
            status: graphql_naam(&status),
            gezondheid: gezondheid.map(|g| graphql_naam(&g)).unwrap_or_default(),
            reden: reden.unwrap_or_default().to_string(),
            voortgang: voortgang.map(|v| v.to_string()).unwrap_or_default(),
            toelichting: String::new(),
        }
    }

    /// The variables of the mutation for version `versie`, or every problem per field (the same rules as the
    /// server's, from `koers_shared`).
    pub fn invoer(&self, id: &str, versie: i32) -> Result<VoortgangInvoer, Vec<FieldError>> {
        let mut fouten = Vec::new();
        let voortgang = match self.voortgang.trim() {
            "" => None,
            v => match v.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    fouten.push(FieldError::met(
                        "voortgang",
                        Fout::BuitenBereik { min: 0, max: 100 },
                    ));
                    None
                }
            },
        };
        let reden = Some(self.reden.trim().to_string()).filter(|r| !r.is_empty());
        let toestand = ActieToestand {
            status: van_wire::<Status>(&self.status),
            gezondheid: van_wire::<Gezondheid>(&self.gezondheid),
            gezondheid_reden: reden.clone(),
            voortgang,
        };
        if let Err(f) = valideer_toestand(&toestand) {
            fouten.extend(f);
        }
        if self.toelichting.chars().count() > 10_000 {
            fouten.push(FieldError::met("toelichting", Fout::TeLang { max: 10_000 }));
        }
        if !fouten.is_empty() {
            return Err(fouten);
        }
        let toelichting = Some(self.toelichting.trim().to_string()).filter(|t| !t.is_empty());
        Ok(VoortgangInvoer {
            id: id.to_string(),
            versie,
            status: self.status.clone(),
            gezondheid: toestand.gezondheid.map(|g| graphql_naam(&g)),
            gezondheid_reden: reden,
            voortgang,
            toelichting,
        })
    }
}

#[derive(Deserialize)]
struct Gemeld {
    #[serde(rename = "actieVoortgangRapporteren")]
    actie_voortgang_rapporteren: Versie,
}

#[derive(Deserialize)]
struct Versie {
    versie: i32,
}

/// Sends the report; answers the new version.
pub async fn meld(invoer: VoortgangInvoer) -> Result<i32, ApiError> {
    let g: Gemeld = api::graphql(VOORTGANG_MUTATIE, "Voortgang", InvoerVariabelen { invoer }).await?;
    Ok(g.actie_voortgang_rapporteren.versie)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applying_again_keeps_my_changes_and_takes_the_rest_from_the_new_version() {
        let basis = Melding::van(Status::InUitvoering, Some(Gezondheid::OpKoers), None, Some(20));
        let mut mijn = basis.clone();
        mijn.voortgang = "70".into();
        mijn.toelichting = "Bram meldt 70".into();
        let nu = Melding::van(
            Status::InUitvoering,
            Some(Gezondheid::Aandacht),
            Some("Capaciteit"),
            Some(30),
        );
        let samen = mijn.opnieuw_op(&basis, &nu);
        assert_eq!(samen.voortgang, "70");
        assert_eq!(samen.toelichting, "Bram meldt 70");
        assert_eq!(samen.gezondheid, "AANDACHT");
        assert_eq!(samen.reden, "Capaciteit");
    }

    #[test]
    fn the_shared_rules_name_the_field() {
        let mut m = Melding::van(Status::InUitvoering, None, None, Some(20));
        m.gezondheid = "RISICO".into();
        let fouten = m.invoer("a", 1).expect_err("a reason is needed");
        assert_eq!(fouten[0].veld, "gezondheidReden");
        m.reden = "geen capaciteit".into();
        m.voortgang = "140".into();
        assert_eq!(m.invoer("a", 1).expect_err("0–100")[0].veld, "voortgang");
        m.voortgang = "veertig".into();
        assert_eq!(m.invoer("a", 1).expect_err("a number")[0].veld, "voortgang");
        m.voortgang = "40".into();
        let v = m.invoer("a", 3).expect("valid");
        assert_eq!((v.versie, v.voortgang), (3, Some(40)));
        assert_eq!(v.gezondheid.as_deref(), Some("RISICO"));
    }
}
