//! Hostile input: slow heads, too many headers, deep nesting, invalid UTF-8, NUL bytes, overlong
//! targets. Each gets a clean 4xx (or the connection is cut), nothing is stored, and the server
//! keeps serving.

use crate::accounts::auth_options;
use crate::helpers::{problem, spawn_app_with, TestApp};
use crate::records::{acme_with_notes, RECORDS};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn still_serving(app: &TestApp) {
    assert_eq!(app.get("/healthz").await.status(), 200);
}

async fn post_raw(app: &TestApp, access: &str, body: Vec<u8>) -> reqwest::Response {
    app.client
        .post(app.at(RECORDS))
        .bearer_auth(access)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_client_sending_its_head_too_slowly_is_cut_off() {
    let app = spawn_app_with(auth_options().set("header_read_timeout_secs", 1))
        .await
        .unwrap();
    let mut slow = TcpStream::connect(app.addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .unwrap();
    // The server closes the connection (after at most an error status) instead of waiting.
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(10), slow.read_to_end(&mut rest)).await;
    assert!(closed.is_ok(), "the connection was still open after 10 s");
    assert!(!String::from_utf8_lossy(&rest).contains("200 OK"));
    still_serving(&app).await;
    app.cleanup().await;
}

#[tokio::test]
async fn a_client_that_connects_and_says_nothing_is_cut_off() {
    let app = spawn_app_with(auth_options().set("header_read_timeout_secs", 1))
        .await
        .unwrap();
    let mut silent = TcpStream::connect(app.addr).await.unwrap();
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(10), silent.read_to_end(&mut rest)).await;
    assert!(closed.is_ok(), "the connection was still open after 10 s");
    still_serving(&app).await;
    app.cleanup().await;
}

#[tokio::test]
async fn too_many_headers_are_refused_and_the_server_keeps_serving() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let mut request = app.client.get(app.at("/healthz"));
    for n in 0..150 {
        request = request.header(format!("x-filler-{n}"), "1");
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 431);
    still_serving(&app).await;
    app.cleanup().await;
}

#[tokio::test]
async fn deeply_nested_json_is_a_400_problem_and_stores_nothing() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let mut body = "{\"a\":".repeat(5_000).into_bytes();
    body.extend("1".as_bytes());
    body.extend("}".repeat(5_000).into_bytes());
    let response = post_raw(&app, &owner.access, body).await;
    assert_eq!(response.status(), 400);
    assert_eq!(problem(response).await["code"], "malformed_json");
    still_serving(&app).await;
    app.cleanup().await;
}

#[tokio::test]
async fn invalid_utf8_is_a_400_problem() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let response = post_raw(&app, &owner.access, b"{\"title\": \"\xff\xfe\"}".to_vec()).await;
    assert_eq!(response.status(), 400);
    assert_eq!(problem(response).await["code"], "malformed_json");
    still_serving(&app).await;
    app.cleanup().await;
}

#[tokio::test]
async fn a_nul_byte_in_a_field_is_refused_wherever_it_goes() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let signup = app
        .client
        .post(app.at("/v1/auth/signup"))
        .json(&serde_json::json!({"email": "nul@example.com", "password": "violet-tundra-42-harbor", "name": "a\u{0}b"}))
        .send()
        .await
        .unwrap();
    assert_eq!(signup.status(), 422);
    let login = app
        .client
        .post(app.at("/v1/auth/login"))
        .json(&serde_json::json!({"email": "a\u{0}@example.com", "password": "x"}))
        .send()
        .await
        .unwrap();
    assert!(login.status().is_client_error(), "{}", login.status());
    still_serving(&app).await;
    app.cleanup().await;
}

#[tokio::test]
async fn overlong_ids_and_targets_are_400_problems() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let long_id = format!("{RECORDS}/rec_{}", "x".repeat(3_000));
    let response =
        crate::helpers::send(&app, reqwest::Method::GET, &long_id, &owner.access, None).await;
    assert_eq!(response.status(), 400);
    assert_eq!(problem(response).await["code"], "invalid_request_target");
    let many: Vec<String> = (0..100).map(|n| format!("f{n}=1")).collect();
    let query = format!("{RECORDS}?{}", many.join("&"));
    let response =
        crate::helpers::send(&app, reqwest::Method::GET, &query, &owner.access, None).await;
    assert_eq!(response.status(), 400);
    assert_eq!(problem(response).await["code"], "invalid_request_target");
    let id_of_reasonable_length = format!("{RECORDS}/rec_{}", "x".repeat(500));
    let response = crate::helpers::send(
        &app,
        reqwest::Method::GET,
        &id_of_reasonable_length,
        &owner.access,
        None,
    )
    .await;
    assert!(response.status().is_client_error(), "{}", response.status());
    still_serving(&app).await;
    app.cleanup().await;
}
