//! Authenticating workspace API keys on the hot path: an HMAC and a map lookup. A key's
//! authorization is used while access is unchanged since it was loaded ([`Mark`]), so a
//! revocation made on another node is honoured within a second, and one made on this node at
//! once (the entry is dropped), however many keys there are.

use super::generation::Mark;
use super::revocations::{Broadcast, Notice};
use lru::LruCache;
use palisade_crypto::api_key::KeyHasher;
use palisade_store::KeyAuthorization;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use time::{Duration, OffsetDateTime};

pub(super) const TOUCH_EVERY: Duration = Duration::minutes(1);
/// Keys remembered at once; beyond this the least recently used is forgotten (and looked up
/// again if it comes back), so many distinct key ids cannot grow memory.
pub(super) const CAPACITY: usize = 100_000;

#[derive(Debug, Clone)]
pub(super) struct Cached {
    pub authorization: KeyAuthorization,
    pub mark: Mark,
    pub touched_at: Option<OffsetDateTime>,
}

#[derive(Debug)]
pub struct ApiKeys {
    pub(crate) hasher: KeyHasher,
    cache: Mutex<LruCache<String, Cached>>,
    broadcast: Broadcast,
    loads: AtomicU64,
}

impl ApiKeys {
    pub(crate) fn new(hasher: KeyHasher, broadcast: Broadcast) -> Self {
        Self {
            hasher,
            cache: Mutex::new(LruCache::new(
                NonZeroUsize::new(CAPACITY).unwrap_or(NonZeroUsize::MIN),
            )),
            broadcast,
            loads: AtomicU64::new(0),
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, LruCache<String, Cached>> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets revoked keys here and tells the other nodes to.
    pub fn forget(&self, key_ids: &[String]) {
        self.forget_here(key_ids);
        self.broadcast.send(&Notice::Keys(key_ids.to_vec()));
    }

    pub(super) fn forget_here(&self, key_ids: &[String]) {
        let mut cache = self.entries();
        for id in key_ids {
            cache.pop(id);
        }
    }

    /// Drops every cached key, after changes (like a role change) that bound what keys may do.
    pub fn forget_all(&self) {
        self.forget_all_here();
        self.broadcast.send(&Notice::AllKeys);
    }

    pub(super) fn forget_all_here(&self) {
        self.entries().clear();
    }

    /// The key's authorization if it was loaded under `mark`.
    pub(super) fn cached(&self, id: &str, mark: Mark) -> Option<Cached> {
        self.entries().get(id).filter(|c| c.mark == mark).cloned()
    }

    pub(super) fn note_load(&self) {
        self.loads.fetch_add(1, Ordering::Relaxed);
    }

    /// How many key authorizations have been loaded from the store.
    pub fn loads(&self) -> u64 {
        self.loads.load(Ordering::Relaxed)
    }

    /// When this node last recorded the key's use, if it has.
    pub(super) fn touched_at(&self, id: &str) -> Option<OffsetDateTime> {
        self.entries().peek(id).and_then(|c| c.touched_at)
    }

    pub(super) fn remember(&self, id: String, entry: Cached) {
        self.entries().put(id, entry);
    }
}
