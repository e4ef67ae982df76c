//! A schema extension that makes sure no error leaves without a stable `extensions.code`: parse and validation
//! errors (the depth and complexity limits among them) get theirs as they happen, and a last pass over every
//! answer (HTTP and WebSocket) codes what async-graphql raised without one, naming the input field where
//! there is one.

mod invoer;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextRequest, NextSubscribe, NextValidation,
};
use async_graphql::futures_util::stream::{BoxStream, StreamExt};
use async_graphql::parser::types::ExecutableDocument;
use async_graphql::registry::Registry;
use async_graphql::{Response, ServerError, ServerResult, ValidationResult, Variables};
use std::sync::{Arc, Mutex};

/// Installs [`ErrorCodes`].
pub struct ErrorCodesFactory;

impl ExtensionFactory for ErrorCodesFactory {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ErrorCodes::default())
    }
}

/// Adds codes to errors; one per request, holding the request's arguments to name fields.
#[derive(Default)]
struct ErrorCodes {
    index: Mutex<Option<Arc<invoer::Index>>>,
}

impl ErrorCodes {
    fn index(&self) -> Option<Arc<invoer::Index>> {
        self.index.lock().ok().and_then(|i| i.clone())
    }
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
fn complete(e: ServerError, index: Option<&invoer::Index>, registry: &Registry) -> ServerError {
    if e.extensions.as_ref().is_some_and(|x| x.get("code").is_some()) {
        return e;
    }
    let code = code_of(&e);
    let field = match (code, e.locations.first()) {
        ("BAD_USER_INPUT", Some(pos)) => scalar_of(&e.message)
            .and_then(|s| index?.field(*pos, s, registry))
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
fn complete_response(mut r: Response, index: Option<&invoer::Index>, registry: &Registry) -> Response {
    r.errors = r
        .errors
        .into_iter()
        .map(|e| complete(e, index, registry))
        .collect();
    r
}

#[async_trait::async_trait]
impl Extension for ErrorCodes {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let r = next.run(ctx).await;
        complete_response(r, self.index().as_deref(), &ctx.schema_env.registry)
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        let index = self.index();
        let env = ctx.schema_env.clone();
        next.run(ctx, stream)
            .map(move |r| complete_response(r, index.as_deref(), &env.registry))
            .boxed()
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next
            .run(ctx, query, variables)
            .await
            .map_err(|e| with_code(e, "GRAPHQL_PARSE_FAILED"))?;
        if let Ok(mut slot) = self.index.lock() {
            *slot = Some(Arc::new(invoer::Index::new(&doc, variables)));
        }
        Ok(doc)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        next.run(ctx).await.map_err(|errors| {
            let index = self.index();
            let registry = &ctx.schema_env.registry;
            errors
                .into_iter()
                .map(|e| complete(e, index.as_deref(), registry))
                .collect()
        })
    }
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
