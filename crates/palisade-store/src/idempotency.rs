//! Responses remembered for `Idempotency-Key` retries, inside the workspace they were for.
//! They are a cache of answers already given (the write they answer was audited), so keeping
//! one records no audit event of its own.

use crate::{StoreError, WorkspaceScope};
use async_trait::async_trait;
use time::OffsetDateTime;

/// A key's first request, as remembered.
#[derive(Clone, PartialEq, Eq)]
pub struct IdempotentRequest {
    /// What the first request was (method, path and body, hashed).
    pub fingerprint: String,
    /// `None` while the first request is still being answered.
    pub status: Option<u16>,
    /// The sealed response (headers and body).
    pub response: Option<Vec<u8>>,
}

impl std::fmt::Debug for IdempotentRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdempotentRequest")
            .field("fingerprint", &self.fingerprint)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// What claiming a key found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyClaim {
    /// The key is new (or its record expired, or its first request was abandoned): this
    /// request is the first.
    Claimed,
    /// The key was used before.
    Used(IdempotentRequest),
}

/// Which key of whom, in the scope's workspace.
#[derive(Debug, Clone, Copy)]
pub struct IdempotencyKey<'a> {
    pub principal: &'a str,
    pub key: &'a str,
}

#[async_trait]
pub trait IdempotencyStore: Send + Sync {
    /// Claims `key` for a request with `fingerprint`, unless it was used within its lifetime.
    /// Records past `expires_before`, and first requests begun before `abandoned_before` and
    /// never answered, are forgotten first.
    #[allow(clippy::too_many_arguments)]
    async fn claim_idempotency_key(
        &self,
        scope: &WorkspaceScope,
        key: IdempotencyKey<'_>,
        fingerprint: &str,
        claim: &str,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
        abandoned_before: OffsetDateTime,
    ) -> Result<KeyClaim, StoreError>;
    /// Remembers the answer to the key's first request (if `claim` still holds the key).
    async fn complete_idempotency_key(
        &self,
        scope: &WorkspaceScope,
        key: IdempotencyKey<'_>,
        claim: &str,
        status: u16,
        response: &[u8],
    ) -> Result<(), StoreError>;
    /// Forgets a claim whose request may be tried again (it failed on our side, or was refused
    /// for its rate).
    async fn release_idempotency_key(
        &self,
        scope: &WorkspaceScope,
        key: IdempotencyKey<'_>,
        claim: &str,
    ) -> Result<(), StoreError>;
    /// Deletes every workspace's records that expired before `before`; how many.
    async fn sweep_idempotency_keys(&self, before: OffsetDateTime) -> Result<u64, StoreError>;
}
