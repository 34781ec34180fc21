//! The router with its middleware, in the order a request meets it.

use crate::middleware::{
    access_log, body_limit, client_ip, contract_audit, idempotency, problem, rate_limit,
    request_id, request_target, security_headers, timeout,
};
use crate::routes::RouteTable;
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::Router;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub fn router(state: AppState, routes: RouteTable) -> Router {
    let cors = cors(state.config().cors_allowed_origins.as_slice());
    let contracts = contract_audit::Contracts::of(routes.routes());
    let limits = rate_limit::RouteLimits::of(routes.routes());
    let idempotent = idempotency::IdempotentRoutes::of(routes.routes());
    routes
        .into_router()
        .route_layer(from_fn_with_state(
            state.clone(),
            move |state: State<AppState>, req: Request, next: Next| {
                idempotency::enforce(idempotent.clone(), state, req, next)
            },
        ))
        // Inside the contract check, so a 429 is held to the document like any answer.
        .route_layer(from_fn_with_state(
            state.clone(),
            move |state: State<AppState>, req: Request, next: Next| {
                rate_limit::enforce(limits.clone(), state, req, next)
            },
        ))
        .route_layer(from_fn(move |req, next| {
            contract_audit::audit(contracts.clone(), req, next)
        }))
        .fallback(rate_limit::unrouted)
        // Our own limit (per route group) replaces axum's fixed 2 MB default.
        .layer(DefaultBodyLimit::disable())
        .layer(
            ServiceBuilder::new()
                .layer(from_fn_with_state(state.clone(), request_id::assign))
                .layer(from_fn_with_state(state.clone(), client_ip::assign))
                .layer(from_fn(access_log::log))
                .layer(from_fn_with_state(state.clone(), security_headers::apply))
                .layer(from_fn(problem::render))
                .option_layer(cors)
                .layer(from_fn(request_target::guard))
                .layer(from_fn_with_state(state.clone(), timeout::enforce))
                .layer(from_fn_with_state(state.clone(), body_limit::enforce)),
        )
        .with_state(state)
}

/// Cross-origin access is off unless origins are listed; a wildcard is never allowed.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([
                Method::GET,
                Method::POST,
                Method::PUT,
                Method::PATCH,
                Method::DELETE,
            ])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::IF_MATCH,
                HeaderName::from_static(idempotency::HEADER),
                HeaderName::from_static("x-csrf-token"),
                HeaderName::from_static(request_id::HEADER),
            ])
            .expose_headers([
                header::ETAG,
                header::RETRY_AFTER,
                HeaderName::from_static(request_id::HEADER),
                HeaderName::from_static(rate_limit::POLICY_HEADER),
                HeaderName::from_static(rate_limit::STATE_HEADER),
                HeaderName::from_static(idempotency::REPLAYED),
            ])
            .allow_credentials(true)
            .max_age(Duration::from_secs(600)),
    )
}
