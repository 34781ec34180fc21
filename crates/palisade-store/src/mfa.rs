//! What multi-factor authentication persists: an account's TOTP enrolment (seed sealed by the
//! service), its recovery codes (digests), the challenges a sign-in leaves for the second
//! factor (digests), and when each session last proved one.

use crate::StoreError;
use async_trait::async_trait;
use palisade_core::audit::AuditEntry;
use palisade_core::{SessionId, UserId};
use time::OffsetDateTime;

/// An account's TOTP enrolment.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpRecord {
    /// The seed, sealed under the platform's data key and bound to the account.
    pub secret_sealed: Vec<u8>,
    pub created_at: OffsetDateTime,
    /// `None` until a first code confirmed the app holds the seed.
    pub confirmed_at: Option<OffsetDateTime>,
    /// The newest time step a code was accepted for.
    pub last_step: i64,
}

impl std::fmt::Debug for TotpRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TotpRecord")
            .field("secret_sealed", &"[SEALED]")
            .field("created_at", &self.created_at)
            .field("confirmed_at", &self.confirmed_at)
            .field("last_step", &self.last_step)
            .finish()
    }
}

#[async_trait]
pub trait MfaStore: Send + Sync {
    async fn totp(&self, user: UserId) -> Result<Option<TotpRecord>, StoreError>;
    /// Starts (or restarts) an enrolment; `false`, changing nothing, when one is confirmed.
    async fn begin_totp(
        &self,
        user: UserId,
        secret_sealed: &[u8],
        now: OffsetDateTime,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;
    /// Confirms the pending enrolment with the step of its first code and replaces the
    /// account's recovery codes; `false` when there was no pending enrolment.
    async fn confirm_totp(
        &self,
        user: UserId,
        step: i64,
        recovery_digests: &[String],
        now: OffsetDateTime,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;
    /// Spends time step `step` of a confirmed enrolment: `false` when that step (or a later
    /// one) was already used, so a code works once.
    async fn spend_totp_step(&self, user: UserId, step: i64) -> Result<bool, StoreError>;
    /// Spends a recovery code; `None` when it is unknown or used, else how many remain.
    async fn spend_recovery_code(
        &self,
        user: UserId,
        digest: &str,
        now: OffsetDateTime,
        audit: &AuditEntry,
    ) -> Result<Option<u32>, StoreError>;
    async fn recovery_codes_left(&self, user: UserId) -> Result<u32, StoreError>;
    /// Removes the enrolment and its recovery codes; `false` when there was none.
    async fn remove_totp(&self, user: UserId, audit: &AuditEntry) -> Result<bool, StoreError>;

    async fn create_mfa_challenge(
        &self,
        digest: &str,
        user: UserId,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError>;
    /// The account an unspent, unexpired challenge is for.
    async fn mfa_challenge(
        &self,
        digest: &str,
        now: OffsetDateTime,
    ) -> Result<Option<UserId>, StoreError>;
    /// Spends a challenge; `false` when another request spent it first or it expired.
    async fn spend_mfa_challenge(
        &self,
        digest: &str,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError>;

    /// Records that `session` just proved a second factor (step-up).
    async fn mark_session_mfa(
        &self,
        session: SessionId,
        now: OffsetDateTime,
        audit: &AuditEntry,
    ) -> Result<(), StoreError>;
}
