//! Requests marked [`QueriesOnly`] (GraphQL over GET) may run queries only: a mutation or subscription is
//! refused with `METHOD_NOT_ALLOWED` before it runs. Checked after the guard, which has parsed the document.

use crate::graphql::guard::refusal;
use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{Name, Request, ServerError};
use std::any::TypeId;

/// Request data: this request may only read (it came over GET).
#[derive(Clone, Copy)]
pub struct QueriesOnly;

/// Refuses a mutation or subscription in a request marked [`QueriesOnly`].
pub fn check(request: &mut Request) -> Result<(), ServerError> {
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
    Ok(())
}
