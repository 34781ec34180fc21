//! Password reset by mail, the outbox, and sign-up policies.

use crate::accounts::{
    account, auth_options, get_with, login_response, signup, NEW_PASSWORD, PASSWORD,
};
use crate::helpers::{logs, on_both_backends, problem, spawn_app_with, TestApp};
use palisade_core::Clock;
use palisade_service::mail::MailTransport;
use serde_json::json;
use std::os::unix::fs::PermissionsExt;
use time::Duration;

fn mailbox(app: &TestApp) -> std::path::PathBuf {
    app.data_dir.path().join("data/mailbox")
}

/// Lets queued work finish and delivers due mail; returns the mailbox's messages.
pub(crate) async fn delivered_mail(app: &TestApp) -> Vec<String> {
    app.state.platform().tasks().idle().await;
    app.state
        .platform()
        .mail
        .deliver_due(&MailTransport::Mailbox(mailbox(app)))
        .await
        .unwrap();
    let Ok(entries) = std::fs::read_dir(mailbox(app)) else {
        return Vec::new();
    };
    entries
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect()
}

/// The token stands alone on its own line (the link line may be soft-wrapped by the encoder).
pub(crate) fn token_in(mail: &str) -> String {
    mail.lines()
        .map(str::trim)
        .find(|line| line.starts_with("palpr_"))
        .unwrap()
        .to_owned()
}

pub(crate) async fn ask_reset(app: &TestApp, email: &str) -> reqwest::Response {
    app.client
        .post(app.at("/v1/auth/password-reset"))
        .json(&json!({"email": email}))
        .send()
        .await
        .unwrap()
}

pub(crate) async fn confirm(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.at("/v1/auth/password-reset/confirm"))
        .json(&json!({"token": token, "new_password": password}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_reset_request_is_answered_alike_whether_or_not_the_account_exists() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    let known = ask_reset(&app, "ada@example.com").await;
    let unknown = ask_reset(&app, "nobody@example.com").await;
    assert_eq!(known.status(), 202);
    assert_eq!(unknown.status(), 202);
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());
    let mail = delivered_mail(&app).await;
    assert_eq!(mail.len(), 1, "only the existing account gets mail");
    assert!(mail[0].contains("To: ada@example.com"));
    app.cleanup().await;
}

#[tokio::test]
async fn a_reset_request_for_a_malformed_address_is_refused_and_sends_nothing() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    let refused = ask_reset(&app, "ada@example").await;
    assert_eq!(refused.status(), 422);
    assert_eq!(problem(refused).await["code"], "invalid_email");
    assert_eq!(ask_reset(&app, "ada@example.com").await.status(), 202);
    assert_eq!(
        delivered_mail(&app).await.len(),
        1,
        "only the valid request mailed"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_reset_token_sets_a_new_password_once_and_signs_out_everywhere() {
    on_both_backends(auth_options, |app| async move {
        let session = account(&app, "ada@example.com").await;
        ask_reset(&app, "ada@example.com").await;
        let token = token_in(&delivered_mail(&app).await[0]);

        assert_eq!(confirm(&app, &token, NEW_PASSWORD).await.status(), 204);
        assert_eq!(
            get_with(&app, "/v1/me", &session.access).await.status(),
            401
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
        let again = confirm(&app, &token, "another fine long passphrase").await;
        assert_eq!(again.status(), 403);
        assert_eq!(problem(again).await["code"], "invalid_reset_token");
        app
    })
    .await;
}

#[tokio::test]
async fn a_reset_token_expires_after_thirty_minutes() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    ask_reset(&app, "ada@example.com").await;
    let token = token_in(&delivered_mail(&app).await[0]);
    app.clock.advance(Duration::minutes(30));
    assert_eq!(
        problem(confirm(&app, &token, NEW_PASSWORD).await).await["code"],
        "invalid_reset_token"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_refused_new_password_does_not_burn_the_reset_token() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    ask_reset(&app, "ada@example.com").await;
    let token = token_in(&delivered_mail(&app).await[0]);
    assert_eq!(
        problem(confirm(&app, &token, "password1234").await).await["code"],
        "weak_password"
    );
    assert_eq!(confirm(&app, &token, NEW_PASSWORD).await.status(), 204);
    app.cleanup().await;
}

#[tokio::test]
async fn queued_mail_is_sealed_at_rest_and_erased_once_delivered() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    ask_reset(&app, "ada@example.com").await;
    app.state.platform().tasks().idle().await;
    let queued = app.store.due_mail(app.clock.now(), 10).await.unwrap();
    assert_eq!(queued.len(), 1);
    let sealed = queued[0].sealed_body.clone().unwrap();
    assert!(
        !String::from_utf8_lossy(&sealed).contains("palpr_"),
        "the token is not stored in the clear"
    );

    let token = token_in(&delivered_mail(&app).await[0]);
    assert!(!logs().contains(&token), "the token never reaches the log");
    assert!(app
        .store
        .due_mail(app.clock.now() + Duration::days(1), 10)
        .await
        .unwrap()
        .is_empty());
    app.cleanup().await;
}

#[tokio::test]
async fn the_mailbox_is_owner_only() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    ask_reset(&app, "ada@example.com").await;
    delivered_mail(&app).await;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&mailbox(&app)), 0o700);
    for entry in std::fs::read_dir(mailbox(&app)).unwrap() {
        assert_eq!(mode(&entry.unwrap().path()), 0o600);
    }
    app.cleanup().await;
}

#[tokio::test]
async fn a_failed_delivery_is_retried_with_backoff() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    ask_reset(&app, "ada@example.com").await;
    app.state.platform().tasks().idle().await;
    // A mailbox path that is a file cannot take messages.
    let blocked = app.data_dir.path().join("not-a-directory");
    std::fs::write(&blocked, b"x").unwrap();
    assert_eq!(
        app.state
            .platform()
            .mail
            .deliver_due(&MailTransport::Mailbox(blocked.clone()))
            .await
            .unwrap(),
        0
    );
    assert!(app
        .store
        .due_mail(app.clock.now() + Duration::seconds(29), 10)
        .await
        .unwrap()
        .is_empty());
    app.clock.advance(Duration::seconds(30));
    assert_eq!(
        delivered_mail(&app).await.len(),
        1,
        "delivered on the retry"
    );
    app.cleanup().await;
}

fn policy(policy: &str) -> crate::helpers::AppOptions {
    crate::helpers::AppOptions::default().set(
        "auth",
        figment::value::Dict::from_iter([
            ("argon2_memory_kib".to_owned(), 1024.into()),
            ("argon2_iterations".to_owned(), 1.into()),
            ("signup_policy".to_owned(), policy.into()),
        ]),
    )
}

async fn post_signup(app: &TestApp, code: Option<&str>) -> reqwest::Response {
    let mut body =
        json!({"email": format!("user{}@example.com", rand_suffix()), "password": PASSWORD});
    if let Some(code) = code {
        body["access_code"] = code.into();
    }
    app.client
        .post(app.at("/v1/auth/signup"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn rand_suffix() -> u64 {
    use palisade_core::SecureRng;
    u64::from_le_bytes(palisade_core::OsSecureRng.bytes::<8>())
}

#[tokio::test]
async fn invite_only_sign_up_refuses_self_service() {
    let app = spawn_app_with(policy("invite_only")).await.unwrap();
    let response = post_signup(&app, None).await;
    assert_eq!(response.status(), 403);
    assert_eq!(problem(response).await["code"], "signup_invite_only");
    app.cleanup().await;
}

#[tokio::test]
async fn access_code_sign_up_needs_a_valid_unspent_code() {
    on_both_backends(
        || policy("access_code"),
        |app| async move {
            let code = palisade_service::auth::create_access_code(
                app.store.as_ref(),
                app.clock.as_ref(),
                &palisade_core::OsSecureRng,
                Some(1),
                None,
            )
            .await
            .unwrap();
            assert_eq!(
                problem(post_signup(&app, None).await).await["code"],
                "invalid_access_code"
            );
            assert_eq!(
                problem(post_signup(&app, Some("palac_wrong")).await).await["code"],
                "invalid_access_code"
            );
            assert_eq!(post_signup(&app, Some(code.expose())).await.status(), 201);
            assert_eq!(
                post_signup(&app, Some(code.expose())).await.status(),
                403,
                "single use"
            );
            app
        },
    )
    .await;
}
