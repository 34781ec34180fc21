//! Failed sign-ins per account, for the brute-force lockout.

use crate::StoreError;
use async_trait::async_trait;
use palisade_core::UserId;
use time::OffsetDateTime;

/// An account's failed sign-ins since its last success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLock {
    /// Consecutive failures since the last success or lock.
    pub failures: u32,
    /// Locks in a row (each lasts twice the one before).
    pub lockouts: u32,
    pub locked_until: Option<OffsetDateTime>,
}

/// An address blocked for credential stuffing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpBlock {
    pub ip: String,
    pub blocked_until: OffsetDateTime,
    /// Failed sign-ins that tripped it, and how many accounts they tried.
    pub failures: u32,
    pub accounts: u32,
    pub created_at: OffsetDateTime,
}

#[async_trait]
pub trait LoginLockStore: Send + Sync {
    /// The block on `ip`, if one is in force at `now`.
    async fn ip_block(&self, ip: &str, now: OffsetDateTime) -> Result<Option<IpBlock>, StoreError>;
    /// Blocks (or blocks again) an address, with its audit event.
    async fn block_ip(
        &self,
        block: &IpBlock,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    /// Blocks in force at `now`, newest first.
    async fn ip_blocks(&self, now: OffsetDateTime) -> Result<Vec<IpBlock>, StoreError>;
    /// Lifts the block on `ip`, with its audit event; `false` when there was none.
    async fn lift_ip_block(
        &self,
        ip: &str,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;

    /// `None` when the account has no failure since its last success.
    async fn login_lock(&self, user: UserId) -> Result<Option<LoginLock>, StoreError>;
    /// Counts one more failure; returns the state after it.
    async fn count_login_failure(
        &self,
        user: UserId,
        now: OffsetDateTime,
    ) -> Result<LoginLock, StoreError>;
    /// Locks the account until `until` if it has at least `threshold` failures (which then
    /// count afresh), with its audit event; `false` when a concurrent sign-in locked it first.
    async fn lock_login(
        &self,
        user: UserId,
        threshold: u32,
        until: OffsetDateTime,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;
    /// Forgets the failures and any lock (a sign-in succeeded).
    async fn clear_login_failures(&self, user: UserId) -> Result<(), StoreError>;
}
