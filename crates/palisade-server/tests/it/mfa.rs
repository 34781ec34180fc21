//! TOTP MFA through the real server: enrolment, the two-step sign-in, replay and recovery
//! codes, lockout, step-up for sensitive actions, and removal.

use crate::accounts::{account, auth_options, login_response, signup, Tokens, PASSWORD};
use crate::audit::{log_events, recorded};
use crate::helpers::{logs, on_both_backends, problem, send, spawn_app_with, TestApp};
use palisade_core::audit::PLATFORM_LOG;
use palisade_crypto::totp::TotpSecret;
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

/// An enrolled account: its secret (as the app holds it) and recovery codes.
pub struct Enrolled {
    pub secret: TotpSecret,
    pub recovery_codes: Vec<String>,
}

/// The code an authenticator app shows now (or `steps` steps from now).
pub fn code(app: &TestApp, secret: &TotpSecret, steps: i64) -> String {
    let now = palisade_core::Clock::now(app.clock.as_ref());
    let step = (now.unix_timestamp() / 30 + steps) as u64;
    secret.code_at_step(step)
}

pub async fn enroll(app: &TestApp, access: &str) -> Enrolled {
    let started = send(app, Method::POST, "/v1/me/mfa/totp", access, None).await;
    assert_eq!(started.status(), 201);
    let body: Value = started.json().await.unwrap();
    let secret = TotpSecret::from_base32(body["secret"].as_str().unwrap()).unwrap();
    // Each test step runs in its own 30 s window, so codes of one step are not reused by mistake.
    app.clock.advance(Duration::seconds(30));
    let confirmed = send(
        app,
        Method::POST,
        "/v1/me/mfa/totp/confirm",
        access,
        Some(json!({"code": code(app, &secret, 0)})),
    )
    .await;
    assert_eq!(confirmed.status(), 200);
    let body: Value = confirmed.json().await.unwrap();
    let recovery_codes = body["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    app.clock.advance(Duration::seconds(30));
    Enrolled {
        secret,
        recovery_codes,
    }
}

/// The `mfa_token` a correct password earns an enrolled account.
pub async fn mfa_token(app: &TestApp, email: &str) -> String {
    let response = login_response(app, email, PASSWORD).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["mfa_required"], true, "{body}");
    body["mfa_token"].as_str().unwrap().to_owned()
}

pub async fn verify(app: &TestApp, token: &str, code: &str) -> reqwest::Response {
    app.client
        .post(app.at("/v1/auth/mfa/verify"))
        .json(&json!({"mfa_token": token, "code": code}))
        .send()
        .await
        .unwrap()
}

/// Signs an enrolled account in with both factors.
pub async fn login_with_mfa(app: &TestApp, email: &str, secret: &TotpSecret) -> Tokens {
    let token = mfa_token(app, email).await;
    app.clock.advance(Duration::seconds(30));
    let response = verify(app, &token, &code(app, secret, 0)).await;
    assert_eq!(response.status(), 200);
    Tokens::from(response.json::<Value>().await.unwrap())
}

#[tokio::test]
async fn enrolment_shows_the_secret_as_base32_uri_and_qr_code() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let response = send(&app, Method::POST, "/v1/me/mfa/totp", &ada.access, None).await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    let secret = body["secret"].as_str().unwrap();
    assert_eq!(secret.len(), 32, "160 bits of base32");
    let uri = body["otpauth_uri"].as_str().unwrap();
    assert!(
        uri.starts_with("otpauth://totp/Palisade:ada%40example.com?"),
        "{uri}"
    );
    let secret_part = format!("secret={secret}");
    for part in [
        secret_part.as_str(),
        "issuer=Palisade",
        "algorithm=SHA1",
        "digits=6",
        "period=30",
    ] {
        assert!(uri.contains(part), "{part} missing from {uri}");
    }
    assert!(body["qr_code"]
        .as_str()
        .unwrap()
        .starts_with("data:image/svg+xml;base64,"));
    app.cleanup().await;
}

#[tokio::test]
async fn confirming_with_a_wrong_code_leaves_mfa_off() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    send(&app, Method::POST, "/v1/me/mfa/totp", &ada.access, None).await;
    let refused = send(
        &app,
        Method::POST,
        "/v1/me/mfa/totp/confirm",
        &ada.access,
        Some(json!({"code": "000000"})),
    )
    .await;
    assert_eq!(refused.status(), 401);
    assert_eq!(problem(refused).await["code"], "mfa.invalid_code");
    let me: Value = send(&app, Method::GET, "/v1/me", &ada.access, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["mfa"]["enabled"], false);
    // Without MFA the password alone still signs in.
    assert_eq!(
        login_response(&app, "ada@example.com", PASSWORD)
            .await
            .status(),
        200
    );
    app.cleanup().await;
}

#[tokio::test]
async fn the_two_step_sign_in_works_on_both_backends_and_codes_work_once() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        let enrolled = enroll(&app, &ada.access).await;
        assert_eq!(enrolled.recovery_codes.len(), 10);

        // The password alone gives no session, only the token for the second step.
        let response = login_response(&app, "ada@example.com", PASSWORD).await;
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["mfa_required"], true);
        assert!(body.get("access_token").is_none(), "{body}");
        let token = body["mfa_token"].as_str().unwrap().to_owned();

        let now = code(&app, &enrolled.secret, 0);
        let signed = verify(&app, &token, &now).await;
        assert_eq!(signed.status(), 200);
        let tokens = Tokens::from(signed.json::<Value>().await.unwrap());
        assert_eq!(
            send(&app, Method::GET, "/v1/me", &tokens.access, None)
                .await
                .status(),
            200
        );

        // The same code in the same step, on a fresh challenge: refused (replay).
        let again = mfa_token(&app, "ada@example.com").await;
        let replayed = verify(&app, &again, &now).await;
        assert_eq!(replayed.status(), 401);
        assert_eq!(problem(replayed).await["code"], "mfa.invalid_code");
        assert!(recorded(
            &log_events(&app, PLATFORM_LOG).await,
            "mfa.verified",
            "denied",
            Some("code_reused")
        ));

        // A recovery code works once, and says how many remain.
        let recovery = enrolled.recovery_codes[0].to_uppercase();
        let used = verify(&app, &again, &recovery).await;
        assert_eq!(used.status(), 200);
        assert_eq!(used.headers()["x-recovery-codes-remaining"], "9");
        let third = mfa_token(&app, "ada@example.com").await;
        let reused = verify(&app, &third, &enrolled.recovery_codes[0]).await;
        assert_eq!(reused.status(), 401);
        assert!(recorded(
            &log_events(&app, PLATFORM_LOG).await,
            "mfa.recovery_code_used",
            "success",
            None
        ));
        app
    })
    .await;
}

#[tokio::test]
async fn a_code_from_the_step_before_or_after_is_accepted_but_not_two_steps_away() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    for (steps, accepted) in [(-2, false), (2, false), (-1, true), (1, true)] {
        app.clock.advance(Duration::seconds(120));
        let token = mfa_token(&app, "ada@example.com").await;
        let response = verify(&app, &token, &code(&app, &enrolled.secret, steps)).await;
        assert_eq!(response.status() == 200, accepted, "{steps} steps away");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn the_mfa_token_works_once() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let token = mfa_token(&app, "ada@example.com").await;
    assert_eq!(
        verify(&app, &token, &code(&app, &enrolled.secret, 0))
            .await
            .status(),
        200
    );
    app.clock.advance(Duration::seconds(30));
    let again = verify(&app, &token, &code(&app, &enrolled.secret, 0)).await;
    assert_eq!(again.status(), 401);
    assert_eq!(problem(again).await["code"], "mfa.invalid_token");
    app.cleanup().await;
}

#[tokio::test]
async fn the_mfa_token_expires_after_five_minutes() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let token = mfa_token(&app, "ada@example.com").await;
    app.clock
        .advance(Duration::minutes(5) + Duration::seconds(1));
    let late = verify(&app, &token, &code(&app, &enrolled.secret, 0)).await;
    assert_eq!(late.status(), 401);
    assert_eq!(problem(late).await["code"], "mfa.invalid_token");
    app.cleanup().await;
}

#[tokio::test]
async fn wrong_codes_count_towards_the_account_lock() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let token = mfa_token(&app, "ada@example.com").await;
    for _ in 0..5 {
        assert_eq!(verify(&app, &token, "123456").await.status(), 401);
    }
    // Locked now: even the right code is refused, the same way.
    let right = verify(&app, &token, &code(&app, &enrolled.secret, 0)).await;
    assert_eq!(right.status(), 401);
    assert!(recorded(
        &log_events(&app, PLATFORM_LOG).await,
        "user.locked",
        "success",
        Some("too_many_failed_logins")
    ));
    app.cleanup().await;
}

async fn delete_workspace(app: &TestApp, access: &str) -> reqwest::Response {
    send(app, Method::DELETE, "/v1/workspaces/acme", access, None).await
}

async fn create_workspace(app: &TestApp, access: &str) {
    let created = send(
        app,
        Method::POST,
        "/v1/workspaces",
        access,
        Some(json!({"slug": "acme", "name": "Acme"})),
    )
    .await;
    assert_eq!(created.status(), 201);
}

#[tokio::test]
async fn deleting_a_workspace_needs_a_second_factor_from_the_last_ten_minutes() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let session = login_with_mfa(&app, "ada@example.com", &enrolled.secret).await;
    create_workspace(&app, &session.access).await;
    app.clock
        .advance(Duration::minutes(10) + Duration::seconds(1));
    // Access tokens live 15 minutes: this one is still good, its MFA is not recent.
    let refused = delete_workspace(&app, &session.access).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "mfa.step_up_required");
    let stepped = send(
        &app,
        Method::POST,
        "/v1/me/mfa/step-up",
        &session.access,
        Some(json!({"code": code(&app, &enrolled.secret, 0)})),
    )
    .await;
    assert_eq!(stepped.status(), 200);
    assert_eq!(delete_workspace(&app, &session.access).await.status(), 204);
    app.cleanup().await;
}

#[tokio::test]
async fn a_session_signed_in_by_password_alone_cannot_act_sensitively_once_mfa_is_on() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    create_workspace(&app, &ada.access).await;
    // Another session, from before MFA: it never proved a second factor.
    let old = crate::accounts::login(&app, "ada@example.com").await;
    enroll(&app, &ada.access).await;
    let refused = delete_workspace(&app, &old.access).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "mfa.step_up_required");
    app.cleanup().await;
}

#[tokio::test]
async fn a_key_that_can_make_keys_needs_step_up_and_a_read_key_does_not() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    create_workspace(&app, &ada.access).await;
    let old = crate::accounts::login(&app, "ada@example.com").await;
    enroll(&app, &ada.access).await;
    let key = |scopes: Value| {
        send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/api-keys",
            &old.access,
            Some(json!({"name": "ci", "scopes": scopes})),
        )
    };
    let powerful = key(json!(["keys:manage"])).await;
    assert_eq!(powerful.status(), 403);
    assert_eq!(problem(powerful).await["code"], "mfa.step_up_required");
    assert_eq!(key(json!(["settings:admin"])).await.status(), 403);
    assert_eq!(key(json!(["records:read"])).await.status(), 201);
    app.cleanup().await;
}

#[tokio::test]
async fn an_account_without_mfa_acts_without_step_up() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    create_workspace(&app, &ada.access).await;
    assert_eq!(delete_workspace(&app, &ada.access).await.status(), 204);
    app.cleanup().await;
}

#[tokio::test]
async fn removing_mfa_needs_a_current_code_or_the_password_with_recent_mfa() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let remove = |body: Value| {
        send(
            &app,
            Method::DELETE,
            "/v1/me/mfa/totp",
            &ada.access,
            Some(body),
        )
    };
    // Wrong code, no change.
    assert_eq!(remove(json!({"code": "999999"})).await.status(), 401);
    // The password, but the session's second factor is stale: refused.
    app.clock.advance(Duration::minutes(11));
    let stale = remove(json!({"password": PASSWORD})).await;
    assert_eq!(stale.status(), 403);
    assert_eq!(problem(stale).await["code"], "mfa.step_up_required");
    // A current code suffices.
    let removed = remove(json!({"code": code(&app, &enrolled.secret, 0)})).await;
    assert_eq!(removed.status(), 204);
    assert_eq!(
        login_response(&app, "ada@example.com", PASSWORD)
            .await
            .json::<Value>()
            .await
            .unwrap()["mfa_required"],
        Value::Null
    );
    assert!(recorded(
        &log_events(&app, PLATFORM_LOG).await,
        "mfa.disabled",
        "success",
        None
    ));
    app.cleanup().await;
}

#[tokio::test]
async fn a_workspace_requiring_mfa_admits_members_only_once_they_enrol() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let owner = account(&app, "owner@example.com").await;
    create_workspace(&app, &owner.access).await;
    // Requiring MFA without having it would lock the owner out: refused.
    let require = |access: String| {
        let app = &app;
        async move {
            send(
                app,
                Method::PATCH,
                "/v1/workspaces/acme",
                &access,
                Some(json!({"settings": {"require_mfa": true}})),
            )
            .await
        }
    };
    // An admin's key, made before MFA is required of its maker.
    let carol = crate::workspaces::join(&app, &owner, "carol@example.com", "admin").await;
    let key: Value = send(
        &app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        &carol.access,
        Some(json!({"name": "ci", "scopes": ["workspace:read"]})),
    )
    .await
    .json()
    .await
    .unwrap();
    let key = key["secret"].as_str().unwrap().to_owned();
    let refused = require(owner.access.clone()).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "mfa.enrollment_required");
    enroll(&app, &owner.access).await;
    let turned_on = require(owner.access.clone()).await;
    assert_eq!(turned_on.status(), 200);
    assert_eq!(
        turned_on.json::<Value>().await.unwrap()["settings"]["require_mfa"],
        true
    );

    // The key's maker has no MFA: the key stops with its maker's access.
    let stopped = send(&app, Method::GET, "/v1/workspaces/acme", &key, None).await;
    assert_eq!(stopped.status(), 401);
    let bob = crate::workspaces::join(&app, &owner, "bob@example.com", "member").await;
    let blocked = send(&app, Method::GET, "/v1/workspaces/acme", &bob.access, None).await;
    assert_eq!(blocked.status(), 403);
    assert_eq!(problem(blocked).await["code"], "mfa.enrollment_required");
    // Enrolment itself stays reachable; after it, the workspace is.
    enroll(&app, &bob.access).await;
    assert_eq!(
        send(&app, Method::GET, "/v1/workspaces/acme", &bob.access, None)
            .await
            .status(),
        200
    );
    // A stranger still gets the plain wall, not a hint about MFA.
    let eve = account(&app, "eve@example.com").await;
    let stranger = send(&app, Method::GET, "/v1/workspaces/acme", &eve.access, None).await;
    assert_eq!(problem(stranger).await["code"], "workspace_forbidden");
    app.cleanup().await;
}

#[tokio::test]
async fn codes_secrets_and_recovery_codes_never_reach_logs_or_audit_events() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    let ada = crate::accounts::login(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let used = code(&app, &enrolled.secret, 0);
    let token = mfa_token(&app, "ada@example.com").await;
    verify(&app, &token, &used).await;
    let base32 = enrolled.secret.base32();
    let events = serde_json::to_string(
        &log_events(&app, PLATFORM_LOG)
            .await
            .iter()
            .map(|e| format!("{:?}", e.entry))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let logged = logs();
    use secrecy::ExposeSecret;
    for secret in [
        base32.expose_secret(),
        used.as_str(),
        enrolled.recovery_codes[0].as_str(),
        token.as_str(),
    ] {
        assert!(!events.contains(secret), "audit holds {secret}");
        assert!(!logged.contains(secret), "logs hold {secret}");
    }
    app.cleanup().await;
}
