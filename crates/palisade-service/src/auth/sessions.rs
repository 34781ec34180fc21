//! What this node knows about sessions, so checking an access token needs no database round
//! trip on every request: a session is reloaded at most once a second, so a revocation made
//! on another node is honoured within a second, and one made on this node at once.

use palisade_core::{SessionId, UserId};
use palisade_store::SessionRecord;
use std::collections::HashMap;
use std::sync::RwLock;
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

#[derive(Debug, Default)]
pub struct SessionCache {
    entries: RwLock<HashMap<SessionId, CachedSession>>,
}

impl SessionCache {
    /// The session as last loaded, unless that was a second or more ago. A revocation is
    /// final, so a revoked entry never needs reloading.
    pub fn get(&self, id: SessionId, now: OffsetDateTime) -> Option<CachedSession> {
        self.entries
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .filter(|s| s.revoked || now - s.loaded_at < FRESH_FOR)
            .copied()
    }

    pub fn put(&self, id: SessionId, session: CachedSession) {
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, session);
    }

    /// Marks sessions revoked; the next request bearing their tokens is refused.
    pub fn revoke(&self, ids: &[SessionId]) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        for id in ids {
            if let Some(entry) = entries.get_mut(id) {
                entry.revoked = true;
            }
        }
    }

    /// Drops entries past their absolute expiry; they can never become valid again.
    pub fn evict_expired(&self, now: OffsetDateTime) {
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|_, s| s.absolute_expires_at > now);
    }
}
