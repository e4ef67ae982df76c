//! Requests marked [`QueriesOnly`] (GraphQL over GET) may run queries only: a mutation or subscription is
//! refused with `METHOD_NOT_ALLOWED` before it runs. Installed after the guard, which has parsed the document.

use crate::graphql::guard::refusal;
use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest};
use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{Name, Request, ServerResult};
use std::any::TypeId;
use std::sync::Arc;

/// Request data: this request may only read (it came over GET).
#[derive(Clone, Copy)]
pub struct QueriesOnly;

/// Installs the check.
pub struct QueriesOnlyFactory;

impl ExtensionFactory for QueriesOnlyFactory {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Check)
    }
}

struct Check;

#[async_trait::async_trait]
impl Extension for Check {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        if request.data.contains_key(&TypeId::of::<QueriesOnly>()) {
            let name = request.operation_name.clone();
            let doc = request.parsed_query()?;
            let ty = match (&doc.operations, name) {
                (DocumentOperations::Single(op), _) => Some(op.node.ty),
                (DocumentOperations::Multiple(map), Some(n)) => map.get(&Name::new(n)).map(|op| op.node.ty),
                (DocumentOperations::Multiple(map), None) => map.values().next().map(|op| op.node.ty),
            };
            if ty.is_some_and(|t| t != OperationType::Query) {
                return Err(refusal(
                    "METHOD_NOT_ALLOWED",
                    "GET voert alleen queries uit: mutaties met POST, abonnementen over /graphql/ws",
                ));
            }
        }
        next.run(ctx, request).await
    }
}
