//! Credential stuffing: failed sign-ins from one address across many accounts block that
//! address (in the database, for every node), audited; an operator lists and lifts blocks.

use crate::accounts::{auth_options, signup, PASSWORD};
use crate::helpers::{on_both_backends, problem, TestApp};
use palisade_store::AuditQuery;
use serde_json::json;
use std::net::IpAddr;
use time::Duration;

fn client_from(ip: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::from(ip))
        .build()
        .unwrap()
}

async fn login_from(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    client
        .post(app.at("/v1/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
}

/// 20 failures across 5 accounts (4 each, below the per-account lock) from `client`.
async fn stuff(app: &TestApp, client: &reqwest::Client) {
    for n in 0..5 {
        for _ in 0..4 {
            let email = format!("victim{n}@example.com");
            let refused = login_from(app, client, &email, "guessed-password-123").await;
            assert_eq!(refused.status(), 401);
        }
    }
}

#[tokio::test]
async fn failures_across_many_accounts_block_the_address_and_only_it() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, "ada@example.com").await;
        let attacker = client_from([127, 0, 0, 7]);
        stuff(&app, &attacker).await;
        let blocked = login_from(&app, &attacker, "ada@example.com", PASSWORD).await;
        assert_eq!(blocked.status(), 429);
        let retry: i64 = blocked.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((3500..=3600).contains(&retry), "{retry}");
        assert_eq!(problem(blocked).await["code"], "ip_blocked");
        let neighbour = client_from([127, 0, 0, 8]);
        let elsewhere = login_from(&app, &neighbour, "ada@example.com", PASSWORD).await;
        assert_eq!(elsewhere.status(), 200);
        app.clock.advance(Duration::hours(1));
        let later = login_from(&app, &attacker, "ada@example.com", PASSWORD).await;
        assert_eq!(later.status(), 200);
        app
    })
    .await;
}

#[tokio::test]
async fn many_failures_on_one_account_are_a_lock_not_an_address_block() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, "ada@example.com").await;
        signup(&app, "bob@example.com").await;
        let client = client_from([127, 0, 0, 9]);
        for _ in 0..25 {
            login_from(&app, &client, "ada@example.com", "wrong-wrong-wrong").await;
        }
        let other_account = login_from(&app, &client, "bob@example.com", PASSWORD).await;
        assert_eq!(other_account.status(), 200);
        app
    })
    .await;
}

#[tokio::test]
async fn an_operator_lists_and_lifts_a_block_and_both_are_audited() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    signup(&app, "ada@example.com").await;
    let attacker = client_from([127, 0, 0, 10]);
    stuff(&app, &attacker).await;
    let config = app.state.config();
    let blocks = palisade_server::admin::ip_blocks(config, app.clock.as_ref())
        .await
        .unwrap();
    assert_eq!(blocks.len(), 1);
    assert_eq!(
        (
            blocks[0].ip.as_str(),
            blocks[0].failures,
            blocks[0].accounts
        ),
        ("127.0.0.10", 20, 5)
    );
    assert!(palisade_server::admin::lift_ip_block(config, "127.0.0.10")
        .await
        .unwrap());
    assert!(!palisade_server::admin::lift_ip_block(config, "127.0.0.10")
        .await
        .unwrap());
    let signed_in = login_from(&app, &attacker, "ada@example.com", PASSWORD).await;
    assert_eq!(signed_in.status(), 200);
    app.state.platform().audit.flush().await.unwrap();
    let query = AuditQuery {
        limit: 1000,
        ..AuditQuery::default()
    };
    let events = app
        .store
        .audit_events(palisade_core::audit::PLATFORM_LOG, &query)
        .await
        .unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e.entry.action.as_str()).collect();
    assert!(actions.contains(&"security.ip_blocked") && actions.contains(&"security.ip_unblocked"));
    let shown = format!("{events:?}");
    assert!(
        !shown.contains("127.0.0.10"),
        "the audit log holds the raw address"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_blocked_address_cannot_probe_sign_up_either() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    let attacker = client_from([127, 0, 0, 11]);
    stuff(&app, &attacker).await;
    let probe = attacker
        .post(app.at("/v1/auth/signup"))
        .json(&json!({"email": "victim0@example.com", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(probe.status(), 429);
    assert_eq!(problem(probe).await["code"], "ip_blocked");
    app.cleanup().await;
}

#[tokio::test]
async fn lifting_understands_any_spelling_of_an_address_and_refuses_what_is_not_one() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    let config = app.state.config();
    assert!(palisade_server::admin::lift_ip_block(config, "not-an-ip")
        .await
        .is_err());
    let attacker = client_from([127, 0, 0, 12]);
    stuff(&app, &attacker).await;
    assert!(
        palisade_server::admin::lift_ip_block(config, " ::ffff:127.0.0.12 ")
            .await
            .unwrap()
    );
    app.cleanup().await;
}
