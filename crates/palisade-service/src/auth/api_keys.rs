//! Authenticating workspace API keys on the hot path: an HMAC and a map lookup. A verified
//! key's authorization is cached for one second, so a revocation made on another node is
//! honoured within a second, and one made on this node at once (the entry is dropped).

use palisade_crypto::api_key::KeyHasher;
use palisade_store::KeyAuthorization;
use std::collections::HashMap;
use std::sync::RwLock;
use time::{Duration, OffsetDateTime};

pub(super) const FRESH_FOR: Duration = Duration::seconds(1);
pub(super) const TOUCH_EVERY: Duration = Duration::minutes(1);

#[derive(Debug, Clone)]
pub(super) struct Cached {
    pub authorization: KeyAuthorization,
    pub fetched_at: OffsetDateTime,
    pub touched_at: Option<OffsetDateTime>,
}

#[derive(Debug)]
pub struct ApiKeys {
    pub(crate) hasher: KeyHasher,
    cache: RwLock<HashMap<String, Cached>>,
}

impl ApiKeys {
    pub(crate) fn new(hasher: KeyHasher) -> Self {
        Self {
            hasher,
            cache: RwLock::new(HashMap::new()),
        }
    }

    pub fn forget(&self, key_ids: &[String]) {
        let mut cache = self.cache.write().unwrap_or_else(|e| e.into_inner());
        for id in key_ids {
            cache.remove(id);
        }
    }

    /// Drops every cached key, after changes (like a role change) that bound what keys may do.
    pub fn forget_all(&self) {
        self.cache
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    pub(super) fn cached(&self, id: &str, now: OffsetDateTime) -> Option<Cached> {
        let cache = self.cache.read().unwrap_or_else(|e| e.into_inner());
        cache
            .get(id)
            .filter(|c| now - c.fetched_at < FRESH_FOR)
            .cloned()
    }

    /// When this node last recorded the key's use, if it has.
    pub(super) fn touched_at(&self, id: &str) -> Option<OffsetDateTime> {
        let cache = self.cache.read().unwrap_or_else(|e| e.into_inner());
        cache.get(id).and_then(|c| c.touched_at)
    }

    pub(super) fn remember(&self, id: String, entry: Cached) {
        self.cache
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, entry);
    }
}
