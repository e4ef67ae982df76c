//! The texts of the plans section of the beheer page, per language (see [`super::Taal`]).

/// The texts of the plans section in one language. Texts with values are functions.
#[derive(Debug)]
pub struct PlanTeksten {
    /// Heading: action plans.
    pub titel: &'static str,
    /// Introduction of the section.
    pub intro: &'static str,
    /// Shown for a thema without plans.
    pub geen_plannen: &'static str,
    /// Column: title.
    pub plan_titel: &'static str,
    /// Column: kind.
    pub soort: &'static str,
    /// Column: period.
    pub periode: &'static str,
    /// Column: status.
    pub status: &'static str,
    /// Column: successor.
    pub opvolger: &'static str,
    /// Column: opgaven.
    pub opgaven: &'static str,
    /// Button: manage plan "{titel}".
    pub beheren: fn(&str) -> String,
    /// Heading of the new-plan form.
    pub nieuw_plan: &'static str,
    /// Label: thema.
    pub thema: &'static str,
    /// Label: first year.
    pub periode_van: &'static str,
    /// Label: last year.
    pub periode_tot: &'static str,
    /// Button: create the plan.
    pub plan_maken: &'static str,
    /// Notice: plan "{titel}" was created.
    pub plan_gemaakt: fn(&str) -> String,
    /// Heading of one plan's beheer: "{titel}".
    pub plan_kop: fn(&str) -> String,
    /// Shown when a plan has no opgaven.
    pub geen_opgaven: &'static str,
    /// Label: title of the new opgave.
    pub opgave_titel: &'static str,
    /// Button: add the opgave.
    pub opgave_toevoegen: &'static str,
    /// Heading: change the plan.
    pub wijzigen: &'static str,
    /// Option: no successor.
    pub geen_opvolger: &'static str,
    /// Button: save.
    pub opslaan: &'static str,
    /// Notice: saved.
    pub opgeslagen: &'static str,
    /// Notice on CONFLICT (also for the other beheer sections).
    pub conflict: &'static str,
    /// Button: reload.
    pub herladen: &'static str,
    /// Heading: open acties to the successor.
    pub naar_opvolger: &'static str,
    /// Explanation when no successor is named.
    pub eerst_opvolger: &'static str,
    /// Button: show the preview.
    pub voorbeeld: &'static str,
    /// Preview caption: the open acties and their new opgave in "{opvolger}".
    pub voorbeeld_kop: fn(&str) -> String,
    /// Column: actie.
    pub actie: &'static str,
    /// Column: from opgave.
    pub van: &'static str,
    /// Column: to opgave.
    pub naar: &'static str,
    /// Cell: no matching opgave.
    pub geen_doel: &'static str,
    /// Shown when there are no open acties.
    pub geen_open: &'static str,
    /// Refusal: {n} acties have no opgave to go to.
    pub zonder_opgave: fn(i32) -> String,
    /// Button: move {n} acties.
    pub verplaatsen: fn(usize) -> String,
    /// Notice: {n} acties moved.
    pub verplaatst: fn(usize) -> String,
    /// Button: close the plan's beheer.
    pub sluiten: &'static str,
    /// Label: who adopted the plan.
    pub vastgesteld_door: &'static str,
    /// Label: when it was adopted.
    pub vastgesteld_op: &'static str,
    /// Hint under that field: the forms it takes.
    pub vastgesteld_op_hint: &'static str,
    /// Label: source.
    pub bron: &'static str,
    /// Label: the successor's opgave for acties without one of the same title.
    pub naar_opgave: &'static str,
    /// Option: only opgaven of the same title.
    pub alleen_gelijk: &'static str,
}

/// Dutch.
pub static NL: PlanTeksten = PlanTeksten {
    titel: "Actieplannen",
    intro: "Plannen per thema: maak een plan, voeg opgaven toe, wijzig titel, stand of opvolger, en zet de open acties van een aflopend plan in één keer over naar zijn opvolger.",
    geen_plannen: "Dit thema heeft nog geen plannen.",
    plan_titel: "Titel",
    soort: "Soort",
    periode: "Looptijd",
    status: "Stand",
    opvolger: "Opvolger",
    opgaven: "Opgaven",
    beheren: |titel| format!("{titel} beheren"),
    nieuw_plan: "Nieuw plan",
    thema: "Thema",
    periode_van: "Eerste jaar",
    periode_tot: "Laatste jaar",
    plan_maken: "Plan aanmaken",
    plan_gemaakt: |titel| format!("Plan {titel} is aangemaakt."),
    plan_kop: |titel| format!("Plan: {titel}"),
    geen_opgaven: "Dit plan heeft nog geen opgaven.",
    opgave_titel: "Titel van de nieuwe opgave",
    opgave_toevoegen: "Opgave toevoegen",
    wijzigen: "Plan wijzigen",
    geen_opvolger: "(geen opvolger)",
    opslaan: "Opslaan",
    opgeslagen: "Het plan is opgeslagen.",
    conflict: "Iemand anders heeft dit intussen gewijzigd. Herlaad en breng uw wijziging opnieuw aan.",
    herladen: "Herladen",
    naar_opvolger: "Open acties naar de opvolger",
    eerst_opvolger: "Kies eerst een opvolger voor dit plan.",
    voorbeeld: "Voorbeeld tonen",
    voorbeeld_kop: |opvolger| format!("Open acties en hun opgave in {opvolger}"),
    actie: "Actie",
    van: "Van opgave",
    naar: "Naar opgave",
    geen_doel: "geen opgave met dezelfde titel",
    geen_open: "Dit plan heeft geen open acties.",
    zonder_opgave: |n| {
        format!(
            "{n} actie(s) hebben in de opvolger geen opgave met dezelfde titel; voeg die opgave eerst toe."
        )
    },
    verplaatsen: |n| format!("{n} actie(s) verplaatsen"),
    verplaatst: |n| format!("{n} actie(s) verplaatst naar de opvolger."),
    sluiten: "Sluiten",
    vastgesteld_door: "Vastgesteld door",
    vastgesteld_op: "Vastgesteld op",
    vastgesteld_op_hint: "Jaar, jaar-maand of datum: 2026, 2026-11 of 2026-11-24.",
    bron: "Bron",
    naar_opgave: "Opgave voor acties zonder opgave met dezelfde titel",
    alleen_gelijk: "(alleen naar een opgave met dezelfde titel)",
};

/// English.
pub static EN: PlanTeksten = PlanTeksten {
    titel: "Action plans",
    intro: "Plans per theme: create a plan, add tasks, change its title, status or successor, and move the open actions of an ending plan to its successor in one step.",
    geen_plannen: "This theme has no plans yet.",
    plan_titel: "Title",
    soort: "Kind",
    periode: "Period",
    status: "Status",
    opvolger: "Successor",
    opgaven: "Tasks",
    beheren: |titel| format!("Manage {titel}"),
    nieuw_plan: "New plan",
    thema: "Theme",
    periode_van: "First year",
    periode_tot: "Last year",
    plan_maken: "Create plan",
    plan_gemaakt: |titel| format!("Plan {titel} has been created."),
    plan_kop: |titel| format!("Plan: {titel}"),
    geen_opgaven: "This plan has no tasks yet.",
    opgave_titel: "Title of the new task",
    opgave_toevoegen: "Add task",
    wijzigen: "Change plan",
    geen_opvolger: "(no successor)",
    opslaan: "Save",
    opgeslagen: "The plan has been saved.",
    conflict: "Someone else changed this in the meantime. Reload and make your change again.",
    herladen: "Reload",
    naar_opvolger: "Open actions to the successor",
    eerst_opvolger: "Choose a successor for this plan first.",
    voorbeeld: "Show preview",
    voorbeeld_kop: |opvolger| format!("Open actions and their task in {opvolger}"),
    actie: "Action",
    van: "From task",
    naar: "To task",
    geen_doel: "no task with the same title",
    geen_open: "This plan has no open actions.",
    zonder_opgave: |n| {
        format!("{n} action(s) have no task with the same title in the successor; add that task first.")
    },
    verplaatsen: |n| format!("Move {n} action(s)"),
    verplaatst: |n| format!("{n} action(s) moved to the successor."),
    sluiten: "Close",
    vastgesteld_door: "Adopted by",
    vastgesteld_op: "Adopted on",
    vastgesteld_op_hint: "Year, year-month or date: 2026, 2026-11 or 2026-11-24.",
    bron: "Source",
    naar_opgave: "Task for actions without a task of the same title",
    alleen_gelijk: "(only to a task with the same title)",
};

/// The plan texts in the current language.
pub fn tpl() -> &'static PlanTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
