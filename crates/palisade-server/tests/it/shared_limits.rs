//! Two nodes of one deployment (one PostgreSQL database, one Redis): they spend one rate-limit
//! budget, and a revocation on one is honoured by the other at once. Without Redis reachable a
//! node limits in-process and says it is degraded.

use crate::accounts::{account, auth_options, get_with};
use crate::helpers::{redis_url, send, spawn_app_with, spawn_peer, AppOptions, TestApp};
use palisade_store::testing::TestBackend;
use reqwest::Method;
use serde_json::{json, Value};
use std::time::Duration;

fn shared(redis: &str, default_limits: bool) -> AppOptions {
    let mut options = auth_options().set("redis_url", redis.to_owned());
    options.backend = TestBackend::Postgres;
    options.default_limits = default_limits;
    options
}

/// Two nodes sharing a database and Redis; `None` when a service is missing outside CI.
async fn nodes(default_limits: bool) -> Option<(TestApp, TestApp)> {
    let redis = redis_url().await?;
    let first = spawn_app_with(shared(&redis, default_limits)).await?;
    let second = spawn_peer(&first, shared(&redis, default_limits)).await;
    Some((first, second))
}

async fn two_nodes() -> Option<(TestApp, TestApp)> {
    nodes(true).await
}

/// Waits until `node` follows other nodes' revocations (a subscription is asynchronous).
async fn following(node: &TestApp) {
    let mut feed = node.state.platform().auth.revocation_feed();
    tokio::time::timeout(Duration::from_secs(10), feed.wait_for(|f| f.subscribed))
        .await
        .expect("the node subscribes to revocations")
        .unwrap();
}

/// Waits until `node` has applied `n` notices from other nodes.
async fn applied(node: &TestApp, n: u64) {
    let mut feed = node.state.platform().auth.revocation_feed();
    tokio::time::timeout(Duration::from_secs(10), feed.wait_for(|f| f.applied >= n))
        .await
        .expect("the revocation reaches the other node")
        .unwrap();
}

#[tokio::test]
async fn two_nodes_spend_one_budget_through_redis() {
    let Some((first, second)) = two_nodes().await else {
        return;
    };
    let ada = account(&first, "ada@example.com").await;
    let mut seen = Vec::new();
    for n in 0..21 {
        let node = if n % 2 == 0 { &first } else { &second };
        seen.push(
            get_with(node, "/v1/me", &ada.access)
                .await
                .status()
                .as_u16(),
        );
    }
    assert!(seen[..20].iter().all(|s| *s == 200), "{seen:?}");
    assert_eq!(
        seen[20], 429,
        "twenty across both nodes is the whole burst: {seen:?}"
    );
    second.cleanup().await;
    first.cleanup().await;
}

#[tokio::test]
async fn a_session_revoked_on_one_node_is_refused_by_the_other_at_once() {
    let Some((first, second)) = two_nodes().await else {
        return;
    };
    following(&second).await;
    let ada = account(&first, "ada@example.com").await;
    // The second node has the session cached now, and the clock never moves in this test:
    // only the notice can make it look again.
    assert_eq!(get_with(&second, "/v1/me", &ada.access).await.status(), 200);
    let logout = send(&first, Method::POST, "/v1/auth/logout", &ada.access, None).await;
    assert_eq!(logout.status(), 204);
    applied(&second, 1).await;
    let refused = get_with(&second, "/v1/me", &ada.access).await;
    assert_eq!(refused.status(), 401);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["code"], "session_revoked");
    second.cleanup().await;
    first.cleanup().await;
}

#[tokio::test]
async fn an_api_key_revoked_on_one_node_is_refused_by_the_other_at_once() {
    let Some((first, second)) = two_nodes().await else {
        return;
    };
    following(&second).await;
    let access = crate::api_keys::acme(&first).await;
    let created = send(
        &first,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        &access,
        Some(json!({"name": "ci", "scopes": ["workspace:read"]})),
    )
    .await;
    let key: Value = created.json().await.unwrap();
    let (id, secret) = (key["id"].as_str().unwrap(), key["secret"].as_str().unwrap());
    let read = send(&second, Method::GET, "/v1/workspaces/acme", secret, None).await;
    assert_eq!(read.status(), 200);
    let path = format!("/v1/workspaces/acme/api-keys/{id}");
    let revoked = send(&first, Method::DELETE, &path, &access, None).await;
    assert_eq!(revoked.status(), 204);
    applied(&second, 1).await;
    let refused = send(&second, Method::GET, "/v1/workspaces/acme", secret, None).await;
    assert_eq!(refused.status(), 401);
    second.cleanup().await;
    first.cleanup().await;
}

#[tokio::test]
async fn an_unreachable_redis_leaves_limits_in_process_and_readiness_degraded() {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    let app = spawn_app_with(
        auth_options()
            .default_limits()
            .set("redis_url", "redis://127.0.0.1:1"),
    )
    .await
    .unwrap();
    let ready: Value = app.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["status"], "degraded");
    assert_eq!(ready["degraded"], json!(["redis"]));
    let ada = account(&app, "ada@example.com").await;
    let mut seen = Vec::new();
    for _ in 0..21 {
        seen.push(
            get_with(&app, "/v1/me", &ada.access)
                .await
                .status()
                .as_u16(),
        );
    }
    assert!(seen[..20].iter().all(|s| *s == 200), "{seen:?}");
    assert_eq!(seen[20], 429, "never fails open: {seen:?}");
    app.cleanup().await;
}

#[tokio::test]
async fn a_reachable_redis_leaves_readiness_whole() {
    let Some(redis) = redis_url().await else {
        return;
    };
    let app = spawn_app_with(auth_options().set("redis_url", redis))
        .await
        .unwrap();
    let ready: Value = app.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["status"], "ready");
    assert!(ready.get("degraded").is_none());
    app.cleanup().await;
}

#[tokio::test]
async fn failed_sign_ins_on_two_nodes_add_up_to_one_address_block() {
    let Some((first, second)) = nodes(false).await else {
        return;
    };
    let attacker = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 9]))
        .build()
        .unwrap();
    // 20 failures across 5 accounts, half on each node: neither alone sees the pattern.
    for n in 0..20 {
        let node = if n % 2 == 0 { &first } else { &second };
        let refused = attacker
            .post(node.at("/v1/auth/login"))
            .json(&json!({"email": format!("victim{}@example.com", n % 5), "password": "guessed-password-123"}))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 401);
    }
    for node in [&first, &second] {
        let blocked = attacker
            .post(node.at("/v1/auth/login"))
            .json(&json!({"email": "victim0@example.com", "password": "guessed-password-123"}))
            .send()
            .await
            .unwrap();
        assert_eq!(blocked.status(), 429);
        let body: Value = blocked.json().await.unwrap();
        assert_eq!(body["code"], "ip_blocked");
    }
    second.cleanup().await;
    first.cleanup().await;
}
