//! What this node knows about members' scopes, so a signed-in user's request needs no
//! database round trip to learn their role in a workspace. An entry is used while access is
//! unchanged ([`Mark`]): a removal, a role change or a suspension made through this node is
//! honoured on the very next request, one made elsewhere within a second. Only memberships
//! are remembered: "not a member" is always asked again, so joining takes effect at once.

use super::generation::Mark;
use lru::LruCache;
use palisade_core::UserId;
use palisade_store::WorkspaceScope;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Memberships remembered at once; beyond this the least recently used is read again.
pub(super) const CAPACITY: usize = 20_000;

#[derive(Debug, Clone)]
struct Entry {
    scope: WorkspaceScope,
    mark: Mark,
}

#[derive(Debug)]
pub(super) struct MembershipCache {
    entries: Mutex<LruCache<(UserId, String), Entry>>,
    loads: AtomicU64,
}

impl MembershipCache {
    pub(super) fn new() -> Self {
        Self::with_capacity(CAPACITY)
    }

    pub(super) fn with_capacity(capacity: usize) -> Self {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        Self {
            entries: Mutex::new(LruCache::new(capacity)),
            loads: AtomicU64::new(0),
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, LruCache<(UserId, String), Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `user`'s scope in `slug` if it was loaded under `mark`.
    pub(super) fn get(&self, user: UserId, slug: &str, mark: Mark) -> Option<WorkspaceScope> {
        let key = (user, slug.to_owned());
        let mut entries = self.entries();
        match entries.get(&key) {
            Some(entry) if entry.mark == mark => Some(entry.scope.clone()),
            Some(_) => {
                entries.pop(&key);
                None
            }
            None => None,
        }
    }

    /// Remembers a scope read from the store under `mark` (taken before the store was read).
    pub(super) fn put(&self, scope: &WorkspaceScope, mark: Mark) {
        self.loads.fetch_add(1, Ordering::Relaxed);
        let entry = Entry {
            scope: scope.clone(),
            mark,
        };
        self.entries()
            .put((scope.actor(), scope.slug().to_owned()), entry);
    }

    /// How many memberships have been loaded from the store.
    pub(super) fn loads(&self) -> u64 {
        self.loads.load(Ordering::Relaxed)
    }
}
