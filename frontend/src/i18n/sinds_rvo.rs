//! The texts of the Sinds-vorige-RVO view's comparison with a frozen snapshot, per language (see
//! [`super::Taal`]).

/// The snapshot comparison's texts in one language. Texts with values are functions.
#[derive(Debug)]
pub struct SindsRvoTeksten {
    /// Label of the choice of what to compare with.
    pub vergelijk_met: &'static str,
    /// The choice "now".
    pub met_nu: &'static str,
    /// The choice of a later meeting's snapshot, by its date.
    pub met_stand: fn(&str) -> String,
    /// Heading: changed since the snapshot of the meeting on this date.
    pub kop: fn(&str) -> String,
    /// The basis: the snapshot of the meeting on `datum` (as of `peilmoment`), until now or (`Some`) the snapshot
    /// of the meeting on that date.
    pub basis_stand: fn(&str, &str, Option<&str>) -> String,
    /// The basis without a snapshot: the history of the acties.
    pub basis_historie: &'static str,
    /// Shown when nothing differs.
    pub geen_verschillen: &'static str,
    /// Column: what changed.
    pub kolom_wat: &'static str,
    /// Column: in the snapshot.
    pub kolom_toen: &'static str,
    /// Column: now.
    pub kolom_nu: &'static str,
    /// Column: in the later snapshot.
    pub kolom_later: &'static str,
    /// A kind of difference (`nieuw`, `weg`, `status`, `gezondheid`, `voortgang`), as text.
    pub soort: fn(&str) -> &'static str,
    /// In a state cell: the actie did not exist then.
    pub bestond_niet: &'static str,
    /// In a state cell: the actie is no longer there, or no longer visible to you.
    pub niet_meer: &'static str,
    /// Caption of a plan's table of differences.
    pub bijschrift: fn(&str) -> String,
}

/// Dutch.
pub static NL: SindsRvoTeksten = SindsRvoTeksten {
    vergelijk_met: "Vergelijken met",
    met_nu: "Nu",
    met_stand: |d| format!("De stand van {d}"),
    kop: |d| format!("Veranderd sinds de vastgelegde stand van {d}"),
    basis_stand: |d, p, met| match met {
        None => {
            format!("Vergeleken: de vastgelegde stand van de vergadering van {d} (stand per {p}) met nu.")
        }
        Some(m) => format!(
            "Vergeleken: de vastgelegde stand van de vergadering van {d} (stand per {p}) met de vastgelegde stand van {m}."
        ),
    },
    basis_historie: "Van deze vergadering is geen stand vastgelegd: de wijzigingen hieronder komen uit de \
geschiedenis van de acties.",
    geen_verschillen: "Sinds deze stand is er bij geen actie iets veranderd.",
    kolom_wat: "Wat veranderde",
    kolom_toen: "In de stand",
    kolom_nu: "Nu",
    kolom_later: "Later",
    soort: |s| match s {
        "nieuw" => "Nieuw",
        "weg" => "Niet meer te zien",
        "status" => "Status",
        "gezondheid" => "Gezondheid",
        _ => "Voortgang",
    },
    bestond_niet: "Bestond nog niet",
    niet_meer: "Niet meer (te zien)",
    bijschrift: |p| format!("Veranderde acties van {p}"),
};

/// English.
pub static EN: SindsRvoTeksten = SindsRvoTeksten {
    vergelijk_met: "Compare with",
    met_nu: "Now",
    met_stand: |d| format!("The snapshot of {d}"),
    kop: |d| format!("Changed since the frozen snapshot of {d}"),
    basis_stand: |d, p, met| match met {
        None => format!("Compared: the frozen snapshot of the meeting of {d} (state as of {p}) with now."),
        Some(m) => format!(
            "Compared: the frozen snapshot of the meeting of {d} (state as of {p}) with the frozen snapshot of {m}."
        ),
    },
    basis_historie: "No snapshot was frozen for this meeting: the changes below come from the history of the \
actions.",
    geen_verschillen: "Nothing has changed for any action since this snapshot.",
    kolom_wat: "What changed",
    kolom_toen: "In the snapshot",
    kolom_nu: "Now",
    kolom_later: "Later",
    soort: |s| match s {
        "nieuw" => "New",
        "weg" => "No longer visible",
        "status" => "Status",
        "gezondheid" => "Health",
        _ => "Progress",
    },
    bestond_niet: "Did not exist yet",
    niet_meer: "No longer there (or visible)",
    bijschrift: |p| format!("Changed actions of {p}"),
};

/// The snapshot comparison's texts in the current language.
pub fn tsr() -> &'static SindsRvoTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
