//! Password hashing off the async runtime, on a fixed set of hashing threads. Each thread
//! keeps its argon2 working memory and reuses it while hashes are waiting, so resident
//! memory is bounded by `concurrency × memory cost` whatever the load (memory freed after
//! each hash would stay in the allocator's per-thread arenas), and gives it back when none
//! is, so an idle server holds none. A bounded number of hashes wait; beyond that callers
//! are told to come back later, so a login flood cannot starve the rest of the API.

use palisade_core::SecureRng;
use palisade_crypto::password::{HashMemory, PasswordError};
use palisade_crypto::{Argon2Cost, PasswordHasher, Verification};
use secrecy::SecretString;
use std::fmt;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use tokio::sync::{oneshot, Semaphore};

/// Every hashing slot and queue place is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("password hashing is saturated")]
pub struct Saturated;

type Job = Box<dyn FnOnce(&PasswordHasher, &dyn SecureRng, &mut HashMemory) + Send>;

pub struct PasswordPool {
    hasher: PasswordHasher,
    /// Verified against when the account does not exist, so both paths cost the same.
    dummy_hash: String,
    admission: Arc<Semaphore>,
    /// Jobs for the hashing threads; they stop when the pool (and so this sender) is dropped.
    jobs: mpsc::Sender<Job>,
    /// Jobs sent and not yet started.
    waiting: Arc<AtomicUsize>,
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

/// One hashing thread: takes the next job, runs it in this thread's memory.
fn hashing_thread(
    jobs: Arc<Mutex<mpsc::Receiver<Job>>>,
    hasher: PasswordHasher,
    rng: Arc<dyn SecureRng>,
) {
    let mut memory = HashMemory::default();
    loop {
        let next = jobs.lock().unwrap_or_else(|e| e.into_inner()).recv();
        match next {
            Ok(job) => {
                // A panicking job must not take the thread with it: its caller sees its reply
                // dropped (saturated) and the next job runs.
                let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    job(&hasher, rng.as_ref(), &mut memory)
                }));
                if ran.is_err() {
                    tracing::error!("a password hashing job panicked");
                }
            }
            Err(mpsc::RecvError) => return,
        }
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
        let dummy_hash = hasher.unmatchable(rng.as_ref())?;
        let (jobs, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let threads = concurrency.max(1);
        for n in 0..threads {
            let (receiver, hasher, rng) = (Arc::clone(&receiver), hasher.clone(), Arc::clone(&rng));
            std::thread::Builder::new()
                .name(format!("palisade-hash-{n}"))
                .spawn(move || hashing_thread(receiver, hasher, rng))
                .map_err(|err| PasswordError::Hashing(err.to_string()))?;
        }
        Ok(Self {
            hasher,
            dummy_hash,
            admission: Arc::new(Semaphore::new(threads + queue)),
            jobs,
            waiting: Arc::new(AtomicUsize::new(0)),
            verifications: AtomicU64::new(0),
        })
    }

    pub fn hasher(&self) -> &PasswordHasher {
        &self.hasher
    }

    async fn run<T, F>(&self, job: F) -> Result<T, Saturated>
    where
        F: FnOnce(&PasswordHasher, &dyn SecureRng, &mut HashMemory) -> T + Send + 'static,
        T: Send + 'static,
    {
        let admitted = Arc::clone(&self.admission)
            .try_acquire_owned()
            .map_err(|_| Saturated)?;
        let (reply, answer) = oneshot::channel();
        let waiting = Arc::clone(&self.waiting);
        let job: Job = Box::new(move |hasher, rng, memory| {
            waiting.fetch_sub(1, Ordering::AcqRel);
            let outcome = job(hasher, rng, memory);
            // Nothing waiting for this thread: its memory goes back rather than idling. (The
            // reply comes after, so whoever awaited it sees the memory returned.)
            if waiting.load(Ordering::Acquire) == 0 {
                memory.release();
            }
            // The caller may have gone (a dropped request); the work is done either way, and
            // its place is held until then, so abandoned jobs cannot pile up.
            let _ = reply.send(outcome);
            drop(admitted);
        });
        self.waiting.fetch_add(1, Ordering::AcqRel);
        if self.jobs.send(job).is_err() {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(Saturated);
        }
        answer.await.map_err(|_| Saturated)
    }

    /// A new verifier for `password`.
    pub async fn hash(
        &self,
        password: SecretString,
    ) -> Result<Result<String, PasswordError>, Saturated> {
        self.run(move |hasher, rng, memory| hasher.hash_in(&password, rng, memory))
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
            .run(move |hasher, _, memory| hasher.verify_in(&password, &verifier, memory))
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
