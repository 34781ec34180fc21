//! Identity hot paths, each beside its baseline:
//! - login (lookup, argon2id verify, session insert, token signing) vs a bare argon2id hash
//!   with the same parameters: the difference is Palisade's own overhead;
//! - refresh-token rotation;
//! - access-token verification as every authenticated request does it (signature, claims,
//!   session revocation check from the in-memory cache): no database round trip.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_debug_implementations
)]

use criterion::{criterion_group, criterion_main, Criterion};
use figment::Figment;
use palisade_core::grant::ManageKeys;
use palisade_core::Granted;
use palisade_core::{OsSecureRng, SystemClock};
use palisade_crypto::{Argon2Cost, PasswordHasher};
use palisade_server::{serve, AppState, Config, Services};
use palisade_service::audit::Origin;
use palisade_service::auth::{IssuedTokens, LoginOutcome};
use secrecy::SecretString;
use std::sync::Arc;
use tokio::runtime::Runtime;

const EMAIL: &str = "bench@example.com";
const PASSWORD: &str = "violet-tundra-42-harbor";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn app(runtime: &Runtime, dir: &tempfile::TempDir) -> AppState {
    let figment = Figment::new()
        .merge(("bind", "127.0.0.1:0"))
        .merge(("data_dir", dir.path().join("data")));
    let config = Config::from_figment(figment).unwrap();
    let services = Services {
        clock: Arc::new(SystemClock),
        rng: Arc::new(OsSecureRng),
        ..Services::default()
    };
    runtime.block_on(async {
        let state = serve::prepare(config, services).await.unwrap();
        let auth = &state.platform().auth;
        auth.signup(
            EMAIL,
            secret(PASSWORD),
            None,
            None,
            None,
            &Origin::default(),
        )
        .await
        .unwrap();
        state
    })
}

/// A sign-in of the bench account, which has no MFA: always a session.
fn signed_in(runtime: &Runtime, auth: &palisade_service::auth::Auth) -> IssuedTokens {
    match runtime
        .block_on(auth.login(EMAIL, secret(PASSWORD), &Origin::default()))
        .unwrap()
    {
        LoginOutcome::Signed(tokens) => tokens,
        LoginOutcome::MfaRequired(_) => panic!("the bench account has no MFA"),
    }
}

fn identity(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let state = app(&runtime, &dir);
    let auth = &state.platform().auth;

    let mut group = c.benchmark_group("password");
    group.sample_size(20);
    let bare = PasswordHasher::new(Argon2Cost::default()).unwrap();
    group.bench_function("bare_argon2id_hash_owasp", |b| {
        b.iter(|| bare.hash(&secret(PASSWORD), &OsSecureRng).unwrap())
    });
    group.bench_function("login_owasp", |b| {
        b.iter(|| {
            runtime
                .block_on(auth.login(EMAIL, secret(PASSWORD), &Origin::default()))
                .unwrap()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("session");
    let mut refresh_token = signed_in(&runtime, auth).refresh_token;
    group.bench_function("refresh_rotation", |b| {
        b.iter(|| {
            let issued = runtime
                .block_on(auth.refresh(secret(refresh_token.expose()), &Origin::default()))
                .unwrap();
            refresh_token = issued.refresh_token;
        })
    });
    let tokens = signed_in(&runtime, auth);
    group.bench_function("verify_access_token_and_session", |b| {
        b.iter(|| {
            runtime
                .block_on(auth.authenticate_access(&tokens.access_token))
                .unwrap()
        })
    });
    // The same signature and claims check, from the published keys, without the session.
    let published: Vec<(String, [u8; 32])> = auth
        .jwks()
        .iter()
        .map(|jwk| {
            let x =
                base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &jwk.x)
                    .unwrap();
            (jwk.kid.clone(), x.try_into().unwrap())
        })
        .collect();
    let bare = palisade_crypto::jwt::Verifier::new(
        state
            .config()
            .public_url
            .as_str()
            .trim_end_matches('/')
            .to_owned(),
        &published,
    );
    group.bench_function("baseline_jwt_check_without_session", |b| {
        b.iter(|| {
            bare.verify(&tokens.access_token, state.clock().now())
                .unwrap()
        })
    });
    let signing = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let message = tokens.access_token.as_bytes();
    let signature = ed25519_dalek::Signer::sign(&signing, message);
    let verifying = signing.verifying_key();
    group.bench_function("baseline_bare_ed25519_verify", |b| {
        b.iter(|| verifying.verify_strict(message, &signature).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("api_key");
    let secret = runtime.block_on(async {
        let platform = state.platform();
        let caller = auth
            .authenticate_access(&tokens.access_token)
            .await
            .unwrap();
        platform
            .workspaces
            .create(&caller, "bench".into(), "Bench", &Origin::default())
            .await
            .unwrap();
        let scope = auth
            .authorize(&caller, "bench", &Origin::default())
            .await
            .unwrap()
            .unwrap();
        let grant = Granted::<ManageKeys, _>::check(scope).unwrap();
        let created = platform
            .api_keys
            .create(
                &grant,
                "bench",
                &["workspace:read".to_owned()],
                None,
                &Origin::default(),
            )
            .await
            .unwrap();
        secrecy::ExposeSecret::expose_secret(&created.secret).to_owned()
    });
    group.bench_function("authenticate_cached_key", |b| {
        b.iter(|| {
            runtime
                .block_on(auth.authenticate_key(&secret, "bench", &Origin::default()))
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, identity);
criterion_main!(benches);
