//! One structured log line per request. Credentials never reach the log: headers are
//! printed only through [`RedactedHeaders`], and the query string is left out.

use super::request_id::CurrentRequestId;
use axum::extract::Request;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use std::fmt;
use std::time::Instant;
use tracing::Instrument;

/// Headers whose values are credentials or session material.
const SENSITIVE: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-csrf-token",
    "x-api-key",
];

/// Prints headers with every credential replaced by `[REDACTED]`.
pub struct RedactedHeaders<'a>(pub &'a HeaderMap);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in self.0 {
            if SENSITIVE.contains(&name.as_str()) {
                map.entry(&name.as_str(), &"[REDACTED]");
            } else {
                map.entry(&name.as_str(), &String::from_utf8_lossy(value.as_bytes()));
            }
        }
        map.finish()
    }
}

pub async fn log(req: Request, next: Next) -> Response {
    let request_id = req
        .extensions()
        .get::<CurrentRequestId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %req.method(),
        path = %req.uri().path(),
    );
    async move {
        tracing::debug!(headers = ?RedactedHeaders(req.headers()), "request received");
        let started = Instant::now();
        let response = next.run(req).await;
        tracing::info!(
            status = response.status().as_u16(),
            latency_us = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
            "request completed"
        );
        response
    }
    .instrument(span)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn credentials_are_redacted_and_other_headers_kept() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "authorization",
            HeaderValue::from_static("Bearer top-secret"),
        );
        headers.insert("cookie", HeaderValue::from_static("__Host-session=abc123"));
        headers.insert("user-agent", HeaderValue::from_static("curl/8"));
        let shown = format!("{:?}", RedactedHeaders(&headers));
        assert!(!shown.contains("top-secret"), "{shown}");
        assert!(!shown.contains("abc123"), "{shown}");
        assert!(shown.contains("curl/8"), "{shown}");
    }
}
