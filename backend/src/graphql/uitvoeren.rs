//! Executing a request: persisted queries, the document guard and GET's queries-only rule run before
//! async-graphql, and the error-code pass after it. None of them is a schema extension: with any extension
//! registered, async-graphql runs its hook chain around every field it resolves, and these only need the
//! request before it runs and the answer after.

use super::guard::batch::{self, ProbeSchema};
use super::{MutationRoot, QueryRoot, apq, codes, guard, queries_only, subscription};
use crate::config::GraphqlLimits;
use async_graphql::futures_util::stream::{self, BoxStream, StreamExt};
use async_graphql::{BatchRequest, BatchResponse, Request, Response, Schema, ServerError};
use std::sync::Arc;

/// async-graphql's schema of Koers, without extensions.
pub type InnerSchema = Schema<QueryRoot, MutationRoot, subscription::Subscription>;

/// Koers' schema: executes requests over HTTP and WebSocket, and in tests, with every guard rail.
#[derive(Clone)]
pub struct KoersSchema(Arc<Inner>);

struct Inner {
    schema: InnerSchema,
    /// The same types without data, with the validation probe: a batch's complexity, and the registry the
    /// error codes read.
    probe: ProbeSchema,
    apq: Option<apq::PersistedQueries>,
    limits: GraphqlLimits,
}

impl KoersSchema {
    /// Wraps the served `schema`; `probe` comes from the same builder.
    pub(super) fn new(schema: InnerSchema, probe: ProbeSchema, limits: GraphqlLimits) -> Self {
        KoersSchema(Arc::new(Inner {
            schema,
            probe,
            apq: apq::PersistedQueries::new(limits.persisted_queries),
            limits,
        }))
    }

    /// The checks before a request runs: its text by hash (persisted queries), the guard, queries only; a
    /// text sent with its hash is kept once all of them let it through.
    fn prepare(&self, request: &mut Request) -> Result<(), ServerError> {
        let keep = match &self.0.apq {
            Some(apq) => apq.prepare(request)?,
            None => None,
        };
        guard::check(request, &self.0.limits)?;
        queries_only::check(request)?;
        if let (Some(apq), Some((hash, text))) = (&self.0.apq, keep) {
            apq.keep(hash, text);
        }
        Ok(())
    }

    /// Executes one request.
    pub async fn execute(&self, request: impl Into<Request>) -> Response {
        let mut request = request.into();
        if let Err(e) = self.prepare(&mut request) {
            // Every refusal of `prepare` has its code.
            return Response::from_errors(vec![e]);
        }
        let copy = codes::Source::of(&request);
        // One answer, one store of what its lists fetched ahead (never for a stream: it would only grow).
        let request = request.data(super::voorraad::Voorraad::default());
        let r = self.0.schema.execute(request).await;
        codes::complete(r, &copy, &self.0.probe).await
    }

    /// Executes a batch, its requests side by side.
    pub async fn execute_batch(&self, batch: BatchRequest) -> BatchResponse {
        match batch {
            BatchRequest::Single(r) => BatchResponse::Single(self.execute(r).await),
            BatchRequest::Batch(list) => {
                let all = list.into_iter().map(|r| self.execute(r));
                BatchResponse::Batch(async_graphql::futures_util::future::join_all(all).await)
            }
        }
    }

    /// Executes a subscription (or a query or mutation, as one answer) as a stream.
    pub fn execute_stream(&self, request: impl Into<Request>) -> BoxStream<'static, Response> {
        let mut request = request.into();
        let me = self.clone();
        if let Err(e) = self.prepare(&mut request) {
            return stream::once(async move { Response::from_errors(vec![e]) }).boxed();
        }
        let copy = Arc::new(codes::Source::of(&request));
        self.0
            .schema
            .execute_stream(request)
            .then(move |r| {
                let (me, copy) = (me.clone(), copy.clone());
                async move { codes::complete(r, &copy, &me.0.probe).await }
            })
            .boxed()
    }

    /// Refuses `requests` whose complexity together is over the limit (`QUERY_TOO_COMPLEX`), before any runs.
    pub async fn check_batch(&self, requests: &mut [Request]) -> Result<(), ServerError> {
        batch::check(&self.0.probe, requests, &self.0.limits, |r| self.prepare(r)).await
    }
}
