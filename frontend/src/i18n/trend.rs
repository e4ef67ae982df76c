//! The texts of the trend chart, per language (see [`super::Taal`]).

/// The texts of the trend chart in one language. Texts with values are functions.
#[derive(Debug)]
pub struct TrendTeksten {
    /// Heading above the chart.
    pub titel: &'static str,
    /// Caption of the table: the trend of "{plan}".
    pub bijschrift: fn(&str) -> String,
    /// Summary of the chart: from "{a}" on {datum a} to "{b}" on {datum b} afgerond.
    pub samenvatting: fn(&str, &str, &str, &str) -> String,
    /// Column: date.
    pub datum: &'static str,
    /// Column: share afgerond.
    pub afgerond: &'static str,
    /// Column: number of acties.
    pub acties: &'static str,
    /// Shown when there are no points.
    pub geen: &'static str,
}

/// Dutch.
pub static NL: TrendTeksten = TrendTeksten {
    titel: "Verloop",
    bijschrift: |p| format!("Verloop van {p} per maand"),
    samenvatting: |a, da, b, db| format!("Aandeel afgerond van {a} op {da} tot {b} op {db}"),
    datum: "Datum",
    afgerond: "Afgerond",
    acties: "Acties",
    geen: "Nog geen verloop.",
};

/// English.
pub static EN: TrendTeksten = TrendTeksten {
    titel: "Trend",
    bijschrift: |p| format!("Trend of {p} per month"),
    samenvatting: |a, da, b, db| format!("Share completed from {a} on {da} to {b} on {db}"),
    datum: "Date",
    afgerond: "Completed",
    acties: "Actions",
    geen: "No trend yet.",
};

/// The trend texts in the current language.
pub fn ttr() -> &'static TrendTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
