//! What platform administration persists: who is a platform admin, suspended accounts and
//! workspaces, the listings admins read, and the time-boxed support access a workspace owner
//! grants them.

use crate::{Grant, StoreError, WorkspaceScope};
use async_trait::async_trait;
use palisade_core::audit::AuditEntry;
use palisade_core::grant::GrantSupport;
use palisade_core::{SessionId, UserId, WorkspaceId};
use time::OffsetDateTime;

/// What an account may do beyond its memberships, and whether it may sign in at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountStatus {
    pub platform_admin: bool,
    pub suspended_at: Option<OffsetDateTime>,
    /// A confirmed TOTP enrolment.
    pub mfa_enabled: bool,
}

/// An account as the admin listing shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountSummary {
    pub id: UserId,
    pub email: String,
    pub name: Option<String>,
    pub created_at: OffsetDateTime,
    pub platform_admin: bool,
    pub suspended_at: Option<OffsetDateTime>,
    pub mfa_enabled: bool,
}

/// A workspace as the admin listing shows it (no tenant data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSummary {
    pub id: WorkspaceId,
    pub slug: String,
    pub name: String,
    pub created_at: OffsetDateTime,
    pub suspended_at: Option<OffsetDateTime>,
    pub require_mfa: bool,
    pub members: i64,
}

/// Support access a workspace owner granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportGrantRecord {
    pub id: String,
    pub granted_by: UserId,
    pub reason: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
}

/// What a suspension changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suspension {
    /// No such account or workspace.
    Unknown,
    /// Already in the state asked for: nothing changed, nothing recorded.
    Unchanged,
    /// Done; for an account, the sessions it revoked.
    Done(Vec<SessionId>),
}

#[async_trait]
pub trait AdminStore: Send + Sync {
    async fn account_status(&self, user: UserId) -> Result<Option<AccountStatus>, StoreError>;
    /// Makes the account with this e-mail a platform admin (or not); `None` when there is none.
    async fn set_platform_admin(
        &self,
        email: &str,
        admin: bool,
        audit: &AuditEntry,
    ) -> Result<Option<UserId>, StoreError>;
    /// Accounts ordered by id, after `after`, at most `limit`.
    async fn accounts(
        &self,
        after: Option<UserId>,
        limit: u32,
    ) -> Result<Vec<AccountSummary>, StoreError>;
    /// Workspaces ordered by id, after `after`, at most `limit`.
    async fn all_workspaces(
        &self,
        after: Option<WorkspaceId>,
        limit: u32,
    ) -> Result<Vec<WorkspaceSummary>, StoreError>;
    /// Suspends (`Some(now)`) or reinstates (`None`) an account; suspending revokes its
    /// sessions in the same transaction.
    async fn suspend_account(
        &self,
        user: UserId,
        at: Option<OffsetDateTime>,
        now: OffsetDateTime,
        audit: &AuditEntry,
    ) -> Result<Suspension, StoreError>;
    /// Suspends (`Some(now)`) or reinstates (`None`) a workspace.
    async fn suspend_workspace(
        &self,
        slug: &str,
        at: Option<OffsetDateTime>,
        audit: &AuditEntry,
    ) -> Result<Suspension, StoreError>;
    /// Whether `user` is a member of `slug` whose access waits on enrolling in MFA.
    async fn mfa_enrollment_required(&self, user: UserId, slug: &str) -> Result<bool, StoreError>;
    /// Sets whether the workspace's members must have MFA.
    async fn set_require_mfa(
        &self,
        grant: &Grant<palisade_core::grant::AdministerSettings>,
        required: bool,
        now: OffsetDateTime,
        audit: &AuditEntry,
    ) -> Result<(), StoreError>;

    async fn grant_support(
        &self,
        grant: &Grant<GrantSupport>,
        record: &SupportGrantRecord,
        audit: &AuditEntry,
    ) -> Result<(), StoreError>;
    /// The workspace's grants, newest first.
    async fn support_grants(
        &self,
        scope: &WorkspaceScope,
    ) -> Result<Vec<SupportGrantRecord>, StoreError>;
    /// Ends a grant early; `false` when no such grant is in force.
    async fn revoke_support(
        &self,
        grant: &Grant<GrantSupport>,
        id: &str,
        now: OffsetDateTime,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;
    /// A read-only scope in `slug` for platform admin `admin`, when the workspace has a grant in
    /// force at `now` (and is not suspended).
    async fn support_scope(
        &self,
        admin: UserId,
        slug: &str,
        now: OffsetDateTime,
    ) -> Result<Option<WorkspaceScope>, StoreError>;
}
