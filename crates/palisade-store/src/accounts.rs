//! Accounts, sessions, refresh tokens and JWT signing keys: what identity needs to persist.

use crate::StoreError;
use async_trait::async_trait;
use palisade_core::{SessionId, UserId};
use time::OffsetDateTime;

#[derive(Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub id: UserId,
    pub email: String,
    pub name: Option<String>,
    /// A PHC argon2id string or an imported bcrypt hash; never a password.
    pub password_hash: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// The password hash is an offline-crackable verifier: it never goes into a log.
impl std::fmt::Debug for UserRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRecord")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("name", &self.name)
            .field("password_hash", &"[REDACTED]")
            .field("created_at", &self.created_at)
            .field("updated_at", &self.updated_at)
            .finish()
    }
}

impl UserRecord {
    /// The uniqueness key of an e-mail address.
    pub fn email_key(email: &str) -> String {
        email.to_lowercase()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: SessionId,
    pub user_id: UserId,
    pub created_at: OffsetDateTime,
    pub last_used_at: OffsetDateTime,
    pub absolute_expires_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    /// When the session last proved a second factor (at sign-in or a later step-up).
    pub mfa_at: Option<OffsetDateTime>,
}

/// A refresh token as stored: its digest, never the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshRecord {
    pub digest: String,
    pub session_id: SessionId,
    pub issued_at: OffsetDateTime,
    pub spent_at: Option<OffsetDateTime>,
    pub successor_sealed: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningKeyRecord {
    pub kid: String,
    pub public_key: Vec<u8>,
    /// The Ed25519 seed sealed under a key derived from the master key.
    pub sealed_seed: Vec<u8>,
    pub created_at: OffsetDateTime,
    pub retired_at: Option<OffsetDateTime>,
}

#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Fails with [`StoreError::Conflict`] when the e-mail is taken (case-insensitively).
    async fn create_user(
        &self,
        user: &UserRecord,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    async fn user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError>;
    async fn user_by_id(&self, id: UserId) -> Result<Option<UserRecord>, StoreError>;
    /// Also forgets the account's failed sign-ins: a new password ends a brute-force lock.
    async fn set_password_hash(
        &self,
        id: UserId,
        hash: &str,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;

    /// Creates a session with its first refresh token (by digest).
    async fn create_session(
        &self,
        session: &SessionRecord,
        refresh_digest: &str,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    async fn session(&self, id: SessionId) -> Result<Option<SessionRecord>, StoreError>;
    /// Sessions of the user that are not revoked (expiry is the caller's to judge).
    async fn unrevoked_sessions(&self, user: UserId) -> Result<Vec<SessionRecord>, StoreError>;
    async fn touch_session(&self, id: SessionId, now: OffsetDateTime) -> Result<(), StoreError>;
    /// Returns whether the session was active before this call.
    async fn revoke_session(
        &self,
        id: SessionId,
        reason: &str,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;
    /// Revokes every session of `user` except `keep`; returns the ids revoked.
    async fn revoke_user_sessions(
        &self,
        user: UserId,
        keep: Option<SessionId>,
        reason: &str,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<Vec<SessionId>, StoreError>;

    async fn refresh_token(&self, digest: &str) -> Result<Option<RefreshRecord>, StoreError>;
    /// Spends `old` and issues `new` in one transaction. `false` when `old` was already spent
    /// (another request rotated it first), in which case nothing changes.
    async fn rotate_refresh_token(
        &self,
        old: &str,
        new: &str,
        successor_sealed: &[u8],
        now: OffsetDateTime,
    ) -> Result<bool, StoreError>;

    async fn insert_signing_key(
        &self,
        key: &SigningKeyRecord,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    async fn signing_keys(&self) -> Result<Vec<SigningKeyRecord>, StoreError>;
    /// Replaces a seed's sealed form (same seed, new format) unless it changed meanwhile.
    async fn reseal_signing_key(
        &self,
        kid: &str,
        old: &[u8],
        new: &[u8],
    ) -> Result<bool, StoreError>;
    async fn retire_signing_keys_except(
        &self,
        kid: &str,
        now: OffsetDateTime,
    ) -> Result<(), StoreError>;
}
