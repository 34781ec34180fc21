//! Refuses a request whose path or query carries an encoded NUL (`%00`). No route has a use
//! for one, and PostgreSQL cannot store one in text: refusing it here, once, keeps every
//! handler from turning a client's mistake into a server error.

use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn refuse_nul(req: Request, next: Next) -> Response {
    let uri = req.uri();
    let carries_nul = uri.path().contains("%00") || uri.query().is_some_and(|q| q.contains("%00"));
    if carries_nul {
        return ApiError::new(ProblemCode::InvalidRequestTarget)
            .with_detail("The path or query contains a NUL byte (%00).")
            .into_response();
    }
    next.run(req).await
}
