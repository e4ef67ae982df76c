//! The texts of the users on the beheer page and of changing one's own password, per language (see
//! [`super::Taal`]).

/// The texts of the users section and the own-password page in one language. Texts with values are functions.
#[derive(Debug)]
pub struct GebruikerTeksten {
    /// Heading.
    pub titel: &'static str,
    /// Introduction.
    pub intro: &'static str,
    /// Column: sign-in name.
    pub gebruikersnaam: &'static str,
    /// Column: name.
    pub naam: &'static str,
    /// Column: role.
    pub rol: &'static str,
    /// Column: thema's.
    pub themas: &'static str,
    /// Column and checkbox: active.
    pub actief: &'static str,
    /// Label: role of "{naam}".
    pub rol_van: fn(&str) -> String,
    /// Checkbox: "{naam}" can sign in.
    pub actief_van: fn(&str) -> String,
    /// Legend: the thema's of "{wie}" (a redacteur edits those).
    pub themas_van: fn(&str) -> String,
    /// Button: save the changes of "{naam}".
    pub opslaan_van: fn(&str) -> String,
    /// Label: new password for "{naam}".
    pub nieuw_wachtwoord_van: fn(&str) -> String,
    /// Button: reset the password of "{naam}".
    pub herstellen_van: fn(&str) -> String,
    /// A role, by its API name.
    pub rol_naam: fn(&str) -> &'static str,
    /// Heading of the form.
    pub nieuw: &'static str,
    /// Label: password.
    pub wachtwoord: &'static str,
    /// Legend: thema's of a redacteur.
    pub themas_keuze: &'static str,
    /// Button: create.
    pub aanmaken: &'static str,
    /// Notice: saved.
    pub opgeslagen: &'static str,
    /// Heading and link: change your own password.
    pub eigen_titel: &'static str,
    /// Label: current password.
    pub huidig: &'static str,
    /// Label: new password.
    pub nieuw_wachtwoord: &'static str,
    /// Button: change.
    pub wijzigen: &'static str,
    /// Notice: changed.
    pub gewijzigd: &'static str,
    /// Shown when not signed in.
    pub eerst_aanmelden: &'static str,
}

fn rol_nl(r: &str) -> &'static str {
    match r {
        "LEZER" => "lezer",
        "REDACTEUR" => "redacteur",
        "BEHEERDER" => "beheerder",
        _ => "onbekend",
    }
}

fn rol_en(r: &str) -> &'static str {
    match r {
        "LEZER" => "reader",
        "REDACTEUR" => "editor",
        "BEHEERDER" => "administrator",
        _ => "unknown",
    }
}

/// Dutch.
pub static NL: GebruikerTeksten = GebruikerTeksten {
    titel: "Gebruikers",
    intro: "Wie zich bij Koers aanmeldt, met welke rol. Een redacteur wijzigt acties in de eigen thema's. De laatste actieve beheerder blijft beheerder.",
    gebruikersnaam: "Gebruikersnaam",
    naam: "Naam",
    rol: "Rol",
    themas: "Thema's",
    actief: "Actief",
    rol_van: |n| format!("Rol van {n}"),
    actief_van: |n| format!("{n} kan zich aanmelden"),
    themas_van: |n| format!("Thema's van {n} (een redacteur wijzigt die)"),
    opslaan_van: |n| format!("{n} opslaan"),
    nieuw_wachtwoord_van: |n| format!("Nieuw wachtwoord voor {n}"),
    herstellen_van: |n| format!("Wachtwoord van {n} herstellen"),
    rol_naam: rol_nl,
    nieuw: "Nieuwe gebruiker",
    wachtwoord: "Wachtwoord (minstens 12 tekens)",
    themas_keuze: "Thema's (voor een redacteur)",
    aanmaken: "Gebruiker aanmaken",
    opgeslagen: "De gebruikers zijn bijgewerkt.",
    eigen_titel: "Wachtwoord wijzigen",
    huidig: "Huidig wachtwoord",
    nieuw_wachtwoord: "Nieuw wachtwoord (minstens 12 tekens)",
    wijzigen: "Wachtwoord wijzigen",
    gewijzigd: "Uw wachtwoord is gewijzigd; uw andere sessies zijn beëindigd.",
    eerst_aanmelden: "Meld u eerst aan.",
};

/// English.
pub static EN: GebruikerTeksten = GebruikerTeksten {
    titel: "Users",
    intro: "Who signs in to Koers, with which role. An editor changes actions in their own themes. The last active administrator stays an administrator.",
    gebruikersnaam: "User name",
    naam: "Name",
    rol: "Role",
    themas: "Themes",
    actief: "Active",
    rol_van: |n| format!("Role of {n}"),
    actief_van: |n| format!("{n} can sign in"),
    themas_van: |n| format!("Themes of {n} (an editor changes those)"),
    opslaan_van: |n| format!("Save {n}"),
    nieuw_wachtwoord_van: |n| format!("New password for {n}"),
    herstellen_van: |n| format!("Reset the password of {n}"),
    rol_naam: rol_en,
    nieuw: "New user",
    wachtwoord: "Password (at least 12 characters)",
    themas_keuze: "Themes (for an editor)",
    aanmaken: "Create user",
    opgeslagen: "The users have been updated.",
    eigen_titel: "Change password",
    huidig: "Current password",
    nieuw_wachtwoord: "New password (at least 12 characters)",
    wijzigen: "Change password",
    gewijzigd: "Your password has been changed; your other sessions have ended.",
    eerst_aanmelden: "Please sign in first.",
};

/// The user texts in the current language.
pub fn tg() -> &'static GebruikerTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
