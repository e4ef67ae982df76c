//! The complexity of a batch is the sum of its requests': each request is first validated on its own (a probe
//! that stops after validation, so nothing runs), and a batch over the limit is refused whole.

use super::refusal;
use crate::config::GraphqlLimits;
use crate::graphql::KoersSchema;
use async_graphql::{Request, ServerError, ValidationResult};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Query data of a probe: receives the request's complexity (`usize::MAX` when it alone is too complex).
pub(super) struct Probe(Arc<AtomicUsize>);

/// What the guard's validation hook does with a validated request: a probe records its complexity and stops.
pub(super) fn after_validation(
    probe: Option<&Probe>,
    result: Result<ValidationResult, Vec<ServerError>>,
) -> Result<ValidationResult, Vec<ServerError>> {
    let Some(Probe(seen)) = probe else {
        return result;
    };
    let n = match &result {
        Ok(r) => r.complexity,
        Err(errors) if errors.iter().any(|e| e.message.contains("too complex")) => usize::MAX,
        Err(_) => 0,
    };
    seen.store(n, Ordering::Relaxed);
    Err(vec![refusal("VALIDATED_ONLY", "alleen gevalideerd")])
}

/// Refuses a batch whose requests together are more complex than `limits.complexity` (`QUERY_TOO_COMPLEX`),
/// before any of them runs. A request the guard or validation refuses counts 0 here: it is refused with its own
/// error when the batch runs. Each request's document stays parsed, so the batch does not parse it again.
pub async fn check(
    schema: &KoersSchema,
    requests: &mut [Request],
    limits: &GraphqlLimits,
) -> Result<(), ServerError> {
    if requests.len() < 2 {
        return Ok(());
    }
    let mut total = 0usize;
    for r in requests.iter_mut() {
        let seen = Arc::new(AtomicUsize::new(0));
        let mut probe = Request::new(r.query.clone())
            .variables(r.variables.clone())
            .data(Probe(seen.clone()));
        probe.operation_name = r.operation_name.clone();
        if r.query.is_empty() && r.extensions.contains_key("persistedQuery") {
            // Sent by hash: the probe gets the text from the persisted-query cache and the guard checks it.
            probe.extensions = r.extensions.clone();
        } else {
            if super::check(r, limits).is_err() {
                continue;
            }
            let Ok(doc) = r.parsed_query() else {
                continue;
            };
            probe.set_parsed_query(doc.clone());
        }
        schema.execute(probe).await;
        total = total.saturating_add(seen.load(Ordering::Relaxed));
        if total > limits.complexity {
            return Err(refusal(
                "QUERY_TOO_COMPLEX",
                format!(
                    "de verzoeken van deze batch zijn samen complexer dan {}",
                    limits.complexity
                ),
            ));
        }
    }
    Ok(())
}
