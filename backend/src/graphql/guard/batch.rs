//! The complexity of a batch is the sum of its requests': each request is first validated on its own by a
//! probe schema (the same types, without data, whose one extension stops after validation, so nothing runs),
//! and a batch over the limit is refused whole. The probe also lends the error codes the schema's registry.

use super::refusal;
use crate::config::GraphqlLimits;
use crate::graphql::uitvoeren::InnerSchema;
use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextValidation};
use async_graphql::{Request, SchemaEnv, ServerError, ValidationResult};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// Query data of a probe: receives the request's complexity (`usize::MAX` when it alone is too complex).
struct Probe(Arc<AtomicUsize>);

/// Installs the probe's validation hook on the probe schema.
#[derive(Clone, Default)]
pub struct ProbeFactory(Arc<OnceLock<SchemaEnv>>);

impl ExtensionFactory for ProbeFactory {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ProbeHook(self.0.clone()))
    }
}

struct ProbeHook(Arc<OnceLock<SchemaEnv>>);

#[async_trait::async_trait]
impl Extension for ProbeHook {
    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let _ = self.0.get_or_init(|| ctx.schema_env.clone());
        let result = next.run(ctx).await;
        let Some(Probe(seen)) = ctx.data_opt::<Probe>() else {
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
}

/// The probe schema and the schema environment it saw.
pub struct ProbeSchema {
    schema: InnerSchema,
    env: Arc<OnceLock<SchemaEnv>>,
}

impl ProbeSchema {
    /// `schema` must have been built with `factory` as its only extension.
    pub fn new(schema: InnerSchema, factory: &ProbeFactory) -> Self {
        ProbeSchema {
            schema,
            env: factory.0.clone(),
        }
    }

    /// The complexity of `request` (0 when it does not validate, `usize::MAX` when it alone is too complex).
    async fn complexity(&self, request: Request) -> usize {
        let seen = Arc::new(AtomicUsize::new(0));
        self.schema.execute(request.data(Probe(seen.clone()))).await;
        seen.load(Ordering::Relaxed)
    }

    /// The schema's environment (its registry), validated once to be seen.
    pub async fn env(&self) -> Option<SchemaEnv> {
        if self.env.get().is_none() {
            self.schema.execute("{ __typename }").await;
        }
        self.env.get().cloned()
    }
}

/// Refuses a batch whose requests together are more complex than `limits.complexity` (`QUERY_TOO_COMPLEX`),
/// before any of them runs. Each request is probed as a copy that went through `prepare` (persisted queries,
/// the guard); one that `prepare` or validation refuses counts 0 here: it is refused with its own error when
/// the batch runs.
pub async fn check(
    probe: &ProbeSchema,
    requests: &mut [Request],
    limits: &GraphqlLimits,
    prepare: impl Fn(&mut Request) -> Result<(), ServerError>,
) -> Result<(), ServerError> {
    if requests.len() < 2 {
        return Ok(());
    }
    let mut total = 0usize;
    for r in requests.iter() {
        let mut copy = Request::new(r.query.clone()).variables(r.variables.clone());
        copy.operation_name = r.operation_name.clone();
        copy.extensions = r.extensions.clone();
        if prepare(&mut copy).is_err() {
            continue;
        }
        total = total.saturating_add(probe.complexity(copy).await);
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
