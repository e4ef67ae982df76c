//! No error leaves without a stable `extensions.code`: a pass over every answer (HTTP and WebSocket) codes
//! what async-graphql raised without one (parse and validation errors, the depth and complexity limits among
//! them), naming the input field where there is one. It runs after execution, not as a schema extension.

mod invoer;

use super::guard::batch::ProbeSchema;
use async_graphql::registry::Registry;
use async_graphql::{Request, Response, ServerError, Variables};

/// What the pass needs of a request to name fields: its text and variables (parsed again only on an error).
pub struct Source {
    query: String,
    variables: Variables,
}

impl Source {
    /// The text and variables of `r`.
    pub fn of(r: &Request) -> Self {
        Source {
            query: r.query.clone(),
            variables: r.variables.clone(),
        }
    }
}

/// Codes every error of `r` that has no code yet, `src` being its request.
pub async fn complete(r: Response, src: &Source, probe: &ProbeSchema) -> Response {
    if r.errors.iter().all(has_code) {
        return r;
    }
    let index = async_graphql::parser::parse_query(&src.query)
        .ok()
        .map(|doc| invoer::Index::new(&doc, &src.variables));
    let env = probe.env().await;
    complete_response(r, index.as_ref(), env.as_ref().map(|e| &e.registry))
}

fn has_code(e: &ServerError) -> bool {
    e.extensions.as_ref().is_some_and(|x| x.get("code").is_some())
}

fn with_code(mut e: ServerError, code: &str) -> ServerError {
    let ext = e.extensions.get_or_insert_with(Default::default);
    if ext.get("code").is_none() {
        ext.set("code", code);
    }
    e
}

/// The scalar named by an input error (`Failed to parse "Int": …`).
fn scalar_of(message: &str) -> Option<&str> {
    message.strip_prefix("Failed to parse \"")?.split('"').next()
}

/// Whether async-graphql raised `message` about a value the client sent.
fn is_input_error(message: &str) -> bool {
    message.starts_with("Failed to parse \"")
        || message.starts_with("Invalid value for argument")
        || (message.starts_with("Variable ") && message.ends_with("is not defined."))
}

/// The code of an error async-graphql raised without one.
fn code_of(e: &ServerError) -> &'static str {
    let m = e.message.as_str();
    if m.contains("nested too deep") || m.starts_with("The recursion depth of the query") {
        "QUERY_TOO_DEEP"
    } else if m.contains("too complex") {
        "QUERY_TOO_COMPLEX"
    } else if is_input_error(m) {
        "BAD_USER_INPUT"
    } else if m.starts_with("Unknown operation named") {
        "OPERATION_NOT_FOUND"
    } else if m.starts_with("Operation name required") {
        "OPERATION_NAME_REQUIRED"
    } else if m.starts_with("Subscriptions are not supported on this transport") {
        "SUBSCRIPTION_OVER_HTTP"
    } else if e.path.is_empty() {
        "GRAPHQL_VALIDATION_FAILED"
    } else {
        tracing::warn!(message = m, "fout zonder code");
        "INTERNAL"
    }
}

/// Gives `e` a code if it has none, and an input error the `field` it is about where it can be found.
fn complete_one(e: ServerError, index: Option<&invoer::Index>, registry: Option<&Registry>) -> ServerError {
    if has_code(&e) {
        return e;
    }
    let code = code_of(&e);
    let field = match (code, e.locations.first()) {
        ("BAD_USER_INPUT", Some(pos)) => scalar_of(&e.message)
            .and_then(|s| index?.field(*pos, s, registry?))
            .or_else(|| quoted_name(&e.message)),
        _ => None,
    };
    let mut e = with_code(e, code);
    if let Some(f) = field {
        e.extensions.get_or_insert_with(Default::default).set("field", f);
    }
    e
}

/// The argument or variable an error names: `Invalid value for argument "first"`, `Variable id is not defined.`
fn quoted_name(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("Variable ") {
        return rest
            .strip_suffix(" is not defined.")
            .map(|n| n.trim_start_matches('$').to_string());
    }
    let rest = message.strip_prefix("Invalid value for argument \"")?;
    rest.split('"').next().map(str::to_string)
}

/// Codes every error of `r`.
fn complete_response(
    mut r: Response,
    index: Option<&invoer::Index>,
    registry: Option<&Registry>,
) -> Response {
    r.errors = r
        .errors
        .into_iter()
        .map(|e| complete_one(e, index, registry))
        .collect();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_from_messages() {
        assert_eq!(scalar_of("Failed to parse \"Int\": Only integers"), Some("Int"));
        assert_eq!(quoted_name("Variable id is not defined.").as_deref(), Some("id"));
        assert_eq!(
            quoted_name("Invalid value for argument \"first\", expected type \"Int\"").as_deref(),
            Some("first")
        );
    }
}
