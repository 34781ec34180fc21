//! The identity operations behind `/v1/auth/*` and `/v1/me*`.

use super::access::Caller;
use super::sessions::CachedSession;
use super::{Auth, AuthError, SignupPolicy};
use palisade_core::{DisplayName, Email, SessionId, UserId};
use palisade_crypto::jwt::{AccessClaims, AUDIENCE};
use palisade_crypto::{policy, OpaqueToken, TokenDigest, Verification};
use palisade_store::{SessionRecord, UserRecord};
use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

pub const REFRESH_TOKEN_PREFIX: &str = "palr_";

/// Where a sign-in came from, as shown in the session list.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub user_agent: Option<String>,
    pub ip: Option<String>,
}

/// A fresh access token and refresh token for one session.
#[derive(Debug)]
pub struct IssuedTokens {
    pub access_token: String,
    pub refresh_token: OpaqueToken,
    pub expires_in: i64,
    pub session: SessionId,
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
    ) -> Result<UserRecord, AuthError> {
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
            if !self
                .deps
                .store
                .redeem_access_code(digest.as_str(), self.deps.clock().now())
                .await?
            {
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
        self.deps.store.create_user(&user).await?;
        Ok(user)
    }

    pub async fn login(
        &self,
        email: &str,
        password: SecretString,
        client: ClientInfo,
    ) -> Result<IssuedTokens, AuthError> {
        // A malformed address is looked up like an unknown one: same work, same answer. Accounts
        // registered under the first releases' looser address rules are still found.
        let user = match Email::parse(email).or_else(|_| Email::parse_legacy(email)) {
            Ok(email) => self.deps.store.user_by_email(email.as_str()).await?,
            Err(_) => None,
        };
        let stored = user.as_ref().map(|u| u.password_hash.clone());
        let verification = self.passwords.verify(password.clone(), stored).await?;
        let (Some(user), Verification::Valid { needs_rehash }) = (user, verification) else {
            return Err(AuthError::InvalidCredentials);
        };
        if needs_rehash {
            self.upgrade_hash(user.id, password).await;
        }
        self.start_session(user.id, client).await
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
                    .set_password_hash(user, &hash, self.deps.clock().now())
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

    async fn start_session(
        &self,
        user: UserId,
        client: ClientInfo,
    ) -> Result<IssuedTokens, AuthError> {
        let now = self.deps.clock().now();
        let session = SessionRecord {
            id: SessionId::generate(self.deps.clock(), self.deps.rng()),
            user_id: user,
            created_at: now,
            last_used_at: now,
            absolute_expires_at: now + self.config.session_absolute_timeout,
            revoked_at: None,
            user_agent: client.user_agent,
            ip: client.ip,
        };
        let refresh = OpaqueToken::generate(REFRESH_TOKEN_PREFIX, self.deps.rng());
        self.deps
            .store
            .create_session(&session, refresh.digest().as_str())
            .await?;
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

    /// Revokes sessions in the store and in this node's cache.
    pub(super) async fn revoke(&self, ids: &[SessionId], reason: &str) -> Result<(), AuthError> {
        let now = self.deps.clock().now();
        for id in ids {
            self.deps.store.revoke_session(*id, reason, now).await?;
        }
        self.sessions.revoke(ids);
        Ok(())
    }

    /// Revokes every session of an account (password reset, account compromise).
    pub(crate) async fn revoke_all(&self, user: UserId, reason: &str) -> Result<(), AuthError> {
        let revoked = self
            .deps
            .store
            .revoke_user_sessions(user, None, reason, self.deps.clock().now())
            .await?;
        self.sessions.revoke(&revoked);
        Ok(())
    }

    /// Revokes one of the caller's own sessions; anybody else's is "no such session".
    pub async fn revoke_own_session(&self, caller: &Caller, target: &str) -> Result<(), AuthError> {
        let target: SessionId = target.parse().map_err(|_| AuthError::NoSuchSession)?;
        match self.deps.store.session(target).await? {
            Some(session) if session.user_id == caller.user() => {
                self.revoke(&[target], "revoked_by_user").await
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
    ) -> Result<(), AuthError> {
        let (user, current_session) = (caller.user(), caller.session());
        let record = self
            .deps
            .store
            .user_by_id(user)
            .await?
            .ok_or(AuthError::InvalidAccessToken)?;
        let verification = self
            .passwords
            .verify(current, Some(record.password_hash.clone()))
            .await?;
        if verification == Verification::Invalid {
            return Err(AuthError::InvalidCredentials);
        }
        check_strength(&new, &record.email, record.name.as_deref())?;
        let hash = self.new_password_hash(new).await?;
        let now = self.deps.clock().now();
        self.deps.store.set_password_hash(user, &hash, now).await?;
        let revoked = self
            .deps
            .store
            .revoke_user_sessions(user, Some(current_session), "password_changed", now)
            .await?;
        self.sessions.revoke(&revoked);
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
    pub async fn logout(&self, caller: &Caller) -> Result<(), AuthError> {
        self.revoke(&[caller.session()], "logout").await
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
