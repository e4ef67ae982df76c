//! Input of the write operations, parsed into checked values before anything touches the database. Field names
//! in errors are the GraphQL input field names.

use super::schrijven::NieuweActie;
use crate::entities::actie;
use crate::error::{ServiceError, ServiceResult};
use koers_shared::tekst::{bijgesneden, is_zichtbaar, ongeldig_teken};
use koers_shared::{ActieToestand, FieldError, Gezondheid, Melding, Status, valideer_toestand};

const MAX_TITEL: usize = 300;
const MAX_TEKST: usize = 10_000;
const MAX_DOOR: usize = 200;
const JAREN: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A new actie as sent.
#[derive(Debug, Clone, Default)]
pub struct ActieInvoer {
    pub opgave_id: i32,
    pub titel: String,
    pub beschrijving: Option<String>,
    pub trekkers: Vec<i32>,
    pub partners: Vec<i32>,
    pub jaar: i32,
    pub kwartaal: Option<i32>,
    pub datum: Option<chrono::NaiveDate>,
    pub toestand: ActieToestand,
    pub vertrouwelijk: bool,
    pub bron: Option<String>,
    pub door: String,
    pub toelichting: Option<String>,
}

/// A checked new actie.
#[derive(Debug, Clone)]
pub struct GeldigeActie {
    pub nieuw: NieuweActie,
    pub door: String,
    pub toelichting: Option<String>,
}

/// A change of an actie's descriptive fields; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ActieWijziging {
    pub id: i32,
    pub versie: i32,
    pub opgave_id: Option<i32>,
    pub titel: Option<String>,
    pub beschrijving: Option<String>,
    pub trekkers: Option<Vec<i32>>,
    pub partners: Option<Vec<i32>>,
    pub jaar: Option<i32>,
    pub kwartaal: Option<Option<i32>>,
    pub datum: Option<Option<chrono::NaiveDate>>,
    pub vertrouwelijk: Option<bool>,
    pub bron: Option<String>,
    pub door: String,
    pub toelichting: Option<String>,
}

/// A progress report; `None` keeps the current value, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct VoortgangMelding {
    pub id: i32,
    pub versie: i32,
    pub status: Option<Status>,
    pub gezondheid: Option<Option<Gezondheid>>,
    pub gezondheid_reden: Option<Option<String>>,
    pub voortgang: Option<Option<i64>>,
    pub toelichting: Option<String>,
    pub door: String,
}

#[derive(Default)]
struct Fouten(Vec<FieldError>);

impl Fouten {
    fn eis(&mut self, ok: bool, veld: &str, melding: Melding) {
        if !ok {
            self.0.push(FieldError::met(veld, melding));
        }
    }

    /// Control characters (a NUL byte above all) are refused in every text.
    fn tekens(&mut self, veld: &str, t: Option<&str>) {
        if let Some(c) = t.and_then(ongeldig_teken) {
            self.0.push(FieldError::met(
                veld,
                Melding::OngeldigTeken { teken: u32::from(c) },
            ));
        }
    }

    fn titel(&mut self, t: &str) {
        self.tekens("titel", Some(t));
        self.eis(is_zichtbaar(t), "titel", Melding::Verplicht);
        self.eis(
            t.chars().count() <= MAX_TITEL,
            "titel",
            Melding::TeLang { max: MAX_TITEL },
        );
    }

    fn tekst(&mut self, veld: &str, t: Option<&str>) {
        self.tekens(veld, t);
        self.eis(
            t.is_none_or(|t| t.chars().count() <= MAX_TEKST),
            veld,
            Melding::TeLang { max: MAX_TEKST },
        );
    }

    fn door(&mut self, d: &str) {
        self.tekens("door", Some(d));
        self.eis(is_zichtbaar(d), "door", Melding::Verplicht);
        self.eis(
            d.chars().count() <= MAX_DOOR,
            "door",
            Melding::TeLang { max: MAX_DOOR },
        );
    }

    fn periode(&mut self, jaar: i32, kwartaal: Option<i32>, datum: Option<chrono::NaiveDate>) {
        use chrono::Datelike;
        self.eis(
            JAREN.contains(&jaar),
            "jaar",
            Melding::BuitenBereik {
                min: i64::from(*JAREN.start()),
                max: i64::from(*JAREN.end()),
            },
        );
        self.eis(
            kwartaal.is_none_or(|k| (1..=4).contains(&k)),
            "kwartaal",
            Melding::BuitenBereik { min: 1, max: 4 },
        );
        self.eis(
            datum.is_none_or(|d| d.year() == jaar),
            "datum",
            Melding::DatumNietInJaar,
        );
        if let (Some(k), Some(d)) = (kwartaal, datum) {
            self.eis(d.quarter() as i32 == k, "datum", Melding::DatumNietInKwartaal);
        }
    }

    fn done(self) -> ServiceResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ServiceError::Invalid(self.0))
        }
    }
}

fn trimmed(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl ActieInvoer {
    /// Checks every field and the state rules; reports every problem at once.
    pub fn parse(self) -> ServiceResult<GeldigeActie> {
        let mut f = Fouten::default();
        f.titel(&self.titel);
        f.tekst("beschrijving", self.beschrijving.as_deref());
        f.tekst("toelichting", self.toelichting.as_deref());
        f.tekst("bron", self.bron.as_deref());
        f.door(&self.door);
        f.periode(self.jaar, self.kwartaal, self.datum);
        let toestand = match valideer_toestand(&self.toestand) {
            Ok(t) => Some(t),
            Err(e) => {
                f.0.extend(e);
                None
            }
        };
        f.done()?;
        let toestand = toestand.ok_or_else(|| ServiceError::Internal("toestand".into()))?;
        let door = self.door.trim().to_string();
        Ok(GeldigeActie {
            nieuw: NieuweActie {
                sleutel: None,
                opgave_id: self.opgave_id,
                opgave_afgeleid: false,
                titel: bijgesneden(&self.titel).to_string(),
                beschrijving: self.beschrijving.unwrap_or_default().trim().to_string(),
                jaar: self.jaar,
                kwartaal: self.kwartaal,
                datum: self.datum,
                toestand,
                vertrouwelijk: self.vertrouwelijk,
                bron: trimmed(self.bron).unwrap_or_else(|| format!("Ingevoerd in Koers door {door}")),
                trekkers: self.trekkers,
                partners: self.partners,
            },
            door,
            toelichting: trimmed(self.toelichting),
        })
    }
}

impl ActieWijziging {
    /// Checks the fields that were sent.
    pub fn check(&self) -> ServiceResult<()> {
        let mut f = Fouten::default();
        if let Some(t) = &self.titel {
            f.titel(t);
        }
        f.tekst("beschrijving", self.beschrijving.as_deref());
        f.tekst("toelichting", self.toelichting.as_deref());
        f.tekst("bron", self.bron.as_deref());
        f.eis(
            self.bron.as_deref().is_none_or(is_zichtbaar),
            "bron",
            Melding::NietLeeg,
        );
        f.door(&self.door);
        f.done()
    }

    /// The changed actie and the names of the fields that changed.
    pub fn apply(&self, huidig: &actie::Model) -> ServiceResult<(actie::Model, String)> {
        let mut n = huidig.clone();
        let mut velden = Vec::new();
        macro_rules! set {
            ($field:ident, $name:literal, $value:expr) => {
                if let Some(v) = $value {
                    if n.$field != v {
                        n.$field = v;
                        velden.push($name);
                    }
                }
            };
        }
        set!(opgave_id, "opgave", self.opgave_id);
        if self.opgave_id.is_some_and(|o| o != huidig.opgave_id) {
            n.opgave_afgeleid = false;
        }
        set!(
            titel,
            "titel",
            self.titel.as_ref().map(|t| bijgesneden(t).to_string())
        );
        set!(
            beschrijving,
            "beschrijving",
            self.beschrijving.as_ref().map(|t| t.trim().to_string())
        );
        set!(jaar, "jaar", self.jaar);
        set!(kwartaal, "kwartaal", self.kwartaal);
        set!(datum, "datum", self.datum);
        set!(vertrouwelijk, "vertrouwelijk", self.vertrouwelijk);
        set!(bron, "bron", self.bron.as_ref().map(|t| t.trim().to_string()));
        if self.trekkers.is_some() {
            velden.push("trekkers");
        }
        if self.partners.is_some() {
            velden.push("partners");
        }
        let mut f = Fouten::default();
        f.periode(n.jaar, n.kwartaal, n.datum);
        f.done()?;
        Ok((n, velden.join(",")))
    }
}

impl VoortgangMelding {
    /// Checks the fields that do not depend on the stored state.
    pub fn check(&self) -> ServiceResult<()> {
        let mut f = Fouten::default();
        f.door(&self.door);
        f.tekst("toelichting", self.toelichting.as_deref());
        if let Some(Some(r)) = &self.gezondheid_reden {
            f.tekst("gezondheidReden", Some(r));
        }
        f.done()
    }
}
