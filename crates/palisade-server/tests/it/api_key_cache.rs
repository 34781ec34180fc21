//! A key's authorization is remembered while access is unchanged, so a key costs no database
//! round trip however many keys there are; a change made anywhere, even straight in the
//! database, still applies within a second.

use crate::accounts::auth_options;
use crate::api_keys::{acme, key, read_with};
use crate::helpers::{on_both_backends, send, spawn_app_with, TestApp};
use reqwest::Method;
use time::Duration;

fn key_loads(app: &TestApp) -> u64 {
    app.state.platform().auth.key_loads()
}

#[tokio::test]
async fn a_key_is_loaded_once_while_access_is_unchanged() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let (_, secret) = key(&app, &ada, &["workspace:read"]).await;
        let before = key_loads(&app);
        for _ in 0..5 {
            assert_eq!(read_with(&app, &secret).await, 200);
            app.clock.advance(Duration::seconds(2));
        }
        assert_eq!(key_loads(&app) - before, 1);
        app
    })
    .await;
}

/// Ada's key is used (and remembered), then `change(key id, Ada's id)` is made straight in
/// the database, as another node or an operator would: a second later the key is refused.
async fn refused_within_a_second_after(change: fn(&str, &str) -> String) {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let (id, secret) = key(&app, &ada, &["workspace:read"]).await;
        assert_eq!(read_with(&app, &secret).await, 200);
        let creator = crate::accounts::jwt_part(&ada, 1)["sub"]
            .as_str()
            .unwrap()
            .to_owned();
        app.db()
            .execute_as_owner(&change(&id, &creator))
            .await
            .unwrap();
        app.clock.advance(Duration::seconds(1));
        assert_eq!(read_with(&app, &secret).await, 401);
        app
    })
    .await;
}

#[tokio::test]
async fn a_key_revoked_straight_in_the_database_is_refused_within_a_second() {
    refused_within_a_second_after(|id, _| {
        format!("UPDATE api_keys SET revoked_at = created_at WHERE id = '{id}'")
    })
    .await;
}

#[tokio::test]
async fn a_creator_suspended_straight_in_the_database_loses_their_keys_within_a_second() {
    refused_within_a_second_after(|_, creator| {
        format!("UPDATE users SET suspended_at = created_at WHERE id = '{creator}'")
    })
    .await;
}

#[tokio::test]
async fn a_remembered_key_is_trusted_for_a_second_only_when_access_cannot_be_checked() {
    let app = spawn_app_with(auth_options().routes(crate::probe::routes()))
        .await
        .unwrap();
    let ada = acme(&app).await;
    let (_, secret) = key(&app, &ada, &["workspace:read"]).await;
    let role = crate::probe::ROLE_IN.replace("{ws}", "acme");
    let status = || async { send(&app, Method::GET, &role, &secret, None).await.status() };
    assert_eq!(status().await, 200);
    app.store.close().await;
    assert_eq!(status().await, 200, "answered from memory");
    app.clock.advance(Duration::seconds(1));
    // The generation cannot be read, so the remembered key is not trusted: unavailable, not
    // a stale yes (and not a wrong 401 either).
    assert_eq!(status().await, 503);
    app.cleanup().await;
}
