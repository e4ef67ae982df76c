//! The committed `schema.graphql` is exactly the schema a running Koers serves: the explorer's introspection
//! query over HTTP answers the same as that query executed against the file (by an independent implementation).

use apollo_compiler::{ExecutableDocument, Schema, introspection, request::coerce_variable_values};
use serde_json::Value;
use std::collections::BTreeMap;

/// Types and directives every GraphQL implementation brings along, each with its own descriptions.
const BUILTIN: [&str; 15] = [
    "Int",
    "Float",
    "String",
    "Boolean",
    "ID",
    "skip",
    "include",
    "deprecated",
    "specifiedBy",
    "oneOf",
    "defer",
    "stream",
    "__Schema",
    "__Type",
    "__Field",
];

/// The committed schema, parsed and validated.
pub(crate) fn committed_schema() -> apollo_compiler::validation::Valid<Schema> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
    let sdl = std::fs::read_to_string(path).unwrap();
    Schema::parse_and_validate(sdl, "schema.graphql")
        .unwrap_or_else(|e| panic!("schema.graphql: {}", e.errors))
}

/// The introspection answer of the committed file.
fn introspect_file(query: &str) -> Value {
    let schema = committed_schema();
    let doc = ExecutableDocument::parse_and_validate(&schema, query, "introspection.graphql").unwrap();
    let op = doc.operations.get(None).unwrap();
    let vars = coerce_variable_values(&schema, op, &Default::default()).unwrap();
    let r = introspection::partial_execute(&schema, &schema.implementers_map(), &doc, op, &vars).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    serde_json::to_value(r.data).unwrap()
}

/// `t` with what the specification leaves to the implementation made alike: `possibleTypes` is a set,
/// and an interface without interfaces may answer `null` or `[]`.
fn normalised(t: &Value) -> Value {
    let mut t = t.clone();
    if let Some(p) = t["possibleTypes"].as_array_mut() {
        p.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    }
    if t["interfaces"].as_array().is_some_and(Vec::is_empty) {
        t["interfaces"] = Value::Null;
    }
    t
}

/// The named entries of `list` (types or directives) without the built-in ones, by name.
fn by_name(list: &Value) -> BTreeMap<String, Value> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_string(), normalised(t)))
        .filter(|(n, _)| !n.starts_with("__") && !BUILTIN.contains(&n.as_str()))
        .collect()
}

/// Every type or directive on which the two answers differ, with both versions.
fn differences(served: &Value, file: &Value, list: &str) -> Vec<String> {
    let (a, b) = (
        by_name(&served["__schema"][list]),
        by_name(&file["__schema"][list]),
    );
    let mut out = Vec::new();
    for name in a.keys().chain(b.keys().filter(|n| !a.contains_key(*n))) {
        if a.get(name) != b.get(name) {
            out.push(format!(
                "{list} {name}:\n  served: {}\n  file:   {}",
                a.get(name).map_or("absent".into(), Value::to_string),
                b.get(name).map_or("absent".into(), Value::to_string)
            ));
        }
    }
    out
}

#[tokio::test]
async fn the_served_schema_introspects_exactly_as_the_committed_file() {
    let app = crate::helpers::TestApp::spawn().await;
    let query = crate::schema::full_introspection_query();
    let served = app.data(&query, serde_json::json!({})).await;
    let file = introspect_file(&query);
    for root in ["queryType", "mutationType", "subscriptionType"] {
        assert_eq!(served["__schema"][root], file["__schema"][root], "{root}");
    }
    assert!(
        by_name(&served["__schema"]["types"]).len() > 20,
        "the served introspection lists the types"
    );
    let mut diff = differences(&served, &file, "types");
    diff.extend(differences(&served, &file, "directives"));
    assert!(
        diff.is_empty(),
        "schema.graphql differs from the served schema (run `KOERS_UPDATE_SCHEMA=1 cargo test --workspace --test api schema::`):\n{}",
        diff.join("\n")
    );
}

#[test]
fn the_comparison_sees_a_missing_specified_by() {
    // Canary: the file as `sdl()` wrote it before, without `@specifiedBy`, is told apart.
    let query = crate::schema::full_introspection_query();
    let file = introspect_file(&query);
    let mut altered = file.clone();
    for t in altered["__schema"]["types"].as_array_mut().unwrap() {
        if t["name"] == "DateTime" {
            t["specifiedByURL"] = Value::Null;
        }
    }
    assert_eq!(differences(&altered, &file, "types").len(), 1);
}
