//! Body size limits (1 MiB; 64 KiB under /v1/auth/) and the request timeout.

use crate::helpers::{problem, spawn_app_with, AppOptions, TestApp};
use crate::probe::{self, AUTH_ECHO, ECHO, HANG};

async fn probe_app() -> TestApp {
    spawn_app_with(AppOptions::default().routes(probe::routes()))
        .await
        .unwrap()
}

/// A valid echo body padded with spaces to exactly `size` bytes.
fn json_of_size(size: usize) -> String {
    let core = r#"{"name":"x","count":1}"#;
    format!("{core}{}", " ".repeat(size - core.len()))
}

async fn post_json(app: &TestApp, path: &str, body: String) -> reqwest::Response {
    app.client
        .post(app.at(path))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_body_at_the_general_limit_is_accepted() {
    let app = probe_app().await;
    assert_eq!(
        post_json(&app, ECHO, json_of_size(1024 * 1024))
            .await
            .status(),
        200
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_body_over_the_general_limit_is_a_413_problem() {
    let app = probe_app().await;
    let response = post_json(&app, ECHO, json_of_size(1024 * 1024 + 1)).await;
    assert_eq!(response.status(), 413);
    assert_eq!(problem(response).await["code"], "payload_too_large");
    app.cleanup().await;
}

#[tokio::test]
async fn auth_routes_have_a_smaller_limit() {
    let app = probe_app().await;
    assert_eq!(
        post_json(&app, AUTH_ECHO, json_of_size(64 * 1024))
            .await
            .status(),
        200
    );
    let response = post_json(&app, AUTH_ECHO, json_of_size(64 * 1024 + 1)).await;
    assert_eq!(response.status(), 413);
    assert_eq!(problem(response).await["code"], "payload_too_large");
    // The same size is fine outside /v1/auth/.
    assert_eq!(
        post_json(&app, ECHO, json_of_size(64 * 1024 + 1))
            .await
            .status(),
        200
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_chunked_body_without_length_is_cut_off_at_the_limit() {
    let app = probe_app().await;
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = vec![
        Ok(br#"{"name":"x","count":1}"#.to_vec()),
        Ok(vec![b' '; 70 * 1024]),
    ];
    let body = reqwest::Body::wrap_stream(futures_util::stream::iter(chunks));
    let response = app
        .client
        .post(app.at(AUTH_ECHO))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(problem(response).await["code"], "payload_too_large");
    app.cleanup().await;
}

#[tokio::test]
async fn a_request_that_outlives_the_timeout_is_a_408_problem() {
    let app = spawn_app_with(
        AppOptions::default()
            .routes(probe::routes())
            .set("request_timeout_secs", 1),
    )
    .await
    .unwrap();
    let response = app.get(HANG).await;
    assert_eq!(response.status(), 408);
    assert_eq!(problem(response).await["code"], "request_timeout");
    app.cleanup().await;
}
