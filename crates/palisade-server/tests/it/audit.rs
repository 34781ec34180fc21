//! The audit log through the real server: every security-relevant action leaves an event
//! with the right actor and outcome, and none holds a secret.

use crate::accounts::{account, auth_options, login_response, PASSWORD};
use crate::helpers::{on_both_backends, send, spawn_app_with, TestApp};
use palisade_core::audit::{ChainedEvent, PLATFORM_LOG};
use palisade_store::AuditQuery;
use reqwest::Method;
use serde_json::{json, Value};

pub async fn workspace_events(app: &TestApp, access: &str, slug: &str) -> Vec<Value> {
    let response = send(
        app,
        Method::GET,
        &format!("/v1/workspaces/{slug}/audit-events?limit=500"),
        access,
        None,
    )
    .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["items"].as_array().unwrap().clone()
}

pub async fn log_events(app: &TestApp, log: &str) -> Vec<ChainedEvent> {
    app.state.platform().audit.flush().await.unwrap();
    let query = AuditQuery {
        limit: 10_000,
        ..AuditQuery::default()
    };
    app.store.audit_events(log, &query).await.unwrap()
}

pub fn user_of(access: &str) -> String {
    crate::accounts::jwt_part(access, 1)["sub"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Ada's `acme`, and her access token.
pub(crate) use crate::api_keys::acme;

/// Whether `events` hold `action` with this outcome and reason.
pub fn recorded(
    events: &[ChainedEvent],
    action: &str,
    outcome: &str,
    reason: Option<&str>,
) -> bool {
    events.iter().any(|e| {
        e.entry.action == action
            && e.entry.outcome.as_str() == outcome
            && e.entry.reason.as_deref() == reason
    })
}

fn find<'a>(events: &'a [Value], action: &str) -> Option<&'a Value> {
    events.iter().find(|e| e["action"] == action)
}

#[tokio::test]
async fn workspace_changes_are_recorded_with_their_actor_and_outcome() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let ws = "/v1/workspaces/acme";
        let steps = [
            (
                Method::POST,
                format!("{ws}/collections"),
                Some(json!({"name": "notes"})),
            ),
            (
                Method::PATCH,
                ws.to_owned(),
                Some(json!({"name": "Acme Inc"})),
            ),
            (
                Method::POST,
                format!("{ws}/invitations"),
                Some(json!({"email": "bob@example.com", "role": "admin"})),
            ),
        ];
        let mut request_ids = Vec::new();
        for (method, path, body) in steps {
            let response = send(&app, method, &path, &ada, body).await;
            assert!(response.status().is_success(), "{path}");
            request_ids.push(
                response.headers()["x-request-id"]
                    .to_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        let created = send(
            &app,
            Method::POST,
            &format!("{ws}/api-keys"),
            &ada,
            Some(json!({"name": "ci", "scopes": ["workspace:read"]})),
        )
        .await;
        let key: Value = created.json().await.unwrap();
        let id = key["id"].as_str().unwrap();
        assert_eq!(
            send(
                &app,
                Method::DELETE,
                &format!("{ws}/api-keys/{id}"),
                &ada,
                None
            )
            .await
            .status(),
            204
        );
        let events = workspace_events(&app, &ada, "acme").await;
        let actor = format!("user:{}", user_of(&ada));
        for action in [
            "workspace.created",
            "collection.created",
            "workspace.renamed",
            "invitation.created",
            "api_key.created",
            "api_key.revoked",
        ] {
            let event =
                find(&events, action).unwrap_or_else(|| panic!("no {action} in {events:#?}"));
            assert_eq!(event["actor"], actor, "{action}");
            assert_eq!(event["outcome"], "success", "{action}");
        }
        assert_eq!(find(&events, "api_key.revoked").unwrap()["resource_id"], id);
        assert_eq!(
            find(&events, "invitation.created").unwrap()["reason"],
            "admin"
        );
        assert_eq!(
            find(&events, "collection.created").unwrap()["request_id"],
            request_ids[0]
        );
        let numbers: Vec<i64> = events
            .iter()
            .map(|e| e["sequence"].as_i64().unwrap())
            .collect();
        assert_eq!(numbers, (1..=numbers.len() as i64).collect::<Vec<_>>());
        app
    })
    .await;
}

#[tokio::test]
async fn account_events_go_to_the_platform_log() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        // A second session, for the password change to sign out.
        crate::accounts::login(&app, "ada@example.com").await;
        assert_eq!(
            login_response(&app, "ada@example.com", "not-her-password-at-all")
                .await
                .status(),
            401
        );
        let changed = send(
            &app,
            Method::POST,
            "/v1/me/password",
            &ada.access,
            Some(json!({"current_password": PASSWORD, "new_password": "a-brand-new-passphrase-9"})),
        )
        .await;
        assert_eq!(changed.status(), 204);
        assert_eq!(
            send(&app, Method::POST, "/v1/auth/logout", &ada.access, None)
                .await
                .status(),
            204
        );
        let user = user_of(&ada.access);
        let events = log_events(&app, PLATFORM_LOG).await;
        let had = |action, outcome, reason| recorded(&events, action, outcome, reason);
        assert!(had("user.signed_up", "success", None), "{events:#?}");
        assert!(had("user.login", "success", None));
        assert!(had("user.login", "denied", Some("invalid_credentials")));
        assert!(had("password.changed", "success", None));
        assert!(
            had("sessions.revoked", "success", Some("password_changed")),
            "{:?}",
            events
                .iter()
                .map(|e| (&e.entry.action, e.entry.reason.clone()))
                .collect::<Vec<_>>()
        );
        assert!(had("session.revoked", "success", Some("logout")));
        let signed_up = events
            .iter()
            .find(|e| e.entry.action == "user.signed_up")
            .unwrap();
        assert_eq!(signed_up.entry.actor, format!("user:{user}"));
        app
    })
    .await;
}

#[tokio::test]
async fn denials_are_recorded_where_they_belong() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let token =
            crate::workspaces::invite(&app, &ada, "acme", "bob@example.com", "viewer").await;
        let bob = account(&app, "bob@example.com").await;
        let joined = send(
            &app,
            Method::POST,
            "/v1/invitations/accept",
            &bob.access,
            Some(json!({"token": token})),
        )
        .await;
        assert_eq!(joined.status(), 200);
        let refused = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/api-keys",
            &bob.access,
            Some(json!({"name": "x", "scopes": ["workspace:read"]})),
        )
        .await;
        assert_eq!(refused.status(), 403);
        let eve = account(&app, "eve@example.com").await;
        assert_eq!(
            send(&app, Method::GET, "/v1/workspaces/acme", &eve.access, None)
                .await
                .status(),
            403
        );
        let bad_key = "pal_01jd5v3k2m0000000000000000_notthesecretnotthesecretnotthesec";
        assert_eq!(
            send(&app, Method::GET, "/v1/workspaces/acme", bad_key, None)
                .await
                .status(),
            401
        );

        let events = workspace_events(&app, &ada, "acme").await;
        let denied = find(&events, "permission.used").expect("the denial is in acme's log");
        assert_eq!(denied["actor"], format!("user:{}", user_of(&bob.access)));
        assert_eq!(denied["outcome"], "denied");
        assert_eq!(denied["resource_id"], "keys:manage");
        assert!(
            find(&events, "invitation.accepted").is_some(),
            "{events:#?}"
        );
        let platform = log_events(&app, PLATFORM_LOG).await;
        let outsider = platform
            .iter()
            .find(|e| e.entry.action == "workspace.accessed")
            .unwrap();
        assert_eq!(
            outsider.entry.actor,
            format!("user:{}", user_of(&eve.access))
        );
        assert_eq!(outsider.entry.reason.as_deref(), Some("not_a_member"));
        assert!(platform.iter().any(|e| e.entry.action == "api_key.used"
            && e.entry.reason.as_deref() == Some("invalid_api_key")));
        app
    })
    .await;
}

#[tokio::test]
async fn no_password_token_or_key_enters_an_event() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = acme(&app).await;
    let tokens = crate::accounts::login(&app, "ada@example.com").await;
    let created = send(
        &app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        &ada,
        Some(json!({"name": "ci", "scopes": ["workspace:read"]})),
    )
    .await;
    let secret = created.json::<Value>().await.unwrap()["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        send(&app, Method::GET, "/v1/workspaces/acme", &secret, None)
            .await
            .status(),
        200
    );
    let invitation =
        crate::workspaces::invite(&app, &ada, "acme", "bob@example.com", "member").await;
    let ws = app.store.audit_log_of("acme").await.unwrap().unwrap();
    let mut dump = format!("{:?}", log_events(&app, PLATFORM_LOG).await);
    dump.push_str(&format!("{:?}", log_events(&app, &ws).await));
    let secret_body = secret.rsplit('_').next().unwrap();
    for leaked in [
        PASSWORD,
        &ada,
        &tokens.access,
        &tokens.refresh,
        &secret,
        secret_body,
        &invitation,
    ] {
        assert!(!dump.contains(leaked), "an event holds a secret");
    }
    assert!(
        dump.contains("api_key.created"),
        "the dump is of the events"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn source_addresses_are_a_keyed_hash_by_default() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    account(&app, "ada@example.com").await;
    let events = log_events(&app, PLATFORM_LOG).await;
    let login = events
        .iter()
        .find(|e| e.entry.action == "user.login")
        .unwrap();
    let ip = login.entry.ip.as_deref().unwrap();
    assert!(ip.starts_with("h:") && !ip.contains("127.0.0.1"), "{ip}");
    app.cleanup().await;

    let app = spawn_app_with(auth_options().set("audit.ip", "full"))
        .await
        .unwrap();
    account(&app, "ada@example.com").await;
    let events = log_events(&app, PLATFORM_LOG).await;
    let login = events
        .iter()
        .find(|e| e.entry.action == "user.login")
        .unwrap();
    assert_eq!(login.entry.ip.as_deref(), Some("127.0.0.1"));
    app.cleanup().await;
}

#[tokio::test]
async fn reading_the_log_needs_audit_read() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = acme(&app).await;
    let token = crate::workspaces::invite(&app, &ada, "acme", "bob@example.com", "member").await;
    let bob = account(&app, "bob@example.com").await;
    send(
        &app,
        Method::POST,
        "/v1/invitations/accept",
        &bob.access,
        Some(json!({"token": token})),
    )
    .await;
    for path in ["audit-events", "audit-events/export", "audit/verify"] {
        let response = send(
            &app,
            Method::GET,
            &format!("/v1/workspaces/acme/{path}"),
            &bob.access,
            None,
        )
        .await;
        assert_eq!(response.status(), 403, "{path}");
    }
    app.cleanup().await;
}
