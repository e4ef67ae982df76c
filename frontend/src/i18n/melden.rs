//! The texts of the editing forms (progress report, add and change an actie), per language (see [`super::Taal`]).

/// The texts of the progress-report form in one language. Texts with values are functions.
#[derive(Debug)]
pub struct MeldenTeksten {
    /// Heading of the form.
    pub titel: &'static str,
    /// Label: status.
    pub status: &'static str,
    /// Label: health.
    pub gezondheid: &'static str,
    /// The choice "no health".
    pub geen_gezondheid: &'static str,
    /// Label: reason.
    pub reden: &'static str,
    /// Hint under the reason.
    pub reden_hint: &'static str,
    /// Label: progress.
    pub voortgang: &'static str,
    /// Label: note.
    pub toelichting: &'static str,
    /// Button: save.
    pub opslaan: &'static str,
    /// Heading of the error summary.
    pub fouten_kop: &'static str,
    /// Saved.
    pub opgeslagen: fn(i32) -> String,
    /// A restored draft.
    pub concept_terug: &'static str,
    /// Button: discard the draft.
    pub concept_weg: &'static str,
    /// Not sent (network).
    pub niet_verstuurd: &'static str,
    /// Heading of the conflict panel: "versie {mine} → {now}".
    pub conflict_kop: fn(i32, i32) -> String,
    /// Explanation of the conflict panel.
    pub conflict_uitleg: &'static str,
    /// One change by someone else: "{who} op {when}".
    pub conflict_door: fn(&str, &str) -> String,
    /// Button: apply mine again.
    pub opnieuw_toepassen: &'static str,
    /// Button: discard mine.
    pub mijn_invoer_weg: &'static str,
    /// "was → now".
    pub was_nu: fn(&str, &str) -> String,
    /// Heading and link: add an actie.
    pub nieuwe_actie: &'static str,
    /// Heading and link: change this actie.
    pub actie_wijzigen: &'static str,
    /// Label: opgave.
    pub opgave: &'static str,
    /// Label: title.
    pub titel_veld: &'static str,
    /// Label: description.
    pub beschrijving: &'static str,
    /// Label: year.
    pub jaar: &'static str,
    /// Label: quarter.
    pub kwartaal: &'static str,
    /// No quarter.
    pub geen_kwartaal: &'static str,
    /// Label: leading organisations.
    pub trekkers: &'static str,
    /// Label: joining organisations.
    pub partners: &'static str,
    /// Hint under a multiple choice.
    pub meerdere_hint: &'static str,
    /// Label: confidential.
    pub vertrouwelijk: &'static str,
    /// Button: save the actie.
    pub actie_opslaan: &'static str,
    /// Short label of confidential, in the list of changes.
    pub vertrouwelijk_kort: &'static str,
    /// Yes.
    pub ja: &'static str,
    /// No.
    pub nee: &'static str,
}

/// Dutch.
pub static NL: MeldenTeksten = MeldenTeksten {
    titel: "Voortgang melden",
    status: "Status",
    gezondheid: "Gezondheid",
    geen_gezondheid: "geen",
    reden: "Reden",
    reden_hint: "Verplicht bij aandacht of risico.",
    voortgang: "Voortgang (0–100 %)",
    toelichting: "Toelichting",
    opslaan: "Voortgang opslaan",
    fouten_kop: "Controleer deze velden",
    opgeslagen: |v| format!("Opgeslagen als versie {v}."),
    concept_terug: "Uw niet-opgeslagen invoer is teruggezet.",
    concept_weg: "Invoer weggooien",
    niet_verstuurd: "Niet verstuurd: Koers is niet bereikbaar. Uw invoer staat er nog; probeer het zo opnieuw.",
    conflict_kop: |mijn, nu| format!("Iemand anders wijzigde deze actie intussen (versie {mijn} → {nu})"),
    conflict_uitleg: "Dit veranderde er intussen. Uw invoer staat er nog: pas hem opnieuw toe op de nieuwe versie, of gooi hem weg.",
    conflict_door: |wie, wanneer| format!("{wie} op {wanneer}"),
    opnieuw_toepassen: "Mijn wijziging opnieuw toepassen",
    mijn_invoer_weg: "Mijn invoer weggooien",
    was_nu: |was, nu| format!("{was} → {nu}"),
    nieuwe_actie: "Nieuwe actie",
    actie_wijzigen: "Actie wijzigen",
    opgave: "Opgave",
    titel_veld: "Titel",
    beschrijving: "Beschrijving",
    jaar: "Jaar",
    kwartaal: "Kwartaal",
    geen_kwartaal: "onbekend",
    trekkers: "Trekkers",
    partners: "Partners",
    meerdere_hint: "Houd Ctrl (of ⌘) ingedrukt om er meer te kiezen.",
    vertrouwelijk: "Vertrouwelijk (nooit in de presentatiemodus, alleen voor wie het mag zien)",
    actie_opslaan: "Actie opslaan",
    vertrouwelijk_kort: "Vertrouwelijk",
    ja: "ja",
    nee: "nee",
};

/// English.
pub static EN: MeldenTeksten = MeldenTeksten {
    titel: "Report progress",
    status: "Status",
    gezondheid: "Health",
    geen_gezondheid: "none",
    reden: "Reason",
    reden_hint: "Required for attention or risk.",
    voortgang: "Progress (0–100 %)",
    toelichting: "Note",
    opslaan: "Save progress",
    fouten_kop: "Please check these fields",
    opgeslagen: |v| format!("Saved as version {v}."),
    concept_terug: "Your unsaved input has been restored.",
    concept_weg: "Discard input",
    niet_verstuurd: "Not sent: Koers cannot be reached. Your input is still here; try again shortly.",
    conflict_kop: |mijn, nu| format!("Someone else changed this action meanwhile (version {mijn} → {nu})"),
    conflict_uitleg: "This changed meanwhile. Your input is still here: apply it again to the new version, or discard it.",
    conflict_door: |wie, wanneer| format!("{wie} on {wanneer}"),
    opnieuw_toepassen: "Apply my change again",
    mijn_invoer_weg: "Discard my input",
    was_nu: |was, nu| format!("{was} → {nu}"),
    nieuwe_actie: "New action",
    actie_wijzigen: "Change action",
    opgave: "Task",
    titel_veld: "Title",
    beschrijving: "Description",
    jaar: "Year",
    kwartaal: "Quarter",
    geen_kwartaal: "unknown",
    trekkers: "Leads",
    partners: "Partners",
    meerdere_hint: "Hold Ctrl (or ⌘) to choose more than one.",
    vertrouwelijk: "Confidential (never in presentation mode, only for who may see it)",
    actie_opslaan: "Save action",
    vertrouwelijk_kort: "Confidential",
    ja: "yes",
    nee: "no",
};

/// The texts of the progress-report form in the current language.
pub fn tm() -> &'static MeldenTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
