//! Invitations into a workspace: created inside a scope, accepted by the invitee's account.

use crate::{StoreError, WorkspaceScope};
use async_trait::async_trait;
use palisade_core::{Role, UserId};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRecord {
    pub id: String,
    pub email: String,
    pub role: Role,
    /// SHA-256 of the token sent by mail.
    pub digest: String,
    pub invited_by: UserId,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

/// What accepting an invitation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acceptance {
    /// The account joined (or already belonged to) the workspace `slug`.
    Joined { slug: String, role: Role },
    /// Unknown, used, revoked, expired, or addressed to another e-mail: indistinguishable.
    Invalid,
}

#[async_trait]
pub trait InvitationStore: Send + Sync {
    async fn create_invitation(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageMembers>,
        invitation: &InvitationRecord,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    /// Invitations neither accepted nor revoked (expiry is the caller's to judge).
    async fn open_invitations(
        &self,
        scope: &WorkspaceScope,
    ) -> Result<Vec<InvitationRecord>, StoreError>;
    async fn revoke_invitation(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageMembers>,
        id: &str,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;
    /// The e-mail a usable invitation was sent to.
    async fn invitation_email(
        &self,
        digest: &str,
        now: OffsetDateTime,
    ) -> Result<Option<String>, StoreError>;
    /// Adds `user` (whose e-mail is `email`) to the invitation's workspace, once.
    async fn accept_invitation(
        &self,
        digest: &str,
        user: UserId,
        email: &str,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<Acceptance, StoreError>;
}
