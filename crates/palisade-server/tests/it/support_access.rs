//! Support access: platform admins read a workspace only while its owner's time-boxed grant is
//! in force; they never write; every request is in the workspace's own log; the owner can end
//! it early.

use crate::accounts::{account, auth_options, Tokens};
use crate::admin::admin_session;
use crate::audit::{log_events, recorded};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

/// Ada's `acme` with a `notes` collection.
async fn acme(app: &TestApp) -> Tokens {
    crate::records::acme_with_notes(app, None).await
}

async fn grant(app: &TestApp, owner: &str, hours: i64) -> reqwest::Response {
    send(
        app,
        Method::POST,
        "/v1/workspaces/acme/support-access",
        owner,
        Some(json!({"duration_hours": hours, "reason": "ticket 4711: sync fails"})),
    )
    .await
}

async fn read(app: &TestApp, admin: &str) -> reqwest::Response {
    send(
        app,
        Method::GET,
        "/v1/workspaces/acme/collections/notes/records",
        admin,
        None,
    )
    .await
}

#[tokio::test]
async fn without_a_grant_an_admin_meets_the_same_wall_as_anyone() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    acme(&app).await;
    let admin = admin_session(&app, "root@example.com").await;
    let refused = read(&app, &admin.access).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "workspace_forbidden");
    app.cleanup().await;
}

#[tokio::test]
async fn a_grant_lets_admins_read_but_never_write_and_every_read_is_audited() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme(&app).await;
        let admin = admin_session(&app, "root@example.com").await;
        assert_eq!(grant(&app, &owner.access, 4).await.status(), 201);
        assert_eq!(read(&app, &admin.access).await.status(), 200);
        let write = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/collections/notes/records",
            &admin.access,
            Some(json!({"title": "from support"})),
        )
        .await;
        assert_eq!(write.status(), 403);
        assert_eq!(problem(write).await["code"], "permission_denied");
        let secrets = send(
            &app,
            Method::GET,
            "/v1/workspaces/acme/secrets",
            &admin.access,
            None,
        )
        .await;
        assert_eq!(secrets.status(), 403);
        let workspace: Value = send(
            &app,
            Method::GET,
            "/v1/workspaces/acme",
            &owner.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        let log = workspace["id"].as_str().unwrap();
        let events = log_events(&app, log).await;
        assert!(recorded(&events, "support_access.granted", "success", None));
        assert!(recorded(
            &events,
            "support_access.read",
            "success",
            Some("records:read")
        ));
        app
    })
    .await;
}

#[tokio::test]
async fn an_admin_without_mfa_in_the_session_gets_no_support_access() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme(&app).await;
    let root = account(&app, "root@example.com").await;
    crate::admin::grant_admin(&app, "root@example.com").await;
    grant(&app, &owner.access, 4).await;
    assert_eq!(read(&app, &root.access).await.status(), 403);
    app.cleanup().await;
}

#[tokio::test]
async fn access_ends_when_the_grant_expires() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme(&app).await;
    let admin = admin_session(&app, "root@example.com").await;
    grant(&app, &owner.access, 1).await;
    // Access tokens last 15 minutes: the admin refreshes as a client would.
    let refreshed = |refresh: String| {
        let app = &app;
        async move {
            let response = crate::accounts::refresh(app, &refresh).await;
            Tokens::from(response.json::<Value>().await.unwrap())
        }
    };
    app.clock.advance(Duration::minutes(50));
    let before = refreshed(admin.refresh.clone()).await;
    assert_eq!(read(&app, &before.access).await.status(), 200);
    app.clock.advance(Duration::minutes(11));
    let after = refreshed(before.refresh.clone()).await;
    assert_eq!(read(&app, &after.access).await.status(), 403);
    app.cleanup().await;
}

#[tokio::test]
async fn the_owner_can_end_a_grant_early() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme(&app).await;
    let admin = admin_session(&app, "root@example.com").await;
    let granted: Value = grant(&app, &owner.access, 72).await.json().await.unwrap();
    let id = granted["id"].as_str().unwrap();
    assert_eq!(read(&app, &admin.access).await.status(), 200);
    let path = format!("/v1/workspaces/acme/support-access/{id}");
    assert_eq!(
        send(&app, Method::DELETE, &path, &owner.access, None)
            .await
            .status(),
        204
    );
    assert_eq!(read(&app, &admin.access).await.status(), 403);
    let listed: Value = send(
        &app,
        Method::GET,
        "/v1/workspaces/acme/support-access",
        &owner.access,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert!(listed[0]["revoked_at"].is_string(), "{listed}");
    app.cleanup().await;
}

#[tokio::test]
async fn a_grant_lasts_at_most_72_hours_and_needs_a_reason() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme(&app).await;
    let long = grant(&app, &owner.access, 73).await;
    assert_eq!(problem(long).await["code"], "invalid_support_duration");
    let unexplained = send(
        &app,
        Method::POST,
        "/v1/workspaces/acme/support-access",
        &owner.access,
        Some(json!({"duration_hours": 2, "reason": "  "})),
    )
    .await;
    assert_eq!(problem(unexplained).await["code"], "invalid_reason");
    app.cleanup().await;
}
