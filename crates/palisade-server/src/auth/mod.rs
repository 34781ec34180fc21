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
    ) -> Result<Self, KeyRingError> {
        let passwords = PasswordPool::new(
            config.argon2,
            config.hash_concurrency,
            config.hash_queue,
            Arc::clone(&rng),
        )
        .map_err(|err| KeyRingError::Malformed(err.to_string()))?;
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
                    .map_err(|e| KeyRingError::Malformed(e.to_string()))?,
            ),
            successor_sealer: SealingKey::derive(master, "refresh-successors"),
        })
    }
}
