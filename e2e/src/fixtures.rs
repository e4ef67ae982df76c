//! Every selector and query the browser tests use, in one place: the contract between the front end's markup
//! (`data-testid` attributes) and the tests. Change a selector here, never in a test.

/// The overview page (`/`): the list of all action plans.
pub const OVERZICHT: &str = r#"[data-testid="overzicht"]"#;

/// One action plan on the overview; carries the plan's GraphQL id in [`DATA_ID`].
pub const ACTIEPLAN: &str = r#"[data-testid="actieplan"]"#;

/// One opgave (task) row; carries the opgave's GraphQL id in [`DATA_ID`].
pub const OPGAVE: &str = r#"[data-testid="opgave"]"#;

/// Inside an [`OPGAVE`]: the share of completed actions, written as `koers_shared::procent_tekst`, e.g. `42 %`.
pub const OPGAVE_AANDEEL_AFGEROND: &str = r#"[data-testid="opgave-aandeel-afgerond"]"#;

/// Inside an [`OPGAVE`]: the total number of actions, a plain integer.
pub const OPGAVE_TOTAAL: &str = r#"[data-testid="opgave-totaal"]"#;

/// An error message the front end shows instead of data. The wait helpers fail fast when it appears.
pub const FOUT: &str = r#"[data-testid="fout"]"#;

/// Any element the wasm app renders into `<body>` (`mount_to_body`): present once the app has mounted,
/// whatever the route. `index.html` itself has only `<noscript>`; the start script's own error box
/// (`data-testid="fout"`, when the wasm fails to load) does not count.
pub const APP_GEMOUNT: &str = r#"body > :not(noscript):not(script):not([data-testid="fout"])"#;

/// The attribute that carries the GraphQL id of an [`ACTIEPLAN`] or [`OPGAVE`].
pub const DATA_ID: &str = "data-id";

/// A route the app does not know; the server must still answer it with the app (HTTP 200).
pub const ONBEKENDE_ROUTE: &str = "/bestaat-niet";

/// The API query whose answer the overview must show.
pub const OVERZICHT_QUERY: &str =
    "{ actieplannen { id titel opgaven { id rollup { totaal aandeelAfgerond } } } }";

/// The action plan with GraphQL id `id`.
pub fn actieplan(id: &str) -> String {
    format!(r#"{ACTIEPLAN}[{DATA_ID}="{}"]"#, css_string(id))
}

/// The opgave row with GraphQL id `id`.
pub fn opgave(id: &str) -> String {
    format!(r#"{OPGAVE}[{DATA_ID}="{}"]"#, css_string(id))
}

/// The opgave row with GraphQL id `opgave_id`, inside the action plan with GraphQL id `plan_id`.
pub fn opgave_in_plan(plan_id: &str, opgave_id: &str) -> String {
    format!("{} {}", actieplan(plan_id), opgave(opgave_id))
}

/// The completed share shown in the row of opgave `opgave_id` of plan `plan_id`.
pub fn opgave_aandeel_afgerond(plan_id: &str, opgave_id: &str) -> String {
    format!("{} {OPGAVE_AANDEEL_AFGEROND}", opgave_in_plan(plan_id, opgave_id))
}

/// The total shown in the row of opgave `opgave_id` of plan `plan_id`.
pub fn opgave_totaal(plan_id: &str, opgave_id: &str) -> String {
    format!("{} {OPGAVE_TOTAAL}", opgave_in_plan(plan_id, opgave_id))
}

/// Escapes a value for use inside a double-quoted CSS attribute selector.
fn css_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\a "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_target_the_data_id() {
        assert_eq!(opgave("7"), r#"[data-testid="opgave"][data-id="7"]"#);
        assert_eq!(
            opgave_totaal("p", "7"),
            r#"[data-testid="actieplan"][data-id="p"] [data-testid="opgave"][data-id="7"] [data-testid="opgave-totaal"]"#
        );
        assert_eq!(actieplan("a"), r#"[data-testid="actieplan"][data-id="a"]"#);
    }

    #[test]
    fn ids_are_escaped() {
        assert_eq!(opgave(r#"a"b\c"#), r#"[data-testid="opgave"][data-id="a\"b\\c"]"#);
    }
}
