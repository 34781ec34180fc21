//! Every error leaves the server as RFC 9457 `application/problem+json`, whoever made it:
//! our handlers (`ApiError`), axum's own rejections, 404/405 fallbacks or the limits.

use super::request_id::CurrentRequestId;
use crate::error::{ApiError, PROBLEM_CONTENT_TYPE};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

pub async fn render(req: Request, next: Next) -> Response {
    let request_id = req
        .extensions()
        .get::<CurrentRequestId>()
        .map(|id| id.0.clone());
    let mut response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let error = match response.extensions_mut().remove::<ApiError>() {
        Some(error) => error,
        None if is_problem(&response) => return response,
        None => ApiError::for_status(status),
    };
    if let Some(internal) = error.internal_detail() {
        tracing::error!(
            error = internal,
            code = error.code().as_str(),
            "request failed"
        );
    }
    let problem = error.into_problem(request_id);
    let body = match serde_json::to_string(&problem) {
        // A detail can quote input (a parser's message); it never quotes a secret.
        Ok(body) => crate::scrub::scrub(&body).into_owned(),
        Err(_) => return response,
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
    );
    Response::from_parts(parts, Body::from(body))
}

fn is_problem(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| {
            value
                .as_bytes()
                .starts_with(PROBLEM_CONTENT_TYPE.as_bytes())
        })
}
