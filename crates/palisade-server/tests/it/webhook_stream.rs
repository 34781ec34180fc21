//! Streaming the audit log to a SIEM: an endpoint subscribed to `audit.*` receives every
//! event of its workspace, one at a time and in sequence order, with the hash chain intact,
//! and a failure holds the stream back rather than reorder it.

use crate::helpers::{send, TestApp};
use crate::webhook_receiver::Receiver;
use crate::webhooks::{create_hook, deliver, hooked, on_both, owner};
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

async fn activity(app: &TestApp, access: &str) {
    let key = json!({"name": "siem", "scopes": ["workspace:read"]});
    send(
        app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        access,
        Some(key),
    )
    .await;
    send(
        app,
        Method::POST,
        "/v1/workspaces/acme/collections",
        access,
        Some(json!({"name": "notes"})),
    )
    .await;
    let secret = json!({"value": "sk-stream-test-value"});
    send(
        app,
        Method::PUT,
        "/v1/workspaces/acme/secrets/stripe",
        access,
        Some(secret),
    )
    .await;
    // Denials are batched: let the batch reach the log.
    app.state.platform().audit.flush().await.unwrap();
}

#[tokio::test]
async fn the_audit_stream_receives_every_event_in_order_with_its_chain() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        receiver.answer(&[500]);
        let (ada, created) = hooked(&app, &receiver.url, &["audit.*"]).await;
        assert_eq!(created["kind"], "audit_stream");
        activity(&app, &ada.access).await;
        deliver(&app).await;
        let refused = receiver.next().await;
        // The first message failed: nothing after it may overtake it.
        deliver(&app).await;
        assert!(
            receiver.pending().await.is_empty(),
            "a later event overtook a failed one"
        );
        app.clock.advance(Duration::seconds(7));
        deliver(&app).await;
        let mut received = vec![receiver.next().await];
        received.extend(receiver.pending().await);
        assert_eq!(
            received[0].header("webhook-id"),
            refused.header("webhook-id")
        );
        let bodies: Vec<Value> = received.iter().map(|m| m.json()).collect();
        let actions: Vec<&str> = bodies
            .iter()
            .map(|b| b["data"]["action"].as_str().unwrap())
            .collect();
        for expected in [
            "webhook.created",
            "api_key.created",
            "collection.created",
            "secret.created",
        ] {
            assert!(
                actions.contains(&expected),
                "{expected} missing from {actions:?}"
            );
        }
        for pair in bodies.windows(2) {
            let (before, after) = (&pair[0]["data"], &pair[1]["data"]);
            assert_eq!(
                after["sequence"].as_i64().unwrap(),
                before["sequence"].as_i64().unwrap() + 1,
                "{actions:?}"
            );
            assert_eq!(after["prev_hash"], before["hash"]);
        }
        for body in &bodies {
            assert_eq!(
                body["type"],
                format!("audit.{}", body["data"]["action"].as_str().unwrap())
            );
        }
        app
    })
    .await;
}

#[tokio::test]
async fn the_stream_matches_what_the_audit_log_holds() {
    let receiver = Receiver::start().await;
    on_both(&receiver, |app, receiver| async move {
        let ada = owner(&app, "acme").await;
        create_hook(&app, &ada.access, "acme", &receiver.url, &["audit.*"]).await;
        activity(&app, &ada.access).await;
        deliver(&app).await;
        let mut received = vec![receiver.next().await];
        received.extend(receiver.pending().await);
        let streamed: Vec<String> = received
            .iter()
            .map(|m| m.json()["data"]["hash"].as_str().unwrap().to_owned())
            .collect();
        let log = crate::audit::workspace_events(&app, &ada.access, "acme").await;
        let first = received[0].json()["data"]["sequence"].as_i64().unwrap();
        let mut held: Vec<(i64, String)> = log
            .iter()
            .map(|e| {
                (
                    e["sequence"].as_i64().unwrap(),
                    e["hash"].as_str().unwrap().to_owned(),
                )
            })
            .filter(|(seq, _)| *seq >= first)
            .collect();
        held.sort();
        let held: Vec<String> = held.into_iter().map(|(_, h)| h).collect();
        assert_eq!(streamed, held);
        app
    })
    .await;
}
