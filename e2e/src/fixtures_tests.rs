//! Unit tests of `fixtures`.

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
