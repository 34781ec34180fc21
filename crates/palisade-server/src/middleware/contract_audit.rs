//! Holds every answer to the contract in the OpenAPI document: a problem that a routed
//! operation answers must be one its contract lists. A stray one is logged as an error; in
//! debug builds (every test run) it also panics, so the whole test suite checks the document.

use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use crate::routes::{Route, Verb};
use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// The documented problems of each operation, by method and route template.
#[derive(Debug, Clone, Default)]
pub struct Contracts(Arc<HashMap<(Verb, &'static str), BTreeSet<ProblemCode>>>);

impl Contracts {
    pub fn of(routes: &[Route]) -> Self {
        let map = routes
            .iter()
            .map(|route| ((route.verb, route.path), route.contract.problems.clone()))
            .collect();
        Self(Arc::new(map))
    }
}

pub async fn audit(contracts: Contracts, req: Request, next: Next) -> Response {
    // `MatchedPath` is shared, so keeping it costs a reference count, not a copy.
    let operation = req
        .extensions()
        .get::<MatchedPath>()
        .cloned()
        .zip(Verb::of(req.method()));
    let response = next.run(req).await;
    let (Some((path, verb)), Some(error)) = (operation, response.extensions().get::<ApiError>())
    else {
        return response;
    };
    let documented = contracts
        .0
        .get(&(verb, path.as_str()))
        .is_some_and(|codes| codes.contains(&error.code()));
    if !documented {
        let (code, path) = (error.code().as_str(), path.as_str());
        tracing::error!(
            code,
            path,
            "answered a problem the API contract does not list"
        );
        debug_assert!(
            false,
            "{} {path} answered `{code}`, which its contract does not list",
            verb.openapi_name()
        );
    }
    response
}
