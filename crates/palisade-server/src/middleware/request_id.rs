use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use palisade_core::RequestId;

pub const HEADER: &str = "x-request-id";

/// The id of the request being handled, as sent by the caller or generated here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentRequestId(pub String);

/// Keeps a caller's `X-Request-Id` when it is short and plain (so it cannot forge log
/// lines), otherwise generates `req_…`; echoes it on the response.
pub async fn assign(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(HEADER)
        .and_then(|value| value.to_str().ok())
        .filter(|value| RequestId::is_acceptable_external(value))
        .map(str::to_owned)
        .unwrap_or_else(|| RequestId::generate(state.clock(), state.rng()).to_string());
    req.extensions_mut().insert(CurrentRequestId(id.clone()));
    let mut response = next.run(req).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, value);
    }
    response
}
