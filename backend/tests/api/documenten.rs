//! Every GraphQL document the front end sends is valid against the committed `schema.graphql` (which
//! `schema_served` proves equal to the served schema), so renaming a field fails here, not in the dashboard.

use crate::schema_served::committed_schema;
use apollo_compiler::ExecutableDocument;

#[path = "../../../frontend/src/model/documenten.rs"]
pub(crate) mod frontend;

/// The front end's sources, every `.rs` file under `frontend/src`.
fn front_end_sources() -> Vec<(std::path::PathBuf, String)> {
    let mut todo = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../frontend/src"
    ))];
    let mut out = Vec::new();
    while let Some(dir) = todo.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                out.push((p, text));
            }
        }
    }
    assert!(out.len() > 10, "the front end's sources are found");
    out
}

/// The validation errors of `document` against the committed schema, if any.
fn problems(name: &str, document: &str) -> Option<String> {
    let schema = committed_schema();
    ExecutableDocument::parse_and_validate(&schema, document, name)
        .err()
        .map(|e| e.errors.to_string())
}

#[test]
fn every_front_end_document_is_valid_against_the_schema() {
    let invalid: Vec<String> = frontend::ALLE
        .iter()
        .filter_map(|(name, doc)| problems(name, doc).map(|p| format!("{name}:\n{p}")))
        .collect();
    assert!(invalid.is_empty(), "{}", invalid.join("\n"));
    for (name, doc) in frontend::ALLE {
        let schema = committed_schema();
        let valid = ExecutableDocument::parse_and_validate(&schema, *doc, *name).unwrap();
        assert_eq!(valid.operations.len(), 1, "{name} holds one operation");
    }
}

#[test]
fn a_misspelled_field_fails_the_check() {
    let misspelled = frontend::ACTIE_QUERY.replacen("gezondheidReden", "gezondhiedReden", 1);
    let p = problems("misspelled", &misspelled).expect("a misspelled field is refused");
    assert!(p.contains("gezondhiedReden"), "{p}");
    let fragment = frontend::OVERZICHT_QUERY.replacen("aandeelAfgerond", "aandeelAfgerondd", 1);
    assert!(
        problems("fragment", &fragment).is_some(),
        "a misspelled field in the roll-up fragment is refused"
    );
}

#[test]
fn the_roll_up_selection_is_one_fragment() {
    for (name, doc) in frontend::ALLE {
        // The overview's trend points select only what the compact chart draws, in their own fragment.
        let doc = match doc.split_once("fragment TrendPunt on ReeksPunt {") {
            Some((voor, rest)) => {
                let (punt, na) = rest.split_once("} } }").unwrap_or((rest, ""));
                assert!(
                    !punt.contains("aantalPerStatus") && !punt.contains("gemiddeldeVoortgang"),
                    "{name}: a trend point is trimmed"
                );
                voor.to_string() + na
            }
            None => doc.to_string(),
        };
        if doc.contains("aandeelAfgerond") {
            assert_eq!(
                doc.matches("aandeelAfgerond").count(),
                1,
                "{name} selects the roll-up once: in the fragment"
            );
            assert!(
                doc.contains("...Rollup") && doc.contains("fragment Rollup on Rollup"),
                "{name}"
            );
        }
    }
}

#[test]
fn every_document_of_the_front_end_is_listed_for_this_check() {
    // A document written anywhere else in the front end would escape the validation above.
    let own = "documenten.rs";
    let starts = [
        "\"query ",
        "\"mutation ",
        "\"subscription ",
        "\"fragment ",
        "\"{ ",
        "\"query{",
    ];
    let mut elsewhere = Vec::new();
    for (path, text) in front_end_sources() {
        if path.file_name().is_some_and(|n| n == own) {
            let consts = text.matches("pub const ").count();
            assert_eq!(
                consts,
                frontend::ALLE.len() + 1,
                "every document of {own} is in ALLE"
            );
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            if starts.iter().any(|s| line.contains(s)) {
                elsewhere.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(
        elsewhere.is_empty(),
        "GraphQL documents outside {own}:\n{}",
        elsewhere.join("\n")
    );
}
