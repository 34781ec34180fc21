//! What this node knows about sessions, so checking an access token needs no database round
//! trip: a session is loaded once, then revocations made here update the cache at once.

use palisade_core::{SessionId, UserId};
use palisade_store::SessionRecord;
use std::collections::HashMap;
use std::sync::RwLock;
use time::OffsetDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CachedSession {
    pub user: UserId,
    pub revoked: bool,
    pub absolute_expires_at: OffsetDateTime,
}

impl From<&SessionRecord> for CachedSession {
    fn from(record: &SessionRecord) -> Self {
        Self {
            user: record.user_id,
            revoked: record.revoked_at.is_some(),
            absolute_expires_at: record.absolute_expires_at,
        }
    }
}

#[derive(Debug, Default)]
pub struct SessionCache {
    entries: RwLock<HashMap<SessionId, CachedSession>>,
}

impl SessionCache {
    pub fn get(&self, id: SessionId) -> Option<CachedSession> {
        self.entries
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
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
