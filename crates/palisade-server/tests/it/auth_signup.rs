use crate::accounts::{auth_options, signup, PASSWORD};
use crate::helpers::{on_both_backends, problem, spawn_app_with, TestApp};
use serde_json::json;

async fn post_signup(app: &TestApp, body: serde_json::Value) -> reqwest::Response {
    app.client
        .post(app.at("/v1/auth/signup"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn signup_creates_an_account_with_a_normalised_email() {
    on_both_backends(auth_options, |app| async move {
        let account = signup(&app, "Ada.Lovelace@Example.COM").await;
        assert!(account["id"].as_str().unwrap().starts_with("usr_"));
        assert_eq!(account["email"], "Ada.Lovelace@example.com");
        assert_eq!(account["name"], "Test User");
        assert!(account.get("password").is_none() && account.get("password_hash").is_none());
        app
    })
    .await;
}

#[tokio::test]
async fn an_email_is_taken_whatever_its_case() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, "ada@example.com").await;
        let response = post_signup(
            &app,
            json!({"email": "ADA@EXAMPLE.com", "password": PASSWORD}),
        )
        .await;
        assert_eq!(response.status(), 409);
        assert_eq!(problem(response).await["code"], "email_taken");
        app
    })
    .await;
}

#[tokio::test]
async fn a_guessable_password_is_refused_saying_why() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let response = post_signup(
        &app,
        json!({"email": "ada@example.com", "password": "password1234"}),
    )
    .await;
    assert_eq!(response.status(), 422);
    let body = problem(response).await;
    assert_eq!(body["code"], "weak_password");
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("too easy to guess"),
        "{body}"
    );
    assert!(
        app.store
            .user_by_email("ada@example.com")
            .await
            .unwrap()
            .is_none(),
        "nothing was created"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_password_built_from_the_email_is_refused() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let response = post_signup(
        &app,
        json!({"email": "zyxquor.plimbaxt@example.com", "password": "zyxquorplimbaxt"}),
    )
    .await;
    assert_eq!(response.status(), 422);
    assert_eq!(problem(response).await["code"], "weak_password");
    app.cleanup().await;
}

#[tokio::test]
async fn a_short_password_is_refused_saying_the_minimum() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let response = post_signup(
        &app,
        json!({"email": "ada@example.com", "password": "Xk9#mQ2!z"}),
    )
    .await;
    assert_eq!(response.status(), 422);
    assert!(problem(response).await["detail"]
        .as_str()
        .unwrap()
        .contains("at least 10 characters"));
    app.cleanup().await;
}

#[tokio::test]
async fn an_invalid_email_is_refused() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let response = post_signup(
        &app,
        json!({"email": "not-an-address", "password": PASSWORD}),
    )
    .await;
    assert_eq!(response.status(), 422);
    assert_eq!(problem(response).await["code"], "invalid_email");
    app.cleanup().await;
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_with_the_configured_cost() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    let stored = app
        .store
        .user_by_email("ada@example.com")
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored
            .password_hash
            .starts_with("$argon2id$v=19$m=1024,t=1,p=1$"),
        "{}",
        stored.password_hash
    );
    assert!(!stored.password_hash.contains(PASSWORD));
    app.cleanup().await;
}

#[tokio::test]
async fn the_default_cost_is_owasps() {
    let app = crate::helpers::spawn_app().await;
    signup(&app, "ada@example.com").await;
    let stored = app
        .store
        .user_by_email("ada@example.com")
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored
            .password_hash
            .starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{}",
        stored.password_hash
    );
    app.cleanup().await;
}
