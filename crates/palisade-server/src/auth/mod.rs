//! Identity: password hashing, sessions, refresh-token rotation and access tokens.

pub mod api_keys;
mod error;
pub mod flows;
pub mod keys;
pub mod passwords;
pub mod recovery;
pub mod sessions;

pub use error::AuthError;

use crate::config::AuthConfig;
use keys::{KeyRing, KeyRingError};
use palisade_core::{Clock, SecureRng};
use palisade_crypto::{MasterKey, SealingKey};
use palisade_store::Store;
use passwords::PasswordPool;
use sessions::SessionCache;
use std::sync::Arc;

/// Why identity could not start; each part fails in its own words.
#[derive(Debug, thiserror::Error)]
pub enum AuthStartError {
    #[error("password hashing cannot start: {0}")]
    Passwords(#[from] palisade_crypto::password::PasswordError),
    #[error(transparent)]
    SigningKeys(#[from] KeyRingError),
    #[error("the API key pepper cannot be derived from the master key")]
    ApiKeyPepper,
}

/// Everything identity needs besides the store, built once at start.
#[derive(Debug)]
pub struct AuthService {
    pub passwords: PasswordPool,
    pub keys: KeyRing,
    pub sessions: SessionCache,
    pub api_keys: api_keys::ApiKeys,
    /// Seals a rotated refresh token's successor for the grace window.
    pub(crate) successor_sealer: SealingKey,
}

impl AuthService {
    pub async fn start(
        config: &AuthConfig,
        issuer: String,
        store: Arc<dyn Store>,
        master: &MasterKey,
        clock: &dyn Clock,
        rng: Arc<dyn SecureRng>,
    ) -> Result<Self, AuthStartError> {
        let passwords = PasswordPool::new(
            config.argon2,
            config.hash_concurrency,
            config.hash_queue,
            Arc::clone(&rng),
        )?;
        let keys = KeyRing::load(
            store,
            master,
            clock,
            rng.as_ref(),
            issuer,
            config.access_token_ttl,
        )
        .await?;
        Ok(Self {
            passwords,
            keys,
            sessions: SessionCache::default(),
            api_keys: api_keys::ApiKeys::new(
                palisade_crypto::api_key::KeyHasher::new(master)
                    .map_err(|_| AuthStartError::ApiKeyPepper)?,
            ),
            successor_sealer: SealingKey::derive(master, "refresh-successors"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{AuthService, AuthStartError};
    use crate::config::Config;
    use palisade_core::{OsSecureRng, SystemClock};
    use palisade_crypto::MasterKey;
    use palisade_store::testing::TestDatabase;
    use std::sync::Arc;

    #[tokio::test]
    async fn a_password_hashing_failure_at_start_is_reported_as_one() {
        let dir = tempfile::tempdir().unwrap();
        let figment = figment::Figment::new().merge(("data_dir", dir.path()));
        let mut config = Config::from_figment(figment).unwrap();
        // Below argon2's minimum (8 KiB per lane): only a hand-built config can say this.
        config.auth.argon2.memory_kib = 1;
        let db = TestDatabase::sqlite();
        let refused = AuthService::start(
            &config.auth,
            "http://127.0.0.1".into(),
            db.connect().await,
            &MasterKey::generate(&OsSecureRng),
            &SystemClock,
            Arc::new(OsSecureRng),
        )
        .await
        .unwrap_err();
        assert!(matches!(refused, AuthStartError::Passwords(_)), "{refused}");
        db.cleanup().await;
    }
}
