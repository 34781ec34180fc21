//! What this node knows about sessions, so checking an access token needs no database round
//! trip on every request: a session is reloaded at most once a second, so a revocation made
//! on another node is honoured within a second, and one made on this node at once.

use super::revocations::{Broadcast, Notice};
use lru::LruCache;
use palisade_core::{SessionId, UserId};
use palisade_store::SessionRecord;
use std::num::NonZeroUsize;
use std::sync::Mutex;
use time::{Duration, OffsetDateTime};

/// How long a loaded session is trusted before the store is asked again.
const FRESH_FOR: Duration = Duration::seconds(1);
/// How stale a session's stored last use may get while its access tokens are in use.
pub(super) const TOUCH_EVERY: Duration = Duration::minutes(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CachedSession {
    pub user: UserId,
    pub revoked: bool,
    pub absolute_expires_at: OffsetDateTime,
    loaded_at: OffsetDateTime,
}

impl CachedSession {
    pub fn loaded(record: &SessionRecord, now: OffsetDateTime) -> Self {
        Self {
            user: record.user_id,
            revoked: record.revoked_at.is_some(),
            absolute_expires_at: record.absolute_expires_at,
            loaded_at: now,
        }
    }
}

/// Sessions remembered at once; beyond this the least recently used is forgotten (and read
/// again from the store if it comes back), so many distinct tokens cannot grow memory.
pub(super) const CAPACITY: usize = 100_000;

#[derive(Debug)]
pub struct SessionCache {
    entries: Mutex<LruCache<SessionId, CachedSession>>,
    broadcast: Broadcast,
}

impl SessionCache {
    pub(super) fn new(broadcast: Broadcast) -> Self {
        Self::with_capacity(CAPACITY, broadcast)
    }

    pub(super) fn with_capacity(capacity: usize, broadcast: Broadcast) -> Self {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        Self {
            entries: Mutex::new(LruCache::new(capacity)),
            broadcast,
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, LruCache<SessionId, CachedSession>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sessions held now.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries().len()
    }

    /// The session as last loaded, unless that was a second or more ago. A revocation is
    /// final, so a revoked entry never needs reloading.
    pub fn get(&self, id: SessionId, now: OffsetDateTime) -> Option<CachedSession> {
        self.entries()
            .get(&id)
            .filter(|s| {
                let age = now - s.loaded_at;
                // A negative age (the clock stepped back) is not fresh.
                s.revoked || (age >= Duration::ZERO && age < FRESH_FOR)
            })
            .copied()
    }

    pub fn put(&self, id: SessionId, session: CachedSession) {
        self.entries().put(id, session);
    }

    /// Marks sessions revoked, here and (through the broadcast) on every other node; the next
    /// request bearing their tokens is refused.
    pub fn revoke(&self, ids: &[SessionId]) {
        self.revoke_here(ids);
        if !ids.is_empty() {
            self.broadcast.send(&Notice::Sessions(ids.to_vec()));
        }
    }

    pub(super) fn revoke_here(&self, ids: &[SessionId]) {
        let mut entries = self.entries();
        for id in ids {
            if let Some(entry) = entries.peek_mut(id) {
                entry.revoked = true;
            }
        }
    }

    /// Drops entries past their absolute expiry; they can never become valid again.
    pub fn evict_expired(&self, now: OffsetDateTime) {
        let mut entries = self.entries();
        let expired: Vec<SessionId> = entries
            .iter()
            .filter(|(_, s)| s.absolute_expires_at <= now)
            .map(|(id, _)| *id)
            .collect();
        for id in expired {
            entries.pop(&id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::{OsSecureRng, SystemClock};
    use time::macros::datetime;

    const T: OffsetDateTime = datetime!(2026-12-07 12:00 UTC);

    fn session() -> (SessionId, CachedSession) {
        let id = SessionId::generate(&SystemClock, &OsSecureRng);
        let cached = CachedSession {
            user: UserId::generate(&SystemClock, &OsSecureRng),
            revoked: false,
            absolute_expires_at: T + Duration::days(1),
            loaded_at: T,
        };
        (id, cached)
    }

    #[test]
    fn the_cache_is_bounded_and_forgets_the_least_recently_used() {
        let cache = SessionCache::with_capacity(2, Broadcast::new(None, Default::default()));
        let (a, b, c) = (session(), session(), session());
        cache.put(a.0, a.1);
        cache.put(b.0, b.1);
        assert!(
            cache.get(a.0, T).is_some(),
            "a is now the most recently used"
        );
        cache.put(c.0, c.1);
        assert_eq!(cache.len(), 2);
        assert!(cache.get(b.0, T).is_none(), "b went first");
        assert!(cache.get(a.0, T).is_some() && cache.get(c.0, T).is_some());
    }
}
