//! The Dutch text of each [`Melding`] (also the API's `message`).

use super::Melding;

impl Melding {
    /// The Dutch text.
    pub fn nl(&self) -> String {
        match self {
            Melding::Verplicht => "dit veld is verplicht".to_string(),
            Melding::TeLang { max } => format!("tekst is langer dan {max} tekens"),
            Melding::OngeldigTeken { teken } => format!("tekst bevat een ongeldig teken (U+{teken:04X})"),
            Melding::BuitenBereik { min, max } => format!("de waarde moet tussen {min} en {max} liggen"),
            Melding::AfgerondIsHonderd => "een afgeronde actie heeft voortgang 100".to_string(),
            Melding::GezondheidBuitenUitvoering { status } => format!(
                "gezondheid geldt alleen tijdens uitvoering, niet bij status '{}'",
                status.label()
            ),
            Melding::RedenVerplicht { gezondheid } => {
                format!("bij gezondheid '{}' is een reden verplicht", gezondheid.label())
            }
            Melding::RedenOnverwacht => {
                "een reden hoort alleen bij gezondheid 'Aandacht' of 'Risico'".to_string()
            }
            Melding::SleutelOngeldig => {
                "een sleutel is 1 tot 100 kleine letters, cijfers of streepjes".to_string()
            }
            Melding::PeriodeOmgekeerd => "de looptijd eindigt voor zij begint".to_string(),
            Melding::DatumOngeldig => "schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD".to_string(),
            Melding::BestaatNiet { ding } => format!("{} {} bestaat niet", ding.nl_deze(), ding.nl()),
            Melding::EenBestaatNiet { ding } => format!("een van deze {} bestaat niet", ding.nl_meervoud()),
            Melding::BestaatAl { ding } => format!("{} {} bestaat al", ding.nl_deze(), ding.nl()),
            Melding::Vervallen { ding } => format!("{} {} is vervallen", ding.nl_deze(), ding.nl()),
            Melding::Dubbel { ding } => format!("een {} staat er dubbel in", ding.nl()),
            Melding::Lengte { ding, max } => format!("een {} is 1 tot {max} tekens", ding.nl()),
            Melding::GeenGeldigId { id } => format!("'{id}' is geen geldig id"),
            Melding::VerkeerdeSoortId { verwacht, kreeg } => {
                format!("verwacht een id van een {verwacht}, kreeg een id van een {kreeg}")
            }
            Melding::NietBeide { een, ander } => format!("gebruik {een} of {ander}, niet allebei"),
            Melding::MinstensEenThema => {
                "noem minstens één thema, of laat het veld weg voor alle thema's".to_string()
            }
            Melding::MinstensEenGebeurtenis => "kies minstens één gebeurtenis".to_string(),
            Melding::WachtwoordTeKort { min } => format!("een wachtwoord heeft minstens {min} tekens"),
            Melding::WachtwoordTeLang { max } => format!("een wachtwoord heeft hoogstens {max} tekens"),
            Melding::WachtwoordKloptNiet => "het huidige wachtwoord klopt niet".to_string(),
            Melding::AanmeldingKloptNiet => "gebruikersnaam of wachtwoord klopt niet".to_string(),
            Melding::AanmeldingVorm => "stuur JSON met gebruikersnaam en wachtwoord".to_string(),
            Melding::GebruikersnaamVorm { max } => {
                format!("een gebruikersnaam is 1 tot {max} tekens, zonder spaties")
            }
            Melding::AlleenRedacteurThemas => "alleen een redacteur heeft eigen thema's".to_string(),
            Melding::LaatsteBeheerder => {
                "dit is de laatste actieve beheerder: maak eerst een ander beheerder".to_string()
            }
            Melding::NogActies { aantal } => {
                format!("de opgave heeft nog {aantal} actie(s): verplaats die eerst")
            }
            Melding::ElkeOpgaveEenKeer => "noem elke opgave van dit plan precies één keer".to_string(),
            Melding::OpvolgerKring => "een plan kan zichzelf niet (via andere plannen) opvolgen".to_string(),
            Melding::GeenOpvolger => "dit plan noemt geen opvolger: stel die eerst in".to_string(),
            Melding::KiesOpgaveOpvolger => {
                "kies een (niet vervallen) opgave van het opvolgende plan".to_string()
            }
            Melding::ActiesZonderOpgave { aantal } => format!(
                "{aantal} actie(s) hebben geen opgave met dezelfde titel in het opvolgende plan: kies een opgave"
            ),
            Melding::InZichzelf => "een organisatie gaat niet in zichzelf op".to_string(),
            Melding::AlSamengevoegd => "deze organisatie is al samengevoegd".to_string(),
            Melding::ZelfSamengevoegd => "deze organisatie is zelf samengevoegd".to_string(),
            Melding::DatumBezet => "op deze datum staat al een vergadering".to_string(),
            Melding::WebhookUit => "de webhook staat uit: zet hem eerst aan".to_string(),
            Melding::GeenHistorie => "dit object heeft geen beheerhistorie".to_string(),
            Melding::GeheimVorm { prefix, min, max } => {
                format!("een geheim is {prefix} gevolgd door base64 van {min} tot {max} bytes")
            }
            Melding::BestandsFormaat => "vraag een bestand .csv of .xlsx".to_string(),
            Melding::GeenGeldigeUrl => "dit is geen geldige URL".to_string(),
            Melding::AlleenHttp => "alleen http- en https-adressen".to_string(),
            Melding::UrlMetInlog => "zet geen gebruikersnaam of wachtwoord in de URL".to_string(),
            Melding::UrlMetFragment => "een URL voor een webhook heeft geen #fragment".to_string(),
            Melding::UrlZonderHost => "de URL noemt geen host".to_string(),
            Melding::InternAdres => {
                "interne adressen (loopback, privé, link-local) zijn niet toegestaan".to_string()
            }
            Melding::BestandTeGroot { kb } => format!("het bestand is groter dan {kb} KB"),
            Melding::BestandLeeg => "het bestand is leeg".to_string(),
            Melding::TeVeelRegels { max } => format!("het bestand heeft meer dan {max} regels"),
            Melding::GeenUtf8 { regel } => format!("regel {regel}: het bestand is geen UTF-8"),
            Melding::GeenBase64 => "een XLSX-bestand komt als base64".to_string(),
            Melding::GeenWerkblad => "het XLSX-bestand heeft geen werkblad".to_string(),
            Melding::CsvFout { regel, fout } => format!("regel {regel}: {fout}"),
            Melding::GeenXlsx { fout } => format!("geen geldig XLSX-bestand: {fout}"),
            Melding::KolommenOntbreken { kolommen } => {
                format!("het bestand mist de kolom(men) {kolommen} in de eerste regel")
            }
            Melding::DatumNietInJaar => "datum valt niet in het opgegeven jaar".to_string(),
            Melding::DatumNietInKwartaal => "datum valt niet in het opgegeven kwartaal".to_string(),
            Melding::NietLeeg => "dit veld mag niet leeg zijn".to_string(),
            Melding::InDeToekomst => {
                "dit moment ligt in de toekomst; alleen het verleden is na te gaan".to_string()
            }
            Melding::TotVoorVan => "tot ligt voor van".to_string(),
            Melding::TeVeelPunten { max } => {
                format!(
                    "een reeks heeft hoogstens {max} punten; kies een groter interval of een kortere periode"
                )
            }
            Melding::StandAlVastgelegd => "van deze vergadering is de stand al vastgelegd".to_string(),
            Melding::Ongeldig { tekst } => tekst.clone(),
        }
    }
}
