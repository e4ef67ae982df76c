//! Every text of the user interface, per language: Dutch (the default) and English, one [`Teksten`] value
//! (and one value of each of the view-specific structs) per language. The chosen language is kept in the
//! browser's `localStorage` ([`keuze`]); the components read the texts of the current one through [`t`],
//! [`td`], [`to`] and [`tp`].
//!
//! The labels of status, health, plan kind, plan status and organisation kind: [`label`] (Dutch from
//! `koers_shared`, English in [`labels`]). Percentages come from `koers_shared::procent_tekst`.

pub mod afdruk;
pub mod beheer_gebruikers;
pub mod beheer_historie;
pub mod beheer_import;
pub mod beheer_opgaven;
pub mod beheer_plannen;
pub mod beheer_rvo;
pub mod beheer_stamdata;
pub mod bord;
pub mod detail;
pub mod en;
pub mod export;
pub mod keuze;
pub mod labels;
pub mod melden;
pub mod meldingen;
pub mod organisatie;
pub mod presentatie;
pub mod sinds_rvo;
pub mod toegang;
pub mod trend;
pub mod webhooks;

pub use afdruk::ta;
pub use beheer_gebruikers::tg;
pub use beheer_historie::thi;
pub use beheer_import::timp;
pub use beheer_opgaven::tpo;
pub use beheer_plannen::tpl;
pub use beheer_rvo::trvo;
pub use beheer_stamdata::tsd;
pub use bord::tb;
pub use export::tx;
pub use labels::label;
pub use melden::tm;
pub use meldingen::melding_tekst;
pub use sinds_rvo::tsr;
pub use toegang::tt;
pub use trend::ttr;
pub use webhooks::tw;

pub use detail::DetailTeksten;
pub use organisatie::OrganisatieTeksten;
pub use presentatie::PresentatieTeksten;

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Taal {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Taal {
    /// BCP 47 code, for `lang` attributes and date formatting.
    pub fn code(self) -> &'static str {
        match self {
            Taal::Nl => "nl-NL",
            Taal::En => "en-GB",
        }
    }

    /// The short code for `<html lang>` and `localStorage`: `nl` or `en`.
    pub fn kort(self) -> &'static str {
        match self {
            Taal::Nl => "nl",
            Taal::En => "en",
        }
    }

    /// The language with short code `kort` (`nl` or `en`), if any.
    pub fn uit_kort(kort: &str) -> Option<Taal> {
        [Taal::Nl, Taal::En].into_iter().find(|t| t.kort() == kort)
    }

    /// The other language: the one the language switch offers.
    pub fn andere(self) -> Taal {
        match self {
            Taal::Nl => Taal::En,
            Taal::En => Taal::Nl,
        }
    }

    /// The texts of the Actieplan and Actie views in this language.
    pub fn detail_teksten(self) -> &'static DetailTeksten {
        match self {
            Taal::Nl => &detail::NL,
            Taal::En => &detail::EN,
        }
    }

    /// The texts of the Per-organisatie and Sinds-vorige-RVO views in this language.
    pub fn organisatie_teksten(self) -> &'static OrganisatieTeksten {
        match self {
            Taal::Nl => &organisatie::NL,
            Taal::En => &organisatie::EN,
        }
    }

    /// The texts of the presentation mode in this language.
    pub fn presentatie_teksten(self) -> &'static PresentatieTeksten {
        match self {
            Taal::Nl => &presentatie::NL,
            Taal::En => &presentatie::EN,
        }
    }

    /// The texts in this language.
    pub fn teksten(self) -> &'static Teksten {
        match self {
            Taal::Nl => &NL,
            Taal::En => &en::EN,
        }
    }
}

/// The texts of the current language.
pub fn t() -> &'static Teksten {
    taal().teksten()
}

/// The texts of the Actieplan and Actie views in the current language.
pub fn td() -> &'static DetailTeksten {
    taal().detail_teksten()
}

/// The texts of the Per-organisatie and Sinds-vorige-RVO views in the current language.
pub fn to() -> &'static OrganisatieTeksten {
    taal().organisatie_teksten()
}

/// The texts of the presentation mode in the current language.
pub fn tp() -> &'static PresentatieTeksten {
    taal().presentatie_teksten()
}

/// The current language: chosen once when the app starts ([`keuze::start`]); switching reloads the page.
pub fn taal() -> Taal {
    keuze::huidige()
}

/// All texts of the user interface in one language. Texts with values are functions.
#[derive(Debug)]
pub struct Teksten {
    /// Name of the application, in the header.
    pub app_naam: &'static str,
    /// Who the application is for, under the name.
    pub app_ondertitel: &'static str,
    /// Skip link to the main content.
    pub naar_inhoud: &'static str,
    /// Label of the main navigation.
    pub navigatie: &'static str,
    /// Footer text.
    pub voettekst: &'static str,
    /// Link to the GraphQL explorer.
    pub api_verkenner: &'static str,

    /// Heading of the overview page.
    pub overzicht_titel: &'static str,
    /// Introduction under the heading of the overview page.
    pub overzicht_intro: &'static str,
    /// Words before the moment the shown data was fetched ("Stand per" 9 mei 2025 om 14:00).
    pub stand_per: &'static str,
    /// Shown while the data loads.
    pub laden: &'static str,
    /// Shown when there are no themas.
    pub leeg: &'static str,
    /// Shown for a thema without plans.
    pub thema_zonder_plannen: &'static str,
    /// Shown for a plan without opgaven.
    pub plan_zonder_opgaven: &'static str,
    /// Label before the portefeuillehouder of a thema.
    pub portefeuillehouder: &'static str,
    /// Label before the period of a plan.
    pub periode: &'static str,
    /// A period in years ("2024–2027", or "2025" for one year).
    pub periode_tekst: fn(i32, i32) -> String,
    /// Heading above the list of opgaven of a plan.
    pub opgaven_kop: &'static str,
    /// Heading above the roll-up of a whole plan.
    pub plan_totaal_kop: &'static str,

    /// Label of the share of acties that is finished.
    pub afgerond: &'static str,
    /// Label of the number of acties.
    pub aantal_acties: &'static str,
    /// Label of the counts per status.
    pub per_status: &'static str,
    /// Shown when there are no acties at all.
    pub geen_acties: &'static str,
    /// Label of the worst health.
    pub gezondheid: &'static str,
    /// Shown when no actie in progress reported a health.
    pub geen_gezondheid: &'static str,
    /// Label of the average progress.
    pub gemiddelde_voortgang: &'static str,
    /// Shown when no actie reported progress.
    pub geen_voortgang: &'static str,
    /// Accessible name of the progress bar.
    pub balk_naam: &'static str,
    /// Accessible value of the progress bar, from two percentages already formatted.
    pub balk_waarde: fn(&str, &str) -> String,
    /// Under a roll-up: how many confidential acties it leaves out because the viewer may not see them.
    pub verborgen: fn(u32) -> String,
    /// Legend entry for the finished part of the bar.
    pub legenda_afgerond: &'static str,
    /// Legend entry for the part of the bar in progress.
    pub legenda_in_uitvoering: &'static str,

    /// Heading of the error box.
    pub fout_titel: &'static str,
    /// The server could not be reached.
    pub fout_netwerk: &'static str,
    /// The server answered with an HTTP error status.
    pub fout_http: fn(u16) -> String,
    /// The server reported a GraphQL error without a known code.
    pub fout_graphql: &'static str,
    /// The answer could not be read.
    pub fout_onleesbaar: &'static str,
    /// Explanation for a known `extensions.code`, if any.
    pub fout_bij_code: fn(&str) -> Option<&'static str>,
    /// Label of the technical details of an error.
    pub fout_details: &'static str,
    /// Button to load the data again.
    pub opnieuw: &'static str,

    /// Heading of the page for an unknown address.
    pub niet_gevonden_titel: &'static str,
    /// Text of the page for an unknown address.
    pub niet_gevonden_tekst: &'static str,
    /// Link back to the overview.
    pub naar_overzicht: &'static str,

    /// The language switch's text, in the language it switches to ("English" on the Dutch pages).
    pub andere_taal: &'static str,
    /// The language switch's accessible description.
    pub andere_taal_uitleg: &'static str,
    /// Notice while the API is unreachable, with the time of the shown data.
    pub verbinding_weg: fn(&str) -> String,
}

/// A period in years, the same in both languages ("2024–2027", or "2025" for one year).
pub(crate) fn nl_periode(van: i32, tot: i32) -> String {
    if van == tot {
        van.to_string()
    } else {
        format!("{van}–{tot}")
    }
}

fn nl_balk_waarde(afgerond: &str, in_uitvoering: &str) -> String {
    format!("{afgerond} afgerond, {in_uitvoering} in uitvoering of doorlopend")
}

fn nl_verborgen(n: u32) -> String {
    format!("{n} vertrouwelijk, niet getoond")
}

fn nl_fout_http(status: u16) -> String {
    format!("De server gaf een foutmelding (HTTP-status {status}).")
}

fn nl_fout_bij_code(code: &str) -> Option<&'static str> {
    match code {
        "DATABASE_UNAVAILABLE" => {
            Some("De database is tijdelijk niet bereikbaar. Probeer het later opnieuw.")
        }
        "INTERNAL" => Some("Er ging op de server iets mis. Probeer het later opnieuw."),
        "NOT_FOUND" => Some("De gevraagde gegevens bestaan niet (meer)."),
        "BAD_USER_INPUT" | "GRAPHQL_VALIDATION_FAILED" | "GRAPHQL_PARSE_FAILED" => {
            Some("De server begreep de vraag van het dashboard niet. Werk de pagina bij.")
        }
        _ => None,
    }
}

/// Dutch texts.
pub static NL: Teksten = Teksten {
    app_naam: "Koers",
    app_ondertitel: "VeiligheidsAlliantie regio Rotterdam",
    naar_inhoud: "Direct naar de inhoud",
    navigatie: "Hoofdmenu",
    voettekst: "Koers – voortgang van de actieplannen van de VeiligheidsAlliantie regio Rotterdam",
    api_verkenner: "GraphQL-verkenner",

    overzicht_titel: "Actieplannen",
    overzicht_intro: "Per thema de actieplannen en per opgave hoe ver de acties zijn.",
    stand_per: "Stand per",
    laden: "De gegevens worden geladen…",
    leeg: "Er zijn nog geen thema's met actieplannen vastgelegd.",
    thema_zonder_plannen: "Voor dit thema is nog geen actieplan vastgelegd.",
    plan_zonder_opgaven: "Dit plan heeft nog geen opgaven.",
    portefeuillehouder: "Portefeuillehouder",
    periode: "Periode",
    periode_tekst: nl_periode,
    opgaven_kop: "Opgaven",
    plan_totaal_kop: "Hele plan",

    afgerond: "Afgerond",
    aantal_acties: "Acties",
    per_status: "Per status",
    geen_acties: "nog geen acties",
    gezondheid: "Slechtste gezondheid",
    geen_gezondheid: "niet gerapporteerd",
    gemiddelde_voortgang: "Gemiddelde voortgang",
    geen_voortgang: "geen voortgang gerapporteerd",
    balk_naam: "Voortgang van de acties",
    balk_waarde: nl_balk_waarde,
    verborgen: nl_verborgen,
    legenda_afgerond: "afgerond",
    legenda_in_uitvoering: "in uitvoering of doorlopend",

    fout_titel: "De gegevens konden niet worden geladen",
    fout_netwerk: "De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.",
    fout_http: nl_fout_http,
    fout_graphql: "De server kon de gegevens niet leveren.",
    fout_onleesbaar: "Het antwoord van de server was niet te lezen.",
    fout_bij_code: nl_fout_bij_code,
    fout_details: "Technische details",
    opnieuw: "Opnieuw proberen",

    niet_gevonden_titel: "Pagina niet gevonden",
    niet_gevonden_tekst: "Deze pagina bestaat niet.",
    naar_overzicht: "Naar de actieplannen",

    andere_taal: "English",
    andere_taal_uitleg: "Switch to English",
    verbinding_weg: |tijd| {
        format!(
            "Koers is even niet bereikbaar. U ziet de gegevens van {tijd}; Koers werkt ze zelf bij zodra de verbinding terug is."
        )
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_period() {
        assert_eq!((t().periode_tekst)(2024, 2027), "2024–2027");
        assert_eq!((t().periode_tekst)(2025, 2025), "2025");
    }
}
