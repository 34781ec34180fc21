//! RFC 9457 errors: stable codes, request id, never a 500 for client mistakes.

use crate::helpers::{logs, problem, spawn_app_with, AppOptions, TestApp};
use crate::probe::{self, ECHO, FAIL};

async fn probe_app() -> TestApp {
    spawn_app_with(AppOptions::default().routes(probe::routes()))
        .await
        .unwrap()
}

async fn post_raw(app: &TestApp, content_type: Option<&str>, body: &str) -> reqwest::Response {
    let mut request = app.client.post(app.at(ECHO)).body(body.to_owned());
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn unknown_route_is_a_404_problem_carrying_the_request_id() {
    let app = probe_app().await;
    let response = app.get("/v1/does-not-exist").await;
    assert_eq!(response.status(), 404);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = problem(response).await;
    assert_eq!(body["type"], "urn:palisade:problem:not_found");
    assert_eq!(body["title"], "Not found");
    assert_eq!(body["status"], 404);
    assert_eq!(body["code"], "not_found");
    assert_eq!(body["request_id"], request_id.as_str());
    app.cleanup().await;
}

#[tokio::test]
async fn wrong_method_is_a_405_problem_that_lists_allowed_methods() {
    let app = probe_app().await;
    let response = app.client.delete(app.at("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert!(response.headers()["allow"]
        .to_str()
        .unwrap()
        .contains("GET"));
    assert_eq!(problem(response).await["code"], "method_not_allowed");
    app.cleanup().await;
}

#[tokio::test]
async fn well_formed_json_is_accepted() {
    let app = probe_app().await;
    let response = post_raw(&app, Some("application/json"), r#"{"name":"a","count":2}"#).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.json::<serde_json::Value>().await.unwrap()["count"],
        2
    );
    app.cleanup().await;
}

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    let app = probe_app().await;
    let response = post_raw(&app, Some("application/json"), r#"{"name": "a", "count": "#).await;
    assert_eq!(response.status(), 400);
    assert_eq!(problem(response).await["code"], "malformed_json");
    app.cleanup().await;
}

#[tokio::test]
async fn missing_or_wrong_content_type_is_a_415_problem() {
    let app = probe_app().await;
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let response = post_raw(&app, content_type, r#"{"name":"a","count":2}"#).await;
        assert_eq!(response.status(), 415, "{content_type:?}");
        assert_eq!(problem(response).await["code"], "unsupported_media_type");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn unknown_fields_are_a_422_problem_naming_the_field() {
    let app = probe_app().await;
    let response = post_raw(
        &app,
        Some("application/json"),
        r#"{"name":"a","count":2,"admin":true}"#,
    )
    .await;
    assert_eq!(response.status(), 422);
    let body = problem(response).await;
    assert_eq!(body["code"], "invalid_body");
    assert!(body["detail"].as_str().unwrap().contains("admin"), "{body}");
    app.cleanup().await;
}

#[tokio::test]
async fn wrong_field_types_are_a_422_problem() {
    let app = probe_app().await;
    for body in [
        r#"{"name":"a","count":-1}"#,
        r#"{"name":"a"}"#,
        r#"[1,2]"#,
        r#""text""#,
    ] {
        let response = post_raw(&app, Some("application/json"), body).await;
        assert_eq!(response.status(), 422, "{body}");
        assert_eq!(problem(response).await["code"], "invalid_body");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn internal_errors_are_logged_with_detail_but_answered_without_it() {
    let app = probe_app().await;
    let response = app.get(FAIL).await;
    assert_eq!(response.status(), 500);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let text = response.text().await.unwrap();
    assert!(!text.contains("db-7.internal"), "{text}");
    let body: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["code"], "internal_error");
    let logged = logs();
    let line = logged
        .lines()
        .find(|line| line.contains(&request_id) && line.contains("request failed"))
        .unwrap_or_else(|| panic!("no error log line for {request_id}"));
    assert!(line.contains("db-7.internal"), "{line}");
    app.cleanup().await;
}
