//! The texts of the export links and the progress re-import, per language (see [`super::Taal`]).

/// The export texts in one language. Texts with values are functions.
#[derive(Debug)]
pub struct ExportTeksten {
    /// Label before the export links.
    pub exporteren: &'static str,
    /// Heading of the re-import.
    pub import_titel: &'static str,
    /// Introduction of the re-import.
    pub import_intro: &'static str,
    /// Label of the file input.
    pub bestand: &'static str,
    /// Button: dry run.
    pub controleren: &'static str,
    /// Button: apply.
    pub toepassen: &'static str,
    /// Notice: applied, with the number of changed acties.
    pub toegepast: fn(usize) -> String,
    /// Notice: the dry run found no problem, with the number of acties that would change.
    pub klaar: fn(usize) -> String,
    /// Notice: problems; nothing is written.
    pub problemen: &'static str,
    /// Caption of the table of rows.
    pub regels: &'static str,
    /// Column: line.
    pub regel: &'static str,
    /// Column: actie.
    pub actie: &'static str,
    /// Column: outcome.
    pub uitkomst: &'static str,
    /// Column: column (field).
    pub veld: &'static str,
    /// Column: what is wrong.
    pub melding: &'static str,
    /// The outcome `GEWIJZIGD` … in words.
    pub uitkomst_tekst: fn(&str) -> &'static str,
    /// Notice: the file could not be read.
    pub onleesbaar: &'static str,
    /// The columns a progress import leaves as they are (said next to the row's outcome).
    pub genegeerd: fn(&str) -> String,
    /// A row's problem in words: by its code (the server's Dutch text is the Dutch UI's).
    pub probleem_tekst: fn(&str, &str, Option<i32>) -> String,
}

/// Dutch.
pub static NL: ExportTeksten = ExportTeksten {
    exporteren: "Exporteren",
    import_titel: "Voortgang importeren",
    import_intro: "Pas status, gezondheid, reden en voortgang aan in een export van dit plan (CSV of XLSX) en lees die hier terug. Eerst controleren; pas toepassen schrijft alles in één keer.",
    bestand: "Bestand (CSV of XLSX)",
    controleren: "Controleren",
    toepassen: "Toepassen",
    toegepast: |n| format!("Toegepast: {n} acties bijgewerkt."),
    klaar: |n| format!("Geen problemen: {n} acties worden bijgewerkt."),
    problemen: "Het bestand heeft problemen; er wordt niets geschreven.",
    regels: "Regels van het bestand",
    regel: "Regel",
    actie: "Actie",
    uitkomst: "Uitkomst",
    veld: "Kolom",
    melding: "Probleem",
    uitkomst_tekst: |u| match u {
        "GEWIJZIGD" => "wordt bijgewerkt",
        "INTUSSEN_GEWIJZIGD" => "intussen elders gewijzigd, niet aangepast",
        _ => "ongewijzigd",
    },
    onleesbaar: "Het bestand kon niet worden gelezen.",
    genegeerd: |k| format!("(niet overgenomen: {k}; wijzig die in het actieformulier)"),
    probleem_tekst: |_, melding, _| melding.to_string(),
};

/// English.
pub static EN: ExportTeksten = ExportTeksten {
    exporteren: "Export",
    import_titel: "Import progress",
    import_intro: "Change status, health, reason and progress in an export of this plan (CSV or XLSX) and read it back here. Check first; only apply writes everything at once.",
    bestand: "File (CSV or XLSX)",
    controleren: "Check",
    toepassen: "Apply",
    toegepast: |n| format!("Applied: {n} actions updated."),
    klaar: |n| format!("No problems: {n} actions will be updated."),
    problemen: "The file has problems; nothing is written.",
    regels: "Rows of the file",
    regel: "Row",
    actie: "Action",
    uitkomst: "Outcome",
    veld: "Column",
    melding: "Problem",
    uitkomst_tekst: |u| match u {
        "GEWIJZIGD" => "will be updated",
        "INTUSSEN_GEWIJZIGD" => "changed elsewhere meanwhile, not edited",
        _ => "unchanged",
    },
    onleesbaar: "The file could not be read.",
    genegeerd: |k| format!("(not taken over: {k}; change those in the action form)"),
    probleem_tekst: |code, _, huidig| match (code, huidig) {
        ("CONFLICT", Some(v)) => {
            format!("Changed by someone else since the export: its current versie is {v}.")
        }
        ("CONFLICT", None) => "Changed by someone else since the export.".to_string(),
        ("NOT_FOUND", _) => "This action does not exist (or you may not see it).".to_string(),
        ("FORBIDDEN", _) => "You may not change this action.".to_string(),
        _ => "This value is not accepted.".to_string(),
    },
};

/// The export texts in the current language.
pub fn tx() -> &'static ExportTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
