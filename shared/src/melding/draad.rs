//! A [`Melding`] on the wire: its parameters as the API sends them, and the message back from key and
//! parameters.

use super::{Ding, Melding, sleutel};
use std::collections::BTreeMap;

impl Melding {
    /// The parameters, as sent in `extensions.fouten[].waarden` (every value a string; status and health
    /// as their GraphQL enum value).
    pub fn waarden(&self) -> Vec<(&'static str, String)> {
        match self {
            Melding::TeLang { max } | Melding::TeVeelPunten { max } => vec![("max", max.to_string())],
            Melding::OngeldigTeken { teken } => vec![("teken", format!("{teken:04X}"))],
            Melding::BuitenBereik { min, max } => vec![("min", min.to_string()), ("max", max.to_string())],
            Melding::GezondheidBuitenUitvoering { status } => {
                vec![("status", status.as_str().to_uppercase())]
            }
            Melding::RedenVerplicht { gezondheid } => {
                vec![("gezondheid", gezondheid.as_str().to_uppercase())]
            }
            Melding::BestaatNiet { ding }
            | Melding::EenBestaatNiet { ding }
            | Melding::BestaatAl { ding }
            | Melding::Vervallen { ding }
            | Melding::Dubbel { ding } => vec![("ding", ding.as_str().to_string())],
            Melding::Lengte { ding, max } => {
                vec![("ding", ding.as_str().to_string()), ("max", max.to_string())]
            }
            Melding::GeenGeldigId { id } => vec![("id", id.clone())],
            Melding::VerkeerdeSoortId { verwacht, kreeg } => {
                vec![("verwacht", verwacht.clone()), ("kreeg", kreeg.clone())]
            }
            Melding::NietBeide { een, ander } => vec![("een", een.clone()), ("ander", ander.clone())],
            Melding::WachtwoordTeKort { min } => vec![("min", min.to_string())],
            Melding::WachtwoordTeLang { max } | Melding::GebruikersnaamVorm { max } => {
                vec![("max", max.to_string())]
            }
            Melding::NogActies { aantal } | Melding::ActiesZonderOpgave { aantal } => {
                vec![("aantal", aantal.to_string())]
            }
            Melding::GeheimVorm { prefix, min, max } => vec![
                ("prefix", prefix.clone()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ],
            Melding::BestandTeGroot { kb } => vec![("kb", kb.to_string())],
            Melding::TeVeelRegels { max } => vec![("max", max.to_string())],
            Melding::GeenUtf8 { regel } => vec![("regel", regel.to_string())],
            Melding::CsvFout { regel, fout } => vec![("regel", regel.to_string()), ("fout", fout.clone())],
            Melding::GeenXlsx { fout } => vec![("fout", fout.clone())],
            Melding::KolommenOntbreken { kolommen } => vec![("kolommen", kolommen.clone())],
            Melding::Verplicht
            | Melding::AfgerondIsHonderd
            | Melding::RedenOnverwacht
            | Melding::SleutelOngeldig
            | Melding::PeriodeOmgekeerd
            | Melding::DatumOngeldig
            | Melding::MinstensEenThema
            | Melding::MinstensEenGebeurtenis
            | Melding::WachtwoordKloptNiet
            | Melding::AanmeldingKloptNiet
            | Melding::AanmeldingVorm
            | Melding::AlleenRedacteurThemas
            | Melding::LaatsteBeheerder
            | Melding::ElkeOpgaveEenKeer
            | Melding::OpvolgerKring
            | Melding::GeenOpvolger
            | Melding::KiesOpgaveOpvolger
            | Melding::InZichzelf
            | Melding::AlSamengevoegd
            | Melding::ZelfSamengevoegd
            | Melding::DatumBezet
            | Melding::WebhookUit
            | Melding::GeenHistorie
            | Melding::BestandsFormaat
            | Melding::GeenGeldigeUrl
            | Melding::AlleenHttp
            | Melding::UrlMetInlog
            | Melding::UrlMetFragment
            | Melding::UrlZonderHost
            | Melding::InternAdres
            | Melding::BestandLeeg
            | Melding::GeenBase64
            | Melding::GeenWerkblad
            | Melding::DatumNietInJaar
            | Melding::DatumNietInKwartaal
            | Melding::NietLeeg
            | Melding::InDeToekomst
            | Melding::TotVoorVan
            | Melding::StandAlVastgelegd
            | Melding::Ongeldig { .. } => Vec::new(),
        }
    }

    /// The message from a key and its parameters as the API sends them; the Dutch `tekst` (the API's own
    /// message) for an unknown key or missing parameters.
    pub fn uit_sleutel(sleutel: &str, waarden: &BTreeMap<String, String>, tekst: &str) -> Melding {
        let getal = |naam: &str| waarden.get(naam).and_then(|w| w.parse::<i64>().ok());
        let tekst_waarde = |naam: &str| waarden.get(naam).map(|w| w.to_lowercase());
        let tekst_veld = |naam: &str| waarden.get(naam).cloned();
        let aantal = |naam: &str| getal(naam).and_then(|g| usize::try_from(g).ok());
        let teller = || getal("aantal").and_then(|g| u64::try_from(g).ok());
        let ding = || waarden.get("ding").and_then(|d| Ding::parse(d));
        let m = match sleutel {
            sleutel::VERPLICHT => Some(Melding::Verplicht),
            sleutel::TE_LANG => getal("max")
                .and_then(|m| usize::try_from(m).ok())
                .map(|max| Melding::TeLang { max }),
            sleutel::ONGELDIG_TEKEN => waarden
                .get("teken")
                .and_then(|t| u32::from_str_radix(t, 16).ok())
                .map(|teken| Melding::OngeldigTeken { teken }),
            sleutel::BUITEN_BEREIK => getal("min")
                .zip(getal("max"))
                .map(|(min, max)| Melding::BuitenBereik { min, max }),
            sleutel::AFGEROND_IS_HONDERD => Some(Melding::AfgerondIsHonderd),
            sleutel::GEZONDHEID_BUITEN_UITVOERING => tekst_waarde("status")
                .and_then(|s| s.parse().ok())
                .map(|status| Melding::GezondheidBuitenUitvoering { status }),
            sleutel::REDEN_VERPLICHT => tekst_waarde("gezondheid")
                .and_then(|g| g.parse().ok())
                .map(|gezondheid| Melding::RedenVerplicht { gezondheid }),
            sleutel::REDEN_ONVERWACHT => Some(Melding::RedenOnverwacht),
            sleutel::SLEUTEL_ONGELDIG => Some(Melding::SleutelOngeldig),
            sleutel::PERIODE_OMGEKEERD => Some(Melding::PeriodeOmgekeerd),
            sleutel::DATUM_ONGELDIG => Some(Melding::DatumOngeldig),
            sleutel::BESTAAT_NIET => ding().map(|ding| Melding::BestaatNiet { ding }),
            sleutel::EEN_BESTAAT_NIET => ding().map(|ding| Melding::EenBestaatNiet { ding }),
            sleutel::BESTAAT_AL => ding().map(|ding| Melding::BestaatAl { ding }),
            sleutel::VERVALLEN => ding().map(|ding| Melding::Vervallen { ding }),
            sleutel::DUBBEL => ding().map(|ding| Melding::Dubbel { ding }),
            sleutel::LENGTE => ding()
                .zip(aantal("max"))
                .map(|(ding, max)| Melding::Lengte { ding, max }),
            sleutel::GEEN_GELDIG_ID => tekst_veld("id").map(|id| Melding::GeenGeldigId { id }),
            sleutel::VERKEERDE_SOORT_ID => tekst_veld("verwacht")
                .zip(tekst_veld("kreeg"))
                .map(|(verwacht, kreeg)| Melding::VerkeerdeSoortId { verwacht, kreeg }),
            sleutel::NIET_BEIDE => tekst_veld("een")
                .zip(tekst_veld("ander"))
                .map(|(een, ander)| Melding::NietBeide { een, ander }),
            sleutel::WACHTWOORD_TE_KORT => aantal("min").map(|min| Melding::WachtwoordTeKort { min }),
            sleutel::WACHTWOORD_TE_LANG => aantal("max").map(|max| Melding::WachtwoordTeLang { max }),
            sleutel::GEBRUIKERSNAAM_VORM => aantal("max").map(|max| Melding::GebruikersnaamVorm { max }),
            sleutel::NOG_ACTIES => teller().map(|aantal| Melding::NogActies { aantal }),
            sleutel::ACTIES_ZONDER_OPGAVE => teller().map(|aantal| Melding::ActiesZonderOpgave { aantal }),
            sleutel::GEHEIM_VORM => tekst_veld("prefix")
                .zip(aantal("min"))
                .zip(aantal("max"))
                .map(|((prefix, min), max)| Melding::GeheimVorm { prefix, min, max }),
            sleutel::MINSTENS_EEN_THEMA => Some(Melding::MinstensEenThema),
            sleutel::MINSTENS_EEN_GEBEURTENIS => Some(Melding::MinstensEenGebeurtenis),
            sleutel::WACHTWOORD_KLOPT_NIET => Some(Melding::WachtwoordKloptNiet),
            sleutel::AANMELDING_KLOPT_NIET => Some(Melding::AanmeldingKloptNiet),
            sleutel::AANMELDING_VORM => Some(Melding::AanmeldingVorm),
            sleutel::ALLEEN_REDACTEUR_THEMAS => Some(Melding::AlleenRedacteurThemas),
            sleutel::LAATSTE_BEHEERDER => Some(Melding::LaatsteBeheerder),
            sleutel::ELKE_OPGAVE_EEN_KEER => Some(Melding::ElkeOpgaveEenKeer),
            sleutel::OPVOLGER_KRING => Some(Melding::OpvolgerKring),
            sleutel::GEEN_OPVOLGER => Some(Melding::GeenOpvolger),
            sleutel::KIES_OPGAVE_OPVOLGER => Some(Melding::KiesOpgaveOpvolger),
            sleutel::IN_ZICHZELF => Some(Melding::InZichzelf),
            sleutel::AL_SAMENGEVOEGD => Some(Melding::AlSamengevoegd),
            sleutel::ZELF_SAMENGEVOEGD => Some(Melding::ZelfSamengevoegd),
            sleutel::DATUM_BEZET => Some(Melding::DatumBezet),
            sleutel::WEBHOOK_UIT => Some(Melding::WebhookUit),
            sleutel::GEEN_HISTORIE => Some(Melding::GeenHistorie),
            sleutel::BESTANDSFORMAAT => Some(Melding::BestandsFormaat),
            sleutel::GEEN_GELDIGE_URL => Some(Melding::GeenGeldigeUrl),
            sleutel::ALLEEN_HTTP => Some(Melding::AlleenHttp),
            sleutel::URL_MET_INLOG => Some(Melding::UrlMetInlog),
            sleutel::URL_MET_FRAGMENT => Some(Melding::UrlMetFragment),
            sleutel::URL_ZONDER_HOST => Some(Melding::UrlZonderHost),
            sleutel::INTERN_ADRES => Some(Melding::InternAdres),
            sleutel::BESTAND_TE_GROOT => aantal("kb").map(|kb| Melding::BestandTeGroot { kb }),
            sleutel::BESTAND_LEEG => Some(Melding::BestandLeeg),
            sleutel::TE_VEEL_REGELS => aantal("max").map(|max| Melding::TeVeelRegels { max }),
            sleutel::GEEN_UTF8 => aantal("regel").map(|regel| Melding::GeenUtf8 { regel }),
            sleutel::GEEN_BASE64 => Some(Melding::GeenBase64),
            sleutel::GEEN_WERKBLAD => Some(Melding::GeenWerkblad),
            sleutel::CSV_FOUT => aantal("regel")
                .zip(tekst_veld("fout"))
                .map(|(regel, fout)| Melding::CsvFout { regel, fout }),
            sleutel::GEEN_XLSX => tekst_veld("fout").map(|fout| Melding::GeenXlsx { fout }),
            sleutel::KOLOMMEN_ONTBREKEN => {
                tekst_veld("kolommen").map(|kolommen| Melding::KolommenOntbreken { kolommen })
            }
            sleutel::DATUM_NIET_IN_JAAR => Some(Melding::DatumNietInJaar),
            sleutel::DATUM_NIET_IN_KWARTAAL => Some(Melding::DatumNietInKwartaal),
            sleutel::NIET_LEEG => Some(Melding::NietLeeg),
            sleutel::IN_DE_TOEKOMST => Some(Melding::InDeToekomst),
            sleutel::TOT_VOOR_VAN => Some(Melding::TotVoorVan),
            sleutel::TE_VEEL_PUNTEN => aantal("max").map(|max| Melding::TeVeelPunten { max }),
            sleutel::STAND_AL_VASTGELEGD => Some(Melding::StandAlVastgelegd),
            _ => None,
        };
        m.unwrap_or_else(|| Melding::Ongeldig {
            tekst: tekst.to_string(),
        })
    }
}
