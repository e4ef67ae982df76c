//! The document guard: bounds what a request may cost before anything recursive or exponential runs on it.
//! [`check`] scans the text, parses it once (the document is kept in the request, so async-graphql does not
//! parse it again), checks the document and picks the operation; `KoersSchema` runs it before every request it
//! executes, over HTTP and WebSocket alike. [`batch`] sums the complexity of a batch.

pub mod batch;
mod document;
mod scan;

use crate::config::GraphqlLimits;
use async_graphql::parser::types::{BaseType, DocumentOperations, OperationDefinition, Type};
use async_graphql::{Name, Request, ServerError, Value, Variables};

pub use scan::value_depth;

/// A refusal with `extensions.code`.
pub(crate) fn refusal(code: &str, message: impl Into<String>) -> ServerError {
    let mut e = ServerError::new(message, None);
    e.extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
    e
}

/// An input refusal: `BAD_USER_INPUT` naming the offending `field`.
fn bad_input(field: &str, message: impl Into<String>) -> ServerError {
    let mut e = refusal("BAD_USER_INPUT", message);
    e.extensions
        .get_or_insert_with(Default::default)
        .set("field", field);
    e
}

/// Checks `request` against `limits` before it is validated or executed: the text's nesting and tokens, the
/// variables' nesting, the parsed document (spreads, directives, fields and depth with fragments expanded),
/// then the operation to run (`OPERATION_NOT_FOUND`, `OPERATION_NAME_REQUIRED`) and its variables (a missing
/// required one or an `Int` out of range is `BAD_USER_INPUT` with `field`). Every refusal has a code.
pub fn check(request: &mut Request, limits: &GraphqlLimits) -> Result<(), ServerError> {
    scan::check_text(&request.query, limits.nesting, limits.tokens)?;
    for (name, value) in request.variables.iter() {
        if value_depth(value) > limits.nesting {
            return Err(refusal(
                "NESTING_TOO_DEEP",
                format!("variabele ${name} nest dieper dan {} niveaus", limits.nesting),
            ));
        }
    }
    let variables = std::mem::take(&mut request.variables);
    let result = check_parsed(request, &variables, limits);
    request.variables = variables;
    result
}

/// The checks on the parsed document, its operation and its variables.
fn check_parsed(
    request: &mut Request,
    variables: &Variables,
    limits: &GraphqlLimits,
) -> Result<(), ServerError> {
    let operation_name = request.operation_name.clone();
    let doc = request.parsed_query().map_err(|mut e| {
        e.extensions
            .get_or_insert_with(Default::default)
            .set("code", "GRAPHQL_PARSE_FAILED");
        e
    })?;
    document::check_document(doc, limits)?;
    let op = operation(&doc.operations, operation_name.as_deref())?;
    for def in &op.variable_definitions {
        let def = &def.node;
        let name = def.name.node.as_str();
        match variables.get(&def.name.node) {
            None | Some(Value::Null) if !def.var_type.node.nullable && def.default_value.is_none() => {
                return Err(bad_input(
                    name,
                    format!("de verplichte variabele ${name} ontbreekt"),
                ));
            }
            Some(v) if !ints_fit(&def.var_type.node, v) => {
                return Err(bad_input(
                    name,
                    format!("variabele ${name}: een Int ligt tussen -2147483648 en 2147483647"),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The operation the request runs, chosen as async-graphql does.
fn operation<'a>(
    ops: &'a DocumentOperations,
    name: Option<&str>,
) -> Result<&'a OperationDefinition, ServerError> {
    match (ops, name) {
        (DocumentOperations::Single(op), None) => Ok(&op.node),
        (DocumentOperations::Multiple(map), Some(name)) => map
            .get(&Name::new(name))
            .map(|op| &op.node)
            .ok_or_else(|| unknown_operation(name)),
        (DocumentOperations::Single(_), Some(name)) => Err(unknown_operation(name)),
        (DocumentOperations::Multiple(map), None) => match map.values().next() {
            Some(op) if map.len() == 1 => Ok(&op.node),
            _ => Err(refusal(
                "OPERATION_NAME_REQUIRED",
                "het document heeft meerdere operaties: kies er een met operationName",
            )),
        },
    }
}

fn unknown_operation(name: &str) -> ServerError {
    refusal(
        "OPERATION_NOT_FOUND",
        format!("het document heeft geen operatie met de naam {name:?}"),
    )
}

/// Whether every value of a variable of an `Int` type (or a list of them) is a 32-bit integer.
fn ints_fit(ty: &Type, v: &Value) -> bool {
    match (&ty.base, v) {
        (BaseType::Named(n), Value::Number(x)) if n.as_str() == "Int" => {
            x.as_i64().is_some_and(|i| i32::try_from(i).is_ok())
                || x.as_f64().is_some_and(|f| f.fract() != 0.0)
        }
        (BaseType::List(inner), Value::List(items)) => items.iter().all(|x| ints_fit(inner, x)),
        (BaseType::List(inner), x) => ints_fit(inner, x),
        _ => true,
    }
}
