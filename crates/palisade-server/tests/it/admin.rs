//! Platform administration through the real server: only platform admins signed in with MFA
//! reach `/v1/admin/*`; suspension cuts sessions and keys at once; blocks and the platform
//! log are readable; every action is audited.

use crate::accounts::{account, auth_options, login_response, Tokens, PASSWORD};
use crate::audit::{log_events, recorded};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use crate::mfa::{code, enroll, login_with_mfa, mfa_token, verify};
use palisade_core::audit::PLATFORM_LOG;
use reqwest::Method;
use serde_json::{json, Value};

/// Flags `email` as a platform admin, as `palisade admin grant` does.
pub async fn grant_admin(app: &TestApp, email: &str) {
    let audit = palisade_service::audit::Audit::for_operator(
        app.store.clone(),
        &app.root,
        Default::default(),
    );
    let granted =
        palisade_service::admin::set_platform_admin(app.store.as_ref(), &audit, email, true)
            .await
            .unwrap();
    assert!(granted.is_some());
}

/// A platform admin signed in with both factors.
pub async fn admin_session(app: &TestApp, email: &str) -> Tokens {
    let first = account(app, email).await;
    let enrolled = enroll(app, &first.access).await;
    grant_admin(app, email).await;
    login_with_mfa(app, email, &enrolled.secret).await
}

/// Ada's `acme` and a working API key of hers in it.
async fn acme_with_key(app: &TestApp, ada: &Tokens) -> String {
    let created = send(
        app,
        Method::POST,
        "/v1/workspaces",
        &ada.access,
        Some(json!({"slug": "acme", "name": "Acme"})),
    )
    .await;
    assert_eq!(created.status(), 201);
    let key: Value = send(
        app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        &ada.access,
        Some(json!({"name": "ci", "scopes": ["workspace:read"]})),
    )
    .await
    .json()
    .await
    .unwrap();
    let key = key["secret"].as_str().unwrap().to_owned();
    assert_eq!(get(app, "/v1/workspaces/acme", &key).await.status(), 200);
    key
}

async fn get(app: &TestApp, path: &str, access: &str) -> reqwest::Response {
    send(app, Method::GET, path, access, None).await
}

#[tokio::test]
async fn admin_routes_refuse_accounts_that_are_not_platform_admins() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let refused = get(&app, "/v1/admin/accounts", &ada.access).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "platform_admin_required");
    assert!(recorded(
        &log_events(&app, PLATFORM_LOG).await,
        "admin.accessed",
        "denied",
        Some("not_a_platform_admin")
    ));
    app.cleanup().await;
}

#[tokio::test]
async fn admin_routes_refuse_a_platform_admin_whose_session_has_no_mfa() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let root = account(&app, "root@example.com").await;
    grant_admin(&app, "root@example.com").await;
    for path in [
        "/v1/admin/accounts",
        "/v1/admin/workspaces",
        "/v1/admin/ip-blocks",
        "/v1/admin/audit-events",
    ] {
        let refused = get(&app, path, &root.access).await;
        assert_eq!(refused.status(), 403, "{path}");
        assert_eq!(problem(refused).await["code"], "mfa.required", "{path}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn an_admin_signed_in_with_mfa_lists_accounts_and_workspaces_on_both_backends() {
    on_both_backends(auth_options, |app| async move {
        let admin = admin_session(&app, "root@example.com").await;
        let ada = account(&app, "ada@example.com").await;
        let created = send(
            &app,
            Method::POST,
            "/v1/workspaces",
            &ada.access,
            Some(json!({"slug": "acme", "name": "Acme"})),
        )
        .await;
        assert_eq!(created.status(), 201);
        let accounts: Value = get(&app, "/v1/admin/accounts", &admin.access)
            .await
            .json()
            .await
            .unwrap();
        let emails: Vec<&str> = accounts["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["email"].as_str().unwrap())
            .collect();
        assert!(emails.contains(&"ada@example.com") && emails.contains(&"root@example.com"));
        let root = accounts["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["email"] == "root@example.com")
            .unwrap();
        assert_eq!(root["platform_admin"], true);
        assert_eq!(root["mfa_enabled"], true);
        let workspaces: Value = get(&app, "/v1/admin/workspaces", &admin.access)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(workspaces["items"][0]["slug"], "acme");
        assert_eq!(workspaces["items"][0]["members"], 1);
        app
    })
    .await;
}

#[tokio::test]
async fn suspending_an_account_revokes_its_sessions_and_keys_at_once_until_reinstated() {
    on_both_backends(auth_options, |app| async move {
        let admin = admin_session(&app, "root@example.com").await;
        let ada = account(&app, "ada@example.com").await;
        let ada_id = crate::audit::user_of(&ada.access);
        let key = acme_with_key(&app, &ada).await;

        let path = format!("/v1/admin/accounts/{ada_id}/suspend");
        assert_eq!(
            send(&app, Method::POST, &path, &admin.access, None)
                .await
                .status(),
            204
        );
        let revoked = get(&app, "/v1/me", &ada.access).await;
        assert_eq!(revoked.status(), 401);
        assert_eq!(problem(revoked).await["code"], "session_revoked");
        assert_eq!(get(&app, "/v1/workspaces/acme", &key).await.status(), 401);
        let login = login_response(&app, "ada@example.com", PASSWORD).await;
        assert_eq!(login.status(), 403);
        assert_eq!(problem(login).await["code"], "account_suspended");
        // A wrong password learns nothing about the suspension.
        let guess = login_response(&app, "ada@example.com", "wrong-password-entirely").await;
        assert_eq!(problem(guess).await["code"], "invalid_credentials");

        let path = format!("/v1/admin/accounts/{ada_id}/unsuspend");
        assert_eq!(
            send(&app, Method::POST, &path, &admin.access, None)
                .await
                .status(),
            204
        );
        assert_eq!(
            login_response(&app, "ada@example.com", PASSWORD)
                .await
                .status(),
            200
        );
        assert_eq!(get(&app, "/v1/workspaces/acme", &key).await.status(), 200);
        let events = log_events(&app, PLATFORM_LOG).await;
        assert!(recorded(&events, "account.suspended", "success", None));
        assert!(recorded(&events, "account.unsuspended", "success", None));
        app
    })
    .await;
}

#[tokio::test]
async fn suspending_a_workspace_shuts_out_its_members_and_keys() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let admin = admin_session(&app, "root@example.com").await;
    let ada = account(&app, "ada@example.com").await;
    let key = acme_with_key(&app, &ada).await;
    let suspend = send(
        &app,
        Method::POST,
        "/v1/admin/workspaces/acme/suspend",
        &admin.access,
        None,
    )
    .await;
    assert_eq!(suspend.status(), 204);
    assert_eq!(
        get(&app, "/v1/workspaces/acme", &ada.access).await.status(),
        403
    );
    assert_eq!(get(&app, "/v1/workspaces/acme", &key).await.status(), 401);
    let unknown = send(
        &app,
        Method::POST,
        "/v1/admin/workspaces/nowhere/suspend",
        &admin.access,
        None,
    )
    .await;
    assert_eq!(problem(unknown).await["code"], "workspace_not_found");
    send(
        &app,
        Method::POST,
        "/v1/admin/workspaces/acme/unsuspend",
        &admin.access,
        None,
    )
    .await;
    assert_eq!(
        get(&app, "/v1/workspaces/acme", &ada.access).await.status(),
        200
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_admin_cannot_suspend_their_own_account() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let admin = admin_session(&app, "root@example.com").await;
    let me = crate::audit::user_of(&admin.access);
    let refused = send(
        &app,
        Method::POST,
        &format!("/v1/admin/accounts/{me}/suspend"),
        &admin.access,
        None,
    )
    .await;
    assert_eq!(problem(refused).await["code"], "cannot_suspend_self");
    app.cleanup().await;
}

#[tokio::test]
async fn an_admin_lists_and_lifts_address_blocks() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let admin = admin_session(&app, "root@example.com").await;
    let now = palisade_core::Clock::now(app.clock.as_ref());
    let block = palisade_store::IpBlock {
        ip: "203.0.113.9".into(),
        blocked_until: now + time::Duration::hours(1),
        failures: 40,
        accounts: 20,
        created_at: now,
    };
    app.store
        .block_ip(&block, &crate::helpers::test_event(PLATFORM_LOG))
        .await
        .unwrap();
    let listed: Value = get(&app, "/v1/admin/ip-blocks", &admin.access)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["ip"], "203.0.113.9");
    let lift = send(
        &app,
        Method::DELETE,
        "/v1/admin/ip-blocks/203.0.113.9",
        &admin.access,
        None,
    )
    .await;
    assert_eq!(lift.status(), 204);
    let again = send(
        &app,
        Method::DELETE,
        "/v1/admin/ip-blocks/203.0.113.9",
        &admin.access,
        None,
    )
    .await;
    assert_eq!(problem(again).await["code"], "ip_block_not_found");
    let bad = send(
        &app,
        Method::DELETE,
        "/v1/admin/ip-blocks/not-an-address",
        &admin.access,
        None,
    )
    .await;
    assert_eq!(problem(bad).await["code"], "invalid_ip_address");
    assert!(recorded(
        &log_events(&app, PLATFORM_LOG).await,
        "security.ip_unblocked",
        "success",
        None
    ));
    app.cleanup().await;
}

#[tokio::test]
async fn an_admin_reads_the_platform_log() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let admin = admin_session(&app, "root@example.com").await;
    let page: Value = get(
        &app,
        "/v1/admin/audit-events?action=platform_admin.granted",
        &admin.access,
    )
    .await
    .json()
    .await
    .unwrap();
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{page}");
    assert_eq!(items[0]["actor"], "system");
    app.cleanup().await;
}

#[tokio::test]
async fn a_sign_in_waiting_for_its_second_factor_cannot_finish_once_the_account_is_suspended() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let admin = admin_session(&app, "root@example.com").await;
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let token = mfa_token(&app, "ada@example.com").await;
    let ada_id = crate::audit::user_of(&ada.access);
    let path = format!("/v1/admin/accounts/{ada_id}/suspend");
    assert_eq!(
        send(&app, Method::POST, &path, &admin.access, None)
            .await
            .status(),
        204
    );
    let late = verify(&app, &token, &code(&app, &enrolled.secret, 0)).await;
    assert_eq!(late.status(), 401);
    assert_eq!(problem(late).await["code"], "mfa.invalid_token");
    app.cleanup().await;
}

#[tokio::test]
async fn an_admin_who_removes_mfa_loses_administration_in_every_session() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let first = account(&app, "root@example.com").await;
    let enrolled = enroll(&app, &first.access).await;
    grant_admin(&app, "root@example.com").await;
    let admin = login_with_mfa(&app, "root@example.com", &enrolled.secret).await;
    assert_eq!(
        get(&app, "/v1/admin/accounts", &admin.access)
            .await
            .status(),
        200
    );
    app.clock.advance(time::Duration::seconds(30));
    let removed = send(
        &app,
        Method::DELETE,
        "/v1/me/mfa/totp",
        &admin.access,
        Some(json!({"code": code(&app, &enrolled.secret, 0)})),
    )
    .await;
    assert_eq!(removed.status(), 204);
    let refused = get(&app, "/v1/admin/accounts", &admin.access).await;
    assert_eq!(problem(refused).await["code"], "mfa.required");
    app.cleanup().await;
}
