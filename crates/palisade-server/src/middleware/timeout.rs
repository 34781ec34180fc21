use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Bounds how long one request may hold the server, reading its body included.
pub async fn enforce(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(state.config().request_timeout, next.run(req)).await {
        Ok(response) => response,
        Err(_) => ApiError::request_timeout().into_response(),
    }
}
