//! The texts of the plan import on the beheer page, per language (see [`super::Taal`]).

/// The import texts in one language. Texts with values are functions.
#[derive(Debug)]
pub struct ImportTeksten {
    /// Heading.
    pub titel: &'static str,
    /// Introduction.
    pub intro: &'static str,
    /// Label: the file to read.
    pub bestand: &'static str,
    /// Label: the text (TOML or CSV).
    pub tekst: &'static str,
    /// Label: the format.
    pub formaat: &'static str,
    /// The name of format {TOML|CSV|XLSX} in the choice.
    pub formaat_naam: fn(&str) -> String,
    /// The XLSX file {naam} has been read.
    pub xlsx_gelezen: fn(&str) -> String,
    /// Shown for XLSX before a file is chosen.
    pub geen_xlsx: &'static str,
    /// Error: the file cannot be read.
    pub onleesbaar: &'static str,
    /// Button: dry run.
    pub controleren: &'static str,
    /// Button: import for real.
    pub importeren: &'static str,
    /// Caption: what would be made ({n} records).
    pub te_maken: fn(usize) -> String,
    /// Column: kind.
    pub soort: &'static str,
    /// Column: key.
    pub sleutel: &'static str,
    /// Column: title.
    pub naam: &'static str,
    /// Column: line.
    pub regel: &'static str,
    /// Heading: problems ({n}).
    pub problemen: fn(usize) -> String,
    /// A problem on line {regel}: {melding}.
    pub probleem_op: fn(i32, &str) -> String,
    /// Shown when the dry run found no problem.
    pub geen_problemen: &'static str,
    /// Notice: plan "{titel}" was imported.
    pub geimporteerd: fn(&str) -> String,
    /// Shown when the text changed after the dry run.
    pub opnieuw_controleren: &'static str,
}

/// Dutch.
pub static NL: ImportTeksten = ImportTeksten {
    titel: "Plan importeren",
    intro: "Eén plan met zijn opgaven en acties: in het TOML-formaat van de seed (precies één [[actieplan]]), of als CSV of XLSX in de indeling van de export (zonder ids). Controleer eerst: dat toont wat er wordt aangemaakt en elk probleem met zijn regel, en verandert niets. Zonder problemen maakt Importeren alles in één keer aan.",
    bestand: "Bestand (.toml, .csv of .xlsx)",
    tekst: "Inhoud (TOML of CSV)",
    formaat: "Formaat",
    formaat_naam: |f| match f {
        "TOML" => "TOML (zoals de seed)".to_string(),
        f => format!("{f} (zoals de export)"),
    },
    xlsx_gelezen: |n| format!("Het XLSX-bestand {n} is ingelezen."),
    geen_xlsx: "Kies hierboven een XLSX-bestand.",
    onleesbaar: "Het bestand kan niet worden gelezen.",
    controleren: "Controleren",
    importeren: "Importeren",
    te_maken: |n| format!("Wordt aangemaakt ({n})"),
    soort: "Soort",
    sleutel: "Sleutel",
    naam: "Titel of naam",
    regel: "Regel",
    problemen: |n| format!("Problemen ({n}): er wordt niets aangemaakt"),
    probleem_op: |r, m| format!("Regel {r}: {m}"),
    geen_problemen: "Geen problemen: het plan kan worden geïmporteerd.",
    geimporteerd: |t| format!("Plan {t} is geïmporteerd."),
    opnieuw_controleren: "De inhoud is gewijzigd: controleer opnieuw.",
};

/// English.
pub static EN: ImportTeksten = ImportTeksten {
    titel: "Import a plan",
    intro: "One plan with its tasks and actions: in the seed's TOML format (exactly one [[actieplan]]), or as CSV or XLSX in the export's layout (without ids). Check first: that shows what would be created and every problem with its line, and changes nothing. Without problems, Import creates everything in one step.",
    bestand: "File (.toml, .csv or .xlsx)",
    tekst: "Content (TOML or CSV)",
    formaat: "Format",
    formaat_naam: |f| match f {
        "TOML" => "TOML (like the seed)".to_string(),
        f => format!("{f} (like the export)"),
    },
    xlsx_gelezen: |n| format!("The XLSX file {n} has been read."),
    geen_xlsx: "Choose an XLSX file above.",
    onleesbaar: "The file cannot be read.",
    controleren: "Check",
    importeren: "Import",
    te_maken: |n| format!("To be created ({n})"),
    soort: "Kind",
    sleutel: "Key",
    naam: "Title or name",
    regel: "Line",
    problemen: |n| format!("Problems ({n}): nothing is created"),
    probleem_op: |r, m| format!("Line {r}: {m}"),
    geen_problemen: "No problems: the plan can be imported.",
    geimporteerd: |t| format!("Plan {t} has been imported."),
    opnieuw_controleren: "The content has changed: check again.",
};

/// The import texts in the current language.
pub fn timp() -> &'static ImportTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
