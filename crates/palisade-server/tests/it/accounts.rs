//! Helpers for tests that need accounts and tokens.

use crate::helpers::{AppOptions, TestApp};
use serde_json::{json, Value};

pub const PASSWORD: &str = "violet-tundra-42-harbor";
pub const NEW_PASSWORD: &str = "glacier orbit pumpkin lantern";

/// Test apps hash cheaply; tests about cost set their own.
pub fn auth_options() -> AppOptions {
    AppOptions::default().set(
        "auth",
        figment::value::Dict::from_iter([
            ("argon2_memory_kib".to_owned(), 1024.into()),
            ("argon2_iterations".to_owned(), 1.into()),
        ]),
    )
}

pub async fn signup(app: &TestApp, email: &str) -> Value {
    let response = app
        .client
        .post(app.at("/v1/auth/signup"))
        .json(&json!({"email": email, "password": PASSWORD, "name": "Test User"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "signup of {email}");
    response.json().await.unwrap()
}

pub async fn login_response(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.at("/v1/auth/login"))
        .header("user-agent", "palisade-tests/1.0")
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
}

/// Signs in and returns the token response.
pub async fn login(app: &TestApp, email: &str) -> Tokens {
    let response = login_response(app, email, PASSWORD).await;
    assert_eq!(response.status(), 200);
    Tokens::from(response.json::<Value>().await.unwrap())
}

/// Signs up and signs in.
pub async fn account(app: &TestApp, email: &str) -> Tokens {
    signup(app, email).await;
    login(app, email).await
}

#[derive(Debug, Clone)]
pub struct Tokens {
    pub access: String,
    pub refresh: String,
    pub body: Value,
}

impl From<Value> for Tokens {
    fn from(body: Value) -> Self {
        Self {
            access: body["access_token"].as_str().unwrap().to_owned(),
            refresh: body["refresh_token"].as_str().unwrap().to_owned(),
            body,
        }
    }
}

pub async fn get_with(app: &TestApp, path: &str, access: &str) -> reqwest::Response {
    app.client
        .get(app.at(path))
        .bearer_auth(access)
        .send()
        .await
        .unwrap()
}

pub async fn refresh(app: &TestApp, refresh_token: &str) -> reqwest::Response {
    app.client
        .post(app.at("/v1/auth/refresh"))
        .json(&json!({"refresh_token": refresh_token}))
        .send()
        .await
        .unwrap()
}

/// The JSON claims of a JWT (unverified; for inspection only).
pub fn jwt_part(token: &str, index: usize) -> Value {
    use base64::Engine;
    let part = token.split('.').nth(index).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part)
            .unwrap(),
    )
    .unwrap()
}
