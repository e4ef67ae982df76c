//! The texts of the presentation mode for the RVO, per language (see [`super::Taal`]).

/// The texts of the presentation mode in one language. Texts with values are functions.
#[derive(Debug)]
pub struct PresentatieTeksten {
    /// Link to the presentation in the header.
    pub menu: &'static str,
    /// Accessible name of the presentation.
    pub naam: &'static str,
    /// Accessible name of the controls bar.
    pub bediening: &'static str,
    /// How a screen reader calls one slide (`aria-roledescription`).
    pub dia_rol: &'static str,
    /// Which slide of how many ("Dia 3 van 40").
    pub dia_van: fn(usize, usize) -> String,
    /// Part of an opgave spread over several slides ("deel 1 van 2").
    pub deel_van: fn(usize, usize) -> String,
    /// Accessible name of the autoplay button, whatever its state.
    pub autoplay_naam: &'static str,
    /// Short visible text of the autoplay button.
    pub autoplay_kort: &'static str,
    /// The autoplay state in words, with the seconds per slide.
    pub autoplay_aan: fn(u32) -> String,
    /// The autoplay state when paused.
    pub autoplay_uit: &'static str,
    /// Previous slide.
    pub vorige: &'static str,
    /// Next slide.
    pub volgende: &'static str,
    /// Full screen.
    pub volledig_scherm: &'static str,
    /// Leave the presentation.
    pub sluiten: &'static str,
    /// Shown while the live connection is being restored.
    pub verbinding_herstellen: &'static str,
    /// Heading above the opgaven on a plan slide.
    pub opgaven: &'static str,
    /// Column heading: the opgave (plan slides).
    pub kolom_opgave: &'static str,
    /// Column heading: the actie.
    pub kolom_actie: &'static str,
    /// Column heading: the status.
    pub kolom_status: &'static str,
    /// Column heading: the health.
    pub kolom_gezondheid: &'static str,
    /// Column heading: the progress.
    pub kolom_voortgang: &'static str,
    /// Shown for an actie without a reported health or progress.
    pub niet_gemeld: &'static str,
    /// Shown for an opgave without (shown) acties.
    pub geen_acties: &'static str,
    /// Shown when there is nothing to present.
    pub leeg: &'static str,
}

fn nl_dia_van(nummer: usize, aantal: usize) -> String {
    format!("Dia {nummer} van {aantal}")
}

fn nl_deel_van(deel: usize, delen: usize) -> String {
    format!("deel {deel} van {delen}")
}

fn nl_autoplay_aan(seconden: u32) -> String {
    format!("elke {seconden} s")
}

/// Dutch texts.
pub static NL: PresentatieTeksten = PresentatieTeksten {
    menu: "Presentatie",
    naam: "Presentatie voor het RVO",
    bediening: "Bediening van de presentatie",
    dia_rol: "dia",
    dia_van: nl_dia_van,
    deel_van: nl_deel_van,
    autoplay_naam: "Automatisch doorgaan",
    autoplay_kort: "Automatisch",
    autoplay_aan: nl_autoplay_aan,
    autoplay_uit: "gepauzeerd",
    vorige: "Vorige dia",
    volgende: "Volgende dia",
    volledig_scherm: "Volledig scherm",
    sluiten: "Sluiten",
    verbinding_herstellen: "Verbinding herstellen…",
    opgaven: "Opgaven",
    kolom_opgave: "Opgave",
    kolom_actie: "Actie",
    kolom_status: "Status",
    kolom_gezondheid: "Gezondheid",
    kolom_voortgang: "Voortgang",
    niet_gemeld: "–",
    geen_acties: "Geen acties om te tonen.",
    leeg: "Er zijn nog geen actieplannen om te presenteren.",
};

fn en_dia_van(nummer: usize, aantal: usize) -> String {
    format!("Slide {nummer} of {aantal}")
}

fn en_deel_van(deel: usize, delen: usize) -> String {
    format!("part {deel} of {delen}")
}

fn en_autoplay_aan(seconden: u32) -> String {
    format!("every {seconden} s")
}

/// English texts.
pub static EN: PresentatieTeksten = PresentatieTeksten {
    menu: "Presentation",
    naam: "Presentation for the RVO",
    bediening: "Presentation controls",
    dia_rol: "slide",
    dia_van: en_dia_van,
    deel_van: en_deel_van,
    autoplay_naam: "Advance automatically",
    autoplay_kort: "Automatic",
    autoplay_aan: en_autoplay_aan,
    autoplay_uit: "paused",
    vorige: "Previous slide",
    volgende: "Next slide",
    volledig_scherm: "Full screen",
    sluiten: "Close",
    verbinding_herstellen: "Restoring the connection…",
    opgaven: "Tasks",
    kolom_opgave: "Task",
    kolom_actie: "Action",
    kolom_status: "Status",
    kolom_gezondheid: "Health",
    kolom_voortgang: "Progress",
    niet_gemeld: "–",
    geen_acties: "No actions to show.",
    leeg: "There are no action plans to present yet.",
};
