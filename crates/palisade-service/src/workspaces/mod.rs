//! Workspaces, their members and roles, invitations, and API key administration.

mod error;
mod export;
mod invitations;
mod keys;
mod names;
mod support;

pub use error::WorkspaceError;
pub use export::{WorkspaceExport, WORKSPACE_EXPORT_FORMAT};
pub use invitations::{Invitations, INVITATION_TOKEN_PREFIX};
pub use keys::{CreatedKey, KeyAdmin};
pub use names::{check_slug, RESERVED_SLUGS};
pub use support::MAX_SUPPORT_HOURS;

use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::auth::api_keys::ApiKeys;
use crate::auth::Caller;
use crate::deps::Deps;
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::grant::{AdministerSettings, DeleteWorkspace, ManageMembers, ReadWorkspace};
use palisade_core::{Role, UserId, WorkspaceId};
use palisade_store::workspaces::{DEFAULT_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS};
use palisade_store::{Grant, MemberChange, MemberRecord, WorkspaceRecord};

/// The longest audit retention a workspace may set: ten years.
pub const MAX_AUDIT_RETENTION_DAYS: i64 = 3650;
use std::sync::Arc;

/// Workspaces and memberships.
#[derive(Debug)]
pub struct Workspaces {
    deps: Deps,
    /// Keys are bounded by their creator's membership: membership changes flush them.
    key_cache: Arc<ApiKeys>,
    vault: Arc<crate::vault::Vault>,
    audit: Audit,
}

fn log_of(grant_scope: &palisade_store::WorkspaceScope) -> String {
    grant_scope.workspace_id().to_string()
}

impl Workspaces {
    pub(crate) fn new(
        deps: Deps,
        key_cache: Arc<ApiKeys>,
        vault: Arc<crate::vault::Vault>,
        audit: Audit,
    ) -> Self {
        Self {
            deps,
            key_cache,
            vault,
            audit,
        }
    }

    /// Creates a workspace owned by the caller.
    pub async fn create(
        &self,
        owner: &Caller,
        slug: String,
        name: &str,
        origin: &Origin,
    ) -> Result<WorkspaceRecord, WorkspaceError> {
        check_slug(&slug)?;
        let name = names::display_name(name)?;
        let now = self.deps.now();
        let record = WorkspaceRecord {
            id: WorkspaceId::generate(self.deps.clock(), self.deps.rng()),
            slug,
            name,
            audit_retention_days: DEFAULT_AUDIT_RETENTION_DAYS,
            require_mfa: false,
            suspended_at: None,
            created_at: now,
            updated_at: now,
        };
        let event = self.audit.entry(
            Draft::success(
                &record.id.to_string(),
                Actor::User(owner.user()),
                "workspace.created",
                Resource::new("workspace", record.id),
            ),
            origin,
        );
        self.deps
            .store
            .create_workspace(&record, owner.user(), &event)
            .await?;
        self.audit.appended(&event.log);
        Ok(record)
    }

    /// The user's workspaces, with their role in each.
    pub async fn of_caller(
        &self,
        caller: &Caller,
    ) -> Result<Vec<(WorkspaceRecord, Role)>, WorkspaceError> {
        Ok(self.deps.store.workspaces_of(caller.user()).await?)
    }

    pub async fn get(
        &self,
        grant: &Grant<ReadWorkspace>,
    ) -> Result<WorkspaceRecord, WorkspaceError> {
        Ok(self.deps.store.workspace(grant.scope()).await?)
    }

    /// Renames the workspace and/or sets how long its audit events are kept.
    pub async fn update(
        &self,
        grant: &Grant<AdministerSettings>,
        name: Option<&str>,
        audit_retention_days: Option<i64>,
        require_mfa: Option<bool>,
        origin: &Origin,
    ) -> Result<WorkspaceRecord, WorkspaceError> {
        if name.is_none() && audit_retention_days.is_none() && require_mfa.is_none() {
            return Err(WorkspaceError::NothingToChange);
        }
        if require_mfa == Some(true) {
            // Whoever turns it on must not lock themselves out: they need MFA first.
            let scope = grant.scope();
            let has_mfa = self
                .deps
                .store
                .account_status(scope.actor())
                .await?
                .is_some_and(|s| s.mfa_enabled);
            if scope.key_id().is_none() && !has_mfa {
                return Err(WorkspaceError::MfaEnrollmentRequired);
            }
        }
        let name = name.map(names::display_name).transpose()?;
        let range = MIN_AUDIT_RETENTION_DAYS..=MAX_AUDIT_RETENTION_DAYS;
        if audit_retention_days.is_some_and(|days| !range.contains(&days)) {
            return Err(WorkspaceError::InvalidRetention);
        }
        let scope = grant.scope();
        let draft = |action| {
            Draft::success(
                &log_of(scope),
                Actor::of(scope),
                action,
                Resource::new("workspace", scope.workspace_id()),
            )
        };
        let now = self.deps.now();
        if let Some(name) = &name {
            let event = self.audit.entry(draft("workspace.renamed"), origin);
            self.deps
                .store
                .rename_workspace(grant, name, now, &event)
                .await?;
        }
        if let Some(days) = audit_retention_days {
            let event = self
                .audit
                .entry(draft("workspace.audit_retention_changed"), origin);
            self.deps
                .store
                .set_audit_retention(grant, days, now, &event)
                .await?;
        }
        if let Some(required) = require_mfa {
            let action = if required {
                "workspace.mfa_required"
            } else {
                "workspace.mfa_optional"
            };
            let event = self.audit.entry(draft(action), origin);
            self.deps
                .store
                .set_require_mfa(grant, required, now, &event)
                .await?;
            // Keys of members without MFA stop (or start again) at once.
            self.key_cache.forget_all();
        }
        self.audit.appended(&log_of(scope));
        Ok(self.deps.store.workspace(scope).await?)
    }

    /// Deletes the workspace and everything in it.
    pub async fn delete(
        &self,
        grant: &Grant<DeleteWorkspace>,
        origin: &Origin,
    ) -> Result<(), WorkspaceError> {
        let scope = grant.scope();
        crate::auth::step_up::require_for_scope(&self.deps, scope).await?;
        // The workspace's own log stays (until retention); its deletion is a platform event.
        let event = self.audit.entry(
            Draft::success(
                PLATFORM_LOG,
                Actor::of(scope),
                "workspace.deleted",
                Resource::new("workspace", scope.workspace_id()),
            ),
            origin,
        );
        self.deps.store.delete_workspace(grant, &event).await?;
        self.audit.appended(PLATFORM_LOG);
        // Its API keys and data keys went with it.
        self.key_cache.forget_all();
        self.vault.forget_scope(&scope.workspace_id().to_string());
        Ok(())
    }

    pub async fn members(
        &self,
        grant: &Grant<ReadWorkspace>,
    ) -> Result<Vec<MemberRecord>, WorkspaceError> {
        Ok(self.deps.store.members(grant.scope()).await?)
    }

    /// Changes a member's role: never above one's own, and only owners touch `owner`.
    pub async fn change_role(
        &self,
        grant: &Grant<ManageMembers>,
        target: &str,
        role: &str,
        origin: &Origin,
    ) -> Result<(), WorkspaceError> {
        let role: Role = role.parse().map_err(|_| WorkspaceError::InvalidRole)?;
        let target = member_id(target)?;
        self.may_change(grant, target, Some(role), origin).await?;
        let scope = grant.scope();
        let event = self.audit.entry(
            Draft::success(
                &log_of(scope),
                Actor::of(scope),
                "member.role_changed",
                Resource::new("user", target),
            )
            .because(role.as_str()),
            origin,
        );
        let change = self
            .deps
            .store
            .set_member_role(grant, target, role, &event)
            .await?;
        self.audit.appended(&event.log);
        outcome(change)?;
        // Keys are bounded by their creator's role: cached grants must be recomputed.
        self.key_cache.forget_all();
        Ok(())
    }

    /// Removes a member, within the same limits as role changes; their keys die with it.
    pub async fn remove_member(
        &self,
        grant: &Grant<ManageMembers>,
        target: &str,
        origin: &Origin,
    ) -> Result<(), WorkspaceError> {
        let target = member_id(target)?;
        self.may_change(grant, target, None, origin).await?;
        let scope = grant.scope();
        let draft = |action, kind| {
            Draft::success(
                &log_of(scope),
                Actor::of(scope),
                action,
                Resource::new(kind, target),
            )
        };
        let removed = self.audit.entry(draft("member.removed", "user"), origin);
        outcome(
            self.deps
                .store
                .remove_member(grant, target, &removed)
                .await?,
        )?;
        let keys_revoked = self.audit.entry(
            draft("api_key.revoked", "user").because("member_removed"),
            origin,
        );
        let revoked = self
            .deps
            .store
            .revoke_keys_created_by(grant, target, self.deps.now(), &keys_revoked)
            .await?;
        self.audit.appended(&removed.log);
        self.key_cache.forget(&revoked);
        Ok(())
    }

    /// Checks that the caller may change `target`'s membership, from its current role to `to`.
    async fn may_change(
        &self,
        grant: &Grant<ManageMembers>,
        target: UserId,
        to: Option<Role>,
        origin: &Origin,
    ) -> Result<(), WorkspaceError> {
        let scope = grant.scope();
        let current = self.deps.store.member_role(scope, target).await?;
        let current = current.ok_or(WorkspaceError::MemberNotFound)?;
        let actor = scope.role();
        if !actor.may_assign(current) || to.is_some_and(|role| !actor.may_assign(role)) {
            let action = if to.is_some() {
                "member.role_changed"
            } else {
                "member.removed"
            };
            self.audit.record(
                Draft::success(
                    &log_of(scope),
                    Actor::of(scope),
                    action,
                    Resource::new("user", target),
                )
                .denied("role_above_own"),
                origin,
            );
            return Err(WorkspaceError::RoleAboveOwn);
        }
        Ok(())
    }
}

fn member_id(raw: &str) -> Result<UserId, WorkspaceError> {
    raw.parse().map_err(|_| WorkspaceError::MemberNotFound)
}

fn outcome(change: MemberChange) -> Result<(), WorkspaceError> {
    match change {
        MemberChange::Done => Ok(()),
        MemberChange::NotAMember => Err(WorkspaceError::MemberNotFound),
        MemberChange::LastOwner => Err(WorkspaceError::LastOwner),
    }
}
