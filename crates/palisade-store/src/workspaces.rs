//! Workspaces (tenants) and their members. Everything inside a workspace takes a
//! [`WorkspaceScope`], and the only way to obtain one is [`WorkspaceStore::authorize`], which
//! checks membership: a handler cannot reach another tenant's rows by passing the wrong id.

use crate::StoreError;
use async_trait::async_trait;
use palisade_core::{Permission, Role, SessionId, UserId, WorkspaceId};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceRecord {
    pub id: WorkspaceId,
    pub slug: String,
    pub name: String,
    /// How long its audit events are kept (at least 90 days).
    pub audit_retention_days: i64,
    /// Members must have MFA to reach it (`settings.require_mfa`).
    pub require_mfa: bool,
    /// Set by a platform admin: nobody reaches it while suspended.
    pub suspended_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// The shortest audit retention a workspace may set, and the default.
pub const MIN_AUDIT_RETENTION_DAYS: i64 = 90;
pub const DEFAULT_AUDIT_RETENTION_DAYS: i64 = 365;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRecord {
    pub user_id: UserId,
    pub email: String,
    pub name: Option<String>,
    pub role: Role,
    pub joined_at: OffsetDateTime,
}

/// Proof that `actor` is a member of one workspace with `role` (acting directly, or through
/// one of their API keys, which narrows what they may do to the key's scopes). Its fields are
/// private and it has no public constructor: [`WorkspaceStore::authorize`] and
/// [`ApiKeyStore::authorize_key`](crate::ApiKeyStore::authorize_key) are the only sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceScope {
    workspace: WorkspaceId,
    slug: String,
    actor: UserId,
    role: Role,
    key: Option<KeyGrant>,
    /// The session acting, when the caller signed in (step-up asks it about MFA).
    session: Option<SessionId>,
    /// The support grant a platform admin reads under (read-only, audited).
    support: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct KeyGrant {
    id: String,
    scopes: Vec<Permission>,
}

impl WorkspaceScope {
    pub(crate) fn new(workspace: WorkspaceId, slug: String, actor: UserId, role: Role) -> Self {
        Self {
            workspace,
            slug,
            actor,
            role,
            key: None,
            session: None,
            support: None,
        }
    }

    pub(crate) fn through_support(mut self, grant: String) -> Self {
        self.support = Some(grant);
        self
    }

    /// Marks the scope as acting for `session`, which identity verified. It only decides whose
    /// MFA a step-up check reads, and that check also requires the session to be the actor's.
    pub fn in_session(mut self, session: SessionId) -> Self {
        self.session = Some(session);
        self
    }

    pub fn session(&self) -> Option<SessionId> {
        self.session
    }

    /// The support grant a platform admin acts under, if this is support access.
    pub fn support_grant(&self) -> Option<&str> {
        self.support.as_deref()
    }

    pub(crate) fn through_key(mut self, id: String, scopes: Vec<Permission>) -> Self {
        self.key = Some(KeyGrant { id, scopes });
        self
    }

    /// The API key acting, if the caller is one.
    pub fn key_id(&self) -> Option<&str> {
        self.key.as_ref().map(|k| k.id.as_str())
    }

    pub fn workspace_id(&self) -> WorkspaceId {
        self.workspace
    }

    pub fn slug(&self) -> &str {
        &self.slug
    }

    pub fn actor(&self) -> UserId {
        self.actor
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// Allowed by the actor's role and, for a key, also by the key's scopes.
    pub fn allows(&self, permission: Permission) -> bool {
        // Support access reads; it never writes, whatever a role would allow.
        if self.support.is_some() && !permission.is_read() {
            return false;
        }
        self.role.allows(permission)
            && self
                .key
                .as_ref()
                .is_none_or(|k| k.scopes.contains(&permission))
    }
}

/// What a membership change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberChange {
    Done,
    NotAMember,
    /// Refused: the workspace would be left without an owner.
    LastOwner,
}

/// Counts committed changes that can take away access to a workspace (a membership removed
/// or its role changed, a workspace suspended or deleted, MFA required or removed), so a
/// cache of authorizations on this node can tell, on its very next use, that it is stale.
#[derive(Debug, Default)]
pub struct AccessEpoch(std::sync::atomic::AtomicU64);

impl AccessEpoch {
    pub fn current(&self) -> u64 {
        self.0.load(std::sync::atomic::Ordering::Acquire)
    }
}

/// Moves the epoch on when dropped: first in a changing method, so it moves after the
/// transaction has committed (or failed), on every way out.
pub(crate) struct BumpOnDrop<'a>(pub(crate) &'a AccessEpoch);

impl Drop for BumpOnDrop<'_> {
    fn drop(&mut self) {
        self.0 .0.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }
}

#[async_trait]
pub trait WorkspaceStore: Send + Sync {
    /// The [`AccessEpoch`] now: it differs from an earlier reading once access may have been
    /// taken away through this store.
    fn access_epoch(&self) -> u64;
    /// The access generation in the database: it changes (through triggers, whichever node
    /// or writer made the change) to a fresh random value whenever access may have been taken
    /// away, as the epoch does for changes made through this store.
    async fn access_generation(&self) -> Result<i64, StoreError>;
    /// Creates the workspace with `owner` as its owner; [`StoreError::Conflict`] if the slug is taken.
    async fn create_workspace(
        &self,
        workspace: &WorkspaceRecord,
        owner: UserId,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    /// The workspaces `user` belongs to, with their role in each.
    async fn workspaces_of(&self, user: UserId)
        -> Result<Vec<(WorkspaceRecord, Role)>, StoreError>;
    /// The scope `user` has in the workspace `slug`, or `None` when they are not a member
    /// (including when no such workspace exists: callers cannot tell the two apart).
    async fn authorize(
        &self,
        user: UserId,
        slug: &str,
    ) -> Result<Option<WorkspaceScope>, StoreError>;

    async fn workspace(&self, scope: &WorkspaceScope) -> Result<WorkspaceRecord, StoreError>;
    async fn rename_workspace(
        &self,
        grant: &crate::Grant<palisade_core::grant::AdministerSettings>,
        name: &str,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    /// Sets how many days the workspace's audit events are kept (at least 90).
    async fn set_audit_retention(
        &self,
        grant: &crate::Grant<palisade_core::grant::AdministerSettings>,
        days: i64,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    /// Deletes the workspace and, by cascade, everything in it.
    async fn delete_workspace(
        &self,
        grant: &crate::Grant<palisade_core::grant::DeleteWorkspace>,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    async fn members(&self, scope: &WorkspaceScope) -> Result<Vec<MemberRecord>, StoreError>;
    async fn member_role(
        &self,
        scope: &WorkspaceScope,
        user: UserId,
    ) -> Result<Option<Role>, StoreError>;
    async fn set_member_role(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageMembers>,
        user: UserId,
        role: Role,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<MemberChange, StoreError>;
    async fn remove_member(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageMembers>,
        user: UserId,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<MemberChange, StoreError>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::{ManualClock, SeededRng};

    #[test]
    fn support_access_only_reads_whatever_role_it_carries() {
        let clock = ManualClock::starting_at(time::macros::datetime!(2026-12-07 00:00 UTC));
        let rng = SeededRng::new(5);
        let scope = WorkspaceScope::new(
            WorkspaceId::generate(&clock, &rng),
            "acme".into(),
            UserId::generate(&clock, &rng),
            Role::Owner,
        )
        .through_support("sup_1".into());
        for permission in Permission::ALL {
            assert_eq!(
                scope.allows(permission),
                permission.is_read(),
                "{permission}"
            );
        }
    }
}
