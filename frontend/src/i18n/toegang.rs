//! The texts of signing in, the session bar and the beheer page, per language (see [`super::Taal`]).

/// The texts of signing in, the session bar and the beheer page in one language. Texts with values are
/// functions.
#[derive(Debug)]
pub struct ToegangTeksten {
    /// Link and heading: sign in.
    pub aanmelden: &'static str,
    /// Introduction of the sign-in page.
    pub aanmelden_intro: &'static str,
    /// Label of the user name.
    pub gebruikersnaam: &'static str,
    /// Label of the password.
    pub wachtwoord: &'static str,
    /// Button: sign out.
    pub afmelden: &'static str,
    /// Shown when signed in: "Aangemeld als {naam}".
    pub aangemeld_als: fn(&str) -> String,
    /// A role, by its API name.
    pub rol: fn(&str) -> &'static str,
    /// Wrong name or password.
    pub fout_aanmelden: &'static str,
    /// Too many attempts.
    pub fout_te_vaak: &'static str,
    /// Fields left empty.
    pub fout_leeg: &'static str,
    /// Label of the session area in the header.
    pub sessie_label: &'static str,

    /// Menu item and heading of the beheer page.
    pub beheer: &'static str,
    /// Shown to who is not a beheerder.
    pub alleen_beheerder: &'static str,
    /// Heading: API tokens.
    pub tokens_titel: &'static str,
    /// Introduction of the tokens section.
    pub tokens_intro: &'static str,
    /// Shown when there are no tokens.
    pub geen_tokens: &'static str,
    /// Column: name.
    pub naam: &'static str,
    /// Column: prefix.
    pub prefix: &'static str,
    /// Column: rights.
    pub rechten: &'static str,
    /// Column: thema's.
    pub themas: &'static str,
    /// Column: expires.
    pub verloopt: &'static str,
    /// Column: last used.
    pub laatst_gebruikt: &'static str,
    /// Column: state.
    pub stand: &'static str,
    /// Right: read.
    pub lezen: &'static str,
    /// Right: read and write.
    pub lezen_schrijven: &'static str,
    /// Right: also confidential.
    pub plus_vertrouwelijk: &'static str,
    /// All thema's.
    pub alle_themas: &'static str,
    /// Never used.
    pub nooit: &'static str,
    /// State: active.
    pub actief: &'static str,
    /// State: revoked.
    pub ingetrokken: &'static str,
    /// State: expired.
    pub verlopen: &'static str,
    /// Button: revoke "{naam}".
    pub intrekken: fn(&str) -> String,
    /// Heading of the new-token form.
    pub nieuw_token: &'static str,
    /// Checkbox: may write.
    pub mag_schrijven: &'static str,
    /// Checkbox: may read confidential work.
    pub mag_vertrouwelijk: &'static str,
    /// Legend of the thema choice; none checked means all.
    pub themas_keuze: &'static str,
    /// Label: days valid.
    pub geldig_dagen: &'static str,
    /// Button: create token.
    pub maak_token: &'static str,
    /// Shown once with the new secret.
    pub geheim_eenmalig: &'static str,
    /// Heading: audit log.
    pub audit_titel: &'static str,
    /// Introduction of the audit log.
    pub audit_intro: &'static str,
    /// Column: when.
    pub tijdstip: &'static str,
    /// Column: who.
    pub wie: &'static str,
    /// Column: what.
    pub handeling: &'static str,
    /// Column: on what.
    pub object: &'static str,
    /// Column: details.
    pub details: &'static str,
    /// Label of the filter on what.
    pub filter_handeling: &'static str,
    /// Any kind of event.
    pub alle_handelingen: &'static str,
    /// A kind of audit event, by its API name (the name itself when unknown).
    pub handeling_naam: fn(&str) -> &str,
    /// Button: load older entries.
    pub meer: &'static str,
    /// "{n} of {total} entries".
    pub aantal_regels: fn(usize, u64) -> String,
}

fn handeling_nl(h: &str) -> &str {
    match h {
        "actieAanmaken" => "actie aangemaakt",
        "actieWijzigen" => "actie gewijzigd",
        "actieVoortgangRapporteren" => "voortgang gemeld",
        "aanmelden" => "aangemeld",
        "aanmeldenMislukt" => "aanmelden mislukt",
        "afmelden" => "afgemeld",
        "apiTokenAanmaken" => "API-token aangemaakt",
        "apiTokenIntrekken" => "API-token ingetrokken",
        "gebruikerAanmaken" => "gebruiker aangemaakt",
        "gebruikerWijzigen" => "gebruiker gewijzigd",
        "wachtwoordHerstellen" => "wachtwoord hersteld",
        "wachtwoordWijzigen" => "eigen wachtwoord gewijzigd",
        "actieplanAanmaken" => "actieplan aangemaakt",
        "actieplanWijzigen" => "actieplan gewijzigd",
        "actiesNaarOpvolger" => "acties naar opvolger",
        "actieplanImporteren" => "actieplan geïmporteerd",
        "voortgangImporteren" => "voortgang geïmporteerd",
        "opgaveAanmaken" => "opgave aangemaakt",
        "opgaveWijzigen" => "opgave gewijzigd",
        "opgavenOrdenen" => "opgaven geordend",
        "themaAanmaken" => "thema aangemaakt",
        "themaWijzigen" => "thema gewijzigd",
        "organisatieAanmaken" => "organisatie aangemaakt",
        "organisatieWijzigen" => "organisatie gewijzigd",
        "organisatiesSamenvoegen" => "organisaties samengevoegd",
        "rvoVergaderingAanmaken" => "RVO-vergadering toegevoegd",
        "rvoVergaderingWijzigen" => "RVO-vergadering verplaatst",
        "rvoVergaderingVerwijderen" => "RVO-vergadering verwijderd",
        "webhookAanmaken" => "webhook geregistreerd",
        "webhookWijzigen" => "webhook gewijzigd",
        "webhookVerwijderen" => "webhook verwijderd",
        "webhookUitschakelen" => "webhook uitgezet",
        "webhookAanzetten" => "webhook aangezet",
        "webhookUitgeschakeld" => "webhook automatisch uitgezet",
        "leveringOpnieuw" => "levering opnieuw verstuurd",
        _ => h,
    }
}

fn handeling_en(h: &str) -> &str {
    match h {
        "actieAanmaken" => "actie created",
        "actieWijzigen" => "actie changed",
        "actieVoortgangRapporteren" => "progress reported",
        "aanmelden" => "signed in",
        "aanmeldenMislukt" => "sign-in failed",
        "afmelden" => "signed out",
        "apiTokenAanmaken" => "API token created",
        "apiTokenIntrekken" => "API token revoked",
        "gebruikerAanmaken" => "user created",
        "gebruikerWijzigen" => "user changed",
        "wachtwoordHerstellen" => "password reset",
        "wachtwoordWijzigen" => "own password changed",
        "actieplanAanmaken" => "action plan created",
        "actieplanWijzigen" => "action plan changed",
        "actiesNaarOpvolger" => "acties moved to successor",
        "actieplanImporteren" => "action plan imported",
        "voortgangImporteren" => "progress imported",
        "opgaveAanmaken" => "opgave created",
        "opgaveWijzigen" => "opgave changed",
        "opgavenOrdenen" => "opgaven reordered",
        "themaAanmaken" => "thema created",
        "themaWijzigen" => "thema changed",
        "organisatieAanmaken" => "organisation created",
        "organisatieWijzigen" => "organisation changed",
        "organisatiesSamenvoegen" => "organisations merged",
        "rvoVergaderingAanmaken" => "RVO meeting added",
        "rvoVergaderingWijzigen" => "RVO meeting moved",
        "rvoVergaderingVerwijderen" => "RVO meeting removed",
        "webhookAanmaken" => "webhook registered",
        "webhookWijzigen" => "webhook changed",
        "webhookVerwijderen" => "webhook removed",
        "webhookUitschakelen" => "webhook switched off",
        "webhookAanzetten" => "webhook switched on",
        "webhookUitgeschakeld" => "webhook switched off automatically",
        "leveringOpnieuw" => "delivery sent again",
        _ => h,
    }
}

fn rol_nl(rol: &str) -> &'static str {
    match rol {
        "LEZER" => "lezer",
        "REDACTEUR" => "redacteur",
        "BEHEERDER" => "beheerder",
        _ => "",
    }
}

fn rol_en(rol: &str) -> &'static str {
    match rol {
        "LEZER" => "reader",
        "REDACTEUR" => "editor",
        "BEHEERDER" => "administrator",
        _ => "",
    }
}

/// Dutch.
pub static NL: ToegangTeksten = ToegangTeksten {
    aanmelden: "Aanmelden",
    aanmelden_intro: "Meld u aan om vertrouwelijk werk te zien en acties bij te werken. Lezen kan ook zonder aanmelden.",
    gebruikersnaam: "Gebruikersnaam",
    wachtwoord: "Wachtwoord",
    afmelden: "Afmelden",
    aangemeld_als: |naam| format!("Aangemeld als {naam}"),
    rol: rol_nl,
    fout_aanmelden: "Gebruikersnaam of wachtwoord klopt niet.",
    fout_te_vaak: "Te veel pogingen. Wacht een minuut en probeer het opnieuw.",
    fout_leeg: "Vul uw gebruikersnaam en wachtwoord in.",
    sessie_label: "Aanmelding",
    beheer: "Beheer",
    alleen_beheerder: "Alleen een beheerder kan API-tokens beheren en het auditlog lezen.",
    tokens_titel: "API-tokens",
    tokens_intro: "Koppelingen van partners (gemeenten, politie, OM, RIEC) lezen en schrijven met een API-token. Koers bewaart alleen een hash: het token zelf ziet u één keer, bij het aanmaken.",
    geen_tokens: "Er zijn nog geen API-tokens.",
    naam: "Naam",
    prefix: "Begin",
    rechten: "Rechten",
    themas: "Thema's",
    verloopt: "Verloopt",
    laatst_gebruikt: "Laatst gebruikt",
    stand: "Stand",
    lezen: "lezen",
    lezen_schrijven: "lezen en schrijven",
    plus_vertrouwelijk: ", ook vertrouwelijk",
    alle_themas: "alle thema's",
    nooit: "nooit",
    actief: "actief",
    ingetrokken: "ingetrokken",
    verlopen: "verlopen",
    intrekken: |naam| format!("Token {naam} intrekken"),
    nieuw_token: "Nieuw API-token",
    mag_schrijven: "Mag acties wijzigen",
    mag_vertrouwelijk: "Mag vertrouwelijk werk lezen",
    themas_keuze: "Thema's (niets aangevinkt: alle thema's)",
    geldig_dagen: "Dagen geldig (1–732)",
    maak_token: "Token aanmaken",
    geheim_eenmalig: "Kopieer dit token nu en geef het veilig door. Koers toont het niet opnieuw.",
    audit_titel: "Auditlog",
    audit_intro: "Elke wijziging, aanmelding en tokenhandeling: wie, via welke sessie of welk token, wanneer en wat.",
    tijdstip: "Tijdstip",
    wie: "Wie",
    handeling: "Handeling",
    object: "Waarop",
    details: "Details",
    filter_handeling: "Alleen handeling",
    alle_handelingen: "alle handelingen",
    handeling_naam: handeling_nl,
    meer: "Oudere regels laden",
    aantal_regels: |n, totaal| format!("{n} van {totaal} regels"),
};

/// English.
pub static EN: ToegangTeksten = ToegangTeksten {
    aanmelden: "Sign in",
    aanmelden_intro: "Sign in to see confidential work and to update actions. Reading works without signing in too.",
    gebruikersnaam: "User name",
    wachtwoord: "Password",
    afmelden: "Sign out",
    aangemeld_als: |naam| format!("Signed in as {naam}"),
    rol: rol_en,
    fout_aanmelden: "User name or password is wrong.",
    fout_te_vaak: "Too many attempts. Wait a minute and try again.",
    fout_leeg: "Enter your user name and password.",
    sessie_label: "Sign-in",
    beheer: "Administration",
    alleen_beheerder: "Only an administrator can manage API tokens and read the audit log.",
    tokens_titel: "API tokens",
    tokens_intro: "Partners' systems (municipalities, police, public prosecution, RIEC) read and write with an API token. Koers keeps only a hash: you see the token itself once, when it is created.",
    geen_tokens: "There are no API tokens yet.",
    naam: "Name",
    prefix: "Starts with",
    rechten: "Rights",
    themas: "Themes",
    verloopt: "Expires",
    laatst_gebruikt: "Last used",
    stand: "State",
    lezen: "read",
    lezen_schrijven: "read and write",
    plus_vertrouwelijk: ", confidential too",
    alle_themas: "all themes",
    nooit: "never",
    actief: "active",
    ingetrokken: "revoked",
    verlopen: "expired",
    intrekken: |naam| format!("Revoke token {naam}"),
    nieuw_token: "New API token",
    mag_schrijven: "May change actions",
    mag_vertrouwelijk: "May read confidential work",
    themas_keuze: "Themes (none checked: all themes)",
    geldig_dagen: "Days valid (1–732)",
    maak_token: "Create token",
    geheim_eenmalig: "Copy this token now and pass it on safely. Koers will not show it again.",
    audit_titel: "Audit log",
    audit_intro: "Every change, sign-in and token event: who, through which session or token, when and what.",
    tijdstip: "Time",
    wie: "Who",
    handeling: "Event",
    object: "On",
    details: "Details",
    filter_handeling: "Only event",
    alle_handelingen: "all events",
    handeling_naam: handeling_en,
    meer: "Load older entries",
    aantal_regels: |n, totaal| format!("{n} of {totaal} entries"),
};

/// The texts of signing in and beheer in the current language.
pub fn tt() -> &'static ToegangTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::beheer::HANDELINGEN;

    #[test]
    fn every_audit_event_has_a_name_in_both_languages() {
        for h in HANDELINGEN {
            for teksten in [&NL, &EN] {
                let naam = (teksten.handeling_naam)(h);
                assert!(!naam.is_empty() && naam != h, "{h}: {naam}");
            }
        }
        assert_eq!((NL.handeling_naam)("apiTokenIntrekken"), "API-token ingetrokken");
        assert_eq!(
            (EN.handeling_naam)("iets nieuws"),
            "iets nieuws",
            "unknown: the API name"
        );
    }
}
