//! The texts of the history view on the beheer page, per language (see [`super::Taal`]).

/// The history texts in one language. Texts with values are functions.
#[derive(Debug)]
pub struct HistorieTeksten {
    /// Button: show the history of "{naam}".
    pub tonen: fn(&str) -> String,
    /// Button: hide it.
    pub verbergen: &'static str,
    /// Heading: history of "{naam}".
    pub kop: fn(&str) -> String,
    /// Shown without any change.
    pub leeg: &'static str,
    /// One change: version {versie} by {door}.
    pub item: fn(i32, &str) -> String,
    /// Marks a state from the source document.
    pub uit_bron: &'static str,
    /// The record was created.
    pub aangemaakt: &'static str,
    /// Before → after.
    pub van_naar: fn(&str, &str) -> String,
    /// An empty value.
    pub leeg_veld: &'static str,
    /// Label: note.
    pub toelichting: &'static str,
    /// Heading of the conflict panel.
    pub conflict_kop: &'static str,
    /// Column: field.
    pub veld: &'static str,
    /// Column: theirs (changed meanwhile).
    pub hunne: &'static str,
    /// Column: mine (this form).
    pub mijne: &'static str,
    /// Cell: a field this form does not set.
    pub niet_in_formulier: &'static str,
    /// Button: save my change over theirs.
    pub mijne_opslaan: &'static str,
    /// Button: keep theirs (reload, dropping mine).
    pub hunne_houden: &'static str,
}

/// Dutch.
pub static NL: HistorieTeksten = HistorieTeksten {
    tonen: |n| format!("Historie van {n}"),
    verbergen: "Historie verbergen",
    kop: |n| format!("Historie van {n}"),
    leeg: "Nog geen wijzigingen.",
    item: |v, d| format!("Versie {v} door {d}"),
    uit_bron: "uit de bron",
    aangemaakt: "aangemaakt",
    van_naar: |v, n| format!("{v} → {n}"),
    leeg_veld: "(leeg)",
    toelichting: "Toelichting",
    conflict_kop: "Intussen gewijzigd",
    veld: "Veld",
    hunne: "Nu (door de ander)",
    mijne: "Uw invoer",
    niet_in_formulier: "(niet in dit formulier)",
    mijne_opslaan: "Mijn invoer toch opslaan",
    hunne_houden: "Hun stand houden (herladen)",
};

/// English.
pub static EN: HistorieTeksten = HistorieTeksten {
    tonen: |n| format!("History of {n}"),
    verbergen: "Hide history",
    kop: |n| format!("History of {n}"),
    leeg: "No changes yet.",
    item: |v, d| format!("Version {v} by {d}"),
    uit_bron: "from the source",
    aangemaakt: "created",
    van_naar: |v, n| format!("{v} → {n}"),
    leeg_veld: "(empty)",
    toelichting: "Note",
    conflict_kop: "Changed meanwhile",
    veld: "Field",
    hunne: "Now (by the other)",
    mijne: "Your input",
    niet_in_formulier: "(not in this form)",
    mijne_opslaan: "Save my input anyway",
    hunne_houden: "Keep theirs (reload)",
};

/// The history texts in the current language.
pub fn thi() -> &'static HistorieTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
