//! Brute-force lockout, with the injected clock: five failed sign-ins in a row lock the
//! account (15 minutes, then twice as long each time), a lock answers exactly like a wrong
//! password, and a success or a password reset ends it.

use crate::accounts::{auth_options, login_response, signup, NEW_PASSWORD, PASSWORD};
use crate::auth_recovery::{ask_reset, confirm, delivered_mail, token_in};
use crate::helpers::{on_both_backends, problem, TestApp};
use palisade_store::AuditQuery;
use time::Duration;

const EMAIL: &str = "ada@example.com";
const WRONG: &str = "not-the-password-at-all";

async fn fail(app: &TestApp, times: usize) {
    for _ in 0..times {
        assert_eq!(login_response(app, EMAIL, WRONG).await.status(), 401);
    }
}

async fn status_of_right_password(app: &TestApp) -> u16 {
    login_response(app, EMAIL, PASSWORD).await.status().as_u16()
}

#[tokio::test]
async fn five_failures_in_a_row_lock_the_account_for_fifteen_minutes() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, EMAIL).await;
        fail(&app, 5).await;
        assert_eq!(status_of_right_password(&app).await, 401);
        app.clock.advance(Duration::minutes(14));
        assert_eq!(status_of_right_password(&app).await, 401);
        app.clock.advance(Duration::minutes(1));
        assert_eq!(status_of_right_password(&app).await, 200);
        app
    })
    .await;
}

#[tokio::test]
async fn four_failures_then_a_success_start_the_count_again() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, EMAIL).await;
        fail(&app, 4).await;
        assert_eq!(status_of_right_password(&app).await, 200);
        fail(&app, 4).await;
        assert_eq!(status_of_right_password(&app).await, 200);
        app
    })
    .await;
}

#[tokio::test]
async fn each_lock_in_a_row_lasts_twice_as_long() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, EMAIL).await;
        fail(&app, 5).await;
        app.clock.advance(Duration::minutes(15));
        // Unlocked, but not forgiven: five more failures lock it for 30 minutes.
        fail(&app, 5).await;
        app.clock.advance(Duration::minutes(29));
        assert_eq!(status_of_right_password(&app).await, 401);
        app.clock.advance(Duration::minutes(1));
        assert_eq!(status_of_right_password(&app).await, 200);
        app
    })
    .await;
}

#[tokio::test]
async fn a_locked_account_answers_exactly_like_a_wrong_password_or_an_unknown_account() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, EMAIL).await;
        let wrong = problem(login_response(&app, EMAIL, WRONG).await).await;
        fail(&app, 4).await;
        let locked = problem(login_response(&app, EMAIL, PASSWORD).await).await;
        let unknown = problem(login_response(&app, "nobody@example.com", PASSWORD).await).await;
        for answer in [&locked, &unknown] {
            assert_eq!(answer["code"], wrong["code"]);
            assert_eq!(answer["detail"], wrong["detail"]);
            assert_eq!(answer["status"], 401);
        }
        app
    })
    .await;
}

#[tokio::test]
async fn a_password_reset_unlocks_the_account_at_once() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, EMAIL).await;
        fail(&app, 5).await;
        ask_reset(&app, EMAIL).await;
        let mail = delivered_mail(&app).await;
        let reset = mail.iter().find(|m| m.contains("palpr_")).unwrap();
        assert_eq!(
            confirm(&app, &token_in(reset), NEW_PASSWORD).await.status(),
            204
        );
        let signed_in = login_response(&app, EMAIL, NEW_PASSWORD).await;
        assert_eq!(signed_in.status(), 200);
        app
    })
    .await;
}

#[tokio::test]
async fn the_owner_is_told_of_the_lock_and_the_lock_is_audited() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    let created = signup(&app, EMAIL).await;
    fail(&app, 5).await;
    let mail = delivered_mail(&app).await;
    let notice = mail.iter().find(|m| m.contains("locked")).unwrap();
    assert!(notice.contains(EMAIL) && notice.contains("reset your password"));
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
    let user = created["id"].as_str().unwrap();
    let locks: Vec<_> = events
        .iter()
        .filter(|e| e.entry.action == "user.locked")
        .collect();
    assert_eq!(locks.len(), 1);
    assert_eq!(locks[0].entry.resource_id.as_deref(), Some(user));
    // While locked, attempts are refused (and audited) but not counted towards another lock.
    fail(&app, 5).await;
    app.state.platform().audit.flush().await.unwrap();
    let events = app
        .store
        .audit_events(palisade_core::audit::PLATFORM_LOG, &query)
        .await
        .unwrap();
    let refused_while_locked = events
        .iter()
        .filter(|e| e.entry.reason.as_deref() == Some("account_locked"))
        .count();
    assert_eq!(refused_while_locked, 5);
    assert_eq!(
        events
            .iter()
            .filter(|e| e.entry.action == "user.locked")
            .count(),
        1
    );
    app.cleanup().await;
}

#[tokio::test]
async fn wrong_current_passwords_on_a_password_change_count_towards_the_lock() {
    on_both_backends(auth_options, |app| async move {
        let session = crate::accounts::account(&app, EMAIL).await;
        let change = |current: &'static str| {
            crate::helpers::send(
                &app,
                reqwest::Method::POST,
                "/v1/me/password",
                &session.access,
                Some(
                    serde_json::json!({"current_password": current, "new_password": NEW_PASSWORD}),
                ),
            )
        };
        for _ in 0..5 {
            assert_eq!(change(WRONG).await.status(), 401);
        }
        // Locked: neither a sign-in nor a change with the right password gets through.
        assert_eq!(status_of_right_password(&app).await, 401);
        assert_eq!(change(PASSWORD).await.status(), 401);
        app
    })
    .await;
}
