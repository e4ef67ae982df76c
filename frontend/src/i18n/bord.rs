//! The texts of the board view on the overview, the average progress and the page titles, per language (see
//! [`super::Taal`]).

/// The texts of the board view and the page titles in one language. Texts with values are functions.
#[derive(Debug)]
pub struct BordTeksten {
    /// Caption of the board table (for screen readers).
    pub bijschrift: &'static str,
    /// Column: plan or opgave.
    pub kolom_plan: &'static str,
    /// Column: the bar.
    pub kolom_voortgang: &'static str,
    /// Column: the plan's trend over the last year.
    pub kolom_trend: &'static str,
    /// Column: share afgerond.
    pub kolom_afgerond: &'static str,
    /// Column: number of acties.
    pub kolom_acties: &'static str,
    /// Column: change since the last RVO, with its date if there is one.
    pub kolom_sinds_rvo: fn(Option<&str>) -> String,
    /// Column: overdue updates.
    pub kolom_updates: &'static str,
    /// Above the health columns: what they count.
    pub gezondheid_uitleg: &'static str,
    /// No change since the last RVO.
    pub geen_wijziging: &'static str,
    /// No RVO meeting in the past.
    pub geen_rvo: &'static str,
    /// For screen readers: the change of the share afgerond, in points (signed).
    pub punten_afgerond: fn(i64) -> String,
    /// "3 te laat".
    pub te_laat: fn(u32) -> String,
    /// No overdue updates.
    pub op_tijd: &'static str,
    /// What "te laat" means: weeks and the date it is measured against.
    pub te_laat_uitleg: fn(u32, &str) -> String,
    /// Link from the board to the detailed cards.
    pub naar_kaarten: &'static str,
    /// Link from the detailed cards back to the board.
    pub naar_bord: &'static str,
    /// The average progress and over how many acties: "100 % over 1 van 3 acties".
    pub gemiddeld_over: fn(&str, u32, u32) -> String,

    /// Page title: the acties of a plan.
    pub titel_actieplan: fn(&str) -> String,
    /// Page title: one actie.
    pub titel_actie: fn(&str) -> String,
    /// Page title: one organisation.
    pub titel_organisatie: fn(&str) -> String,
}

/// Dutch.
pub static NL: BordTeksten = BordTeksten {
    bijschrift: "Per actieplan en opgave: voortgang, acties in uitvoering per gezondheid, verschil sinds de \
                 vorige RVO en achterstallige updates",
    kolom_plan: "Actieplan / opgave",
    kolom_voortgang: "Voortgang",
    kolom_trend: "Afgerond, 12 mnd",
    kolom_afgerond: "Afgerond",
    kolom_acties: "Acties",
    kolom_sinds_rvo: |datum| match datum {
        Some(d) => format!("Sinds RVO {d}"),
        None => "Sinds vorige RVO".to_string(),
    },
    kolom_updates: "Updates",
    gezondheid_uitleg: "Acties in uitvoering per gezondheid",
    geen_wijziging: "geen wijziging",
    geen_rvo: "geen eerdere RVO",
    punten_afgerond: |p| format!("afgerond {p:+} procentpunt"),
    te_laat: |n| format!("{n} te laat"),
    op_tijd: "op tijd",
    te_laat_uitleg: |weken, datum| {
        format!("Te laat: in uitvoering en meer dan {weken} weken zonder update vóór {datum}.")
    },
    naar_kaarten: "Toon de uitgebreide kaarten",
    naar_bord: "Toon het overzicht op één scherm",
    gemiddeld_over: |p, n, totaal| format!("{p} over {n} van {totaal} acties"),
    titel_actieplan: |t| format!("Actieplan {t}"),
    titel_actie: |t| format!("Actie {t}"),
    titel_organisatie: |n| format!("Organisatie {n}"),
};

/// English.
pub static EN: BordTeksten = BordTeksten {
    bijschrift: "Per action plan and task: progress, actions in progress per health, change since the last RVO \
                 and overdue updates",
    kolom_plan: "Action plan / task",
    kolom_voortgang: "Progress",
    kolom_trend: "Completed, 12 mo",
    kolom_afgerond: "Completed",
    kolom_acties: "Actions",
    kolom_sinds_rvo: |datum| match datum {
        Some(d) => format!("Since RVO {d}"),
        None => "Since last RVO".to_string(),
    },
    kolom_updates: "Updates",
    gezondheid_uitleg: "Actions in progress per health",
    geen_wijziging: "no change",
    geen_rvo: "no earlier RVO",
    punten_afgerond: |p| format!("completed {p:+} percentage points"),
    te_laat: |n| format!("{n} overdue"),
    op_tijd: "up to date",
    te_laat_uitleg: |weken, datum| {
        format!("Overdue: in progress and more than {weken} weeks without an update before {datum}.")
    },
    naar_kaarten: "Show the detailed cards",
    naar_bord: "Show the overview on one screen",
    gemiddeld_over: |p, n, totaal| format!("{p} over {n} of {totaal} actions"),
    titel_actieplan: |t| format!("Action plan {t}"),
    titel_actie: |t| format!("Action {t}"),
    titel_organisatie: |n| format!("Organisation {n}"),
};

/// The texts of the board view and the page titles in the current language.
pub fn tb() -> &'static BordTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
