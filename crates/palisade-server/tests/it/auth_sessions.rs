use crate::accounts::{
    account, auth_options, get_with, login, login_response, signup, NEW_PASSWORD, PASSWORD,
};
use crate::helpers::{on_both_backends, problem, spawn_app_with};
use palisade_core::Clock;
use serde_json::json;

#[tokio::test]
async fn me_answers_with_the_account_for_a_valid_token() {
    on_both_backends(auth_options, |app| async move {
        let tokens = account(&app, "ada@example.com").await;
        let response = get_with(&app, "/v1/me", &tokens.access).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(
            response.json::<serde_json::Value>().await.unwrap()["email"],
            "ada@example.com"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn me_without_credentials_is_401_with_a_bearer_challenge() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let response = app.get("/v1/me").await;
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_eq!(problem(response).await["code"], "unauthenticated");
    for bad in ["Bearer not.a.jwt", "Basic YWRhOnB3", "Bearer "] {
        let response = app
            .client
            .get(app.at("/v1/me"))
            .header("authorization", bad)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{bad}");
        assert_eq!(problem(response).await["code"], "invalid_token", "{bad}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn an_unsigned_token_is_refused() {
    use base64::Engine;
    let app = spawn_app_with(auth_options()).await.unwrap();
    let tokens = account(&app, "ada@example.com").await;
    let claims = tokens.access.split('.').nth(1).unwrap();
    let header =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let forged = format!("{header}.{claims}.");
    assert_eq!(get_with(&app, "/v1/me", &forged).await.status(), 401);
    app.cleanup().await;
}

#[tokio::test]
async fn logout_refuses_the_access_token_on_the_very_next_request() {
    on_both_backends(auth_options, |app| async move {
        let tokens = account(&app, "ada@example.com").await;
        let response = app
            .client
            .post(app.at("/v1/auth/logout"))
            .bearer_auth(&tokens.access)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204);
        let after = get_with(&app, "/v1/me", &tokens.access).await;
        assert_eq!(after.status(), 401);
        assert_eq!(problem(after).await["code"], "session_revoked");
        assert_eq!(
            crate::accounts::refresh(&app, &tokens.refresh)
                .await
                .status(),
            401
        );
        app
    })
    .await;
}

#[tokio::test]
async fn sessions_are_listed_with_the_current_one_marked() {
    on_both_backends(auth_options, |app| async move {
        let first = account(&app, "ada@example.com").await;
        let second = login(&app, "ada@example.com").await;
        let response = get_with(&app, "/v1/me/sessions", &second.access).await;
        let sessions: Vec<serde_json::Value> = response.json().await.unwrap();
        assert_eq!(sessions.len(), 2);
        assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
        assert!(
            sessions
                .iter()
                .all(|s| s["user_agent"] == "palisade-tests/1.0" && s["ip"] == "127.0.0.1"),
            "{sessions:?}"
        );
        let first_sid = crate::accounts::jwt_part(&first.access, 1)["sid"].clone();
        assert!(sessions
            .iter()
            .any(|s| s["id"] == first_sid && s["current"] == false));
        app
    })
    .await;
}

#[tokio::test]
async fn revoking_a_session_refuses_its_token_immediately() {
    on_both_backends(auth_options, |app| async move {
        let phone = account(&app, "ada@example.com").await;
        let laptop = login(&app, "ada@example.com").await;
        let phone_sid = crate::accounts::jwt_part(&phone.access, 1)["sid"]
            .as_str()
            .unwrap()
            .to_owned();
        let response = app
            .client
            .delete(app.at(&format!("/v1/me/sessions/{phone_sid}")))
            .bearer_auth(&laptop.access)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204);
        assert_eq!(get_with(&app, "/v1/me", &phone.access).await.status(), 401);
        assert_eq!(get_with(&app, "/v1/me", &laptop.access).await.status(), 200);
        app
    })
    .await;
}

#[tokio::test]
async fn another_accounts_session_cannot_be_revoked() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        let eve = account(&app, "eve@example.com").await;
        let ada_sid = crate::accounts::jwt_part(&ada.access, 1)["sid"]
            .as_str()
            .unwrap()
            .to_owned();
        for target in [
            ada_sid.as_str(),
            "ses_01jd0000000000000000000000",
            "not-an-id",
        ] {
            let response = app
                .client
                .delete(app.at(&format!("/v1/me/sessions/{target}")))
                .bearer_auth(&eve.access)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 404, "{target}");
        }
        assert_eq!(get_with(&app, "/v1/me", &ada.access).await.status(), 200);
        app
    })
    .await;
}

async fn change_password(
    app: &crate::helpers::TestApp,
    access: &str,
    current: &str,
    new: &str,
) -> reqwest::Response {
    app.client
        .post(app.at("/v1/me/password"))
        .bearer_auth(access)
        .json(&json!({"current_password": current, "new_password": new}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn changing_the_password_revokes_every_other_session() {
    on_both_backends(auth_options, |app| async move {
        let other = account(&app, "ada@example.com").await;
        let current = login(&app, "ada@example.com").await;
        assert_eq!(
            change_password(&app, &current.access, PASSWORD, NEW_PASSWORD)
                .await
                .status(),
            204
        );
        assert_eq!(get_with(&app, "/v1/me", &other.access).await.status(), 401);
        assert_eq!(
            get_with(&app, "/v1/me", &current.access).await.status(),
            200
        );
        assert_eq!(
            login_response(&app, "ada@example.com", PASSWORD)
                .await
                .status(),
            401
        );
        assert_eq!(
            login_response(&app, "ada@example.com", NEW_PASSWORD)
                .await
                .status(),
            200
        );
        app
    })
    .await;
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_a_strong_new_one() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let tokens = account(&app, "ada@example.com").await;
    let wrong = change_password(&app, &tokens.access, "not-the-password-1", NEW_PASSWORD).await;
    assert_eq!(problem(wrong).await["code"], "invalid_credentials");
    let weak = change_password(&app, &tokens.access, PASSWORD, "password1234").await;
    assert_eq!(problem(weak).await["code"], "weak_password");
    assert_eq!(
        login_response(&app, "ada@example.com", PASSWORD)
            .await
            .status(),
        200
    );
    app.cleanup().await;
}

#[tokio::test]
async fn the_jwks_publishes_only_public_keys() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    let jwks: serde_json::Value = app
        .get("/.well-known/jwks.json")
        .await
        .json()
        .await
        .unwrap();
    let key = &jwks["keys"][0];
    assert_eq!(
        (
            key["kty"].as_str(),
            key["crv"].as_str(),
            key["use"].as_str()
        ),
        (Some("OKP"), Some("Ed25519"), Some("sig"))
    );
    assert!(key["kid"].as_str().unwrap().starts_with("kid_"));
    assert!(key.get("d").is_none());
    app.cleanup().await;
}

#[tokio::test]
async fn a_key_rotated_elsewhere_is_used_after_upkeep_and_old_tokens_stay_valid() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let before = account(&app, "ada@example.com").await;
    let old_kid = crate::accounts::jwt_part(&before.access, 0)["kid"].clone();
    // Another node (or `palisade keys rotate-signing`) rotates the key in the shared database.
    palisade_service::auth::keys::rotate(
        app.store.as_ref(),
        &palisade_service::auth::keys::sealer(&app.state.platform().vault, &app.root)
            .await
            .unwrap(),
        app.clock.as_ref(),
        &palisade_core::OsSecureRng,
    )
    .await
    .unwrap();
    app.state.platform().upkeep().await;

    let after = login(&app, "ada@example.com").await;
    assert_ne!(
        crate::accounts::jwt_part(&after.access, 0)["kid"],
        old_kid,
        "signs with the new key"
    );
    assert_eq!(
        get_with(&app, "/v1/me", &before.access).await.status(),
        200,
        "old tokens still verify"
    );
    let jwks: serde_json::Value = app
        .get("/.well-known/jwks.json")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 2);

    // Once every token of the old key has expired, the key is no longer published.
    app.clock.advance(time::Duration::minutes(16));
    app.state.platform().upkeep().await;
    let jwks: serde_json::Value = app
        .get("/.well-known/jwks.json")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 1);
    assert_ne!(jwks["keys"][0]["kid"], old_kid);
    app.cleanup().await;
}

#[tokio::test]
async fn checking_an_access_token_needs_no_database_round_trip() {
    on_both_backends(
        || auth_options().routes(crate::probe::routes()),
        |app| async move {
            let tokens = account(&app, "ada@example.com").await;
            assert_eq!(
                get_with(&app, crate::probe::WHOAMI, &tokens.access)
                    .await
                    .status(),
                200
            );
            // With the database gone, authentication still answers from memory...
            app.store.close().await;
            let response = get_with(&app, crate::probe::WHOAMI, &tokens.access).await;
            assert_eq!(response.status(), 200);
            assert!(response.text().await.unwrap().starts_with("usr_"));
            // ...and still refuses what it must.
            assert_eq!(
                get_with(&app, crate::probe::WHOAMI, "not.a.token")
                    .await
                    .status(),
                401
            );
            app
        },
    )
    .await;
}

#[tokio::test]
async fn a_session_revoked_by_another_node_is_refused_within_a_second() {
    on_both_backends(auth_options, |app| async move {
        let tokens = account(&app, "ada@example.com").await;
        assert_eq!(get_with(&app, "/v1/me", &tokens.access).await.status(), 200);
        let session = crate::accounts::jwt_part(&tokens.access, 1)["sid"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        // Another node revokes it in the shared database; this node's cache does not know.
        app.store
            .revoke_session(
                session,
                "logout",
                app.clock.now(),
                &crate::helpers::test_event(palisade_core::audit::PLATFORM_LOG),
            )
            .await
            .unwrap();
        app.clock.advance(time::Duration::seconds(1));
        let refused = get_with(&app, "/v1/me", &tokens.access).await;
        assert_eq!(refused.status(), 401);
        assert_eq!(problem(refused).await["code"], "session_revoked");
        app
    })
    .await;
}

/// When the (only) session of the account behind `access` was last used, as listed.
async fn session_last_used(app: &crate::helpers::TestApp, access: &str) -> time::OffsetDateTime {
    let sessions: serde_json::Value = get_with(app, "/v1/me/sessions", access)
        .await
        .json()
        .await
        .unwrap();
    let at = sessions[0]["last_used_at"].as_str().unwrap();
    time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).unwrap()
}

#[tokio::test]
async fn using_an_access_token_marks_the_session_used_at_most_once_a_minute() {
    on_both_backends(auth_options, |app| async move {
        let tokens = account(&app, "ada@example.com").await;
        let signed_up = app.clock.now();
        app.clock.advance(time::Duration::seconds(30));
        assert_eq!(get_with(&app, "/v1/me", &tokens.access).await.status(), 200);
        app.state.platform().tasks().idle().await;
        assert_eq!(
            session_last_used(&app, &tokens.access).await,
            signed_up,
            "not rewritten within the minute"
        );

        app.clock.advance(time::Duration::seconds(31));
        assert_eq!(get_with(&app, "/v1/me", &tokens.access).await.status(), 200);
        app.state.platform().tasks().idle().await;
        assert_eq!(
            session_last_used(&app, &tokens.access).await,
            app.clock.now()
        );
        app
    })
    .await;
}
