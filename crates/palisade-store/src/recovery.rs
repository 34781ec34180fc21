//! Password-reset tokens, the mail outbox and sign-up access codes.

use crate::StoreError;
use async_trait::async_trait;
use palisade_core::{MailId, UserId};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRecord {
    pub id: MailId,
    pub recipient: String,
    pub subject: String,
    /// Sealed under a key derived from the master key; `None` once delivered.
    pub sealed_body: Option<Vec<u8>>,
    pub created_at: OffsetDateTime,
    pub attempts: i64,
    pub next_attempt_at: OffsetDateTime,
    pub sent_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessCodeRecord {
    pub id: String,
    pub digest: String,
    /// `None`: unlimited.
    pub max_uses: Option<i64>,
    pub expires_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

#[async_trait]
pub trait RecoveryStore: Send + Sync {
    async fn create_password_reset(
        &self,
        digest: &str,
        user: UserId,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    /// The account a reset token belongs to, if it is unused and unexpired at `now`.
    async fn password_reset_owner(
        &self,
        digest: &str,
        now: OffsetDateTime,
    ) -> Result<Option<UserId>, StoreError>;
    /// Marks the token used and returns its account, if it was unused and unexpired at `now`.
    async fn consume_password_reset(
        &self,
        digest: &str,
        now: OffsetDateTime,
    ) -> Result<Option<UserId>, StoreError>;

    async fn enqueue_mail(&self, mail: &MailRecord) -> Result<(), StoreError>;
    /// Unsent mail whose next attempt is due at `now`, oldest first.
    async fn due_mail(
        &self,
        now: OffsetDateTime,
        limit: i64,
    ) -> Result<Vec<MailRecord>, StoreError>;
    /// Leases a mail for one delivery attempt: `false` when another worker took it first.
    async fn claim_mail(
        &self,
        mail: &MailRecord,
        lease_until: OffsetDateTime,
    ) -> Result<bool, StoreError>;
    /// Records delivery and erases the body.
    async fn mail_sent(&self, id: MailId, now: OffsetDateTime) -> Result<(), StoreError>;
    async fn mail_failed(
        &self,
        id: MailId,
        error: &str,
        retry_at: OffsetDateTime,
    ) -> Result<(), StoreError>;

    async fn create_access_code(
        &self,
        code: &AccessCodeRecord,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    /// Uses the code once if it exists, is unexpired at `now` and has uses left.
    async fn redeem_access_code(
        &self,
        digest: &str,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;
}
