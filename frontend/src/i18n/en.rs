//! English texts of the general part of the user interface (the Dutch ones are in `i18n.rs`).

use super::{Teksten, nl_periode};

fn en_balk_waarde(afgerond: &str, in_uitvoering: &str) -> String {
    format!("{afgerond} completed, {in_uitvoering} in progress or ongoing")
}

fn en_verborgen(n: u32) -> String {
    format!("{n} confidential, not shown")
}

fn en_fout_http(status: u16) -> String {
    format!("The server reported an error (HTTP status {status}).")
}

fn en_fout_bij_code(code: &str) -> Option<&'static str> {
    match code {
        "DATABASE_UNAVAILABLE" => Some("The database is temporarily unavailable. Please try again later."),
        "INTERNAL" => Some("Something went wrong on the server. Please try again later."),
        "NOT_FOUND" => Some("The requested data does not exist (any more)."),
        "BAD_USER_INPUT" | "GRAPHQL_VALIDATION_FAILED" | "GRAPHQL_PARSE_FAILED" => {
            Some("The server did not understand the dashboard's request. Please reload the page.")
        }
        _ => None,
    }
}

/// English texts.
pub static EN: Teksten = Teksten {
    app_naam: "Koers",
    app_ondertitel: "VeiligheidsAlliantie regio Rotterdam",
    naar_inhoud: "Skip to content",
    navigatie: "Main menu",
    voettekst: "Koers – progress of the action plans of the VeiligheidsAlliantie regio Rotterdam",
    api_verkenner: "GraphQL explorer",

    overzicht_titel: "Action plans",
    overzicht_intro: "The action plans per theme and, per task, how far the actions are.",
    stand_per: "As of",
    laden: "Loading the data…",
    leeg: "No themes with action plans have been recorded yet.",
    thema_zonder_plannen: "No action plan has been recorded for this theme yet.",
    plan_zonder_opgaven: "This plan has no tasks yet.",
    portefeuillehouder: "Portfolio holder",
    periode: "Period",
    periode_tekst: nl_periode,
    opgaven_kop: "Tasks",
    plan_totaal_kop: "Whole plan",

    afgerond: "Completed",
    aantal_acties: "Actions",
    per_status: "Per status",
    geen_acties: "no actions yet",
    gezondheid: "Worst health",
    geen_gezondheid: "not reported",
    gemiddelde_voortgang: "Average progress",
    geen_voortgang: "no progress reported",
    balk_naam: "Progress of the actions",
    balk_waarde: en_balk_waarde,
    verborgen: en_verborgen,
    legenda_afgerond: "completed",
    legenda_in_uitvoering: "in progress or ongoing",

    fout_titel: "The data could not be loaded",
    fout_netwerk: "The server cannot be reached. Check the connection and try again.",
    fout_http: en_fout_http,
    fout_graphql: "The server could not provide the data.",
    fout_onleesbaar: "The server's answer could not be read.",
    fout_bij_code: en_fout_bij_code,
    fout_details: "Technical details",
    opnieuw: "Try again",

    niet_gevonden_titel: "Page not found",
    niet_gevonden_tekst: "This page does not exist.",
    naar_overzicht: "To the action plans",

    andere_taal: "Nederlands",
    andere_taal_uitleg: "Schakel over naar Nederlands",
    verbinding_weg: |tijd| {
        format!(
            "Koers cannot be reached right now. You see the data of {tijd}; Koers updates it by itself once the connection is back."
        )
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_texts() {
        assert_eq!(
            (EN.balk_waarde)("50 %", "10 %"),
            "50 % completed, 10 % in progress or ongoing"
        );
        assert_eq!(
            (EN.fout_bij_code)("NOT_FOUND"),
            Some("The requested data does not exist (any more).")
        );
        assert_eq!(EN.andere_taal, "Nederlands");
        assert_eq!(super::super::NL.andere_taal, "English");
    }
}
