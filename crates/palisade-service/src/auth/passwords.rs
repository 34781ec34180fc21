//! Password hashing off the async runtime. A bounded number of hashes run at once on the
//! blocking pool; a bounded number wait; beyond that callers are told to come back later, so
//! a login flood cannot starve the rest of the API or exhaust memory.

use palisade_core::SecureRng;
use palisade_crypto::password::PasswordError;
use palisade_crypto::{Argon2Cost, PasswordHasher, Verification};
use secrecy::SecretString;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Every hashing slot and queue place is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("password hashing is saturated")]
pub struct Saturated;

pub struct PasswordPool {
    hasher: PasswordHasher,
    /// Verified against when the account does not exist, so both paths cost the same.
    dummy_hash: String,
    admission: Arc<Semaphore>,
    workers: Arc<Semaphore>,
    rng: Arc<dyn SecureRng>,
    verifications: AtomicU64,
}

impl fmt::Debug for PasswordPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordPool")
            .field("hasher", &self.hasher)
            .field("available", &self.admission.available_permits())
            .finish()
    }
}

impl PasswordPool {
    pub fn new(
        cost: Argon2Cost,
        concurrency: usize,
        queue: usize,
        rng: Arc<dyn SecureRng>,
    ) -> Result<Self, PasswordError> {
        let hasher = PasswordHasher::new(cost)?;
        let mut random = [0u8; 24];
        rng.fill(&mut random);
        let filler: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let dummy_hash = hasher.hash(&SecretString::from(filler), rng.as_ref())?;
        Ok(Self {
            hasher,
            dummy_hash,
            admission: Arc::new(Semaphore::new(concurrency + queue)),
            workers: Arc::new(Semaphore::new(concurrency)),
            rng,
            verifications: AtomicU64::new(0),
        })
    }

    pub fn hasher(&self) -> &PasswordHasher {
        &self.hasher
    }

    async fn run<T, F>(&self, job: F) -> Result<T, Saturated>
    where
        F: FnOnce(&PasswordHasher, &dyn SecureRng) -> T + Send + 'static,
        T: Send + 'static,
    {
        let _admitted = Arc::clone(&self.admission)
            .try_acquire_owned()
            .map_err(|_| Saturated)?;
        let _working = Arc::clone(&self.workers)
            .acquire_owned()
            .await
            .map_err(|_| Saturated)?;
        let hasher = self.hasher.clone();
        let rng = Arc::clone(&self.rng);
        tokio::task::spawn_blocking(move || job(&hasher, rng.as_ref()))
            .await
            .map_err(|_| Saturated)
    }

    /// A new verifier for `password`.
    pub async fn hash(
        &self,
        password: SecretString,
    ) -> Result<Result<String, PasswordError>, Saturated> {
        self.run(move |hasher, rng| hasher.hash(&password, rng))
            .await
    }

    /// Checks `password` against `stored`; with no stored verifier (unknown account) it does
    /// the same work against a dummy and answers `Invalid`.
    pub async fn verify(
        &self,
        password: SecretString,
        stored: Option<String>,
    ) -> Result<Verification, Saturated> {
        let known = stored.is_some();
        let verifier = stored.unwrap_or_else(|| self.dummy_hash.clone());
        let outcome = self
            .run(move |hasher, _| hasher.verify(&password, &verifier))
            .await?;
        self.verifications.fetch_add(1, Ordering::Relaxed);
        Ok(if known {
            outcome
        } else {
            Verification::Invalid
        })
    }

    /// How many password verifications (real or dummy) have completed.
    pub fn verifications(&self) -> u64 {
        self.verifications.load(Ordering::Relaxed)
    }
}
