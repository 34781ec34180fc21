use crate::helpers::{logs, spawn_app};

#[tokio::test]
async fn credentials_in_headers_never_reach_the_log() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.at("/healthz"))
        .header("authorization", "Bearer sk-live-a1b2c3-never-log-me")
        .header("cookie", "__Host-session=cookie-value-never-log-me")
        .header("x-csrf-token", "csrf-never-log-me")
        .header("user-agent", "palisade-logging-test/1")
        .send()
        .await
        .unwrap();
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let logged = logs();
    let ours: Vec<&str> = logged
        .lines()
        .filter(|line| line.contains(&request_id))
        .collect();
    // The request was logged, headers included...
    assert!(
        ours.iter().any(|line| line.contains("request completed")),
        "{ours:?}"
    );
    assert!(
        ours.iter()
            .any(|line| line.contains("palisade-logging-test/1")),
        "{ours:?}"
    );
    // ...but no credential.
    assert!(!logged.contains("never-log-me"));
    app.cleanup().await;
}

/// Whatever code logs by mistake, the shapes of secrets are masked on the way out.
#[tokio::test]
async fn a_secret_logged_by_mistake_is_scrubbed_before_it_is_written() {
    let app = spawn_app().await;
    let leaked = [
        "pal_01jd2xk3m4n5p6q7r8s9t0v1w2_c2VjcmV0c2VjcmV0c2VjcmV0_ab12",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1c3JfbWlzdGFrZSJ9.c2lnbmF0dXJlX21pc3Rha2U",
    ];
    for secret in leaked {
        tracing::error!(detail = secret, "mistake-marker {secret}");
    }
    let logged = logs();
    assert!(
        logged.contains("mistake-marker [REDACTED]"),
        "the lines were written"
    );
    for secret in leaked {
        assert!(!logged.contains(secret), "{secret} was written");
    }
    app.cleanup().await;
}
