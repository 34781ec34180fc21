//! JWT signing keys: seeds stored sealed under the platform's data key (bound to their `kid`),
//! loaded at start.
//! The newest unretired key signs; retired keys stay published and accepted until the last
//! token they signed has expired. An unknown `kid` triggers a (throttled) reload, so a key
//! rotated by another node is picked up without a restart.

use super::platform;
use super::verified_tokens::{VerifiedToken, VerifiedTokens};
use crate::audit::{system_entry, Actor, Resource};
use crate::vault::{Sealer, Vault, VaultError};
use palisade_core::{Clock, SecureRng, SigningKeyId};
use palisade_crypto::jwt::{
    token_digest, AccessClaims, JwtError, PublicJwk, SigningKey, Verifier, LEEWAY_SECS,
};
use palisade_crypto::{MasterKey, SealingKey};
use palisade_store::{SigningKeyRecord, Store, StoreError};
use secrecy::{ExposeSecret, SecretBox};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use time::{Duration, OffsetDateTime};

const SEALING_PURPOSE: &str = "jwt-signing-keys";
const RELOAD_AT_MOST_EVERY: Duration = Duration::seconds(10);

#[derive(Debug, thiserror::Error)]
pub enum KeyRingError {
    #[error("signing keys: {0}")]
    Store(#[from] StoreError),
    #[error("signing key {0} cannot be unsealed: is this the master key it was created with?")]
    Unseal(String),
    #[error("signing key {0} is malformed")]
    Malformed(String),
    #[error("cannot create a signing key: {0}")]
    Create(#[from] JwtError),
    #[error("signing keys: {0}")]
    Vault(#[from] VaultError),
}

#[derive(Debug)]
struct Loaded {
    current: Arc<SigningKey>,
    verifier: Verifier,
    jwks: Vec<PublicJwk>,
    /// Tokens these keys verified; replaced with the keys, never outliving them.
    verified: Arc<VerifiedTokens>,
}

#[derive(Debug)]
pub struct KeyRing {
    store: Arc<dyn Store>,
    sealer: Sealer,
    issuer: String,
    token_ttl: Duration,
    loaded: RwLock<Loaded>,
    last_reload: Mutex<OffsetDateTime>,
    signature_checks: AtomicU64,
}

/// How seeds were bound before the vault (they still open, and are rewritten at start).
fn legacy_context(kid: &str) -> Vec<u8> {
    format!("signing-key:{kid}").into_bytes()
}

/// The sealer of signing-key seeds (`root` opens those sealed before the vault).
pub async fn sealer(vault: &Vault, root: &MasterKey) -> Result<Sealer, VaultError> {
    vault
        .platform_sealer(
            "signing_keys",
            "sealed_seed",
            SealingKey::derive(root, SEALING_PURPOSE),
        )
        .await
}

/// Creates a new signing key and retires the others (`palisade keys rotate-signing`).
pub async fn rotate(
    store: &dyn Store,
    sealer: &Sealer,
    clock: &dyn Clock,
    rng: &dyn SecureRng,
) -> Result<String, KeyRingError> {
    let kid = SigningKeyId::generate(clock, rng).to_string();
    let key = SigningKey::generate(kid.clone(), rng)?;
    let event = system_entry(
        platform(
            Actor::System,
            "signing_key.rotated",
            Resource::new("signing_key", &kid),
        ),
        clock,
        rng,
    );
    store
        .insert_signing_key(
            &SigningKeyRecord {
                kid: kid.clone(),
                public_key: key.public_key().to_vec(),
                sealed_seed: sealer.seal(&kid, key.seed(), rng),
                created_at: clock.now(),
                retired_at: None,
            },
            &event,
        )
        .await?;
    store.retire_signing_keys_except(&kid, clock.now()).await?;
    Ok(kid)
}

/// Rewrites seeds sealed before the vault under the platform's data key, so a later master
/// key rotation (which only re-wraps data keys) covers them too.
async fn reseal_legacy(
    store: &dyn Store,
    sealer: &Sealer,
    rng: &dyn SecureRng,
) -> Result<(), KeyRingError> {
    for record in store.signing_keys().await? {
        if !Sealer::is_legacy(&record.sealed_seed) {
            continue;
        }
        let seed = sealer
            .open(
                &record.kid,
                &legacy_context(&record.kid),
                &record.sealed_seed,
            )
            .map_err(|_| KeyRingError::Unseal(record.kid.clone()))?;
        let resealed = sealer.seal(&record.kid, seed.expose_secret(), rng);
        store
            .reseal_signing_key(&record.kid, &record.sealed_seed, &resealed)
            .await?;
    }
    Ok(())
}

impl KeyRing {
    /// Loads the keys, creating the first one on a fresh database.
    pub async fn load(
        store: Arc<dyn Store>,
        sealer: Sealer,
        clock: &dyn Clock,
        rng: &dyn SecureRng,
        issuer: String,
        token_ttl: Duration,
    ) -> Result<Self, KeyRingError> {
        if !store
            .signing_keys()
            .await?
            .iter()
            .any(|k| k.retired_at.is_none())
        {
            rotate(store.as_ref(), &sealer, clock, rng).await?;
        }
        reseal_legacy(store.as_ref(), &sealer, rng).await?;
        let loaded = Self::read(store.as_ref(), &sealer, &issuer, token_ttl, clock.now()).await?;
        Ok(Self {
            store,
            sealer,
            issuer,
            token_ttl,
            loaded: RwLock::new(loaded),
            last_reload: Mutex::new(clock.now()),
            signature_checks: AtomicU64::new(0),
        })
    }

    async fn read(
        store: &dyn Store,
        sealer: &Sealer,
        issuer: &str,
        token_ttl: Duration,
        now: OffsetDateTime,
    ) -> Result<Loaded, KeyRingError> {
        let records = store.signing_keys().await?;
        let published_until = |record: &SigningKeyRecord| {
            record
                .retired_at
                .map(|at| at + token_ttl + Duration::seconds(LEEWAY_SECS))
        };
        let live: Vec<&SigningKeyRecord> = records
            .iter()
            .filter(|r| published_until(r).is_none_or(|until| until > now))
            .collect();
        let newest = live
            .iter()
            .rev()
            .find(|r| r.retired_at.is_none())
            .ok_or_else(|| KeyRingError::Malformed("no active signing key".into()))?;
        let seed = sealer
            .open(
                &newest.kid,
                &legacy_context(&newest.kid),
                &newest.sealed_seed,
            )
            .map_err(|_| KeyRingError::Unseal(newest.kid.clone()))?;
        let seed: [u8; 32] = seed
            .expose_secret()
            .as_slice()
            .try_into()
            .map_err(|_| KeyRingError::Malformed(newest.kid.clone()))?;
        let current = Arc::new(SigningKey::from_seed(
            newest.kid.clone(),
            SecretBox::new(Box::new(seed)),
        )?);
        let mut public = Vec::new();
        for record in &live {
            let key: [u8; 32] = record
                .public_key
                .as_slice()
                .try_into()
                .map_err(|_| KeyRingError::Malformed(record.kid.clone()))?;
            public.push((record.kid.clone(), key));
        }
        let jwks = public
            .iter()
            .map(|(kid, key)| PublicJwk::ed25519(kid, key))
            .collect();
        Ok(Loaded {
            current,
            verifier: Verifier::new(issuer.to_owned(), &public),
            jwks,
            verified: Arc::new(VerifiedTokens::new()),
        })
    }

    fn loaded(&self) -> std::sync::RwLockReadGuard<'_, Loaded> {
        self.loaded.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    pub fn sign(&self, claims: &AccessClaims) -> Result<String, JwtError> {
        let current = Arc::clone(&self.loaded().current);
        current.sign(claims)
    }

    pub fn jwks(&self) -> Vec<PublicJwk> {
        self.loaded().jwks.clone()
    }

    /// Verifies a token (a `kid` this node has not seen yet prompts one reload from the
    /// store). A token verified before by the current keys is answered from memory, its
    /// times checked again.
    pub async fn verify(
        &self,
        token: &str,
        now: OffsetDateTime,
    ) -> Result<VerifiedToken, JwtError> {
        let digest = token_digest(token);
        if let Some(known) = self.loaded().verified.get(&digest, now) {
            return known;
        }
        let (first, cache) = self.verify_signature(token, now);
        let (claims, cache) = match first {
            Err(JwtError::UnknownKey) if self.claim_reload(now) => {
                if let Err(err) = self.reload(now).await {
                    tracing::warn!(error = %err, "reloading signing keys failed");
                }
                self.verify_signature(token, now)
            }
            other => (other, cache),
        };
        let verified = VerifiedToken::from_claims(&claims?)?;
        // Into the cache of the keys that verified it: if they were replaced meanwhile, the
        // entry goes with them.
        cache.put(digest, verified);
        Ok(verified)
    }

    /// Checks the signature with the keys loaded now; with the cache that belongs to them.
    fn verify_signature(
        &self,
        token: &str,
        now: OffsetDateTime,
    ) -> (Result<AccessClaims, JwtError>, Arc<VerifiedTokens>) {
        self.signature_checks.fetch_add(1, Ordering::Relaxed);
        let loaded = self.loaded();
        (
            loaded.verifier.verify(token, now),
            Arc::clone(&loaded.verified),
        )
    }

    /// How many tokens this node has verified by signature (not answered from memory).
    pub fn signature_checks(&self) -> u64 {
        self.signature_checks.load(Ordering::Relaxed)
    }

    fn claim_reload(&self, now: OffsetDateTime) -> bool {
        let mut last = self.last_reload.lock().unwrap_or_else(|e| e.into_inner());
        if now - *last < RELOAD_AT_MOST_EVERY {
            return false;
        }
        *last = now;
        true
    }

    /// Re-reads the keys (after a rotation, or to drop keys whose tokens have all expired).
    pub async fn reload(&self, now: OffsetDateTime) -> Result<(), KeyRingError> {
        let fresh = Self::read(
            self.store.as_ref(),
            &self.sealer,
            &self.issuer,
            self.token_ttl,
            now,
        )
        .await?;
        *self.loaded.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(())
    }
}
