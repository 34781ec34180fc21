//! The privacy rights through the real server: an account's export, and its deletion.

use crate::accounts::{account, auth_options, login_response, refresh, PASSWORD};
use crate::api_keys::{key, read_with};
use crate::audit::{log_events, recorded, user_of};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use crate::mfa::{code, enroll};
use crate::workspaces::{create_workspace, join};
use palisade_core::audit::PLATFORM_LOG;
use reqwest::Method;
use serde_json::{json, Value};

async fn delete_me(app: &TestApp, access: &str, body: Value) -> reqwest::Response {
    send(app, Method::DELETE, "/v1/me", access, Some(body)).await
}

async fn export(app: &TestApp, access: &str) -> Value {
    let response = send(app, Method::GET, "/v1/me/export", access, None).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["cache-control"], "no-store");
    let text = response.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not one JSON document ({e}): {text}"))
}

#[tokio::test]
async fn a_wrong_password_deletes_nothing() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let refused = delete_me(
        &app,
        &ada.access,
        json!({"current_password": "not-it-at-all"}),
    )
    .await;
    assert_eq!(refused.status(), 401);
    assert_eq!(problem(refused).await["code"], "invalid_credentials");
    assert_eq!(
        send(&app, Method::GET, "/v1/me", &ada.access, None)
            .await
            .status(),
        200
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_deleted_account_can_neither_sign_in_nor_use_its_tokens_or_keys() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        assert_eq!(
            create_workspace(&app, &ada.access, "acme").await.status(),
            201
        );
        let bob = join(&app, &ada, "bob@example.com", "admin").await;
        let (_, bob_key) = key(&app, &bob.access, &["workspace:read"]).await;
        assert_eq!(read_with(&app, &bob_key).await, 200);
        let deleted = delete_me(&app, &bob.access, json!({"current_password": PASSWORD})).await;
        assert_eq!(deleted.status(), 204);
        for path in ["/v1/me", "/v1/workspaces", "/v1/me/sessions"] {
            let status = send(&app, Method::GET, path, &bob.access, None)
                .await
                .status();
            assert_eq!(status, 401, "{path} with a deleted account's token");
        }
        assert_eq!(refresh(&app, &bob.refresh).await.status(), 401);
        assert_eq!(read_with(&app, &bob_key).await, 401);
        let login = login_response(&app, "bob@example.com", PASSWORD).await;
        assert_eq!(login.status(), 401);
        let members: Value = send(
            &app,
            Method::GET,
            "/v1/workspaces/acme/members",
            &ada.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        let emails: Vec<&str> = members
            .as_array()
            .or(members["items"].as_array())
            .unwrap()
            .iter()
            .map(|m| m["email"].as_str().unwrap())
            .collect();
        assert_eq!(emails, ["ada@example.com"]);
        app
    })
    .await;
}

#[tokio::test]
async fn the_only_owner_of_a_workspace_is_told_which_and_kept() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        for slug in ["acme", "globex"] {
            assert_eq!(
                create_workspace(&app, &ada.access, slug).await.status(),
                201
            );
        }
        let refused = delete_me(&app, &ada.access, json!({"current_password": PASSWORD})).await;
        assert_eq!(refused.status(), 409);
        let body = problem(refused).await;
        assert_eq!(body["code"], "last_owner");
        let detail = body["detail"].as_str().unwrap();
        assert!(detail.contains("acme, globex"), "{detail}");
        assert_eq!(
            send(&app, Method::GET, "/v1/workspaces/acme", &ada.access, None)
                .await
                .status(),
            200
        );
        app
    })
    .await;
}

#[tokio::test]
async fn an_account_with_mfa_needs_a_current_code_to_be_deleted() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let without = delete_me(&app, &ada.access, json!({"current_password": PASSWORD})).await;
    assert_eq!(without.status(), 401);
    assert_eq!(problem(without).await["code"], "mfa.invalid_code");
    let wrong = delete_me(
        &app,
        &ada.access,
        json!({"current_password": PASSWORD, "code": "000000"}),
    )
    .await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(
        send(&app, Method::GET, "/v1/me", &ada.access, None)
            .await
            .status(),
        200
    );
    let body = json!({"current_password": PASSWORD, "code": code(&app, &enrolled.secret, 0)});
    assert_eq!(delete_me(&app, &ada.access, body).await.status(), 204);
    app.cleanup().await;
}

#[tokio::test]
async fn the_audit_chain_outlives_a_deleted_account_without_its_address() {
    on_both_backends(auth_options, |app| async move {
        let bob = account(&app, "bob.private@example.com").await;
        let id = user_of(&bob.access);
        let deleted = delete_me(&app, &bob.access, json!({"current_password": PASSWORD})).await;
        assert_eq!(deleted.status(), 204);
        let events = log_events(&app, PLATFORM_LOG).await;
        assert!(recorded(&events, "account.deleted", "success", None));
        let actor = format!("user:{id}");
        assert!(events.iter().filter(|e| e.entry.actor == actor).count() >= 3);
        let text = format!("{events:?}");
        assert!(!text.contains("bob.private"), "the address is in the log");
        let verdict = app
            .state
            .platform()
            .audit
            .verify(PLATFORM_LOG)
            .await
            .unwrap();
        assert!(verdict.is_ok(), "{verdict:?}");
        app
    })
    .await;
}

#[tokio::test]
async fn the_export_holds_the_account_its_sessions_memberships_keys_and_acts() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        assert_eq!(
            create_workspace(&app, &ada.access, "acme").await.status(),
            201
        );
        let (key_id, secret) = key(&app, &ada.access, &["workspace:read"]).await;
        let document = export(&app, &ada.access).await;
        assert_eq!(document["format"], "palisade.account_export");
        assert_eq!(document["account"]["email"], "ada@example.com");
        assert_eq!(document["account"]["id"], user_of(&ada.access));
        assert_eq!(document["sessions"].as_array().unwrap().len(), 1);
        assert_eq!(document["memberships"][0]["workspace"], "acme");
        assert_eq!(document["memberships"][0]["role"], "owner");
        assert_eq!(document["api_keys"][0]["id"], key_id.as_str());
        assert_eq!(document["api_keys"][0]["scopes"], json!(["workspace:read"]));
        let actions: Vec<&str> = document["audit_events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        for action in ["user.signed_up", "api_key.created"] {
            assert!(
                actions.contains(&action),
                "{action} missing from {actions:?}"
            );
        }
        let text = document.to_string();
        for secret_part in [secret.as_str(), "argon2", "verifier"] {
            assert!(
                !text.contains(secret_part),
                "the export holds {secret_part}"
            );
        }
        app
    })
    .await;
}

#[tokio::test]
async fn the_export_streams_every_event_of_a_long_history_and_no_one_elses() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let bob = account(&app, "bob@example.com").await;
    let actor = format!("user:{}", user_of(&ada.access));
    let mut history: Vec<_> = (0..1_234)
        .map(|_| {
            let mut event = crate::helpers::test_event(PLATFORM_LOG);
            event.actor = actor.clone();
            event
        })
        .collect();
    history.push(crate::helpers::test_event(PLATFORM_LOG));
    app.store.append_audit(&history).await.unwrap();
    let document = export(&app, &ada.access).await;
    let events = document["audit_events"].as_array().unwrap();
    assert!(events.iter().all(|e| e["actor"] == actor.as_str()));
    // The export records itself; whether that event makes it in depends on when it lands.
    let events: Vec<_> = events
        .iter()
        .filter(|e| e["action"] != "account.exported")
        .collect();
    let mine = log_events(&app, PLATFORM_LOG)
        .await
        .iter()
        .filter(|e| e.entry.actor == actor && e.entry.action != "account.exported")
        .count();
    assert!(mine > 1_234);
    assert_eq!(events.len(), mine);
    let bobs = export(&app, &bob.access).await;
    assert!(bobs["audit_events"].as_array().unwrap().len() < 10);
    app.cleanup().await;
}

async fn current_session(app: &TestApp, access: &str) -> palisade_core::SessionId {
    let sessions: Value = send(app, Method::GET, "/v1/me/sessions", access, None)
        .await
        .json()
        .await
        .unwrap();
    sessions[0]["id"].as_str().unwrap().parse().unwrap()
}

#[tokio::test]
async fn upkeep_deletes_ended_sessions_after_their_retention_and_keeps_the_rest() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        let ended = current_session(&app, &ada.access).await;
        let logout = send(&app, Method::POST, "/v1/auth/logout", &ada.access, None).await;
        assert_eq!(logout.status(), 204);
        app.clock.advance(time::Duration::days(29));
        let again = crate::accounts::login(&app, "ada@example.com").await;
        let current = current_session(&app, &again.access).await;
        app.state.platform().upkeep().await;
        assert!(
            app.store.session(ended).await.unwrap().is_some(),
            "kept 29 days"
        );
        app.clock.advance(time::Duration::days(2));
        app.state.platform().upkeep().await;
        assert_eq!(
            app.store.session(ended).await.unwrap(),
            None,
            "gone after 30"
        );
        assert!(app.store.session(current).await.unwrap().is_some());
        let refreshed = refresh(&app, &again.refresh).await;
        assert_eq!(refreshed.status(), 200, "the session in use goes on");
        app
    })
    .await;
}
