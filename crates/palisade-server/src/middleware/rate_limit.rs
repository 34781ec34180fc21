//! Rate limits at the HTTP edge. Each routed operation spends a budget of its class (`auth`
//! for sign-in and its kin, else `read` for GET and `write` for the rest). Public operations
//! spend the client address's budget before their handler runs. Operations that take a
//! credential spend the budget of the principal it proves (an API key, a session), charged by
//! the identity extractor once the credential is verified, so nobody can spend someone else's
//! budget by naming their key or session; a credential that fails is charged to the address.
//! Every limited response carries `RateLimit-Policy` and `RateLimit` (IETF
//! draft-ietf-httpapi-ratelimit-headers); a refusal is 429 `rate_limited` with `Retry-After`.

use crate::error::ApiError;
use crate::extract::{origin_of, ClientAddr};
use crate::problem_code::ProblemCode;
use crate::routes::Verb;
use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use palisade_service::audit::Origin;
use palisade_service::limits::{Class, Subject, Verdict};
use palisade_store::WorkspaceScope;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const POLICY_HEADER: &str = "ratelimit-policy";
pub const STATE_HEADER: &str = "ratelimit";

/// Routes whose requests are guesses at a credential: limited per address in the `auth` class.
pub const AUTH_CLASS: &[&str] = &[
    "/v1/auth/signup",
    "/v1/auth/login",
    "/v1/auth/refresh",
    "/v1/auth/password-reset",
    "/v1/auth/password-reset/confirm",
    "/v1/auth/mfa/verify",
];

/// Probes a load balancer sends every few seconds; limiting them would take nodes out.
pub const EXEMPT: &[&str] = &["/healthz", "/readyz"];

/// How one operation is limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteLimit {
    Exempt,
    /// By the client's address, before the handler.
    Address(Class),
    /// By the principal its credential proves (the identity extractor charges it).
    Principal(Class),
}

impl RouteLimit {
    pub fn of(verb: Verb, path: &str, takes_credential: bool) -> Self {
        if EXEMPT.contains(&path) {
            RouteLimit::Exempt
        } else if AUTH_CLASS.contains(&path) {
            RouteLimit::Address(Class::Auth)
        } else if takes_credential {
            RouteLimit::Principal(class_of_verb(verb))
        } else {
            RouteLimit::Address(class_of_verb(verb))
        }
    }
}

fn class_of_verb(verb: Verb) -> Class {
    if verb == Verb::Get {
        Class::Read
    } else {
        Class::Write
    }
}

fn class_of(method: &Method) -> Class {
    if matches!(*method, Method::GET | Method::HEAD) {
        Class::Read
    } else {
        Class::Write
    }
}

/// The limit of every routed operation, by method and route template.
#[derive(Debug, Clone, Default)]
pub struct RouteLimits(Arc<HashMap<(Verb, &'static str), RouteLimit>>);

impl RouteLimits {
    pub fn of(routes: &[crate::routes::Route]) -> Self {
        let map = routes
            .iter()
            .map(|route| ((route.verb, route.path), route.limit))
            .collect();
        Self(Arc::new(map))
    }
}

/// The budget a request is to spend, filled in once it is spent (at most once per request).
#[derive(Debug, Clone)]
pub struct Budget {
    class: Class,
    spent: Arc<Mutex<Option<Verdict>>>,
}

impl Budget {
    fn new(class: Class) -> Self {
        Self {
            class,
            spent: Arc::new(Mutex::new(None)),
        }
    }

    fn verdict(&self) -> Option<Verdict> {
        *self.spent.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn refusal(verdict: &Verdict) -> ApiError {
    let secs = verdict.reset_secs().max(1);
    ApiError::new(ProblemCode::RateLimited)
        .with_detail(format!(
            "Too many {} requests: at most {} a minute. Try again in {secs} s.",
            verdict.class.name(),
            verdict.rate.per_minute
        ))
        .with_retry_after(secs)
}

/// Spends the request's budget as `subject` (once; later calls change nothing). Requests of
/// operations that are not limited by principal carry no budget and spend nothing here.
pub async fn spend(
    parts: &Parts,
    state: &AppState,
    subject: Subject<'_>,
    workspace: Option<&WorkspaceScope>,
    origin: &Origin,
) -> Result<(), ApiError> {
    let Some(budget) = parts.extensions.get::<Budget>() else {
        return Ok(());
    };
    if budget.verdict().is_some() {
        return Ok(());
    }
    let limits = &state.platform().limits;
    let verdict = limits
        .check(budget.class, &subject, workspace, origin)
        .await;
    *budget.spent.lock().unwrap_or_else(|e| e.into_inner()) = Some(verdict);
    if verdict.allowed {
        Ok(())
    } else {
        Err(refusal(&verdict))
    }
}

/// A credential did not prove a principal: the attempt is charged to the client's address, and
/// once that budget is spent the answer is 429 instead of `error`.
pub async fn spend_failed(parts: &Parts, state: &AppState, error: ApiError) -> ApiError {
    let Some(ip) = ClientAddr::of(parts) else {
        return error;
    };
    let origin = origin_of(parts);
    match spend(parts, state, Subject::Address(ip), None, &origin).await {
        Ok(()) => error,
        Err(limited) => limited,
    }
}

fn with_headers(mut response: Response, verdict: &Verdict) -> Response {
    let name = verdict.class.name();
    let policy = format!(
        "\"{name}\";q={};w={}",
        verdict.rate.per_minute,
        palisade_service::limits::Rate::WINDOW.as_secs()
    );
    let state = format!(
        "\"{name}\";r={};t={}",
        verdict.remaining,
        verdict.reset_secs()
    );
    let headers = response.headers_mut();
    for (header, value) in [(POLICY_HEADER, policy), (STATE_HEADER, state)] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(HeaderName::from_static(header), value);
        }
    }
    response
}

async fn spend_address(state: &AppState, class: Class, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let Some(ip) = ClientAddr::of(&parts) else {
        return next.run(Request::from_parts(parts, body)).await;
    };
    let origin = origin_of(&parts);
    let limits = &state.platform().limits;
    let verdict = limits
        .check(class, &Subject::Address(ip), None, &origin)
        .await;
    if !verdict.allowed {
        return with_headers(refusal(&verdict).into_response(), &verdict);
    }
    let response = next.run(Request::from_parts(parts, body)).await;
    with_headers(response, &verdict)
}

/// The route layer: spends the address's budget up front, or lets the identity extractor
/// spend the principal's and reports it.
pub async fn enforce(
    limits: RouteLimits,
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    // HEAD is served by the GET handler, so it is limited as that GET.
    let verb = if req.method() == Method::HEAD {
        Some(Verb::Get)
    } else {
        Verb::of(req.method())
    };
    let limit = req
        .extensions()
        .get::<MatchedPath>()
        .zip(verb)
        .and_then(|(path, verb)| limits.0.get(&(verb, path.as_str())).copied())
        .unwrap_or_else(|| RouteLimit::Address(class_of(req.method())));
    match limit {
        RouteLimit::Exempt => next.run(req).await,
        RouteLimit::Address(class) => spend_address(&state, class, req, next).await,
        RouteLimit::Principal(class) => {
            let budget = Budget::new(class);
            req.extensions_mut().insert(budget.clone());
            let (parts, body) = req.into_parts();
            let ip = ClientAddr::of(&parts);
            let origin = origin_of(&parts);
            let response = next.run(Request::from_parts(parts, body)).await;
            let (verdict, late) = match (budget.verdict(), ip) {
                (Some(verdict), _) => (verdict, false),
                // Refused before any credential was looked at (a malformed path): the address pays.
                (None, Some(ip)) => {
                    let limits = &state.platform().limits;
                    let verdict = limits
                        .check(class, &Subject::Address(ip), None, &origin)
                        .await;
                    (verdict, true)
                }
                (None, None) => return response,
            };
            if late && !verdict.allowed {
                // Such a request was refused anyway; past the budget it is refused for that.
                return with_headers(refusal(&verdict).into_response(), &verdict);
            }
            with_headers(response, &verdict)
        }
    }
}

/// Answers requests no route matches, spending the address's read budget like any other.
pub async fn unrouted(State(state): State<AppState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let not_found = ApiError::not_found().into_response();
    let Some(ip) = ClientAddr::of(&parts) else {
        return not_found;
    };
    let origin = origin_of(&parts);
    let limits = &state.platform().limits;
    let verdict = limits
        .check(
            class_of(&parts.method),
            &Subject::Address(ip),
            None,
            &origin,
        )
        .await;
    if verdict.allowed {
        with_headers(not_found, &verdict)
    } else {
        with_headers(refusal(&verdict).into_response(), &verdict)
    }
}
