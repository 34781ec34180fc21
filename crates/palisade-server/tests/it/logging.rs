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
