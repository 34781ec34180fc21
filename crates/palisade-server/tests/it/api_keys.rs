//! Workspace API keys through the real server.

use crate::accounts::{account, auth_options};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use palisade_core::Clock;
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

/// Ada owns `acme`; returns her access token.
pub(crate) async fn acme(app: &TestApp) -> String {
    let ada = account(app, "ada@example.com").await;
    let created = send(
        app,
        Method::POST,
        "/v1/workspaces",
        &ada.access,
        Some(json!({"slug": "acme", "name": "Acme"})),
    )
    .await;
    assert_eq!(created.status(), 201);
    ada.access
}

async fn create_key(app: &TestApp, access: &str, body: Value) -> reqwest::Response {
    send(
        app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        access,
        Some(body),
    )
    .await
}

pub(crate) async fn key(app: &TestApp, access: &str, scopes: &[&str]) -> (String, String) {
    let response = create_key(app, access, json!({"name": "ci", "scopes": scopes})).await;
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    (
        body["id"].as_str().unwrap().to_owned(),
        body["secret"].as_str().unwrap().to_owned(),
    )
}

pub(crate) async fn read_with(app: &TestApp, credential: &str) -> u16 {
    send(app, Method::GET, "/v1/workspaces/acme", credential, None)
        .await
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_key_is_shown_once_in_the_documented_format_and_listed_without_it() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let (id, secret) = key(&app, &ada, &["workspace:read"]).await;
        let parts: Vec<&str> = secret.splitn(2, '_').collect();
        assert_eq!(parts[0], "pal");
        assert_eq!(secret.len(), 83);
        assert!(secret.starts_with(&format!("pal_{id}_")));
        let listed = send(
            &app,
            Method::GET,
            "/v1/workspaces/acme/api-keys",
            &ada,
            None,
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(listed.contains(&id));
        assert!(
            !listed.contains(&secret[31..74]),
            "the secret is never shown again"
        );
        assert_eq!(read_with(&app, &secret).await, 200);
        app
    })
    .await;
}

#[tokio::test]
async fn a_revoked_key_is_refused_on_the_very_next_request() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let (id, secret) = key(&app, &ada, &["workspace:read"]).await;
        assert_eq!(read_with(&app, &secret).await, 200);
        let path = format!("/v1/workspaces/acme/api-keys/{id}");
        assert_eq!(
            send(&app, Method::DELETE, &path, &ada, None).await.status(),
            204
        );
        let refused = send(&app, Method::GET, "/v1/workspaces/acme", &secret, None).await;
        assert_eq!(refused.status(), 401);
        assert_eq!(problem(refused).await["code"], "invalid_api_key");
        app
    })
    .await;
}

#[tokio::test]
async fn a_revocation_made_by_another_node_takes_effect_within_a_second() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let (id, secret) = key(&app, &ada, &["workspace:read"]).await;
        assert_eq!(read_with(&app, &secret).await, 200);
        // Another node revokes it in the shared database; this node's cache does not know.
        let scope = app
            .store
            .authorize(
                crate::accounts::jwt_part(&ada, 1)["sub"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap(),
                "acme",
            )
            .await
            .unwrap()
            .unwrap();
        let grant = palisade_core::Granted::check(scope).unwrap();
        app.store
            .revoke_api_key(
                &grant,
                &id,
                app.clock.now(),
                &crate::helpers::test_event(&grant.scope().workspace_id().to_string()),
            )
            .await
            .unwrap();
        app.clock.advance(Duration::seconds(1));
        assert_eq!(read_with(&app, &secret).await, 401);
        app
    })
    .await;
}

#[tokio::test]
async fn a_key_cannot_hold_a_permission_its_creator_lacks() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = acme(&app).await;
    // Ada's key with keys:manage but not workspace:delete tries to mint a delete-capable key.
    let (_, manager) = key(&app, &ada, &["keys:manage", "workspace:read"]).await;
    let refused = create_key(
        &app,
        &manager,
        json!({"name": "escalate", "scopes": ["workspace:delete"]}),
    )
    .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "scope_not_held");
    let unknown = create_key(
        &app,
        &ada,
        json!({"name": "x", "scopes": ["everything:all"]}),
    )
    .await;
    assert_eq!(problem(unknown).await["code"], "invalid_scope");
    let empty = create_key(&app, &ada, json!({"name": "x", "scopes": []})).await;
    assert_eq!(problem(empty).await["code"], "invalid_scope");
    app.cleanup().await;
}

#[tokio::test]
async fn a_key_with_an_expiry_stops_working_then() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let expires = (app.clock.now() + Duration::hours(1))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let response = create_key(
            &app,
            &ada,
            json!({"name": "temp", "scopes": ["workspace:read"], "expires_at": expires}),
        )
        .await;
        let secret = response.json::<Value>().await.unwrap()["secret"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(read_with(&app, &secret).await, 200);
        app.clock.advance(Duration::hours(1));
        assert_eq!(read_with(&app, &secret).await, 401);
        app
    })
    .await;
}

#[tokio::test]
async fn a_key_is_not_a_session_token() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = acme(&app).await;
    let (_, secret) = key(&app, &ada, &["workspace:read"]).await;
    assert_eq!(
        send(&app, Method::GET, "/v1/me", &secret, None)
            .await
            .status(),
        401
    );
    app.cleanup().await;
}

#[tokio::test]
async fn last_use_is_recorded_at_most_once_a_minute() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = acme(&app).await;
    let (_, secret) = key(&app, &ada, &["workspace:read"]).await;
    let last_used = |app: &TestApp, ada: String| {
        let app_client = app.client.clone();
        let url = app.at("/v1/workspaces/acme/api-keys");
        async move {
            let listed: Value = app_client
                .get(url)
                .bearer_auth(ada)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            listed[0]["last_used_at"].clone()
        }
    };
    let start = app.clock.now();
    read_with(&app, &secret).await;
    app.state.platform().tasks().idle().await;
    let first = last_used(&app, ada.clone()).await;
    assert_eq!(
        first,
        json!(start
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap())
    );
    app.clock.advance(Duration::seconds(30));
    read_with(&app, &secret).await;
    app.state.platform().tasks().idle().await;
    assert_eq!(
        last_used(&app, ada.clone()).await,
        first,
        "not rewritten within the minute"
    );
    app.clock.advance(Duration::seconds(31));
    read_with(&app, &secret).await;
    app.state.platform().tasks().idle().await;
    assert_ne!(last_used(&app, ada.clone()).await, first);
    app.cleanup().await;
}

#[tokio::test]
async fn a_forged_key_with_a_valid_checksum_but_the_wrong_secret_is_refused() {
    use palisade_crypto::api_key::KeyHasher;
    use secrecy::ExposeSecret;
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = acme(&app).await;
    let (id, real) = key(&app, &ada, &["workspace:read"]).await;
    assert_eq!(read_with(&app, &real).await, 200);
    // Same key id, well-formed, correct checksum, but a secret the server never issued.
    let stranger = KeyHasher::new(&palisade_crypto::MasterKey::generate(
        &palisade_core::OsSecureRng,
    ))
    .unwrap();
    let forged = stranger.generate(&id, &palisade_core::OsSecureRng);
    let refused = send(
        &app,
        Method::GET,
        "/v1/workspaces/acme",
        forged.full.expose_secret(),
        None,
    )
    .await;
    assert_eq!(refused.status(), 401);
    assert_eq!(problem(refused).await["code"], "invalid_api_key");
    app.cleanup().await;
}

#[tokio::test]
async fn a_database_outage_is_a_503_to_retry_not_a_bad_key_or_a_500() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let access = acme(&app).await;
    let (_, secret) = key(&app, &access, &["workspace:read"]).await;
    app.store.close().await;
    for credential in [&secret, &access] {
        let response = send(&app, Method::GET, "/v1/workspaces/acme", credential, None).await;
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()["retry-after"], "5");
        assert_eq!(problem(response).await["code"], "database_unavailable");
    }
    app.cleanup().await;
}
