//! Thema's and organisaties on the beheer page: the lists with their versions, a new thema or organisatie, a
//! change of either, and the merge of two organisaties (with the number of acties whose links move).
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, GeenVariabelen, IdVariabelen, InvoerVariabelen};
use koers_shared::OrganisatieSoort;
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{
    ORGANISATIE_AANMAKEN, ORGANISATIE_ACTIES, ORGANISATIE_WIJZIGEN, ORGANISATIES_SAMENVOEGEN, STAMDATA_QUERY,
    THEMA_AANMAKEN, THEMA_WIJZIGEN,
};

/// A thema as the beheer page lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StamThema {
    /// Opaque id.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Portefeuillehouder, if named.
    pub portefeuillehouder: Option<String>,
    /// Position in overviews.
    pub volgorde: i32,
    /// Version for optimistic concurrency.
    pub versie: i32,
    /// Source.
    pub bron: String,
}

/// An organisatie as the beheer page lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StamOrganisatie {
    /// Opaque id.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Abbreviation.
    pub afkorting: Option<String>,
    /// Kind.
    pub soort: OrganisatieSoort,
    /// Version for optimistic concurrency.
    pub versie: i32,
    /// Source.
    pub bron: String,
    /// The organisatie it was merged into.
    #[serde(rename = "samengevoegdIn")]
    pub samengevoegd_in: Option<String>,
}

/// Both lists.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Stamdata {
    /// Every thema.
    pub themas: Vec<StamThema>,
    /// Every organisatie (merged ones too).
    pub organisaties: Vec<StamOrganisatie>,
}

/// The fields of a thema the form sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemaVelden {
    /// Name.
    pub naam: String,
    /// Portefeuillehouder; `None` clears it.
    pub portefeuillehouder: Option<String>,
    /// Position; `None` puts a new one last (and keeps it on a change).
    pub volgorde: Option<i32>,
}

#[derive(Serialize)]
struct ThemaWijziging {
    id: String,
    versie: i32,
    naam: String,
    portefeuillehouder: Option<String>,
    volgorde: Option<i32>,
}

/// The fields of an organisatie the form sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganisatieVelden {
    /// Name.
    pub naam: String,
    /// Abbreviation; `None` clears it.
    pub afkorting: Option<String>,
    /// Kind.
    pub soort: OrganisatieSoort,
}

#[derive(Serialize)]
struct OrganisatieWijziging {
    id: String,
    versie: i32,
    naam: String,
    afkorting: Option<String>,
    soort: OrganisatieSoort,
}

/// An organisatie with the version read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganisatieVersie {
    /// Organisatie id.
    pub id: String,
    /// The version read.
    pub versie: i32,
}

#[derive(Serialize)]
struct SamenVariabelen {
    van: OrganisatieVersie,
    naar: OrganisatieVersie,
}

#[derive(Deserialize)]
struct Id {
    #[allow(dead_code)]
    id: String,
}

#[derive(Deserialize)]
struct ThemaAangemaakt {
    #[serde(rename = "themaAanmaken")]
    #[allow(dead_code)]
    thema: Id,
}

#[derive(Deserialize)]
struct ThemaGewijzigd {
    #[serde(rename = "themaWijzigen")]
    #[allow(dead_code)]
    thema: Id,
}

#[derive(Deserialize)]
struct OrganisatieAangemaakt {
    #[serde(rename = "organisatieAanmaken")]
    #[allow(dead_code)]
    organisatie: Id,
}

#[derive(Deserialize)]
struct OrganisatieGewijzigd {
    #[serde(rename = "organisatieWijzigen")]
    #[allow(dead_code)]
    organisatie: Id,
}

#[derive(Deserialize)]
struct Samengevoegd {
    #[serde(rename = "organisatiesSamenvoegen")]
    #[allow(dead_code)]
    organisatie: Id,
}

#[derive(Deserialize)]
struct Aantal {
    #[serde(rename = "totalCount")]
    totaal: u64,
}

#[derive(Deserialize)]
struct ActiesData {
    acties: Aantal,
}

/// Loads every thema and organisatie.
pub async fn haal_stamdata() -> Result<Stamdata, ApiError> {
    api::graphql(STAMDATA_QUERY, "Stamdata", GeenVariabelen {}).await
}

/// Creates a thema (`bestaand` `None`) or changes thema `(id, versie)`.
pub async fn bewaar_thema(bestaand: Option<(String, i32)>, v: ThemaVelden) -> Result<(), ApiError> {
    match bestaand {
        Some((id, versie)) => {
            let invoer = ThemaWijziging {
                id,
                versie,
                naam: v.naam,
                portefeuillehouder: v.portefeuillehouder,
                volgorde: v.volgorde,
            };
            let _: ThemaGewijzigd =
                api::graphql(THEMA_WIJZIGEN, "ThemaWijzigen", InvoerVariabelen { invoer }).await?;
        }
        None => {
            let _: ThemaAangemaakt =
                api::graphql(THEMA_AANMAKEN, "ThemaAanmaken", InvoerVariabelen { invoer: v }).await?;
        }
    }
    Ok(())
}

/// Creates an organisatie (`bestaand` `None`) or changes organisatie `(id, versie)`.
pub async fn bewaar_organisatie(
    bestaand: Option<(String, i32)>,
    v: OrganisatieVelden,
) -> Result<(), ApiError> {
    match bestaand {
        Some((id, versie)) => {
            let invoer = OrganisatieWijziging {
                id,
                versie,
                naam: v.naam,
                afkorting: v.afkorting,
                soort: v.soort,
            };
            let _: OrganisatieGewijzigd = api::graphql(
                ORGANISATIE_WIJZIGEN,
                "OrganisatieWijzigen",
                InvoerVariabelen { invoer },
            )
            .await?;
        }
        None => {
            let _: OrganisatieAangemaakt = api::graphql(
                ORGANISATIE_AANMAKEN,
                "OrganisatieAanmaken",
                InvoerVariabelen { invoer: v },
            )
            .await?;
        }
    }
    Ok(())
}

/// How many acties organisatie `id` is linked to.
pub async fn tel_acties(id: &str) -> Result<u64, ApiError> {
    let d: ActiesData = api::graphql(ORGANISATIE_ACTIES, "OrganisatieActies", IdVariabelen { id }).await?;
    Ok(d.acties.totaal)
}

/// Merges `van` into `naar`.
pub async fn voeg_samen(van: OrganisatieVersie, naar: OrganisatieVersie) -> Result<(), ApiError> {
    let _: Samengevoegd = api::graphql(
        ORGANISATIES_SAMENVOEGEN,
        "OrganisatiesSamenvoegen",
        SamenVariabelen { van, naar },
    )
    .await?;
    Ok(())
}
