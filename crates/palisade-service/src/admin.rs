//! Platform administration: what a platform admin (flagged by `palisade admin grant`, signed
//! in with MFA) may do across the deployment. Every method takes a [`PlatformAdmin`], which
//! only [`Auth::platform_admin`](crate::auth::Auth::platform_admin) makes, after checking both.
//! Admins list accounts and workspaces, suspend and reinstate them, lift address blocks and
//! read the platform log; they never read a workspace's data except through support access a
//! workspace owner granted (see `Auth::authorize`).

use crate::audit::{Actor, Audit, Draft, EventFilter, Origin, Resource};
use crate::auth::api_keys::ApiKeys;
use crate::auth::sessions::SessionCache;
use crate::deps::Deps;
use palisade_core::audit::{ChainedEvent, PLATFORM_LOG};
use palisade_core::{SessionId, UserId, WorkspaceId};
use palisade_store::{AccountSummary, IpBlock, StoreError, Suspension, WorkspaceSummary};
use std::sync::Arc;

/// Proof that the caller is a platform admin in a session that proved a second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlatformAdmin {
    user: UserId,
    session: SessionId,
}

impl PlatformAdmin {
    pub(crate) fn new(user: UserId, session: SessionId) -> Self {
        Self { user, session }
    }

    pub fn user(&self) -> UserId {
        self.user
    }

    pub fn session(&self) -> SessionId {
        self.session
    }
}

/// Why an admin action failed.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("no such account")]
    NoSuchAccount,
    #[error("no such workspace")]
    NoSuchWorkspace,
    #[error("that address is not blocked")]
    NotBlocked,
    #[error("not an IP address")]
    InvalidAddress,
    #[error("an admin cannot suspend their own account")]
    OwnAccount,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The platform-administration service.
#[derive(Debug)]
pub struct Admin {
    deps: Deps,
    audit: Audit,
    sessions: Arc<SessionCache>,
    keys: Arc<ApiKeys>,
}

impl Admin {
    pub(crate) fn new(
        deps: Deps,
        audit: Audit,
        sessions: Arc<SessionCache>,
        keys: Arc<ApiKeys>,
    ) -> Self {
        Self {
            deps,
            audit,
            sessions,
            keys,
        }
    }

    fn draft(admin: &PlatformAdmin, action: &'static str, resource: Resource) -> Draft {
        Draft::success(PLATFORM_LOG, Actor::User(admin.user), action, resource)
    }

    pub async fn accounts(
        &self,
        _admin: &PlatformAdmin,
        after: Option<UserId>,
        limit: u32,
    ) -> Result<Vec<AccountSummary>, AdminError> {
        Ok(self.deps.store.accounts(after, limit).await?)
    }

    pub async fn workspaces(
        &self,
        _admin: &PlatformAdmin,
        after: Option<WorkspaceId>,
        limit: u32,
    ) -> Result<Vec<WorkspaceSummary>, AdminError> {
        Ok(self.deps.store.all_workspaces(after, limit).await?)
    }

    /// Suspends (or reinstates) an account. Suspending revokes its sessions and stops its API
    /// keys on every node at once; reinstating lets it sign in again (keys work again, the
    /// revoked sessions stay revoked).
    pub async fn set_account_suspended(
        &self,
        admin: &PlatformAdmin,
        user: UserId,
        suspended: bool,
        origin: &Origin,
    ) -> Result<(), AdminError> {
        if user == admin.user && suspended {
            return Err(AdminError::OwnAccount);
        }
        let action = if suspended {
            "account.suspended"
        } else {
            "account.unsuspended"
        };
        let event = self.audit.entry(
            Self::draft(admin, action, Resource::new("user", user)),
            origin,
        );
        let now = self.deps.now();
        let at = suspended.then_some(now);
        match self
            .deps
            .store
            .suspend_account(user, at, now, &event)
            .await?
        {
            Suspension::Unknown => return Err(AdminError::NoSuchAccount),
            Suspension::Unchanged => return Ok(()),
            Suspension::Done(sessions) => {
                self.audit.appended(PLATFORM_LOG);
                self.sessions.revoke(&sessions);
            }
        }
        // The account's keys are refused from the next lookup; cached ones go now.
        self.keys.forget_all();
        Ok(())
    }

    /// Suspends (or reinstates) a workspace: nobody reaches it, by session or key, meanwhile.
    pub async fn set_workspace_suspended(
        &self,
        admin: &PlatformAdmin,
        slug: &str,
        suspended: bool,
        origin: &Origin,
    ) -> Result<(), AdminError> {
        let action = if suspended {
            "workspace.suspended"
        } else {
            "workspace.unsuspended"
        };
        let event = self.audit.entry(
            Self::draft(admin, action, Resource::new("workspace", slug)),
            origin,
        );
        let at = suspended.then(|| self.deps.now());
        match self.deps.store.suspend_workspace(slug, at, &event).await? {
            Suspension::Unknown => Err(AdminError::NoSuchWorkspace),
            Suspension::Unchanged => Ok(()),
            Suspension::Done(_) => {
                self.audit.appended(PLATFORM_LOG);
                self.keys.forget_all();
                Ok(())
            }
        }
    }

    pub async fn ip_blocks(&self, _admin: &PlatformAdmin) -> Result<Vec<IpBlock>, AdminError> {
        Ok(self.deps.store.ip_blocks(self.deps.now()).await?)
    }

    /// Lifts the block on an address (the event carries it as every event does: hashed by
    /// default).
    pub async fn lift_ip_block(
        &self,
        admin: &PlatformAdmin,
        ip: &str,
        origin: &Origin,
    ) -> Result<(), AdminError> {
        let address: std::net::IpAddr =
            ip.trim().parse().map_err(|_| AdminError::InvalidAddress)?;
        let address = address.to_canonical().to_string();
        let event = self.audit.entry(
            Self::draft(admin, "security.ip_unblocked", Resource::kind("ip_block")),
            &Origin {
                ip: Some(address.clone()),
                ..origin.clone()
            },
        );
        if self.deps.store.lift_ip_block(&address, &event).await? {
            self.audit.appended(PLATFORM_LOG);
            Ok(())
        } else {
            Err(AdminError::NotBlocked)
        }
    }

    /// A page of the platform log, and the sequence number to continue after.
    pub async fn platform_events(
        &self,
        _admin: &PlatformAdmin,
        filter: &EventFilter,
        page_size: u32,
    ) -> Result<(Vec<ChainedEvent>, Option<i64>), AdminError> {
        Ok(self
            .audit
            .log_events(PLATFORM_LOG, filter, page_size)
            .await?)
    }
}

/// `palisade admin grant|revoke --email E` (operators only: there is no API for it). Returns
/// the account's id, or `None` when no account has that e-mail.
pub async fn set_platform_admin(
    store: &dyn palisade_store::Store,
    audit: &Audit,
    email: &str,
    admin: bool,
) -> Result<Option<UserId>, StoreError> {
    let action = if admin {
        "platform_admin.granted"
    } else {
        "platform_admin.revoked"
    };
    let event = audit.entry(
        Draft::success(PLATFORM_LOG, Actor::System, action, Resource::kind("user")),
        &Origin::system(),
    );
    store.set_platform_admin(email, admin, &event).await
}
