use crate::accounts::{
    account, auth_options, get_with, jwt_part, login, login_response, signup, PASSWORD,
};
use crate::helpers::{logs, on_both_backends, problem, spawn_app_with, AppOptions};
use palisade_core::Clock;
use palisade_crypto::{Argon2Cost, PasswordHasher};
use secrecy::SecretString;

#[tokio::test]
async fn login_returns_bearer_tokens() {
    on_both_backends(auth_options, |app| async move {
        let tokens = account(&app, "ada@example.com").await;
        assert_eq!(tokens.body["token_type"], "Bearer");
        assert_eq!(tokens.body["expires_in"], 900);
        assert!(tokens.refresh.starts_with("palr_"));
        assert_eq!(tokens.access.split('.').count(), 3);
        app
    })
    .await;
}

#[tokio::test]
async fn the_access_token_is_an_eddsa_jwt_with_the_documented_claims() {
    let app = spawn_app_with(auth_options().set("public_url", "https://api.example.com"))
        .await
        .unwrap();
    let account_id = crate::accounts::signup(&app, "ada@example.com").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let tokens = login(&app, "ada@example.com").await;
    let header = jwt_part(&tokens.access, 0);
    assert_eq!(header["alg"], "EdDSA");
    let jwks: serde_json::Value = app
        .get("/.well-known/jwks.json")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(jwks["keys"][0]["kid"], header["kid"]);
    let claims = jwt_part(&tokens.access, 1);
    assert_eq!(claims["iss"], "https://api.example.com");
    assert_eq!(claims["aud"], "palisade");
    assert_eq!(claims["sub"], account_id.as_str());
    assert!(claims["sid"].as_str().unwrap().starts_with("ses_"));
    let now = app.clock.now().unix_timestamp();
    assert_eq!(claims["iat"].as_i64(), Some(now));
    assert_eq!(claims["nbf"].as_i64(), Some(now));
    assert_eq!(claims["exp"].as_i64(), Some(now + 900));
    assert!(claims["jti"].as_str().is_some_and(|j| !j.is_empty()));
    app.cleanup().await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    on_both_backends(auth_options, |app| async move {
        signup(&app, "ada@example.com").await;
        let wrong = login_response(&app, "ada@example.com", "not-the-password-1").await;
        let unknown = login_response(&app, "nobody@example.com", PASSWORD).await;
        assert_eq!(wrong.status(), 401);
        assert_eq!(unknown.status(), 401);
        let mut wrong = problem(wrong).await;
        let mut unknown = problem(unknown).await;
        wrong.as_object_mut().unwrap().remove("request_id");
        unknown.as_object_mut().unwrap().remove("request_id");
        assert_eq!(wrong, unknown);
        assert_eq!(wrong["code"], "invalid_credentials");
        app
    })
    .await;
}

#[tokio::test]
async fn an_unknown_email_costs_one_password_verification_like_a_known_one() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    let pool = app.state.platform().auth.passwords();
    let before = pool.verifications();
    login_response(&app, "nobody@example.com", PASSWORD).await;
    assert_eq!(
        pool.verifications(),
        before + 1,
        "the unknown account was verified against the dummy hash"
    );
    login_response(&app, "not an email", PASSWORD).await;
    assert_eq!(
        pool.verifications(),
        before + 2,
        "a malformed address takes the same path"
    );
    login_response(&app, "ada@example.com", "not-the-password-1").await;
    assert_eq!(pool.verifications(), before + 3);
    app.cleanup().await;
}

#[tokio::test]
async fn a_hash_with_outdated_cost_is_upgraded_on_login() {
    on_both_backends(auth_options, |app| async move {
        let id = signup(&app, "ada@example.com").await["id"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let weaker = PasswordHasher::new(Argon2Cost {
            memory_kib: 512,
            iterations: 1,
            parallelism: 1,
        })
        .unwrap();
        let old = weaker
            .hash(
                &SecretString::from(PASSWORD.to_owned()),
                &palisade_core::OsSecureRng,
            )
            .unwrap();
        app.store
            .set_password_hash(
                id,
                &old,
                app.clock.now(),
                &crate::helpers::test_event(palisade_core::audit::PLATFORM_LOG),
            )
            .await
            .unwrap();
        login(&app, "ada@example.com").await;
        let stored = app
            .store
            .user_by_id(id)
            .await
            .unwrap()
            .unwrap()
            .password_hash;
        assert!(
            stored.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"),
            "{stored}"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn an_imported_bcrypt_hash_verifies_and_is_upgraded_to_argon2id() {
    on_both_backends(auth_options, |app| async move {
        let id = signup(&app, "ada@example.com").await["id"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let imported = bcrypt::hash(PASSWORD, 4).unwrap();
        assert!(imported.starts_with("$2b$"));
        app.store
            .set_password_hash(
                id,
                &imported,
                app.clock.now(),
                &crate::helpers::test_event(palisade_core::audit::PLATFORM_LOG),
            )
            .await
            .unwrap();
        assert_eq!(
            login_response(&app, "ada@example.com", "not-the-password-1")
                .await
                .status(),
            401
        );
        login(&app, "ada@example.com").await;
        let stored = app
            .store
            .user_by_id(id)
            .await
            .unwrap()
            .unwrap()
            .password_hash;
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        login(&app, "ada@example.com").await;
        app
    })
    .await;
}

#[tokio::test]
async fn a_login_flood_gets_503_while_other_routes_keep_answering() {
    let heavy = AppOptions::default().set(
        "auth",
        figment::value::Dict::from_iter([
            ("argon2_memory_kib".to_owned(), 65_536.into()),
            ("argon2_iterations".to_owned(), 6.into()),
            ("hash_concurrency".to_owned(), 1.into()),
            ("hash_queue".to_owned(), 1.into()),
        ]),
    );
    let app = spawn_app_with(heavy).await.unwrap();
    let flood: Vec<_> = (0..8)
        .map(|_| {
            let client = app.client.clone();
            let url = app.at("/v1/auth/login");
            tokio::spawn(async move {
                client
                    .post(url)
                    .json(&serde_json::json!({"email": "x@example.com", "password": PASSWORD}))
                    .send()
                    .await
                    .unwrap()
            })
        })
        .collect();
    // While the hashing slots are taken, liveness still answers.
    assert_eq!(app.get("/healthz").await.status(), 200);
    let mut busy = 0;
    for request in flood {
        let response = request.await.unwrap();
        if response.status() == 503 {
            assert_eq!(response.headers()["retry-after"], "1");
            assert_eq!(problem(response).await["code"], "auth_busy");
            busy += 1;
        } else {
            assert_eq!(response.status(), 401);
        }
    }
    assert!(busy >= 1, "no login was turned away");
    assert!(busy <= 6, "two logins fit in one slot and one queue place");
    app.cleanup().await;
}

#[tokio::test]
async fn passwords_and_tokens_never_reach_the_log() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let tokens = account(&app, "ada@example.com").await;
    get_with(&app, "/v1/me", &tokens.access).await;
    let logged = logs();
    assert!(!logged.contains(PASSWORD));
    assert!(!logged.contains(&tokens.refresh));
    assert!(!logged.contains(&tokens.access));
    app.cleanup().await;
}

#[tokio::test]
async fn an_account_registered_under_the_first_address_rules_can_still_sign_in() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let hash = PasswordHasher::new(Argon2Cost {
        memory_kib: 512,
        iterations: 1,
        parallelism: 1,
    })
    .unwrap()
    .hash(
        &SecretString::from(PASSWORD.to_owned()),
        &palisade_core::OsSecureRng,
    )
    .unwrap();
    // Stored as the first releases did: these rules no longer let such an address sign up.
    let legacy = "ad\u{e9}.lovelace@example.com";
    app.store
        .create_user(
            &palisade_store::UserRecord {
                id: palisade_core::UserId::generate(
                    app.clock.as_ref(),
                    &palisade_core::OsSecureRng,
                ),
                email: legacy.to_owned(),
                name: None,
                password_hash: hash,
                created_at: app.clock.now(),
                updated_at: app.clock.now(),
            },
            &crate::helpers::test_event(palisade_core::audit::PLATFORM_LOG),
        )
        .await
        .unwrap();
    assert_eq!(login_response(&app, legacy, PASSWORD).await.status(), 200);
    app.cleanup().await;
}
