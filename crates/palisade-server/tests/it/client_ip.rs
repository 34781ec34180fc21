//! The client address behind proxies: `X-Forwarded-For` counts only when the peer is a
//! trusted proxy; a spoofed header from anyone else is ignored.

use crate::accounts::{auth_options, get_with, signup, PASSWORD};
use crate::helpers::{on_both_backends, spawn_app_with, TestApp};
use palisade_server::config::Config;
use serde_json::{json, Value};

/// Signs in sending `forwarded` and returns the address the new session was recorded from.
async fn session_address(app: &TestApp, forwarded: &str) -> String {
    signup(app, "ada@example.com").await;
    let tokens: Value = app
        .client
        .post(app.at("/v1/auth/login"))
        .header("x-forwarded-for", forwarded)
        .json(&json!({"email": "ada@example.com", "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let access = tokens["access_token"].as_str().unwrap();
    let sessions: Value = get_with(app, "/v1/me/sessions", access)
        .await
        .json()
        .await
        .unwrap();
    sessions[0]["ip"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_forwarded_address_from_an_untrusted_peer_is_ignored() {
    on_both_backends(auth_options, |app| async move {
        assert_eq!(session_address(&app, "203.0.113.9").await, "127.0.0.1");
        app
    })
    .await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_first_untrusted_hop_from_the_right_is_the_client() {
    let options = auth_options().set("trusted_proxies", vec!["127.0.0.0/8"]);
    let app = spawn_app_with(options).await.unwrap();
    let client = session_address(&app, "198.51.100.7, 203.0.113.9, 127.0.0.5").await;
    assert_eq!(client, "203.0.113.9");
    app.cleanup().await;
}

#[test]
fn a_trusted_proxy_that_is_not_an_address_or_network_is_refused_by_name() {
    for bad in ["10.0.0.0/33", "proxy.internal", ""] {
        let figment = Config::figment(None)
            .unwrap()
            .merge(("trusted_proxies", vec![bad]));
        let err = Config::from_figment(figment).unwrap_err();
        assert_eq!(err.key, "trusted_proxies", "{bad}: {err}");
    }
}
