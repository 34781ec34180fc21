//! Brute-force lockout: after `lockout.threshold` consecutive failed sign-ins an account is
//! locked, each lock in a row twice as long as the one before; a success or a new password
//! (reset or change) ends it. A locked account answers exactly like a wrong password, so the
//! lock tells an attacker nothing; its owner learns of it by mail, with the way out (a reset).

use super::{platform, Auth, AuthError};
use crate::audit::{Actor, Origin, Resource};
use palisade_core::audit::PLATFORM_LOG;
use palisade_store::{LoginLock, UserRecord};
use time::OffsetDateTime;

impl Auth {
    /// The account's failures, and whether it is locked at `now`.
    pub(super) async fn lock_of(
        &self,
        user: Option<&UserRecord>,
        now: OffsetDateTime,
    ) -> Result<(Option<LoginLock>, bool), AuthError> {
        let Some(user) = user else {
            return Ok((None, false));
        };
        let lock = self.deps.store.login_lock(user.id).await?;
        let locked = lock
            .and_then(|l| l.locked_until)
            .is_some_and(|until| until > now);
        Ok((lock, locked))
    }

    /// Counts a failed sign-in of `user`; locks the account when it reaches the threshold.
    pub(super) async fn count_failure(
        &self,
        user: &UserRecord,
        now: OffsetDateTime,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let policy = self.config.lockout;
        let state = self.deps.store.count_login_failure(user.id, now).await?;
        if state.failures < policy.threshold {
            return Ok(());
        }
        let until = now + policy.lock_for(state.lockouts);
        let event = self.audit.entry(
            platform(Actor::System, "user.locked", Resource::new("user", user.id))
                .because("too_many_failed_logins"),
            origin,
        );
        let locked = self
            .deps
            .store
            .lock_login(user.id, policy.threshold, until, now, &event)
            .await?;
        if locked {
            self.audit.appended(PLATFORM_LOG);
            self.tell_owner_of_lock(user, until).await;
        }
        Ok(())
    }

    async fn tell_owner_of_lock(&self, user: &UserRecord, until: OffsetDateTime) {
        let until = until
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|_| until.to_string());
        let body = format!(
            "Your account was locked after {} failed sign-in attempts in a row. It unlocks at \
             {until} (UTC).\n\nIf this was you, wait until then or reset your password: a new \
             password unlocks it at once.\nIf it was not you, someone is guessing your password: \
             reset it and choose one you use nowhere else.\n",
            self.config.lockout.threshold
        );
        if let Err(err) = self
            .mail
            .enqueue(&user.email, "Your account was locked", &body)
            .await
        {
            tracing::warn!(error = %err, user = %user.id, "could not queue the lockout notice");
        }
    }
}
