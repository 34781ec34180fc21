//! `Idempotency-Key` on workspace writes: a retry gets the first response and changes nothing;
//! the same key on another request, or while the first runs, is refused; responses are kept
//! sealed, per principal and workspace, for 24 hours.

use crate::accounts::{account, auth_options, login, Tokens};
use crate::audit::user_of;
use crate::helpers::{on_both_backends, problem, spawn_app_with, TestApp};
use crate::records::{acme_with_notes, RECORDS};
use palisade_store::{IdempotencyKey, KeyClaim, WorkspaceScope};
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

async fn post_with_key(app: &TestApp, access: &str, key: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.at(RECORDS))
        .bearer_auth(access)
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn record_count(app: &TestApp, access: &str) -> usize {
    let list: Value = crate::helpers::send(app, Method::GET, RECORDS, access, None)
        .await
        .json()
        .await
        .unwrap();
    list["items"].as_array().unwrap().len()
}

async fn scope_of(app: &TestApp, owner: &Tokens) -> WorkspaceScope {
    let user = user_of(&owner.access).parse().unwrap();
    app.store.authorize(user, "acme").await.unwrap().unwrap()
}

#[tokio::test]
async fn a_retry_with_the_same_key_gets_the_first_response_and_changes_nothing() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        let body = json!({"title": "once"});
        let first = post_with_key(&app, &owner.access, "order-7", body.clone()).await;
        assert_eq!(first.status(), 201);
        assert!(first.headers().get("idempotent-replayed").is_none());
        let etag = first.headers()["etag"].clone();
        let created: Value = first.json().await.unwrap();
        let retry = post_with_key(&app, &owner.access, "order-7", body).await;
        assert_eq!(retry.status(), 201);
        assert_eq!(retry.headers()["idempotent-replayed"], "true");
        assert_eq!(retry.headers()["etag"], etag);
        assert_eq!(retry.json::<Value>().await.unwrap(), created);
        assert_eq!(record_count(&app, &owner.access).await, 1);
        app
    })
    .await;
}

#[tokio::test]
async fn the_same_key_on_a_different_request_is_422_and_changes_nothing() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let first = post_with_key(&app, &owner.access, "k1", json!({"title": "a"})).await;
    assert_eq!(first.status(), 201);
    let other = post_with_key(&app, &owner.access, "k1", json!({"title": "b"})).await;
    assert_eq!(other.status(), 422);
    assert_eq!(problem(other).await["code"], "idempotency_key_reused");
    assert_eq!(record_count(&app, &owner.access).await, 1);
    app.cleanup().await;
}

#[tokio::test]
async fn a_retry_while_the_first_request_runs_is_409() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let body = json!({"title": "slow"});
    // The first request has claimed its key and not yet answered (as on another node).
    let scope = scope_of(&app, &owner).await;
    let principal = format!("user:{}", user_of(&owner.access));
    let fingerprint = palisade_service::idempotency::fingerprint(
        "POST",
        RECORDS,
        &serde_json::to_vec(&body).unwrap(),
    );
    let now = crate::helpers::START;
    let key = IdempotencyKey {
        principal: &principal,
        key: "k2",
    };
    let claim = app
        .store
        .claim_idempotency_key(
            &scope,
            key,
            &fingerprint,
            "held-elsewhere",
            now,
            now + Duration::days(1),
            now - Duration::hours(1),
        )
        .await
        .unwrap();
    assert_eq!(claim, KeyClaim::Claimed);
    let retry = post_with_key(&app, &owner.access, "k2", body.clone()).await;
    assert_eq!(retry.status(), 409);
    assert_eq!(problem(retry).await["code"], "idempotency_key_in_use");
    assert_eq!(record_count(&app, &owner.access).await, 0);
    // A first request never answered is abandoned after a while; the retry then runs.
    app.clock.advance(Duration::minutes(16));
    let owner = login(&app, "owner@example.com").await;
    let later = post_with_key(&app, &owner.access, "k2", body).await;
    assert_eq!(later.status(), 201);
    app.cleanup().await;
}

#[tokio::test]
async fn keys_belong_to_their_principal() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let bob = crate::workspaces::join(&app, &owner, "bob@example.com", "member").await;
    let body = json!({"title": "mine"});
    assert_eq!(
        post_with_key(&app, &owner.access, "shared", body.clone())
            .await
            .status(),
        201
    );
    let his = post_with_key(&app, &bob.access, "shared", body).await;
    assert_eq!(his.status(), 201);
    assert!(his.headers().get("idempotent-replayed").is_none());
    assert_eq!(record_count(&app, &owner.access).await, 2);
    app.cleanup().await;
}

#[tokio::test]
async fn a_refused_request_leaves_its_key_free_for_the_corrected_one() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let refused = post_with_key(&app, &owner.access, "k3", json!(["not", "an", "object"])).await;
    assert_eq!(refused.status(), 422);
    let corrected = post_with_key(&app, &owner.access, "k3", json!({"title": "fixed"})).await;
    assert_eq!(corrected.status(), 201);
    app.cleanup().await;
}

#[tokio::test]
async fn a_kept_response_is_sealed_and_forgotten_after_a_day() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let created = app
        .client
        .post(app.at("/v1/workspaces/acme/api-keys"))
        .bearer_auth(&owner.access)
        .header("idempotency-key", "new-key")
        .json(&json!({"name": "ci", "scopes": ["records:read"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let secret = created.json::<Value>().await.unwrap()["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let scope = scope_of(&app, &owner).await;
    let principal = format!("user:{}", user_of(&owner.access));
    let now = crate::helpers::START;
    let key = IdempotencyKey {
        principal: &principal,
        key: "new-key",
    };
    let KeyClaim::Used(kept) = app
        .store
        .claim_idempotency_key(
            &scope,
            key,
            "probe",
            "probe",
            now,
            now + Duration::days(1),
            now - Duration::hours(1),
        )
        .await
        .unwrap()
    else {
        panic!("the response was kept");
    };
    let sealed = kept.response.unwrap();
    let visible = String::from_utf8_lossy(&sealed);
    assert!(!visible.contains(&secret) && !visible.contains("records:read"));
    // A day later the key is forgotten: the same request runs again.
    let body = json!({"title": "daily"});
    assert_eq!(
        post_with_key(&app, &owner.access, "daily", body.clone())
            .await
            .status(),
        201
    );
    app.clock
        .advance(Duration::hours(24) + Duration::seconds(1));
    let owner = login(&app, "owner@example.com").await;
    let again = post_with_key(&app, &owner.access, "daily", body).await;
    assert_eq!(again.status(), 201);
    assert!(again.headers().get("idempotent-replayed").is_none());
    assert_eq!(record_count(&app, &owner.access).await, 2);
    app.cleanup().await;
}

#[tokio::test]
async fn an_unusable_key_is_400() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let long = "k".repeat(256);
    for key in [long.as_str(), "has space"] {
        let response = post_with_key(&app, &owner.access, key, json!({"title": "x"})).await;
        assert_eq!(response.status(), 400, "{key}");
        assert_eq!(problem(response).await["code"], "invalid_idempotency_key");
    }
    assert_eq!(record_count(&app, &owner.access).await, 0);
    app.cleanup().await;
}

#[tokio::test]
async fn an_outsider_with_a_key_gets_the_same_403_as_without() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    acme_with_notes(&app, None).await;
    let eve = account(&app, "eve@example.com").await;
    let response = post_with_key(&app, &eve.access, "k", json!({"title": "x"})).await;
    assert_eq!(response.status(), 403);
    assert_eq!(problem(response).await["code"], "workspace_forbidden");
    app.cleanup().await;
}

#[tokio::test]
async fn a_replay_needs_the_permission_the_first_request_had() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = acme_with_notes(&app, None).await;
    let bob = crate::workspaces::join(&app, &owner, "bob@example.com", "member").await;
    let body = json!({"title": "by bob"});
    assert_eq!(
        post_with_key(&app, &bob.access, "b1", body.clone())
            .await
            .status(),
        201
    );
    let bob_id = user_of(&bob.access);
    let demoted = crate::helpers::send(
        &app,
        Method::PATCH,
        &format!("/v1/workspaces/acme/members/{bob_id}"),
        &owner.access,
        Some(json!({"role": "viewer"})),
    )
    .await;
    assert_eq!(demoted.status(), 204);
    let retry = post_with_key(&app, &bob.access, "b1", body).await;
    assert_eq!(retry.status(), 403);
    assert_eq!(problem(retry).await["code"], "permission_denied");
    app.cleanup().await;
}

#[tokio::test]
async fn a_request_that_lost_its_key_cannot_answer_for_it() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        let scope = scope_of(&app, &owner).await;
        let key = IdempotencyKey {
            principal: "user:someone",
            key: "taken-over",
        };
        let now = crate::helpers::START;
        let claim = |claim: &'static str, at: time::OffsetDateTime| {
            let (store, scope) = (app.store.clone(), scope.clone());
            async move {
                store
                    .claim_idempotency_key(
                        &scope,
                        key,
                        "f",
                        claim,
                        at,
                        at + Duration::days(1),
                        at - Duration::minutes(15),
                    )
                    .await
                    .unwrap()
            }
        };
        assert_eq!(claim("first", now).await, KeyClaim::Claimed);
        // The first request's node stopped; a retry takes the key over after the grace.
        let later = now + Duration::minutes(20);
        assert_eq!(claim("second", later).await, KeyClaim::Claimed);
        // The first request comes back to life: it can neither answer nor free the key.
        app.store
            .complete_idempotency_key(&scope, key, "first", 201, b"stale")
            .await
            .unwrap();
        app.store
            .release_idempotency_key(&scope, key, "first")
            .await
            .unwrap();
        let KeyClaim::Used(held) = claim("third", later).await else {
            panic!("the key is still held by the second request");
        };
        assert_eq!((held.status, held.response), (None, None));
        app
    })
    .await;
}

#[tokio::test]
async fn expired_responses_of_every_workspace_are_swept() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        let body = json!({"title": "kept"});
        assert_eq!(
            post_with_key(&app, &owner.access, "s1", body)
                .await
                .status(),
            201
        );
        let now = crate::helpers::START;
        assert_eq!(app.store.sweep_idempotency_keys(now).await.unwrap(), 0);
        let swept = app
            .store
            .sweep_idempotency_keys(now + Duration::hours(25))
            .await
            .unwrap();
        assert_eq!(swept, 1);
        app
    })
    .await;
}
