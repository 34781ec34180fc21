//! A deployment from before the vault: what it sealed under keys derived for each purpose
//! still opens, and signing-key seeds are rewritten under the platform's data key at start.

use crate::accounts::{account, auth_options};
use palisade_core::Clock;
use palisade_crypto::SealingKey;
use palisade_service::auth::keys::{self, KeyRing};
use palisade_service::vault::Sealer;
use secrecy::ExposeSecret;
use std::sync::Arc;

#[tokio::test]
async fn a_seed_sealed_before_the_vault_is_resealed_at_start_and_its_tokens_still_verify() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    let ada = account(&app, "ada@example.com").await;
    let sealer = keys::sealer(&app.state.platform().vault, &app.root)
        .await
        .unwrap();
    let record = app.store.signing_keys().await.unwrap().remove(0);
    let legacy_context = format!("signing-key:{}", record.kid).into_bytes();
    let seed = sealer
        .open(&record.kid, &legacy_context, &record.sealed_seed)
        .unwrap();
    // As the release before the vault sealed it.
    let legacy = SealingKey::derive(&app.root, "jwt-signing-keys").seal(
        seed.expose_secret(),
        &legacy_context,
        &palisade_core::OsSecureRng,
    );
    assert!(Sealer::is_legacy(&legacy));
    assert!(app
        .store
        .reseal_signing_key(&record.kid, &record.sealed_seed, &legacy)
        .await
        .unwrap());
    let restarted = KeyRing::load(
        Arc::clone(&app.store),
        sealer,
        app.clock.as_ref(),
        &palisade_core::OsSecureRng,
        app.state
            .config()
            .public_url
            .as_str()
            .trim_end_matches('/')
            .to_owned(),
        time::Duration::minutes(15),
    )
    .await
    .unwrap();
    let stored = app.store.signing_keys().await.unwrap().remove(0);
    assert!(!Sealer::is_legacy(&stored.sealed_seed));
    assert_ne!(stored.sealed_seed, legacy);
    assert!(restarted.verify(&ada.access, app.clock.now()).await.is_ok());
    app.cleanup().await;
}
