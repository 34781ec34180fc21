//! A repeated access token is answered from memory, and the memory never makes a token
//! better than it is: expiry, tampering, revocation and key reloads still apply.

use crate::accounts::{account, auth_options, get_with, jwt_part};
use crate::helpers::{problem, spawn_app_with, TestApp};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

fn signature_checks(app: &TestApp) -> u64 {
    app.state.platform().auth.signature_checks()
}

#[tokio::test]
async fn a_repeated_access_token_is_verified_by_signature_once() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let tokens = account(&app, "ada@example.com").await;
    let before = signature_checks(&app);
    for _ in 0..3 {
        assert_eq!(get_with(&app, "/v1/me", &tokens.access).await.status(), 200);
    }
    assert_eq!(signature_checks(&app) - before, 1);
    app.cleanup().await;
}

#[tokio::test]
async fn a_remembered_access_token_is_refused_once_it_expires() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let tokens = account(&app, "ada@example.com").await;
    assert_eq!(get_with(&app, "/v1/me", &tokens.access).await.status(), 200);
    // Past the 15-minute lifetime and the 30 s leeway; the session itself is still live.
    app.clock.advance(time::Duration::seconds(15 * 60 + 31));
    let refused = get_with(&app, "/v1/me", &tokens.access).await;
    assert_eq!(refused.status(), 401);
    assert_eq!(problem(refused).await["code"], "invalid_token");
    app.cleanup().await;
}

#[tokio::test]
async fn a_changed_copy_of_a_remembered_token_is_refused() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let bob = account(&app, "bob@example.com").await;
    // Both tokens remembered, so a cache keyed on anything short of the whole token (claims,
    // session, header and claims) would answer the forgery.
    assert_eq!(get_with(&app, "/v1/me", &ada.access).await.status(), 200);
    assert_eq!(get_with(&app, "/v1/me", &bob.access).await.status(), 200);
    // Ada's header and signature around Bob's claims: only the signature check can tell.
    let parts: Vec<&str> = ada.access.split('.').collect();
    let bobs_claims = URL_SAFE_NO_PAD.encode(jwt_part(&bob.access, 1).to_string());
    let forged = format!("{}.{bobs_claims}.{}", parts[0], parts[2]);
    let refused = get_with(&app, "/v1/me", &forged).await;
    assert_eq!(refused.status(), 401);
    assert_eq!(problem(refused).await["code"], "invalid_token");
    app.cleanup().await;
}

#[tokio::test]
async fn reloading_the_signing_keys_forgets_the_tokens_they_verified() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let tokens = account(&app, "ada@example.com").await;
    assert_eq!(get_with(&app, "/v1/me", &tokens.access).await.status(), 200);
    app.state.platform().upkeep().await;
    let before = signature_checks(&app);
    assert_eq!(get_with(&app, "/v1/me", &tokens.access).await.status(), 200);
    assert_eq!(signature_checks(&app) - before, 1);
    app.cleanup().await;
}
