//! A full scenario (sign-up, sign-in, refresh, API key creation and use, secret writes and a
//! server-side use, a webhook whose deliveries authenticate with that secret, and a delivery),
//! after which no secret it used appears in any log line or audit event, in
//! any encoding the code could produce.

use crate::accounts::{login, signup, PASSWORD};
use crate::helpers::{logs, send};
use crate::webhook_receiver::Receiver;
use crate::webhooks::on_both;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use palisade_service::audit::Origin;
use palisade_store::AuditQuery;
use reqwest::Method;
use serde_json::{json, Value};

fn encodings(secret: &str) -> Vec<String> {
    let hex: String = secret.bytes().map(|b| format!("{b:02x}")).collect();
    vec![
        secret.to_owned(),
        STANDARD.encode(secret),
        URL_SAFE_NO_PAD.encode(secret),
        hex.clone(),
        hex.to_uppercase(),
    ]
}

#[tokio::test]
async fn no_secret_of_a_full_scenario_reaches_the_logs_or_the_audit_log() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let email = format!("leak-{}@example.com", app.url.len());
        signup(&app, &email).await;
        let first = login(&app, &email).await;
        let refreshed: Value = app
            .client
            .post(app.at("/v1/auth/refresh"))
            .json(&json!({"refresh_token": first.refresh}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let access = refreshed["access_token"].as_str().unwrap().to_owned();
        let refresh = refreshed["refresh_token"].as_str().unwrap().to_owned();
        let workspace = json!({"slug": "leaks", "name": "Leaks"});
        send(
            &app,
            Method::POST,
            "/v1/workspaces",
            &access,
            Some(workspace),
        )
        .await;
        let key: Value = send(
            &app,
            Method::POST,
            "/v1/workspaces/leaks/api-keys",
            &access,
            Some(json!({"name": "ci", "scopes": ["workspace:read", "records:read", "secrets:manage", "webhooks:manage"]})),
        )
        .await
        .json()
        .await
        .unwrap();
        let api_key = key["secret"].as_str().unwrap().to_owned();
        let values = ["LEAKCHECK-9f8e7d6c5b4a3210", "plain value with spaces"];
        for value in values {
            let path = "/v1/workspaces/leaks/secrets/PROVIDER";
            let put = send(
                &app,
                Method::PUT,
                path,
                &api_key,
                Some(json!({"value": value})),
            );
            assert!(put.await.status().is_success());
        }
        // A wrong-typed body, whose parse error must not echo anything secret.
        let wrong = json!({"value": ["LEAKCHECK-9f8e7d6c5b4a3210"]});
        let path = "/v1/workspaces/leaks/secrets/OTHER";
        let refused = send(&app, Method::PUT, path, &api_key, Some(wrong)).await;
        let refusal = refused.text().await.unwrap();
        let me: Value = send(&app, Method::GET, "/v1/me", &access, None)
            .await
            .json()
            .await
            .unwrap();
        let user = me["id"].as_str().unwrap().parse().unwrap();
        let scope = app.store.authorize(user, "leaks").await.unwrap().unwrap();
        let used = &app.state.platform().secrets;
        used.use_value(&scope, "PROVIDER", "test.use", &Origin::system())
            .await
            .unwrap();
        // A webhook whose deliveries authenticate with the vault secret, and one delivery.
        let hook = json!({
            "url": receiver.url,
            "events": ["record.created"],
            "auth_header": {"secret": "PROVIDER"},
        });
        let created = send(&app, Method::POST, "/v1/workspaces/leaks/webhooks", &api_key, Some(hook)).await;
        assert_eq!(created.status(), 201);
        let created: Value = created.json().await.unwrap();
        let hook_id = created["id"].as_str().unwrap().to_owned();
        let signing_secret = created["secret"].as_str().unwrap().to_owned();
        let test = format!("/v1/workspaces/leaks/webhooks/{hook_id}/test");
        send(&app, Method::POST, &test, &api_key, None).await;
        crate::webhooks::deliver(&app).await;
        let delivered = receiver.next().await;
        assert_eq!(delivered.header("authorization"), format!("Bearer {}", values[1]));
        let log = format!("/v1/workspaces/leaks/webhooks/{hook_id}/deliveries");
        let deliveries = send(&app, Method::GET, &log, &api_key, None).await.text().await.unwrap();
        let listed = send(&app, Method::GET, "/v1/workspaces/leaks/webhooks", &api_key, None)
            .await
            .text()
            .await
            .unwrap();
        send(&app, Method::POST, "/v1/auth/logout", &access, None).await;
        app.state.platform().audit.flush().await.unwrap();
        let mut recorded = logs();
        recorded.push_str(&refusal);
        recorded.push_str(&deliveries);
        recorded.push_str(&listed);
        for log in [
            palisade_core::audit::PLATFORM_LOG.to_owned(),
            scope.workspace_id().to_string(),
        ] {
            let query = AuditQuery {
                limit: 10_000,
                ..AuditQuery::default()
            };
            let events = app.store.audit_events(&log, &query).await.unwrap();
            assert!(!events.is_empty());
            recorded.push_str(&format!("{events:?}"));
        }
        let secrets = [
            PASSWORD,
            &first.access,
            &first.refresh,
            &access,
            &refresh,
            &api_key,
            values[0],
            values[1],
            &signing_secret,
            signing_secret.trim_start_matches("whsec_"),
        ];
        for secret in secrets {
            for encoded in encodings(secret) {
                assert!(
                    !recorded.contains(&encoded),
                    "a secret reached the record: {encoded}"
                );
            }
        }
        app
    })
    .await;
}
