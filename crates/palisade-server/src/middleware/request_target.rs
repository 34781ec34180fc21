//! Bounds the request target before anything routes it: a path or query carrying an encoded
//! NUL (`%00`: no route has a use for one, and PostgreSQL cannot store one in text), a path over
//! 2 KiB, a query over 4 KiB or with more than 64 parameters. Refusing here, once, keeps every
//! handler from turning a client's excess into work or a server error.

use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub const MAX_PATH_BYTES: usize = 2048;
pub const MAX_QUERY_BYTES: usize = 4096;
pub const MAX_QUERY_PARAMS: usize = 64;

fn refusal(uri: &axum::http::Uri) -> Option<&'static str> {
    let query = uri.query().unwrap_or_default();
    if uri.path().contains("%00") || query.contains("%00") {
        Some("The path or query contains a NUL byte (%00).")
    } else if uri.path().len() > MAX_PATH_BYTES {
        Some("The path is longer than 2048 bytes.")
    } else if query.len() > MAX_QUERY_BYTES {
        Some("The query is longer than 4096 bytes.")
    } else if query.split('&').filter(|p| !p.is_empty()).count() > MAX_QUERY_PARAMS {
        Some("The query has more than 64 parameters.")
    } else {
        None
    }
}

pub async fn guard(req: Request, next: Next) -> Response {
    if let Some(detail) = refusal(req.uri()) {
        return ApiError::new(ProblemCode::InvalidRequestTarget)
            .with_detail(detail)
            .into_response();
    }
    next.run(req).await
}
