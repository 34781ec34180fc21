//! Authenticating workspace API keys on the hot path: an HMAC and a map lookup. A verified
//! key's authorization is cached for one second, so a revocation made on another node is
//! honoured within a second, and one made on this node at once (the entry is dropped).

use crate::state::AppState;
use palisade_crypto::api_key::{KeyHasher, PresentedKey};
use palisade_store::{KeyAuthorization, StoreError, WorkspaceScope};
use std::collections::HashMap;
use std::sync::RwLock;
use time::{Duration, OffsetDateTime};

const FRESH_FOR: Duration = Duration::seconds(1);
const TOUCH_EVERY: Duration = Duration::minutes(1);

#[derive(Debug, Clone)]
struct Cached {
    authorization: KeyAuthorization,
    fetched_at: OffsetDateTime,
    touched_at: Option<OffsetDateTime>,
}

#[derive(Debug)]
pub struct ApiKeys {
    pub hasher: KeyHasher,
    cache: RwLock<HashMap<String, Cached>>,
}

/// Why a key was refused.
#[derive(Debug)]
pub enum KeyRefusal {
    /// Malformed, unknown, revoked, expired, or a wrong secret.
    Invalid,
    /// A valid key of another workspace.
    OtherWorkspace,
    /// The key could not be checked: the store failed (an outage is not a bad key).
    Store(StoreError),
}

impl ApiKeys {
    pub fn new(hasher: KeyHasher) -> Self {
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

    fn cached(&self, id: &str, now: OffsetDateTime) -> Option<Cached> {
        let cache = self.cache.read().unwrap_or_else(|e| e.into_inner());
        cache
            .get(id)
            .filter(|c| now - c.fetched_at < FRESH_FOR)
            .cloned()
    }
}

/// The scope a presented key grants in workspace `slug`.
pub async fn authenticate(
    state: &AppState,
    raw: &str,
    slug: &str,
) -> Result<WorkspaceScope, KeyRefusal> {
    let keys = &state.auth().api_keys;
    let presented = PresentedKey::parse(raw).ok_or(KeyRefusal::Invalid)?;
    let now = state.clock().now();
    let mut entry = match keys.cached(&presented.key_id, now) {
        Some(entry) => entry,
        None => {
            let authorization = state
                .store()
                .authorize_key(&presented.key_id)
                .await
                .map_err(KeyRefusal::Store)?
                .ok_or(KeyRefusal::Invalid)?;
            let touched_at = keys
                .cache
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .get(&presented.key_id)
                .and_then(|c| c.touched_at);
            Cached {
                authorization,
                fetched_at: now,
                touched_at,
            }
        }
    };
    if !keys
        .hasher
        .verify(&presented, &entry.authorization.verifier)
    {
        return Err(KeyRefusal::Invalid);
    }
    if entry.authorization.expires_at.is_some_and(|at| now >= at) {
        return Err(KeyRefusal::Invalid);
    }
    if entry.authorization.scope.slug() != slug {
        return Err(KeyRefusal::OtherWorkspace);
    }
    // Last use is written at most once a minute per key, off the request path.
    if entry.touched_at.is_none_or(|at| now - at >= TOUCH_EVERY) {
        entry.touched_at = Some(now);
        let task_state = state.clone();
        let scope = entry.authorization.scope.clone();
        state.background().spawn(async move {
            if let Err(err) = task_state.store().touch_api_key(&scope, now).await {
                tracing::warn!(error = %err, "could not record API key use");
            }
        });
    }
    let scope = entry.authorization.scope.clone();
    keys.cache
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(presented.key_id, entry);
    Ok(scope)
}
