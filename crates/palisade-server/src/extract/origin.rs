//! `Origin`: where a request came from, for the audit log: its request id, the peer's
//! address and the `User-Agent`.

use crate::middleware::request_id::CurrentRequestId;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use palisade_service::audit::Origin;
use std::convert::Infallible;

/// The longest `User-Agent` kept (sessions list it too).
const MAX_USER_AGENT: usize = 256;

/// The request's origin as the services take it.
#[derive(Debug, Clone)]
pub struct RequestOrigin(pub Origin);

pub fn origin_of(parts: &Parts) -> Origin {
    let user_agent = parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|ua| ua.chars().take(MAX_USER_AGENT).collect());
    let ip = crate::extract::ClientAddr::of(parts).map(|ip| ip.to_string());
    Origin {
        request_id: parts
            .extensions
            .get::<CurrentRequestId>()
            .map(|id| id.0.clone()),
        ip,
        user_agent,
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestOrigin {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestOrigin(origin_of(parts)))
    }
}
