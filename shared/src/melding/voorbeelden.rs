//! One example of every [`Melding`] with a key of its own, for the tests on both sides (the round trip
//! through the API's key and parameters here, an English text for each in the front end).

use super::{Ding, Melding};
use crate::domain::{Gezondheid, Status};

/// One message of each keyed kind (every variant but [`Melding::Ongeldig`]).
pub fn voorbeelden() -> Vec<Melding> {
    vec![
        Melding::Verplicht,
        Melding::TeLang { max: 300 },
        Melding::OngeldigTeken { teken: 0 },
        Melding::BuitenBereik { min: 2000, max: 2100 },
        Melding::AfgerondIsHonderd,
        Melding::GezondheidBuitenUitvoering {
            status: Status::InUitvoering,
        },
        Melding::RedenVerplicht {
            gezondheid: Gezondheid::OpKoers,
        },
        Melding::RedenOnverwacht,
        Melding::SleutelOngeldig,
        Melding::PeriodeOmgekeerd,
        Melding::DatumOngeldig,
        Melding::BestaatNiet { ding: Ding::Opgave },
        Melding::EenBestaatNiet { ding: Ding::Thema },
        Melding::BestaatAl { ding: Ding::Sleutel },
        Melding::Vervallen { ding: Ding::Opgave },
        Melding::Dubbel {
            ding: Ding::Organisatie,
        },
        Melding::Lengte {
            ding: Ding::Url,
            max: 2000,
        },
        Melding::GeenGeldigId { id: "x:1".into() },
        Melding::VerkeerdeSoortId {
            verwacht: "Opgave".into(),
            kreeg: "Actie".into(),
        },
        Melding::NietBeide {
            een: "first".into(),
            ander: "last".into(),
        },
        Melding::MinstensEenThema,
        Melding::MinstensEenGebeurtenis,
        Melding::WachtwoordTeKort { min: 12 },
        Melding::WachtwoordTeLang { max: 256 },
        Melding::WachtwoordKloptNiet,
        Melding::AanmeldingKloptNiet,
        Melding::AanmeldingVorm,
        Melding::GebruikersnaamVorm { max: 100 },
        Melding::AlleenRedacteurThemas,
        Melding::LaatsteBeheerder,
        Melding::NogActies { aantal: 3 },
        Melding::ElkeOpgaveEenKeer,
        Melding::OpvolgerKring,
        Melding::GeenOpvolger,
        Melding::KiesOpgaveOpvolger,
        Melding::ActiesZonderOpgave { aantal: 2 },
        Melding::InZichzelf,
        Melding::AlSamengevoegd,
        Melding::ZelfSamengevoegd,
        Melding::DatumBezet,
        Melding::WebhookUit,
        Melding::GeenHistorie,
        Melding::GeheimVorm {
            prefix: "whsec_".into(),
            min: 16,
            max: 64,
        },
        Melding::BestandsFormaat,
        Melding::GeenGeldigeUrl,
        Melding::AlleenHttp,
        Melding::UrlMetInlog,
        Melding::UrlMetFragment,
        Melding::UrlZonderHost,
        Melding::InternAdres,
        Melding::BestandTeGroot { kb: 1024 },
        Melding::BestandLeeg,
        Melding::TeVeelRegels { max: 2000 },
        Melding::GeenUtf8 { regel: 3 },
        Melding::GeenBase64,
        Melding::GeenWerkblad,
        Melding::CsvFout {
            regel: 2,
            fout: "unequal lengths".into(),
        },
        Melding::GeenXlsx { fout: "zip".into() },
        Melding::KolommenOntbreken {
            kolommen: "id, titel".into(),
        },
        Melding::DatumNietInJaar,
        Melding::DatumNietInKwartaal,
        Melding::NietLeeg,
        Melding::InDeToekomst,
        Melding::TotVoorVan,
        Melding::TeVeelPunten { max: 400 },
        Melding::StandAlVastgelegd,
    ]
}
