//! Benchmarks live in `benches/`; run them with `cargo bench -p palisade-bench`. Load runs are
//! binaries in `src/bin/`; what they share is here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;

/// Every rate-limit setting, for runs that set them all (to the most a setting allows).
pub const UNLIMITED: &[&str] = &[
    "rate_limits.read.per_minute",
    "rate_limits.read.burst",
    "rate_limits.write.per_minute",
    "rate_limits.write.burst",
    "rate_limits.auth.per_minute",
    "rate_limits.auth.burst",
];

/// One request that must succeed; its JSON body.
pub async fn call(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Value {
    let mut request = match body {
        Some(body) => client.post(url).json(&body),
        None => client.get(url),
    };
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    assert!(
        response.status().is_success(),
        "{url}: {}",
        response.status()
    );
    response.json().await.unwrap()
}
