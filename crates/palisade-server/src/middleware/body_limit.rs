//! Caps request bodies: `auth_body_limit` under `/v1/auth/`, `body_limit` elsewhere. A
//! declared length over the cap is refused before routing; an undeclared (chunked) body is
//! cut off while being read and refused the same way.

use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::Limited;

pub const AUTH_PREFIX: &str = "/v1/auth/";

pub fn limit_for(path: &str, state: &AppState) -> usize {
    if path.starts_with(AUTH_PREFIX) {
        state.config().auth_body_limit
    } else {
        state.config().body_limit
    }
}

pub async fn enforce(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = limit_for(req.uri().path(), &state);
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|len| len > limit as u64) {
        return ApiError::payload_too_large(limit).into_response();
    }
    let req = req.map(|body| Body::new(Limited::new(body, limit)));
    let response = next.run(req).await;
    match response.extensions().get::<ApiError>() {
        Some(error) if error.code() == ProblemCode::PayloadTooLarge => {
            ApiError::payload_too_large(limit).into_response()
        }
        _ => response,
    }
}
