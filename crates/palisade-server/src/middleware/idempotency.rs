//! `Idempotency-Key` on workspace writes (Stripe's semantics, kept by the idempotency service):
//! a retry of a request that succeeded gets the first response again, marked
//! `Idempotent-Replayed: true`, and changes nothing; the same key on a different request is 422
//! `idempotency_key_reused`; a retry while the first is still running is 409
//! `idempotency_key_in_use`. Only successful responses are kept: a refused request changed
//! nothing, so its key stays free for the corrected request.

use crate::error::ApiError;
use crate::extract::origin_of;
use crate::extract::scoped::{scope_for, ResolvedScope};
use crate::middleware::body_limit;
use crate::problem_code::ProblemCode;
use crate::routes::Verb;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use palisade_core::Permission;
use palisade_service::idempotency::{self, Begun, StoredResponse, Ticket};
use std::collections::HashMap;
use std::sync::Arc;

pub const HEADER: &str = "idempotency-key";
pub const REPLAYED: &str = "idempotent-replayed";

/// The workspace route templates' common start.
const WORKSPACE_PREFIX: &str = "/v1/workspaces/{ws}";
/// The largest response kept for a retry.
const MAX_KEPT: usize = 4 * 1024 * 1024;
/// The headers that describe a result, kept with it.
const KEPT_HEADERS: [HeaderName; 3] = [header::CONTENT_TYPE, header::LOCATION, header::ETAG];

/// Whether requests to `verb path` may carry an `Idempotency-Key`: every write inside a workspace.
pub fn applies(verb: Verb, path: &str) -> bool {
    verb != Verb::Get
        && (path == WORKSPACE_PREFIX || path.starts_with(&format!("{WORKSPACE_PREFIX}/")))
}

/// The permission each operation that takes a key checks, by method and route template.
#[derive(Debug, Clone, Default)]
pub struct IdempotentRoutes(Arc<HashMap<(Verb, &'static str), Permission>>);

impl IdempotentRoutes {
    pub fn of(routes: &[crate::routes::Route]) -> Self {
        let map = routes
            .iter()
            .filter(|route| route.idempotent)
            .filter_map(|route| Some(((route.verb, route.path), route.contract.permission?)))
            .collect();
        Self(Arc::new(map))
    }
}

fn problem(code: ProblemCode, detail: &str) -> Response {
    ApiError::new(code).with_detail(detail).into_response()
}

pub async fn enforce(
    routes: IdempotentRoutes,
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let permission = req
        .extensions()
        .get::<MatchedPath>()
        .zip(Verb::of(req.method()))
        .and_then(|(path, verb)| routes.0.get(&(verb, path.as_str())).copied());
    let (Some(permission), Some(value)) = (permission, req.headers().get(HEADER).cloned()) else {
        return next.run(req).await;
    };
    let (mut parts, body) = req.into_parts();
    let slug = parts
        .uri
        .path()
        .split('/')
        .nth(3)
        .unwrap_or_default()
        .to_owned();
    let origin = origin_of(&parts);
    // The key belongs to whoever the credential proves, in this workspace: authorize now (the
    // handler's extractor reuses the result instead of asking again, and spends no more).
    let scope = match scope_for(&mut parts, &state, &slug, &origin).await {
        Ok(scope) => scope,
        Err(error) => return error.into_response(),
    };
    parts.extensions.insert(ResolvedScope(scope.clone()));
    if !scope.allows(permission) {
        // Refused by the handler's extractor, as without a key; nothing is kept or replayed
        // (a member whose role shrank gets no earlier answer again).
        return next.run(Request::from_parts(parts, body)).await;
    }
    let Some(key) = value
        .to_str()
        .ok()
        .filter(|key| idempotency::is_valid_key(key))
        .map(str::to_owned)
    else {
        return problem(
            ProblemCode::InvalidIdempotencyKey,
            "Idempotency-Key must be 1–255 visible ASCII characters.",
        );
    };
    let limit = body_limit::limit_for(parts.uri.path(), &state);
    let Ok(body) = axum::body::to_bytes(body, limit).await else {
        return ApiError::payload_too_large(limit).into_response();
    };
    let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let fingerprint = idempotency::fingerprint(parts.method.as_str(), target, &body);
    let service = &state.platform().idempotency;
    match service.begin(&scope, &key, &fingerprint).await {
        Err(err) => ApiError::from(err).into_response(),
        Ok(Begun::Replay(stored)) => replay(stored),
        Ok(Begun::InFlight) => problem(
            ProblemCode::IdempotencyKeyInUse,
            "A request with this Idempotency-Key is still being answered; retry shortly.",
        ),
        Ok(Begun::Mismatch) => problem(
            ProblemCode::IdempotencyKeyReused,
            "This Idempotency-Key was used for a different request.",
        ),
        Ok(Begun::First(ticket)) => {
            // Detached: a client that hangs up, or the request timeout, must not stop the
            // write between its commit and keeping its answer (a retry would repeat it).
            let request = Request::from_parts(parts, Body::from(body));
            let task_state = state.clone();
            let answered = tokio::spawn(async move {
                let response = next.run(request).await;
                keep(&task_state, ticket, response).await
            });
            answered.await.unwrap_or_else(|err| {
                ApiError::internal(format!("an idempotent request failed: {err}")).into_response()
            })
        }
    }
}

fn replay(stored: StoredResponse) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    let mut response = (status, stored.body).into_response();
    let headers = response.headers_mut();
    for (name, value) in stored.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            headers.insert(name, value);
        }
    }
    headers.insert(
        HeaderName::from_static(REPLAYED),
        HeaderValue::from_static("true"),
    );
    response
}

async fn keep(state: &AppState, ticket: Ticket, response: Response) -> Response {
    let service = &state.platform().idempotency;
    if !response.status().is_success() {
        if let Err(err) = service.abandon(ticket).await {
            tracing::warn!(error = %err, "could not free an idempotency key");
        }
        return response;
    }
    if axum::body::HttpBody::size_hint(response.body())
        .upper()
        .is_none_or(|size| size > MAX_KEPT as u64)
    {
        // Too large (or of unknown size) to keep: passed on whole, its key freed.
        if let Err(err) = service.abandon(ticket).await {
            tracing::warn!(error = %err, "could not free an idempotency key");
        }
        return response;
    }
    let (parts, body) = response.into_parts();
    let kept = match axum::body::to_bytes(body, MAX_KEPT).await {
        Ok(bytes) => bytes,
        Err(err) => {
            let _ = service.abandon(ticket).await;
            return ApiError::internal(format!("reading a response to keep it: {err}"))
                .into_response();
        }
    };
    let stored = String::from_utf8(kept.to_vec())
        .ok()
        .map(|body| StoredResponse {
            status: parts.status.as_u16(),
            headers: KEPT_HEADERS
                .iter()
                .filter_map(|name| {
                    let value = parts.headers.get(name)?.to_str().ok()?;
                    Some((name.as_str().to_owned(), value.to_owned()))
                })
                .collect(),
            body,
        });
    let outcome = match stored {
        Some(stored) => service.finish(ticket, &stored).await,
        None => service.abandon(ticket).await,
    };
    if let Err(err) = outcome {
        tracing::warn!(error = %err, "could not keep a response for idempotent retries");
    }
    Response::from_parts(parts, Body::from(kept))
}
