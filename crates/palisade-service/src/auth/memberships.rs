//! What this node knows about members' scopes, so a signed-in user's request needs no
//! database round trip to learn their role in a workspace. An entry is trusted for one
//! second (a change made on another node is honoured within a second) and only while the
//! store's access epoch is unchanged (a change made through this node's store, such as a
//! removal, a role change or a suspension, is honoured on the very next request). Only
//! memberships are remembered: "not a member" is always asked again, so joining takes
//! effect at once.

use lru::LruCache;
use palisade_core::UserId;
use palisade_store::WorkspaceScope;
use std::num::NonZeroUsize;
use std::sync::Mutex;
use time::{Duration, OffsetDateTime};

/// How long a loaded membership is trusted before the store is asked again.
const FRESH_FOR: Duration = Duration::seconds(1);

/// Memberships remembered at once; beyond this the least recently used is read again.
pub(super) const CAPACITY: usize = 20_000;

/// Loaded less than [`FRESH_FOR`] ago; a negative age (the clock stepped back) is not fresh.
fn fresh(age: Duration) -> bool {
    age >= Duration::ZERO && age < FRESH_FOR
}

#[derive(Debug, Clone)]
struct Entry {
    scope: WorkspaceScope,
    loaded_at: OffsetDateTime,
    epoch: u64,
}

#[derive(Debug)]
pub(super) struct MembershipCache {
    entries: Mutex<LruCache<(UserId, String), Entry>>,
}

impl MembershipCache {
    pub(super) fn new() -> Self {
        Self::with_capacity(CAPACITY)
    }

    pub(super) fn with_capacity(capacity: usize) -> Self {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        Self {
            entries: Mutex::new(LruCache::new(capacity)),
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, LruCache<(UserId, String), Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `user`'s scope in `slug` as loaded under `epoch` less than a second ago.
    pub(super) fn get(
        &self,
        user: UserId,
        slug: &str,
        now: OffsetDateTime,
        epoch: u64,
    ) -> Option<WorkspaceScope> {
        let key = (user, slug.to_owned());
        let mut entries = self.entries();
        let fresh = entries
            .get(&key)
            .is_some_and(|e| e.epoch == epoch && fresh(now - e.loaded_at));
        if !fresh {
            entries.pop(&key);
            return None;
        }
        entries.get(&key).map(|e| e.scope.clone())
    }

    /// Remembers a scope read from the store; `epoch` is the one read before the store was.
    pub(super) fn put(&self, scope: &WorkspaceScope, now: OffsetDateTime, epoch: u64) {
        let entry = Entry {
            scope: scope.clone(),
            loaded_at: now,
            epoch,
        };
        self.entries()
            .put((scope.actor(), scope.slug().to_owned()), entry);
    }
}
