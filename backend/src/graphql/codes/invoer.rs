//! Finds the input field an async-graphql scalar error is about (`Failed to parse "Int"` names no field): the
//! arguments of the document are indexed by position, with variables filled in, and the first value the
//! scalar refuses is the field (`filter.gewijzigdSinds`).

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::registry::{MetaType, Registry};
use async_graphql::{Pos, Value as ConstValue, Variables};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;

/// One argument: where its value starts, its name and its value.
struct Argument {
    pos: Pos,
    name: String,
    value: ConstValue,
}

/// The arguments of every field, by the field's position.
#[derive(Default)]
pub struct Index(Vec<(Pos, Vec<Argument>)>);

impl Index {
    /// Indexes `doc`; the guard has bounded its size and depth before.
    pub fn new(doc: &ExecutableDocument, variables: &Variables) -> Self {
        let mut index = Index::default();
        for (_, op) in doc.operations.iter() {
            index.set(&op.node.selection_set.node, variables);
        }
        for def in doc.fragments.values() {
            index.set(&def.node.selection_set.node, variables);
        }
        index
    }

    fn set(&mut self, set: &SelectionSet, variables: &Variables) {
        for item in &set.items {
            match &item.node {
                Selection::Field(f) => {
                    let args = f
                        .node
                        .arguments
                        .iter()
                        .map(|(name, value)| Argument {
                            pos: value.pos,
                            name: name.node.to_string(),
                            value: value
                                .node
                                .clone()
                                .into_const_with(|v| {
                                    Ok::<_, ()>(variables.get(&v).cloned().unwrap_or(ConstValue::Null))
                                })
                                .unwrap_or(ConstValue::Null),
                        })
                        .collect();
                    self.0.push((f.pos, args));
                    self.set(&f.node.selection_set.node, variables);
                }
                Selection::InlineFragment(i) => self.set(&i.node.selection_set.node, variables),
                Selection::FragmentSpread(_) => {}
            }
        }
    }

    /// The path of the first value at `pos` (a field or an argument's value) that `scalar` refuses: an
    /// argument's own value, or an input field that the schema declares of that scalar.
    pub fn field(&self, pos: Pos, scalar: &str, registry: &Registry) -> Option<String> {
        let typed = fields_of_type(registry, scalar);
        let bad = |v: &ConstValue| refuses(scalar, v);
        for (field_pos, args) in &self.0 {
            for a in args {
                if (*field_pos == pos || a.pos == pos)
                    && let Some(path) = find(&a.value, &a.name, &bad, &|k| typed.contains(k))
                {
                    return Some(path);
                }
            }
        }
        None
    }
}

/// The names of input fields declared (as a list or not, required or not) of the type `scalar`.
fn fields_of_type(registry: &Registry, scalar: &str) -> HashSet<String> {
    let mut names = HashSet::new();
    for t in registry.types.values() {
        if let MetaType::InputObject { input_fields, .. } = t {
            for f in input_fields.values() {
                if f.ty.trim_matches(|c| matches!(c, '[' | ']' | '!')) == scalar {
                    names.insert(f.name.clone());
                }
            }
        }
    }
    names
}

/// Whether `scalar` refuses the scalar value `v`.
fn refuses(scalar: &str, v: &ConstValue) -> bool {
    match (scalar, v) {
        ("Int", ConstValue::Number(n)) => n.as_i64().is_none_or(|i| i32::try_from(i).is_err()),
        ("Int", ConstValue::String(_) | ConstValue::Boolean(_)) => true,
        ("DateTime", ConstValue::String(s)) => s.parse::<DateTime<Utc>>().is_err(),
        ("NaiveDate", ConstValue::String(s)) => NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err(),
        ("DateTime" | "NaiveDate", ConstValue::Number(_) | ConstValue::Boolean(_)) => true,
        _ => false,
    }
}

/// The path below `path` of the first scalar in `v` that `bad` refuses, looking into input objects only under
/// the keys `typed` accepts (depth bounded by the guard).
fn find(
    v: &ConstValue,
    path: &str,
    bad: &dyn Fn(&ConstValue) -> bool,
    typed: &dyn Fn(&str) -> bool,
) -> Option<String> {
    match v {
        ConstValue::Object(map) => map.iter().find_map(|(k, x)| {
            let below = format!("{path}.{k}");
            match x {
                ConstValue::Object(_) => find(x, &below, bad, typed),
                _ if typed(k.as_str()) => find(x, &below, bad, typed),
                _ => None,
            }
        }),
        ConstValue::List(items) => items.iter().find_map(|x| find(x, path, bad, typed)),
        x if bad(x) => Some(path.to_string()),
        _ => None,
    }
}
