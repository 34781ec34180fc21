//! Deliveries end to end: a receiver on loopback checks both signature schemes (Standard
//! Webhooks with its official library), failed deliveries are retried as the clock moves,
//! an endpoint out of retries is marked failing and its owner told, and secrets rotate with
//! a day of overlap.

use crate::accounts::login;
use crate::helpers::{send, TestApp};
use crate::webhook_receiver::{Received, Receiver};
use crate::webhooks::{act, create_hook, deliver, hooked, on_both, owner};
use palisade_core::Clock;
use palisade_crypto::webhook::{verify, Inbound, SigningSecret};
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

async fn add_record(app: &TestApp, access: &str, body: Value) -> Value {
    let collections = "/v1/workspaces/acme/collections";
    send(
        app,
        Method::POST,
        collections,
        access,
        Some(json!({"name": "notes"})),
    )
    .await;
    let created = send(
        app,
        Method::POST,
        &format!("{collections}/notes/records"),
        access,
        Some(body),
    )
    .await;
    assert_eq!(created.status(), 201);
    created.json().await.unwrap()
}

fn secret_of(created: &Value) -> SigningSecret {
    SigningSecret::parse(created["secret"].as_str().unwrap()).unwrap()
}

fn verifies(app: &TestApp, secret: &SigningSecret, message: &Received) -> bool {
    let now = app.clock.now().unix_timestamp();
    let standard = Inbound::Standard {
        id: &message.header("webhook-id"),
        timestamp: &message.header("webhook-timestamp"),
        signature: &message.header("webhook-signature"),
    };
    let header = message.header("palisade-signature");
    let stripe = Inbound::Stripe { header: &header };
    verify(&[secret], standard, &message.body, now, 300).is_ok()
        && verify(&[secret], stripe, &message.body, now, 300).is_ok()
}

#[tokio::test]
async fn a_record_change_reaches_the_receiver_signed_both_ways() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let record = add_record(&app, &ada.access, json!({"title": "hello"})).await;
        deliver(&app).await;
        let message = receiver.next().await;
        // The reference library verifies the Standard Webhooks signature.
        let official = standardwebhooks::Webhook::new(created["secret"].as_str().unwrap()).unwrap();
        official.verify(&message.body, &message.headers).unwrap();
        assert!(verifies(&app, &secret_of(&created), &message));
        let body = message.json();
        assert_eq!(body["type"], "record.created");
        assert_eq!(body["id"], message.header("webhook-id"));
        assert!(body["id"].as_str().unwrap().starts_with("msg_"));
        assert_eq!(body["data"]["record_id"], record["id"]);
        assert_eq!(body["data"]["data"]["title"], "hello");
        assert_eq!(body["data"]["collection"], "notes");
        app
    })
    .await;
}

#[tokio::test]
async fn a_signature_made_with_another_secret_does_not_verify() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        create_hook(
            &app,
            &ada.access,
            "acme",
            &receiver.url,
            &["record.created"],
        )
        .await;
        add_record(&app, &ada.access, json!({"title": "hello"})).await;
        deliver(&app).await;
        let message = receiver.next().await;
        let stranger = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let official = standardwebhooks::Webhook::new(stranger).unwrap();
        assert!(official.verify(&message.body, &message.headers).is_err());
        assert!(!verifies(
            &app,
            &SigningSecret::parse(stranger).unwrap(),
            &message
        ));
        app
    })
    .await;
}

#[tokio::test]
async fn a_failed_delivery_is_retried_after_its_backoff_with_the_same_message_id() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        receiver.answer(&[500]);
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        add_record(&app, &ada.access, json!({"title": "retry me"})).await;
        deliver(&app).await;
        let first = receiver.next().await;
        // About five seconds, never less than four (the jitter is ±20 %).
        app.clock.advance(Duration::seconds(3));
        deliver(&app).await;
        assert!(
            receiver.pending().await.is_empty(),
            "retried before its backoff"
        );
        app.clock.advance(Duration::seconds(4));
        deliver(&app).await;
        let second = receiver.next().await;
        assert_eq!(first.header("webhook-id"), second.header("webhook-id"));
        assert_ne!(
            first.header("webhook-timestamp"),
            second.header("webhook-timestamp")
        );
        assert!(verifies(&app, &secret_of(&created), &second));
        let log: Value = send(
            &app,
            Method::GET,
            &format!(
                "/v1/workspaces/acme/webhooks/{}/deliveries",
                created["id"].as_str().unwrap()
            ),
            &ada.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        let attempts: Vec<(i64, i64, bool)> = log
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["attempt"].as_i64().unwrap(),
                    a["status_code"].as_i64().unwrap(),
                    a["succeeded"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(attempts, vec![(2, 200, true), (1, 500, false)]);
        app
    })
    .await;
}

#[tokio::test]
async fn an_endpoint_out_of_retries_is_marked_failing_and_its_owners_are_told() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        receiver.answer(&[503; 8]);
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let id = created["id"].as_str().unwrap();
        let path = format!("/v1/workspaces/acme/webhooks/{id}");
        add_record(&app, &ada.access, json!({"title": "doomed"})).await;
        for attempt in 1..=8 {
            deliver(&app).await;
            receiver.next().await;
            // Hours pass between attempts: sign in again each time.
            let ada = login(&app, "ada@acme.example").await;
            let endpoint: Value = send(&app, Method::GET, &path, &ada.access, None)
                .await
                .json()
                .await
                .unwrap();
            let expected = if attempt == 8 { "failing" } else { "active" };
            assert_eq!(endpoint["status"], expected, "after attempt {attempt}");
            app.clock.advance(Duration::hours(13));
        }
        deliver(&app).await;
        assert!(
            receiver.pending().await.is_empty(),
            "a ninth attempt was made"
        );
        let ada = login(&app, "ada@acme.example").await;
        let mail = crate::auth_recovery::delivered_mail(&app).await;
        assert!(
            mail.iter()
                .any(|m| m.contains("ada@acme.example") && m.contains(id)),
            "{mail:?}"
        );
        let events = crate::audit::workspace_events(&app, &ada.access, "acme").await;
        assert!(events
            .iter()
            .any(|e| e["action"] == "webhook.failing" && e["outcome"] == "failure"));
        // The next message that gets through clears the state.
        send(
            &app,
            Method::POST,
            &format!("{path}/test"),
            &ada.access,
            None,
        )
        .await;
        deliver(&app).await;
        receiver.next().await;
        let endpoint: Value = send(&app, Method::GET, &path, &ada.access, None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(endpoint["status"], "active");
        app
    })
    .await;
}

#[tokio::test]
async fn the_delivery_log_keeps_the_response_but_never_the_secret() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let id = created["id"].as_str().unwrap();
        let sent: Value = act(&app, &ada.access, id, "test").await;
        deliver(&app).await;
        let message = receiver.next().await;
        assert_eq!(message.json()["type"], "webhook.test");
        assert_eq!(message.header("webhook-id"), sent["message_id"]);
        let log = send(
            &app,
            Method::GET,
            &format!("/v1/workspaces/acme/webhooks/{id}/deliveries"),
            &ada.access,
            None,
        )
        .await;
        let text = log.text().await.unwrap();
        let entries: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(entries[0]["response"], "ok");
        assert_eq!(entries[0]["event_type"], "webhook.test");
        assert!(entries[0]["latency_ms"].as_i64().unwrap() >= 0);
        let secret = created["secret"].as_str().unwrap();
        assert!(
            !text.contains(secret.trim_start_matches("whsec_")),
            "{text}"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn a_message_can_be_sent_again_by_hand() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let id = created["id"].as_str().unwrap();
        add_record(&app, &ada.access, json!({"title": "again"})).await;
        deliver(&app).await;
        let first = receiver.next().await;
        let message_id = first.header("webhook-id");
        let again = send(
            &app,
            Method::POST,
            &format!("/v1/workspaces/acme/webhooks/{id}/messages/{message_id}/redeliver"),
            &ada.access,
            None,
        )
        .await;
        assert_eq!(again.status(), 202);
        deliver(&app).await;
        let second = receiver.next().await;
        assert_eq!(second.header("webhook-id"), message_id);
        assert_eq!(second.body, first.body);
        let unknown = send(
            &app,
            Method::POST,
            &format!("/v1/workspaces/acme/webhooks/{id}/messages/msg_01jd0000000000000000000000/redeliver"),
            &ada.access,
            None,
        )
        .await;
        assert_eq!(crate::helpers::problem(unknown).await["code"], "webhook_message_not_found");
        app
    })
    .await;
}

#[tokio::test]
async fn after_a_rotation_both_secrets_sign_for_a_day_then_only_the_new_one() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let id = created["id"].as_str().unwrap();
        let rotated: Value = act(&app, &ada.access, id, "rotate-secret").await;
        let (old, new) = (secret_of(&created), secret_of(&rotated));
        add_record(&app, &ada.access, json!({"title": "during"})).await;
        deliver(&app).await;
        let during = receiver.next().await;
        assert_eq!(during.header("webhook-signature").split(' ').count(), 2);
        assert_eq!(
            during.header("palisade-signature").matches("v1=").count(),
            2
        );
        assert!(verifies(&app, &old, &during) && verifies(&app, &new, &during));
        app.clock
            .advance(Duration::hours(24) + Duration::seconds(1));
        let ada = login(&app, "ada@acme.example").await;
        add_record(&app, &ada.access, json!({"title": "after"})).await;
        deliver(&app).await;
        let after = receiver.next().await;
        assert_eq!(after.header("webhook-signature").split(' ').count(), 1);
        assert!(verifies(&app, &new, &after));
        assert!(!verifies(&app, &old, &after));
        app
    })
    .await;
}

#[tokio::test]
async fn api_key_events_reach_the_endpoints_subscribed_to_them_only() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        create_hook(
            &app,
            &ada.access,
            "acme",
            &receiver.url,
            &["api_key.revoked"],
        )
        .await;
        let key: Value = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/api-keys",
            &ada.access,
            Some(json!({"name": "ci", "scopes": ["workspace:read"]})),
        )
        .await
        .json()
        .await
        .unwrap();
        add_record(&app, &ada.access, json!({"title": "not subscribed"})).await;
        let key_id = key["id"].as_str().unwrap();
        let revoked = send(
            &app,
            Method::DELETE,
            &format!("/v1/workspaces/acme/api-keys/{key_id}"),
            &ada.access,
            None,
        )
        .await;
        assert_eq!(revoked.status(), 204);
        deliver(&app).await;
        let message = receiver.next().await;
        let body = message.json();
        assert_eq!(body["type"], "api_key.revoked");
        assert_eq!(body["data"]["api_key_id"], key_id);
        assert!(
            receiver.pending().await.is_empty(),
            "an unsubscribed event was sent"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn a_redirect_from_the_receiver_is_not_followed() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let canary = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        receiver.redirect_to(&format!("http://{}/internal", canary.local_addr().unwrap()));
        let (ada, created) = hooked(&app, &receiver.url, &["record.created"]).await;
        let id = created["id"].as_str().unwrap();
        act(&app, &ada.access, id, "test").await;
        deliver(&app).await;
        receiver.next().await;
        let log: Value = send(
            &app,
            Method::GET,
            &format!("/v1/workspaces/acme/webhooks/{id}/deliveries"),
            &ada.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(log[0]["status_code"], 302);
        assert_eq!(log[0]["succeeded"], false);
        assert!(
            crate::webhook_receiver::untouched(&canary).await,
            "the redirect target was contacted"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn an_auth_header_carries_a_vault_secret_decrypted_for_each_delivery_and_audited() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        let token = json!({"value": "hec-token-5b1d"});
        send(
            &app,
            Method::PUT,
            "/v1/workspaces/acme/secrets/SPLUNK_HEC",
            &ada.access,
            Some(token),
        )
        .await;
        let hook = json!({
            "url": receiver.url,
            "events": ["audit.*"],
            "auth_header": {"secret": "SPLUNK_HEC", "prefix": "Splunk "},
        });
        let created = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/webhooks",
            &ada.access,
            Some(hook),
        )
        .await;
        assert_eq!(created.status(), 201);
        let created: Value = created.json().await.unwrap();
        assert_eq!(
            created["auth_header"],
            json!({"name": "Authorization", "secret": "SPLUNK_HEC", "prefix": "Splunk "})
        );
        deliver(&app).await;
        let message = receiver.next().await;
        assert_eq!(message.header("authorization"), "Splunk hec-token-5b1d");
        // A new value is used from the next delivery on.
        let rotated = json!({"value": "hec-token-9c2e"});
        send(
            &app,
            Method::PUT,
            "/v1/workspaces/acme/secrets/SPLUNK_HEC",
            &ada.access,
            Some(rotated),
        )
        .await;
        deliver(&app).await;
        let mut later = vec![receiver.next().await];
        later.extend(receiver.pending().await);
        assert_eq!(
            later.last().unwrap().header("authorization"),
            "Splunk hec-token-9c2e"
        );
        app.state.platform().audit.flush().await.unwrap();
        let events = crate::audit::workspace_events(&app, &ada.access, "acme").await;
        assert!(events.iter().any(|e| e["action"] == "secret.used"
            && e["reason"] == "webhook.auth_header"
            && e["actor"] == "system"));
        let uses = events
            .iter()
            .filter(|e| e["action"] == "secret.used" && e["reason"] == "webhook.auth_header")
            .count();
        // Audited once an hour per endpoint: each audited use would be one more message to
        // stream, and so on for ever.
        assert_eq!(uses, 1, "{events:?}");
        let text = serde_json::to_string(&events).unwrap();
        assert!(!text.contains("hec-token"), "{text}");
        app
    })
    .await;
}

#[tokio::test]
async fn a_receiver_echoing_the_auth_secret_does_not_put_it_in_the_delivery_log() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        receiver.reply_with(200, "{\"headers\": {\"Authorization\": \"Bearer echo-me-7d1c\"}}");
        let ada = owner(&app, "acme").await;
        let token = json!({"value": "echo-me-7d1c"});
        send(&app, Method::PUT, "/v1/workspaces/acme/secrets/TOKEN", &ada.access, Some(token)).await;
        let hook = json!({"url": receiver.url, "events": ["record.created"], "auth_header": {"secret": "TOKEN"}});
        let created: Value = send(&app, Method::POST, "/v1/workspaces/acme/webhooks", &ada.access, Some(hook))
            .await
            .json()
            .await
            .unwrap();
        let id = created["id"].as_str().unwrap();
        act(&app, &ada.access, id, "test").await;
        deliver(&app).await;
        receiver.next().await;
        let log = send(&app, Method::GET, &format!("/v1/workspaces/acme/webhooks/{id}/deliveries"), &ada.access, None)
            .await
            .text()
            .await
            .unwrap();
        assert!(log.contains("[REDACTED]"), "{log}");
        assert!(!log.contains("echo-me-7d1c"), "{log}");
        app
    })
    .await;
}

#[tokio::test]
async fn members_joining_and_leaving_reach_the_endpoints_subscribed_to_them() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let (ada, _) = hooked(&app, &receiver.url, &["member.added", "member.removed"]).await;
        let bob = crate::workspaces::join(&app, &ada, "bob@acme.example", "member").await;
        let bob_id = crate::audit::user_of(&bob.access);
        let removed = send(
            &app,
            Method::DELETE,
            &format!("/v1/workspaces/acme/members/{bob_id}"),
            &ada.access,
            None,
        )
        .await;
        assert_eq!(removed.status(), 204);
        deliver(&app).await;
        let mut received = vec![receiver.next().await];
        while received.len() < 2 {
            received.push(receiver.next().await);
        }
        let mut seen: Vec<(String, String)> = received
            .iter()
            .map(|m| {
                let body = m.json();
                (
                    body["type"].as_str().unwrap().to_owned(),
                    body["data"]["user_id"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        seen.sort();
        assert_eq!(
            seen,
            vec![
                ("member.added".to_owned(), bob_id.clone()),
                ("member.removed".to_owned(), bob_id)
            ]
        );
        app
    })
    .await;
}
