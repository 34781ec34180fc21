//! Webhook endpoints through the real server: creation with a secret shown once, listing,
//! changes, deletion, the event rules, and the audit trail. Deliveries are in
//! `webhook_delivery.rs`, the SSRF guard in `webhook_ssrf.rs`.

use crate::accounts::{auth_options, Tokens};
use crate::helpers::{problem, send, spawn_app_with, AppOptions, TestApp};
use crate::vault::owner_of;
use crate::webhook_receiver::Receiver;
use palisade_core::Clock;
use palisade_store::testing::TestBackend;
use reqwest::Method;
use serde_json::{json, Value};
use std::sync::Arc;

/// The test app for webhooks: plain http allowed (the receiver has no certificate) and the
/// receiver's exact address reachable although it is on loopback.
pub(crate) fn hook_options(receiver: &Receiver) -> AppOptions {
    auth_options()
        .set(
            "webhooks",
            figment::value::Dict::from_iter([("allow_http".to_owned(), true.into())]),
        )
        .reach(receiver.addr)
}

pub(crate) async fn create_hook(
    app: &TestApp,
    access: &str,
    slug: &str,
    url: &str,
    events: &[&str],
) -> Value {
    let response = send(
        app,
        Method::POST,
        &format!("/v1/workspaces/{slug}/webhooks"),
        access,
        Some(json!({"url": url, "events": events, "description": "test receiver"})),
    )
    .await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

/// Where a receiver listening on `addr` takes messages.
pub(crate) fn url_of(addr: std::net::SocketAddr) -> String {
    format!("http://{addr}/hooks")
}

/// Runs a delivery pass now (the server's own loop runs every second too).
pub(crate) async fn deliver(app: &TestApp) {
    app.state.platform().webhooks.deliver_due().await.unwrap();
}

/// Runs `body` against SQLite and then PostgreSQL, each with a clock that starts now (the
/// official Standard Webhooks library compares timestamps with real time) and with whatever
/// the receiver still held from the run before thrown away.
pub(crate) async fn on_both<F, Fut>(receiver: &Arc<Receiver>, body: F)
where
    F: Fn(TestApp, Arc<Receiver>) -> Fut,
    Fut: std::future::Future<Output = TestApp>,
{
    for backend in [TestBackend::Sqlite, TestBackend::Postgres] {
        receiver.pending().await;
        let mut options = hook_options(receiver).starting_at(palisade_core::SystemClock.now());
        options.backend = backend;
        if let Some(app) = spawn_app_with(options).await {
            body(app, Arc::clone(receiver)).await.cleanup().await;
        }
    }
}

/// Ada's `acme` with one endpoint at `url` for `events`: her tokens and the endpoint as created.
pub(crate) async fn hooked(app: &TestApp, url: &str, events: &[&str]) -> (Tokens, Value) {
    let ada = owner(app, "acme").await;
    let created = create_hook(app, &ada.access, "acme", url, events).await;
    (ada, created)
}

/// `POST …/webhooks/{id}/{action}` in `acme` (`test`, `rotate-secret`); the JSON answer.
pub(crate) async fn act(app: &TestApp, access: &str, id: &str, action: &str) -> Value {
    let path = format!("/v1/workspaces/acme/webhooks/{id}/{action}");
    let response = send(app, Method::POST, &path, access, None).await;
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.json().await.unwrap()
}

pub(crate) async fn owner(app: &TestApp, slug: &str) -> Tokens {
    owner_of(app, slug).await.0
}

#[tokio::test]
async fn a_new_endpoint_shows_its_signing_secret_once() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let secret = created["secret"].as_str().unwrap().to_owned();
        let key = secret.strip_prefix("whsec_").unwrap();
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(key)
            .unwrap();
        assert_eq!(bytes.len(), 32);
        assert_eq!(created["kind"], "webhook");
        assert_eq!(created["status"], "active");
        let id = created["id"].as_str().unwrap();
        assert!(id.starts_with("whk_"));
        for path in [
            "/v1/workspaces/acme/webhooks".to_owned(),
            format!("/v1/workspaces/acme/webhooks/{id}"),
        ] {
            let response = send(&app, Method::GET, &path, &ada.access, None).await;
            assert_eq!(response.status(), 200);
            let text = response.text().await.unwrap();
            assert!(text.contains(id), "{text}");
            assert!(
                !text.contains(key) && !text.contains("\"secret\""),
                "{path}: {text}"
            );
        }
        app
    })
    .await;
}

#[tokio::test]
async fn an_endpoint_can_be_changed_and_deleted() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let path = format!(
            "/v1/workspaces/acme/webhooks/{}",
            created["id"].as_str().unwrap()
        );
        let changed = send(
            &app,
            Method::PATCH,
            &path,
            &ada.access,
            Some(json!({"events": ["audit.*"], "description": null})),
        )
        .await;
        assert_eq!(changed.status(), 200);
        let changed: Value = changed.json().await.unwrap();
        assert_eq!(changed["events"], json!(["audit.*"]));
        assert_eq!(changed["kind"], "audit_stream");
        assert_eq!(changed["description"], Value::Null);
        let nothing = send(&app, Method::PATCH, &path, &ada.access, Some(json!({}))).await;
        assert_eq!(problem(nothing).await["code"], "nothing_to_change");
        assert_eq!(
            send(&app, Method::DELETE, &path, &ada.access, None)
                .await
                .status(),
            204
        );
        let gone = send(&app, Method::GET, &path, &ada.access, None).await;
        assert_eq!(gone.status(), 404);
        assert_eq!(problem(gone).await["code"], "webhook_not_found");
        app
    })
    .await;
}

#[tokio::test]
async fn unknown_or_mixed_event_types_are_refused_and_nothing_is_created() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        for events in [
            json!([]),
            json!(["record.*"]),
            json!(["audit.*", "record.created"]),
            json!(["Audit.X"]),
        ] {
            let response = send(
                &app,
                Method::POST,
                "/v1/workspaces/acme/webhooks",
                &ada.access,
                Some(json!({"url": receiver.url, "events": events})),
            )
            .await;
            assert_eq!(response.status(), 422, "{events}");
            assert_eq!(
                problem(response).await["code"],
                "invalid_webhook_events",
                "{events}"
            );
        }
        let list: Value = send(
            &app,
            Method::GET,
            "/v1/workspaces/acme/webhooks",
            &ada.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(list, json!([]));
        app
    })
    .await;
}

#[tokio::test]
async fn endpoint_changes_are_audited_without_the_secret() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let id = created["id"].as_str().unwrap();
        let rotated: Value = act(&app, &ada.access, id, "rotate-secret").await;
        let events = crate::audit::workspace_events(&app, &ada.access, "acme").await;
        let actions: Vec<&str> = events
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert!(
            actions.contains(&"webhook.created") && actions.contains(&"webhook.secret_rotated"),
            "{actions:?}"
        );
        let text = serde_json::to_string(&events).unwrap();
        for secret in [&created["secret"], &rotated["secret"]] {
            let secret = secret.as_str().unwrap();
            assert!(
                !text.contains(secret.trim_start_matches("whsec_")),
                "{text}"
            );
        }
        app
    })
    .await;
}

#[tokio::test]
async fn a_description_with_control_characters_is_refused() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        let response = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/webhooks",
            &ada.access,
            Some(json!({"url": receiver.url, "events": ["record.created"], "description": "a\u{7}b"})),
        )
        .await;
        assert_eq!(problem(response).await["code"], "invalid_description");
        app
    })
    .await;
}

#[tokio::test]
async fn an_auth_header_must_name_a_secret_of_the_workspace_and_no_header_we_set() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        let value = json!({"value": "token-value"});
        send(
            &app,
            Method::PUT,
            "/v1/workspaces/acme/secrets/TOKEN",
            &ada.access,
            Some(value),
        )
        .await;
        for auth in [
            json!({"secret": "MISSING"}),
            json!({"secret": "TOKEN", "name": "webhook-signature"}),
            json!({"secret": "TOKEN", "name": "Host"}),
            json!({"secret": "TOKEN", "name": "Bad Header"}),
            json!({"secret": "TOKEN", "prefix": "line\nbreak "}),
        ] {
            let response = send(
                &app,
                Method::POST,
                "/v1/workspaces/acme/webhooks",
                &ada.access,
                Some(
                    json!({"url": receiver.url, "events": ["record.created"], "auth_header": auth}),
                ),
            )
            .await;
            assert_eq!(response.status(), 422, "{auth}");
            assert_eq!(
                problem(response).await["code"],
                "invalid_webhook_auth",
                "{auth}"
            );
        }
        app
    })
    .await;
}

async fn key_with(app: &TestApp, access: &str, scopes: &[&str]) -> String {
    let key: Value = send(
        app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        access,
        Some(json!({"name": "hooks", "scopes": scopes})),
    )
    .await
    .json()
    .await
    .unwrap();
    key["secret"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn webhooks_manage_alone_cannot_carry_off_what_it_may_not_read() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        let value = json!({"value": "token-value"});
        send(&app, Method::PUT, "/v1/workspaces/acme/secrets/TOKEN", &ada.access, Some(value)).await;
        let narrow = key_with(&app, &ada.access, &["webhooks:manage"]).await;
        let reader = key_with(&app, &ada.access, &["webhooks:manage", "records:read"]).await;
        let hook = |events: Value, auth: Option<Value>| {
            json!({"url": receiver.url, "events": events, "auth_header": auth})
        };
        let attempts = [
            (&narrow, hook(json!(["record.created"]), None), 403),
            (&narrow, hook(json!(["audit.*"]), None), 403),
            (&reader, hook(json!(["record.created"]), Some(json!({"secret": "TOKEN"}))), 403),
            (&reader, hook(json!(["record.created"]), None), 201),
        ];
        for (key, body, status) in attempts {
            let response = send(&app, Method::POST, "/v1/workspaces/acme/webhooks", key, Some(body.clone())).await;
            assert_eq!(response.status(), status, "{body}");
            if status == 403 {
                assert_eq!(problem(response).await["code"], "permission_denied");
            }
        }
        app
    })
    .await;
}

#[tokio::test]
async fn a_workspace_has_at_most_twenty_endpoints() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        for _ in 0..20 {
            create_hook(
                &app,
                &ada.access,
                "acme",
                &receiver.url,
                &["record.created"],
            )
            .await;
        }
        let one_more = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/webhooks",
            &ada.access,
            Some(json!({"url": receiver.url, "events": ["record.created"]})),
        )
        .await;
        assert_eq!(one_more.status(), 409);
        assert_eq!(problem(one_more).await["code"], "webhook_limit_reached");
        app
    })
    .await;
}

#[tokio::test]
async fn changing_an_endpoint_needs_the_permissions_of_what_it_already_carries() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let id = created["id"].as_str().unwrap();
        let narrow = key_with(&app, &ada.access, &["webhooks:manage", "workspace:read"]).await;
        let path = format!("/v1/workspaces/acme/webhooks/{id}");
        let hijack = json!({"events": ["member.added"], "url": "http://127.0.0.1:9/elsewhere"});
        let refused = send(&app, Method::PATCH, &path, &narrow, Some(hijack)).await;
        assert_eq!(problem(refused).await["code"], "permission_denied");
        let rotate = send(
            &app,
            Method::POST,
            &format!("{path}/rotate-secret"),
            &narrow,
            None,
        )
        .await;
        assert_eq!(problem(rotate).await["code"], "permission_denied");
        let kept: Value = send(&app, Method::GET, &path, &ada.access, None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(kept["url"], receiver.url);
        assert_eq!(kept["secret_version"], 1);
        app
    })
    .await;
}
