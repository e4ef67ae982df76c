//! GraphQL input objects and their translation into service-layer input (ids decoded, fields named).

use super::ids::{self, Soort};
use super::types::{GezondheidGql, StatusGql};
use crate::error::ServiceError;
use crate::service::acties::ActieFilter;
use crate::service::invoer::{ActieInvoer, ActieWijziging, VoortgangMelding};
use async_graphql::{ID, InputObject, MaybeUndefined};
use chrono::{DateTime, NaiveDate, Utc};
use koers_shared::ActieToestand;
use koers_shared::Melding;

/// Welke acties: elk ingevuld veld beperkt het resultaat.
#[derive(InputObject, Default)]
#[graphql(name = "ActieFilter")]
pub struct ActieFilterInvoer {
    /// Alleen acties in de plannen van dit thema.
    thema: Option<ID>,
    /// Alleen acties van dit plan.
    actieplan: Option<ID>,
    /// Alleen acties van deze opgave.
    opgave: Option<ID>,
    /// Alleen acties met een van deze statussen.
    status: Option<Vec<StatusGql>>,
    /// Alleen acties met een van deze gezondheden.
    gezondheid: Option<Vec<GezondheidGql>>,
    /// Alleen acties die deze organisatie trekt of waaraan zij deelneemt.
    organisatie: Option<ID>,
    /// Alleen acties van dit jaar.
    jaar: Option<i32>,
    /// Zoektekst in titel of beschrijving (hoofdletterongevoelig).
    tekst: Option<String>,
    /// Alleen acties die sinds dit moment zijn gewijzigd.
    gewijzigd_sinds: Option<DateTime<Utc>>,
    /// Alleen vertrouwelijke (`true`) of alleen open (`false`) acties; de presentatiemodus vraagt `false`.
    vertrouwelijk: Option<bool>,
}

fn opt_id(id: &Option<ID>, soort: Soort, veld: &str) -> Result<Option<i32>, ServiceError> {
    id.as_ref().map(|i| ids::decode(i, soort, veld)).transpose()
}

impl ActieFilterInvoer {
    /// The service filter; ids checked.
    pub fn parse(self) -> Result<ActieFilter, ServiceError> {
        if let Some(c) = self
            .tekst
            .as_deref()
            .and_then(koers_shared::tekst::ongeldig_teken)
        {
            return Err(ServiceError::melding(
                "filter.tekst",
                Melding::OngeldigTeken { teken: u32::from(c) },
            ));
        }
        if self.tekst.as_ref().is_some_and(|t| t.chars().count() > 200) {
            return Err(ServiceError::melding(
                "filter.tekst",
                Melding::TeLang { max: 200 },
            ));
        }
        Ok(ActieFilter {
            thema_id: opt_id(&self.thema, Soort::Thema, "filter.thema")?,
            actieplan_id: opt_id(&self.actieplan, Soort::Actieplan, "filter.actieplan")?,
            opgave_id: opt_id(&self.opgave, Soort::Opgave, "filter.opgave")?,
            status: self
                .status
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            gezondheid: self
                .gezondheid
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            organisatie_id: opt_id(&self.organisatie, Soort::Organisatie, "filter.organisatie")?,
            jaar: self.jaar,
            tekst: self.tekst,
            gewijzigd_sinds: self.gewijzigd_sinds,
            vertrouwelijk: self.vertrouwelijk,
        })
    }
}

/// Een nieuwe actie.
#[derive(InputObject)]
pub struct ActieAanmakenInvoer {
    /// De opgave waar de actie onder valt.
    opgave: ID,
    /// Titel (verplicht, hoogstens 300 tekens).
    titel: String,
    /// Beschrijving.
    beschrijving: Option<String>,
    /// Trekkende organisaties.
    #[graphql(default)]
    trekkers: Vec<ID>,
    /// Deelnemende organisaties.
    #[graphql(default)]
    partners: Vec<ID>,
    /// Jaar (2000–2100).
    jaar: i32,
    /// Kwartaal (1–4), als bekend.
    kwartaal: Option<i32>,
    /// Datum, als bekend; valt in het jaar (en kwartaal).
    datum: Option<NaiveDate>,
    /// Status.
    status: StatusGql,
    /// Gezondheid, alleen tijdens uitvoering.
    gezondheid: Option<GezondheidGql>,
    /// Reden, verplicht bij aandacht of risico.
    gezondheid_reden: Option<String>,
    /// Voortgang 0–100; afgerond is altijd 100.
    voortgang: Option<i32>,
    /// Vertrouwelijk werk.
    #[graphql(default)]
    vertrouwelijk: bool,
    /// Bron van de actie; standaard "Ingevoerd in Koers door …".
    bron: Option<String>,
    /// Toelichting voor de historie.
    toelichting: Option<String>,
}

impl ActieAanmakenInvoer {
    /// Service input; ids checked.
    pub fn parse(self) -> Result<ActieInvoer, ServiceError> {
        Ok(ActieInvoer {
            opgave_id: ids::decode(&self.opgave, Soort::Opgave, "opgave")?,
            titel: self.titel,
            beschrijving: self.beschrijving,
            trekkers: ids::decode_all(&self.trekkers, Soort::Organisatie, "trekkers")?,
            partners: ids::decode_all(&self.partners, Soort::Organisatie, "partners")?,
            jaar: self.jaar,
            kwartaal: self.kwartaal,
            datum: self.datum,
            toestand: ActieToestand {
                status: Some(self.status.into()),
                gezondheid: self.gezondheid.map(Into::into),
                gezondheid_reden: self.gezondheid_reden,
                voortgang: self.voortgang.map(i64::from),
            },
            vertrouwelijk: self.vertrouwelijk,
            bron: self.bron,
            door: String::new(),
            toelichting: self.toelichting,
        })
    }
}

/// Een wijziging van de beschrijvende velden van een actie; weggelaten velden blijven zoals ze zijn.
#[derive(InputObject)]
pub struct ActieWijzigenInvoer {
    /// De actie.
    id: ID,
    /// De versie die u las; bij een andere huidige versie volgt CONFLICT.
    versie: i32,
    /// Andere opgave.
    opgave: Option<ID>,
    /// Nieuwe titel.
    titel: Option<String>,
    /// Nieuwe beschrijving.
    beschrijving: Option<String>,
    /// Vervangt de trekkers.
    trekkers: Option<Vec<ID>>,
    /// Vervangt de partners.
    partners: Option<Vec<ID>>,
    /// Nieuw jaar.
    jaar: Option<i32>,
    /// Nieuw kwartaal; null wist het.
    kwartaal: MaybeUndefined<i32>,
    /// Nieuwe datum; null wist haar.
    datum: MaybeUndefined<NaiveDate>,
    /// Vertrouwelijk of niet.
    vertrouwelijk: Option<bool>,
    /// Nieuwe bron.
    bron: Option<String>,
    /// Toelichting voor de historie.
    toelichting: Option<String>,
}

fn maybe<T>(m: MaybeUndefined<T>) -> Option<Option<T>> {
    match m {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

impl ActieWijzigenInvoer {
    /// Service input; ids checked.
    pub fn parse(self) -> Result<ActieWijziging, ServiceError> {
        Ok(ActieWijziging {
            id: ids::decode(&self.id, Soort::Actie, "id")?,
            versie: self.versie,
            opgave_id: opt_id(&self.opgave, Soort::Opgave, "opgave")?,
            titel: self.titel,
            beschrijving: self.beschrijving,
            trekkers: self
                .trekkers
                .map(|t| ids::decode_all(&t, Soort::Organisatie, "trekkers"))
                .transpose()?,
            partners: self
                .partners
                .map(|p| ids::decode_all(&p, Soort::Organisatie, "partners"))
                .transpose()?,
            jaar: self.jaar,
            kwartaal: maybe(self.kwartaal),
            datum: maybe(self.datum),
            vertrouwelijk: self.vertrouwelijk,
            bron: self.bron,
            door: String::new(),
            toelichting: self.toelichting,
        })
    }
}

/// Een voortgangsmelding: weggelaten velden blijven, null wist (gezondheid vervalt vanzelf buiten uitvoering).
#[derive(InputObject)]
pub struct VoortgangRapporterenInvoer {
    /// De actie.
    id: ID,
    /// De versie die u las; bij een andere huidige versie volgt CONFLICT.
    versie: i32,
    /// Nieuwe status.
    status: Option<StatusGql>,
    /// Gezondheid; null wist haar.
    gezondheid: MaybeUndefined<GezondheidGql>,
    /// Reden bij aandacht of risico; null wist haar.
    gezondheid_reden: MaybeUndefined<String>,
    /// Voortgang 0–100; null wist haar.
    voortgang: MaybeUndefined<i32>,
    /// Toelichting: wat is er gebeurd?
    toelichting: Option<String>,
}

impl VoortgangRapporterenInvoer {
    /// Service input; id checked.
    pub fn parse(self) -> Result<VoortgangMelding, ServiceError> {
        Ok(VoortgangMelding {
            id: ids::decode(&self.id, Soort::Actie, "id")?,
            versie: self.versie,
            status: self.status.map(Into::into),
            gezondheid: maybe(self.gezondheid).map(|g| g.map(Into::into)),
            gezondheid_reden: maybe(self.gezondheid_reden),
            voortgang: maybe(self.voortgang).map(|v| v.map(i64::from)),
            toelichting: self.toelichting,
            door: String::new(),
        })
    }
}
