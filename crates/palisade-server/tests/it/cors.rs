use crate::helpers::{spawn_app, spawn_app_with, AppOptions, TestApp};

async fn preflight(app: &TestApp, origin: &str) -> reqwest::Response {
    app.client
        .request(reqwest::Method::OPTIONS, app.at("/healthz"))
        .header("origin", origin)
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn cross_origin_access_is_off_by_default() {
    let app = spawn_app().await;
    let response = preflight(&app, "https://evil.example").await;
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    let simple = app
        .client
        .get(app.at("/healthz"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(simple
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    app.cleanup().await;
}

#[tokio::test]
async fn listed_origins_are_allowed_with_credentials() {
    let app = spawn_app_with(
        AppOptions::default().set("cors_allowed_origins", "https://app.example.com"),
    )
    .await
    .unwrap();
    let response = preflight(&app, "https://app.example.com").await;
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    assert_eq!(
        response.headers()["access-control-allow-credentials"],
        "true"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn unlisted_origins_stay_blocked_when_an_allowlist_exists() {
    let app = spawn_app_with(
        AppOptions::default().set("cors_allowed_origins", "https://app.example.com"),
    )
    .await
    .unwrap();
    let response = preflight(&app, "https://app.example.com.evil.example").await;
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    app.cleanup().await;
}
