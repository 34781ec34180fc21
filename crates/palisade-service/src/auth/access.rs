//! Checking a caller on every request, without a database round trip in the common case: an
//! access token is a signature check plus the session and membership caches; an API key is
//! an HMAC plus the key cache. A revocation on this node is honoured at once, and one on
//! another node within a second (sessions are trusted for a second; keys and memberships
//! while the access generation, read at most once a second, is unchanged).

use super::api_keys::{Cached, TOUCH_EVERY as KEY_TOUCH_EVERY};
use super::sessions::{CachedSession, TOUCH_EVERY as SESSION_TOUCH_EVERY};
use super::{platform, Auth, AuthError};
use crate::audit::{Actor, Origin, Resource};
use palisade_core::{SessionId, UserId};
use palisade_crypto::api_key::PresentedKey;
use palisade_store::{StoreError, WorkspaceScope};
use time::OffsetDateTime;

/// Who an access token speaks for. Only [`Auth::authenticate_access`] makes one, so a
/// service given a `Caller` knows a live session stands behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller {
    user: UserId,
    session: SessionId,
}

impl Caller {
    pub fn user(&self) -> UserId {
        self.user
    }

    pub fn session(&self) -> SessionId {
        self.session
    }
}

/// Why a key was refused.
#[derive(Debug)]
pub enum KeyRefusal {
    /// Malformed, unknown, revoked, expired, or a wrong secret.
    Invalid,
    /// A valid key of another workspace.
    OtherWorkspace,
    /// The key could not be checked: the store failed (an outage is not a bad key).
    Store(StoreError),
}

impl Auth {
    /// The user and session behind a presented access token, if both are still good.
    pub async fn authenticate_access(&self, token: &str) -> Result<Caller, AuthError> {
        let now = self.deps.now();
        let token = self
            .keys
            .verify(token, now)
            .await
            .map_err(|_| AuthError::InvalidAccessToken)?;
        let (user, session) = (token.user, token.session);
        self.check_session(session, user, now).await?;
        Ok(Caller { user, session })
    }

    /// The scope a signed-in user has in workspace `slug`; `None` when not a member (or no
    /// such workspace: the two are not told apart).
    pub async fn authorize(
        &self,
        caller: &Caller,
        slug: &str,
        origin: &Origin,
    ) -> Result<Option<WorkspaceScope>, AuthError> {
        let store = &self.deps.store;
        if let Some(scope) = self.member_scope(caller.user(), slug).await? {
            return Ok(Some(scope.in_session(caller.session())));
        }
        let denied = |reason: &'static str| {
            // In the platform log: the workspace may not exist, and its members must not
            // learn who probes it.
            self.audit.record(
                platform(
                    Actor::User(caller.user()),
                    "workspace.accessed",
                    Resource::new("workspace", slug),
                )
                .denied(reason),
                origin,
            );
        };
        if store.mfa_enrollment_required(caller.user(), slug).await? {
            denied("mfa_enrollment_required");
            return Err(AuthError::MfaEnrollmentRequired);
        }
        if let Some(scope) = self.support_scope(caller, slug).await? {
            return Ok(Some(scope.in_session(caller.session())));
        }
        denied("not_a_member");
        Ok(None)
    }

    /// `user`'s scope as a member of `slug`: from this node's memory while access is
    /// unchanged since it was loaded, else from the store.
    async fn member_scope(
        &self,
        user: UserId,
        slug: &str,
    ) -> Result<Option<WorkspaceScope>, AuthError> {
        let store = &self.deps.store;
        let mark = self.generation.mark(&**store, self.deps.now()).await?;
        if let Some(scope) = self.memberships.get(user, slug, mark) {
            return Ok(Some(scope));
        }
        let scope = store.authorize(user, slug).await?;
        if let Some(scope) = &scope {
            self.memberships.put(scope, mark);
        }
        Ok(scope)
    }

    /// Read-only support access for a platform admin signed in with MFA, while the
    /// workspace's owner has a grant in force.
    async fn support_scope(
        &self,
        caller: &Caller,
        slug: &str,
    ) -> Result<Option<WorkspaceScope>, AuthError> {
        let store = &self.deps.store;
        let admin = store
            .account_status(caller.user())
            .await?
            .is_some_and(|s| s.platform_admin && s.suspended_at.is_none());
        if !admin || !self.session_has_mfa(caller).await? {
            return Ok(None);
        }
        Ok(store
            .support_scope(caller.user(), slug, self.deps.now())
            .await?)
    }

    /// The caller as a platform admin: flagged by an operator, not suspended, and in a session
    /// that proved a second factor. Refusals are audited.
    pub async fn platform_admin(
        &self,
        caller: &Caller,
        origin: &Origin,
    ) -> Result<crate::admin::PlatformAdmin, AuthError> {
        let admin = self
            .deps
            .store
            .account_status(caller.user())
            .await?
            .is_some_and(|s| s.platform_admin && s.suspended_at.is_none());
        let refusal = if !admin {
            Some((AuthError::PlatformAdminRequired, "not_a_platform_admin"))
        } else if !self.session_has_mfa(caller).await? {
            Some((AuthError::MfaRequired, "mfa_required"))
        } else {
            None
        };
        if let Some((error, reason)) = refusal {
            self.audit.record(
                platform(
                    Actor::User(caller.user()),
                    "admin.accessed",
                    Resource::new("user", caller.user()),
                )
                .denied(reason),
                origin,
            );
            return Err(error);
        }
        Ok(crate::admin::PlatformAdmin::new(
            caller.user(),
            caller.session(),
        ))
    }

    /// Whether the caller's session was signed in (or stepped up) with a second factor.
    /// The account must still have MFA: removing it ends what its sessions proved.
    pub(super) async fn session_has_mfa(&self, caller: &Caller) -> Result<bool, AuthError> {
        let store = &self.deps.store;
        let enabled = store
            .account_status(caller.user())
            .await?
            .is_some_and(|s| s.mfa_enabled);
        Ok(enabled
            && store
                .session(caller.session())
                .await?
                .is_some_and(|s| s.user_id == caller.user() && s.mfa_at.is_some()))
    }

    /// Whether the session behind an access token may still be used: the cache answers, the
    /// store is asked when this node has not loaded the session in the last second.
    async fn check_session(
        &self,
        id: SessionId,
        user: UserId,
        now: OffsetDateTime,
    ) -> Result<(), AuthError> {
        let cached = match self.sessions.get(id, now) {
            Some(cached) => cached,
            None => {
                let record = self
                    .deps
                    .store
                    .session(id)
                    .await?
                    .ok_or(AuthError::InvalidAccessToken)?;
                let cached = CachedSession::loaded(&record, now);
                self.sessions.put(id, cached);
                if !cached.revoked && now - record.last_used_at >= SESSION_TOUCH_EVERY {
                    self.mark_session_used(id, now);
                }
                cached
            }
        };
        if cached.user != user {
            return Err(AuthError::InvalidAccessToken);
        }
        if cached.revoked {
            return Err(AuthError::SessionRevoked);
        }
        if now >= cached.absolute_expires_at {
            return Err(AuthError::SessionExpired);
        }
        Ok(())
    }

    /// Records a session's use (what the session list shows and the idle timeout counts
    /// from), off the request path. Reloads are at most once a second per node, and the
    /// stored time moves at most once a minute, so this is rare.
    fn mark_session_used(&self, id: SessionId, now: OffsetDateTime) {
        let store = self.deps.store.clone();
        self.deps.tasks.spawn(async move {
            if let Err(err) = store.touch_session(id, now).await {
                tracing::warn!(error = %err, "could not record session use");
            }
        });
    }

    /// The scope a presented API key grants in workspace `slug`.
    pub async fn authenticate_key(
        &self,
        raw: &str,
        slug: &str,
        origin: &Origin,
    ) -> Result<WorkspaceScope, KeyRefusal> {
        let refused = self.check_key(raw, slug).await;
        if let Err(refusal) = &refused {
            let reason = match refusal {
                KeyRefusal::Invalid => "invalid_api_key",
                KeyRefusal::OtherWorkspace => "other_workspace",
                KeyRefusal::Store(_) => return refused,
            };
            let key = PresentedKey::parse(raw).map(|key| key.key_id);
            let resource = match key {
                Some(id) => Resource::new("api_key", id),
                None => Resource::kind("api_key"),
            };
            self.audit.record(
                platform(Actor::Anonymous, "api_key.used", resource).denied(reason),
                origin,
            );
        }
        refused
    }

    async fn check_key(&self, raw: &str, slug: &str) -> Result<WorkspaceScope, KeyRefusal> {
        let keys = &self.api_keys;
        let presented = PresentedKey::parse(raw).ok_or(KeyRefusal::Invalid)?;
        let now = self.deps.now();
        let store = &self.deps.store;
        let mark = self
            .generation
            .mark(&**store, now)
            .await
            .map_err(KeyRefusal::Store)?;
        let mut entry = match keys.cached(&presented.key_id, mark) {
            Some(entry) => entry,
            None => {
                let authorization = self
                    .deps
                    .store
                    .authorize_key(&presented.key_id)
                    .await
                    .map_err(KeyRefusal::Store)?
                    .ok_or(KeyRefusal::Invalid)?;
                keys.note_load();
                Cached {
                    authorization,
                    mark,
                    touched_at: keys.touched_at(&presented.key_id),
                }
            }
        };
        if !keys
            .hasher
            .verify(&presented, &entry.authorization.verifier)
        {
            return Err(KeyRefusal::Invalid);
        }
        if entry.authorization.expires_at.is_some_and(|at| now >= at) {
            return Err(KeyRefusal::Invalid);
        }
        if entry.authorization.scope.slug() != slug {
            return Err(KeyRefusal::OtherWorkspace);
        }
        // Last use is written at most once a minute per key, off the request path.
        if entry
            .touched_at
            .is_none_or(|at| now - at >= KEY_TOUCH_EVERY)
        {
            entry.touched_at = Some(now);
            let store = self.deps.store.clone();
            let scope = entry.authorization.scope.clone();
            self.deps.tasks.spawn(async move {
                if let Err(err) = store.touch_api_key(&scope, now).await {
                    tracing::warn!(error = %err, "could not record API key use");
                }
            });
        }
        let scope = entry.authorization.scope.clone();
        keys.remember(presented.key_id, entry);
        Ok(scope)
    }
}
