//! The identity operations behind `/v1/auth/*` and `/v1/me*`.

use super::sessions::CachedSession;
use super::{platform, Auth, AuthError, SignupPolicy};
use crate::audit::{Actor, Origin, Resource};
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::{DisplayName, Email, SessionId, UserId};
use palisade_crypto::jwt::{AccessClaims, AUDIENCE};
use palisade_crypto::{policy, OpaqueToken, TokenDigest, Verification};
use palisade_store::{SessionRecord, UserRecord};
use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

pub const REFRESH_TOKEN_PREFIX: &str = "palr_";

/// A fresh access token and refresh token for one session.
pub struct IssuedTokens {
    pub access_token: String,
    pub refresh_token: OpaqueToken,
    pub expires_in: i64,
    pub session: SessionId,
}

/// Bearer tokens are secrets: `Debug` names the session, never the tokens.
impl std::fmt::Debug for IssuedTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedTokens")
            .field("access_token", &"[REDACTED]")
            .field("refresh_token", &self.refresh_token)
            .field("expires_in", &self.expires_in)
            .field("session", &self.session)
            .finish()
    }
}

/// One of an account's live sessions, as the session list shows it.
#[derive(Debug, Clone)]
pub struct SessionSummary {
    pub id: SessionId,
    pub created_at: OffsetDateTime,
    pub last_used_at: OffsetDateTime,
    /// The sooner of the absolute and the idle expiry.
    pub expires_at: OffsetDateTime,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub current: bool,
}

impl Auth {
    pub async fn signup(
        &self,
        email: &str,
        password: SecretString,
        name: Option<String>,
        access_code: Option<SecretString>,
        invitation: Option<SecretString>,
        origin: &Origin,
    ) -> Result<UserRecord, AuthError> {
        // Sign-up answers whether an address is taken: not to an address caught stuffing.
        self.refuse_blocked_address(origin, self.deps.now()).await?;
        let email = Email::parse(email).map_err(|_| AuthError::InvalidEmail)?;
        let name = name
            .map(|raw| DisplayName::parse(&raw).map(DisplayName::into_string))
            .transpose()
            .map_err(|_| AuthError::InvalidName)?;
        check_strength(&password, email.as_str(), name.as_deref())?;
        if self
            .deps
            .store
            .user_by_email(email.as_str())
            .await?
            .is_some()
        {
            return Err(AuthError::EmailTaken);
        }
        if self.config.signup_policy == SignupPolicy::InviteOnly {
            // An open invitation addressed to this e-mail is the ticket in; it is accepted after sign-in.
            let token = invitation.ok_or(AuthError::SignupInviteOnly)?;
            let digest = TokenDigest::of(token.expose_secret());
            let invited = self
                .deps
                .store
                .invitation_email(digest.as_str(), self.deps.clock().now())
                .await?;
            if invited.map(|e| UserRecord::email_key(&e))
                != Some(UserRecord::email_key(email.as_str()))
            {
                return Err(AuthError::SignupInviteOnly);
            }
        }
        if self.config.signup_policy == SignupPolicy::AccessCode {
            let code = access_code.ok_or(AuthError::InvalidAccessCode)?;
            let digest = TokenDigest::of(code.expose_secret());
            let redeemed = self.audit.entry(
                platform(
                    Actor::Anonymous,
                    "access_code.redeemed",
                    Resource::kind("access_code"),
                ),
                origin,
            );
            if !self
                .deps
                .store
                .redeem_access_code(digest.as_str(), self.deps.clock().now(), &redeemed)
                .await?
            {
                self.audit.record(
                    platform(Actor::Anonymous, "user.signed_up", Resource::kind("user"))
                        .denied("invalid_access_code"),
                    origin,
                );
                return Err(AuthError::InvalidAccessCode);
            }
        }
        let password_hash = self.new_password_hash(password).await?;
        let now = self.deps.clock().now();
        let user = UserRecord {
            id: UserId::generate(self.deps.clock(), self.deps.rng()),
            email: email.to_string(),
            name,
            password_hash,
            created_at: now,
            updated_at: now,
        };
        let event = self.audit.entry(
            platform(
                Actor::User(user.id),
                "user.signed_up",
                Resource::new("user", user.id),
            ),
            origin,
        );
        self.deps.store.create_user(&user, &event).await?;
        self.audit.appended(PLATFORM_LOG);
        Ok(user)
    }

    pub async fn login(
        &self,
        email: &str,
        password: SecretString,
        origin: &Origin,
    ) -> Result<super::LoginOutcome, AuthError> {
        // A malformed address is looked up like an unknown one: same work, same answer. Accounts
        // registered under the first releases' looser address rules are still found.
        let user = match Email::parse(email).or_else(|_| Email::parse_legacy(email)) {
            Ok(email) => self.deps.store.user_by_email(email.as_str()).await?,
            Err(_) => None,
        };
        let now = self.deps.clock().now();
        self.refuse_blocked_address(origin, now).await?;
        let (_, locked) = self.lock_of(user.as_ref(), now).await?;
        // The password is checked even when the account is locked: same work, same answer.
        let stored = user.as_ref().map(|u| u.password_hash.clone());
        let verification = self.passwords.verify(password.clone(), stored).await?;
        let (Some(user), Verification::Valid { needs_rehash }, false) =
            (&user, verification, locked)
        else {
            // Who was tried, when the account exists; never the address or the password.
            let resource = match &user {
                Some(user) => Resource::new("user", user.id),
                None => Resource::kind("user"),
            };
            let reason = if locked {
                "account_locked"
            } else {
                "invalid_credentials"
            };
            self.audit.record(
                platform(Actor::Anonymous, "user.login", resource).denied(reason),
                origin,
            );
            if let (Some(user), false) = (&user, locked) {
                self.count_failure(user, now, origin).await?;
            }
            self.count_address_failure(email, now, origin).await?;
            return Err(AuthError::InvalidCredentials);
        };
        // Guesses verified in parallel read the lock before it was set: look again now, so a
        // burst gets no more than the threshold (plus those hashing at that moment).
        let (failures, locked_now) = self.lock_of(Some(user), now).await?;
        if locked_now {
            self.audit.record(
                platform(
                    Actor::Anonymous,
                    "user.login",
                    Resource::new("user", user.id),
                )
                .denied("account_locked"),
                origin,
            );
            return Err(AuthError::InvalidCredentials);
        }
        if needs_rehash {
            self.upgrade_hash(user.id, password).await;
        }
        // Only someone who knows the password learns the account is suspended.
        let status = self.deps.store.account_status(user.id).await?;
        if status.is_some_and(|s| s.suspended_at.is_some()) {
            self.audit.record(
                platform(
                    Actor::User(user.id),
                    "user.login",
                    Resource::new("user", user.id),
                )
                .denied("account_suspended"),
                origin,
            );
            return Err(AuthError::AccountSuspended);
        }
        if status.is_some_and(|s| s.mfa_enabled) {
            // The failures are cleared once the second factor is proved, not before: a
            // password guessed right must not reset the count a code guesser runs up.
            self.audit.record(
                platform(
                    Actor::User(user.id),
                    "user.login",
                    Resource::new("user", user.id),
                )
                .because("mfa_required"),
                origin,
            );
            return Ok(super::LoginOutcome::MfaRequired(
                self.challenge(user.id).await?,
            ));
        }
        if failures.is_some() {
            self.deps.store.clear_login_failures(user.id).await?;
        }
        Ok(super::LoginOutcome::Signed(
            self.start_session(user.id, None, origin).await?,
        ))
    }

    /// A verifier for a password being set (sign-up, change, reset).
    pub(super) async fn new_password_hash(
        &self,
        password: SecretString,
    ) -> Result<String, AuthError> {
        self.passwords
            .hash(password)
            .await?
            .map_err(|e| AuthError::Internal(e.to_string()))
    }

    /// Re-hashes with today's cost; a failure here must not fail the sign-in.
    async fn upgrade_hash(&self, user: UserId, password: SecretString) {
        match self.passwords.hash(password).await {
            Ok(Ok(hash)) => {
                if let Err(err) = self
                    .deps
                    .store
                    .set_password_hash(
                        user,
                        &hash,
                        self.deps.clock().now(),
                        &self.audit.entry(
                            platform(
                                Actor::System,
                                "password.rehashed",
                                Resource::new("user", user),
                            ),
                            &Origin::system(),
                        ),
                    )
                    .await
                {
                    tracing::warn!(error = %err, "could not store the upgraded password hash");
                }
            }
            Ok(Err(err)) => tracing::warn!(error = %err, "could not upgrade a password hash"),
            Err(_) => {
                tracing::debug!("hashing saturated; the hash upgrade waits for the next sign-in")
            }
        }
    }

    /// `mfa_at`: when the sign-in proved a second factor, if it did.
    pub(super) async fn start_session(
        &self,
        user: UserId,
        mfa_at: Option<OffsetDateTime>,
        origin: &Origin,
    ) -> Result<IssuedTokens, AuthError> {
        // Looked at again here, just before the session exists: a suspension that landed
        // while the password or the second factor was being checked still holds.
        let status = self.deps.store.account_status(user).await?;
        if status.is_none_or(|s| s.suspended_at.is_some()) {
            return Err(AuthError::AccountSuspended);
        }
        let now = self.deps.clock().now();
        let session = SessionRecord {
            id: SessionId::generate(self.deps.clock(), self.deps.rng()),
            user_id: user,
            created_at: now,
            last_used_at: now,
            absolute_expires_at: now + self.config.session_absolute_timeout,
            revoked_at: None,
            user_agent: origin.user_agent.clone(),
            ip: origin.ip.clone(),
            mfa_at,
        };
        let refresh = OpaqueToken::generate(REFRESH_TOKEN_PREFIX, self.deps.rng());
        let event = self.audit.entry(
            platform(
                Actor::User(user),
                "user.login",
                Resource::new("session", session.id),
            ),
            origin,
        );
        self.deps
            .store
            .create_session(&session, refresh.digest().as_str(), &event)
            .await?;
        self.audit.appended(PLATFORM_LOG);
        self.sessions
            .put(session.id, CachedSession::loaded(&session, now));
        self.issue(user, session.id, refresh)
    }

    pub(super) fn issue(
        &self,
        user: UserId,
        session: SessionId,
        refresh: OpaqueToken,
    ) -> Result<IssuedTokens, AuthError> {
        let now = self.deps.clock().now().unix_timestamp();
        let ttl = self.config.access_token_ttl.whole_seconds();
        let claims = AccessClaims {
            iss: self.keys.issuer().to_owned(),
            aud: AUDIENCE.to_owned(),
            sub: user.to_string(),
            sid: session.to_string(),
            iat: now,
            nbf: now,
            exp: now + ttl,
            jti: palisade_core::id::new_ulid_text(self.deps.clock(), self.deps.rng()),
        };
        let access_token = self
            .keys
            .sign(&claims)
            .map_err(|e| AuthError::Internal(e.to_string()))?;
        Ok(IssuedTokens {
            access_token,
            refresh_token: refresh,
            expires_in: ttl,
            session,
        })
    }
}

/// Refuses a password that is weak, or guessable from the account's own e-mail or name.
pub(super) fn check_strength(
    password: &SecretString,
    email: &str,
    name: Option<&str>,
) -> Result<(), AuthError> {
    let context: Vec<&str> = std::iter::once(email).chain(name).collect();
    Ok(policy::check(password, &context)?)
}

/// Compares two secrets without leaking where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::{ManualClock, SeededRng};

    #[test]
    fn issued_tokens_never_show_their_tokens_in_debug() {
        let clock = ManualClock::starting_at(time::macros::datetime!(2026-12-01 00:00 UTC));
        let rng = SeededRng::new(7);
        let tokens = IssuedTokens {
            access_token: "eyJhbGciOiJFZERTQSJ9.secret-claims.secret-signature".into(),
            refresh_token: OpaqueToken::generate(REFRESH_TOKEN_PREFIX, &rng),
            expires_in: 900,
            session: SessionId::generate(&clock, &rng),
        };
        let shown = format!("{tokens:?}");
        assert!(!shown.contains("secret-claims"), "{shown}");
        assert!(!shown.contains(tokens.refresh_token.expose()), "{shown}");
        assert!(shown.contains(&tokens.session.to_string()), "{shown}");
    }
}
