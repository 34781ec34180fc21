//! Support access: a workspace owner lets platform admins read (never write) the workspace for
//! a few hours, with a reason. While a grant is in force an admin signed in with MFA gets a
//! read-only scope (see `Auth::authorize`), and every request they make is an event in the
//! workspace's own log. The owner sees the grants and can end one early.

use super::{log_of, WorkspaceError, Workspaces};
use crate::audit::{Actor, Draft, Origin, Resource};
use palisade_core::grant::GrantSupport;
use palisade_store::{Grant, SupportGrantRecord};
use time::Duration;

/// The longest a grant may last.
pub const MAX_SUPPORT_HOURS: i64 = 72;
const MAX_REASON_CHARS: usize = 500;

impl Workspaces {
    pub async fn grant_support(
        &self,
        grant: &Grant<GrantSupport>,
        duration_hours: i64,
        reason: &str,
        origin: &Origin,
    ) -> Result<SupportGrantRecord, WorkspaceError> {
        let scope = grant.scope();
        if scope.key_id().is_some() {
            return Err(WorkspaceError::SupportNeedsSession);
        }
        if !(1..=MAX_SUPPORT_HOURS).contains(&duration_hours) {
            return Err(WorkspaceError::InvalidSupportDuration);
        }
        let reason = reason.trim();
        if reason.is_empty()
            || reason.chars().count() > MAX_REASON_CHARS
            || reason.chars().any(char::is_control)
        {
            return Err(WorkspaceError::InvalidReason);
        }
        crate::auth::step_up::require_for_scope(&self.deps, scope).await?;
        let now = self.deps.now();
        let record = SupportGrantRecord {
            id: format!(
                "sup_{}",
                palisade_core::id::new_ulid_text(self.deps.clock(), self.deps.rng())
            ),
            granted_by: scope.actor(),
            reason: reason.to_owned(),
            created_at: now,
            expires_at: now + Duration::hours(duration_hours),
            revoked_at: None,
        };
        let event = self.audit.entry(
            Draft::success(
                &log_of(scope),
                Actor::of(scope),
                "support_access.granted",
                Resource::new("support_grant", &record.id),
            ),
            origin,
        );
        self.deps
            .store
            .grant_support(grant, &record, &event)
            .await?;
        self.audit.appended(&log_of(scope));
        Ok(record)
    }

    pub async fn support_grants(
        &self,
        grant: &Grant<GrantSupport>,
    ) -> Result<Vec<SupportGrantRecord>, WorkspaceError> {
        Ok(self.deps.store.support_grants(grant.scope()).await?)
    }

    /// Ends a grant before it expires; admins lose access at their next request.
    pub async fn revoke_support(
        &self,
        grant: &Grant<GrantSupport>,
        id: &str,
        origin: &Origin,
    ) -> Result<(), WorkspaceError> {
        let scope = grant.scope();
        let event = self.audit.entry(
            Draft::success(
                &log_of(scope),
                Actor::of(scope),
                "support_access.revoked",
                Resource::new("support_grant", id),
            ),
            origin,
        );
        let now = self.deps.now();
        if !self
            .deps
            .store
            .revoke_support(grant, id, now, &event)
            .await?
        {
            return Err(WorkspaceError::SupportGrantNotFound);
        }
        self.audit.appended(&log_of(scope));
        Ok(())
    }
}
