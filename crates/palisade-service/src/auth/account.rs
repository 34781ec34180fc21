//! The signed-in account: its sessions, signing out, changing the password.

use super::access::Caller;
use super::flows::{check_strength, SessionSummary};
use super::{platform, Auth, AuthError};
use crate::audit::{Actor, Origin, Resource};
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::{SessionId, UserId};
use palisade_crypto::Verification;
use palisade_store::UserRecord;
use secrecy::SecretString;

impl Auth {
    /// Revokes sessions in the store and in this node's cache, each with its event.
    pub(super) async fn revoke(
        &self,
        ids: &[SessionId],
        reason: &'static str,
        actor: Actor,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let now = self.deps.now();
        for id in ids {
            let event = self.audit.entry(
                platform(
                    actor.clone(),
                    "session.revoked",
                    Resource::new("session", id),
                )
                .because(reason),
                origin,
            );
            self.deps
                .store
                .revoke_session(*id, reason, now, &event)
                .await?;
        }
        self.audit.appended(PLATFORM_LOG);
        self.sessions.revoke(ids);
        Ok(())
    }

    /// Revokes every session of an account, keeping `keep` (password change, reset).
    pub(super) async fn revoke_all(
        &self,
        user: UserId,
        keep: Option<SessionId>,
        reason: &'static str,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let event = self.audit.entry(
            platform(
                Actor::User(user),
                "sessions.revoked",
                Resource::new("user", user),
            )
            .because(reason),
            origin,
        );
        let revoked = self
            .deps
            .store
            .revoke_user_sessions(user, keep, reason, self.deps.now(), &event)
            .await?;
        self.sessions.revoke(&revoked);
        Ok(())
    }

    /// Revokes one of the caller's own sessions; anybody else's is "no such session".
    pub async fn revoke_own_session(
        &self,
        caller: &Caller,
        target: &str,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let target: SessionId = target.parse().map_err(|_| AuthError::NoSuchSession)?;
        match self.deps.store.session(target).await? {
            Some(session) if session.user_id == caller.user() => {
                let actor = Actor::User(caller.user());
                self.revoke(&[target], "revoked_by_user", actor, origin)
                    .await
            }
            _ => Err(AuthError::NoSuchSession),
        }
    }

    /// Changes the password (the current one is required) and revokes every other session.
    pub async fn change_password(
        &self,
        caller: &Caller,
        current: SecretString,
        new: SecretString,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let user = caller.user();
        let record = self
            .deps
            .store
            .user_by_id(user)
            .await?
            .ok_or(AuthError::InvalidAccessToken)?;
        let now = self.deps.now();
        let (_, locked) = self.lock_of(Some(&record), now).await?;
        let verification = self
            .passwords
            .verify(current, Some(record.password_hash.clone()))
            .await?;
        let draft = || {
            platform(
                Actor::User(user),
                "password.changed",
                Resource::new("user", user),
            )
        };
        // The current password is a guess like a sign-in's: it counts towards the lock, and a
        // locked account cannot change its password this way (a reset still can).
        if locked {
            self.audit.record(draft().denied("account_locked"), origin);
            return Err(AuthError::InvalidCredentials);
        }
        if verification == Verification::Invalid {
            self.audit
                .record(draft().denied("invalid_credentials"), origin);
            self.count_failure(&record, now, origin).await?;
            return Err(AuthError::InvalidCredentials);
        }
        check_strength(&new, &record.email, record.name.as_deref())?;
        let hash = self.new_password_hash(new).await?;
        let changed = self.audit.entry(draft(), origin);
        self.deps
            .store
            .set_password_hash(user, &hash, self.deps.now(), &changed)
            .await?;
        self.revoke_all(user, Some(caller.session()), "password_changed", origin)
            .await?;
        self.audit.appended(PLATFORM_LOG);
        Ok(())
    }

    /// The signed-in account.
    pub async fn account(&self, caller: &Caller) -> Result<UserRecord, AuthError> {
        self.deps
            .store
            .user_by_id(caller.user())
            .await?
            .ok_or(AuthError::InvalidAccessToken)
    }

    /// The caller's sessions that are neither revoked nor past a timeout.
    pub async fn sessions_of(&self, caller: &Caller) -> Result<Vec<SessionSummary>, AuthError> {
        let now = self.deps.now();
        let idle = self.config.session_idle_timeout;
        let records = self.deps.store.unrevoked_sessions(caller.user()).await?;
        Ok(records
            .into_iter()
            .filter(|s| now < s.absolute_expires_at && now - s.last_used_at <= idle)
            .map(|s| SessionSummary {
                id: s.id,
                created_at: s.created_at,
                last_used_at: s.last_used_at,
                expires_at: s.absolute_expires_at.min(s.last_used_at + idle),
                user_agent: s.user_agent,
                ip: s.ip,
                current: s.id == caller.session(),
            })
            .collect())
    }

    /// Signs the caller's current session out.
    pub async fn logout(&self, caller: &Caller, origin: &Origin) -> Result<(), AuthError> {
        let actor = Actor::User(caller.user());
        self.revoke(&[caller.session()], "logout", actor, origin)
            .await
    }
}
