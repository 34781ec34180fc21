//! What the privacy rights need: everything held about one account, and its erasure.
//!
//! Audit events are kept when an account is erased: they name the account only by its id,
//! a random value that nothing else links to a person once the account's row is gone.

use crate::StoreError;
use async_trait::async_trait;
use palisade_core::audit::{AuditEntry, ChainedEvent};
use palisade_core::{SessionId, UserId};
use time::OffsetDateTime;

/// How an erasure ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountErasure {
    /// The account is gone, and with it these unrevoked sessions.
    Erased { sessions: Vec<SessionId> },
    /// Nothing changed: the account is the only owner of these workspaces (slugs).
    LastOwner(Vec<String>),
    /// No such account.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldMembership {
    pub workspace: String,
    pub workspace_name: String,
    pub role: String,
    pub created_at: OffsetDateTime,
}

/// An invitation the account sent; the invitee's address is what the account typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldInvitation {
    pub id: String,
    pub workspace: String,
    pub email: String,
    pub role: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub accepted_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

/// An API key the account created: its metadata, never its verifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldApiKey {
    pub id: String,
    pub workspace: String,
    pub name: String,
    pub scopes: String,
    pub created_at: OffsetDateTime,
    pub expires_at: Option<OffsetDateTime>,
    pub last_used_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

/// What the account holds in workspaces, across all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountHoldings {
    /// Every session still stored, revoked or not.
    pub sessions: Vec<crate::SessionRecord>,
    pub memberships: Vec<HeldMembership>,
    pub invitations_sent: Vec<HeldInvitation>,
    pub api_keys: Vec<HeldApiKey>,
}

/// Where a page of an actor's events ends: a log and a sequence number in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LogPosition {
    pub log: String,
    pub seq: i64,
}

/// What the retention sweep deletes: rows that ended before these times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionCutoffs {
    /// Sessions revoked or past their absolute expiry before this (their refresh tokens go
    /// with them).
    pub sessions_ended_before: OffsetDateTime,
    /// Sessions last used before this (idle past their timeout, and then kept as long).
    pub sessions_idle_before: OffsetDateTime,
    /// Password-reset tokens and MFA sign-in challenges used or expired before this.
    pub one_time_tokens_before: OffsetDateTime,
    /// Invitations accepted, revoked or expired, and sign-up access codes expired, before this.
    pub invitations_before: OffsetDateTime,
    /// Mail still undelivered that was queued before this.
    pub mail_before: OffsetDateTime,
}

/// How many rows of each kind a sweep deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweptCounts {
    pub sessions: u64,
    pub reset_tokens: u64,
    pub mfa_challenges: u64,
    pub invitations: u64,
    pub access_codes: u64,
    pub mail: u64,
}

impl SweptCounts {
    pub fn total(&self) -> u64 {
        self.sessions
            + self.reset_tokens
            + self.mfa_challenges
            + self.invitations
            + self.access_codes
            + self.mail
    }
}

#[async_trait]
pub trait PrivacyStore: Send + Sync {
    /// Erases the account and everything that hangs from it (sessions, refresh tokens, MFA,
    /// memberships, the API keys it created, mail queued to its address), appending `audit`,
    /// unless it is the last owner of a workspace. The owners of those workspaces are
    /// locked first, so a concurrent demotion cannot leave one without an owner.
    async fn erase_account(
        &self,
        user: UserId,
        audit: &AuditEntry,
    ) -> Result<AccountErasure, StoreError>;

    /// The account's memberships, sent invitations and created keys, in every workspace.
    async fn account_holdings(&self, user: UserId) -> Result<AccountHoldings, StoreError>;

    /// Up to `limit` events in which `actor` (`user:<id>`) acted, in every log, ordered by
    /// log then sequence, after `after`.
    async fn events_by_actor(
        &self,
        actor: &str,
        after: Option<&LogPosition>,
        limit: u32,
    ) -> Result<Vec<ChainedEvent>, StoreError>;

    /// Deletes what ended before its cutoff (see [`RetentionCutoffs`]).
    async fn sweep_ended(&self, cutoffs: &RetentionCutoffs) -> Result<SweptCounts, StoreError>;
}
