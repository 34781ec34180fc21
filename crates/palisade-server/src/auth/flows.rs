//! The identity operations behind `/v1/auth/*` and `/v1/me*`.

use super::sessions::CachedSession;
use super::AuthError;
use crate::config::SignupPolicy;
use crate::state::AppState;
use palisade_core::{DisplayName, Email, SessionId, UserId};
use palisade_crypto::jwt::{AccessClaims, AUDIENCE};
use palisade_crypto::{policy, OpaqueToken, TokenDigest, Verification};
use palisade_store::{RefreshRecord, SessionRecord, UserRecord};
use secrecy::{ExposeSecret, SecretString};

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

pub async fn signup(
    state: &AppState,
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
    let context: Vec<&str> = std::iter::once(email.as_str())
        .chain(name.as_deref())
        .collect();
    policy::check(&password, &context)?;
    if state.store().user_by_email(email.as_str()).await?.is_some() {
        return Err(AuthError::EmailTaken);
    }
    if state.config().auth.signup_policy == SignupPolicy::InviteOnly {
        // An open invitation addressed to this e-mail is the ticket in; it is accepted after sign-in.
        let token = invitation.ok_or(AuthError::SignupInviteOnly)?;
        let digest = TokenDigest::of(token.expose_secret());
        let invited = state
            .store()
            .invitation_email(digest.as_str(), state.clock().now())
            .await?;
        if invited.map(|e| UserRecord::email_key(&e)) != Some(UserRecord::email_key(email.as_str()))
        {
            return Err(AuthError::SignupInviteOnly);
        }
    }
    if state.config().auth.signup_policy == SignupPolicy::AccessCode {
        let code = access_code.ok_or(AuthError::InvalidAccessCode)?;
        let digest = TokenDigest::of(code.expose_secret());
        if !state
            .store()
            .redeem_access_code(digest.as_str(), state.clock().now())
            .await?
        {
            return Err(AuthError::InvalidAccessCode);
        }
    }
    let password_hash = state
        .auth()
        .passwords
        .hash(password)
        .await?
        .map_err(|e| AuthError::Internal(e.to_string()))?;
    let now = state.clock().now();
    let user = UserRecord {
        id: UserId::generate(state.clock(), state.rng()),
        email: email.to_string(),
        name,
        password_hash,
        created_at: now,
        updated_at: now,
    };
    state.store().create_user(&user).await?;
    Ok(user)
}

pub async fn login(
    state: &AppState,
    email: &str,
    password: SecretString,
    client: ClientInfo,
) -> Result<IssuedTokens, AuthError> {
    // A malformed address is looked up like an unknown one: same work, same answer. Accounts
    // registered under the first releases' looser address rules are still found.
    let user = match Email::parse(email).or_else(|_| Email::parse_legacy(email)) {
        Ok(email) => state.store().user_by_email(email.as_str()).await?,
        Err(_) => None,
    };
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let verification = state
        .auth()
        .passwords
        .verify(password.clone(), stored)
        .await?;
    let (Some(user), Verification::Valid { needs_rehash }) = (user, verification) else {
        return Err(AuthError::InvalidCredentials);
    };
    if needs_rehash {
        upgrade_hash(state, user.id, password).await;
    }
    start_session(state, user.id, client).await
}

/// Re-hashes with today's cost; a failure here must not fail the sign-in.
async fn upgrade_hash(state: &AppState, user: UserId, password: SecretString) {
    match state.auth().passwords.hash(password).await {
        Ok(Ok(hash)) => {
            if let Err(err) = state
                .store()
                .set_password_hash(user, &hash, state.clock().now())
                .await
            {
                tracing::warn!(error = %err, "could not store the upgraded password hash");
            }
        }
        Ok(Err(err)) => tracing::warn!(error = %err, "could not upgrade a password hash"),
        Err(_) => tracing::debug!("hashing saturated; the hash upgrade waits for the next sign-in"),
    }
}

async fn start_session(
    state: &AppState,
    user: UserId,
    client: ClientInfo,
) -> Result<IssuedTokens, AuthError> {
    let now = state.clock().now();
    let session = SessionRecord {
        id: SessionId::generate(state.clock(), state.rng()),
        user_id: user,
        created_at: now,
        last_used_at: now,
        absolute_expires_at: now + state.config().auth.session_absolute_timeout,
        revoked_at: None,
        user_agent: client.user_agent,
        ip: client.ip,
    };
    let refresh = OpaqueToken::generate(REFRESH_TOKEN_PREFIX, state.rng());
    state
        .store()
        .create_session(&session, refresh.digest().as_str())
        .await?;
    state
        .auth()
        .sessions
        .put(session.id, CachedSession::loaded(&session, now));
    issue(state, user, session.id, refresh)
}

fn issue(
    state: &AppState,
    user: UserId,
    session: SessionId,
    refresh: OpaqueToken,
) -> Result<IssuedTokens, AuthError> {
    let now = state.clock().now().unix_timestamp();
    let ttl = state.config().auth.access_token_ttl.whole_seconds();
    let claims = AccessClaims {
        iss: state.auth().keys.issuer().to_owned(),
        aud: AUDIENCE.to_owned(),
        sub: user.to_string(),
        sid: session.to_string(),
        iat: now,
        nbf: now,
        exp: now + ttl,
        jti: palisade_core::id::new_ulid_text(state.clock(), state.rng()),
    };
    let access_token = state
        .auth()
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

/// Rotates a refresh token. A spent token presented again revokes its session, unless it
/// was rotated within the grace window and its successor is still unused: then that same
/// successor is returned, so two tabs refreshing together do not sign the user out.
pub async fn refresh(state: &AppState, presented: SecretString) -> Result<IssuedTokens, AuthError> {
    let presented = OpaqueToken::from_presented(presented);
    let digest = presented.digest();
    let record = state
        .store()
        .refresh_token(digest.as_str())
        .await?
        .ok_or(AuthError::InvalidRefreshToken)?;
    let session = live_session(state, record.session_id).await?;
    if record.spent_at.is_none() {
        let successor = OpaqueToken::generate(REFRESH_TOKEN_PREFIX, state.rng());
        let sealed = state.auth().successor_sealer.seal(
            successor.expose().as_bytes(),
            digest.as_str().as_bytes(),
            state.rng(),
        );
        let now = state.clock().now();
        if state
            .store()
            .rotate_refresh_token(digest.as_str(), successor.digest().as_str(), &sealed, now)
            .await?
        {
            return issue(state, session.user_id, session.id, successor);
        }
    }
    // Spent, by an earlier request or by one racing with this one.
    let record = state
        .store()
        .refresh_token(digest.as_str())
        .await?
        .ok_or(AuthError::InvalidRefreshToken)?;
    match successor_within_grace(state, &record, &digest).await? {
        Some(successor) => issue(state, session.user_id, session.id, successor),
        None => {
            revoke(state, &[session.id], "refresh_token_reuse").await?;
            tracing::warn!(session = %session.id, "refresh token reuse detected; session revoked");
            Err(AuthError::RefreshTokenReused)
        }
    }
}

async fn successor_within_grace(
    state: &AppState,
    record: &RefreshRecord,
    digest: &TokenDigest,
) -> Result<Option<OpaqueToken>, AuthError> {
    let (Some(spent_at), Some(sealed)) = (record.spent_at, record.successor_sealed.as_deref())
    else {
        return Ok(None);
    };
    if state.clock().now() - spent_at > state.config().auth.refresh_reuse_grace {
        return Ok(None);
    }
    let Ok(opened) = state
        .auth()
        .successor_sealer
        .open(sealed, digest.as_str().as_bytes())
    else {
        return Ok(None);
    };
    let Ok(text) = String::from_utf8(opened.expose_secret().clone()) else {
        return Ok(None);
    };
    let successor = OpaqueToken::from_presented(SecretString::from(text));
    let current = state
        .store()
        .refresh_token(successor.digest().as_str())
        .await?;
    Ok(current.filter(|r| r.spent_at.is_none()).map(|_| successor))
}

/// The session if it is neither revoked nor past its idle or absolute timeout.
async fn live_session(state: &AppState, id: SessionId) -> Result<SessionRecord, AuthError> {
    let session = state
        .store()
        .session(id)
        .await?
        .ok_or(AuthError::InvalidRefreshToken)?;
    if session.revoked_at.is_some() {
        return Err(AuthError::SessionRevoked);
    }
    let now = state.clock().now();
    let idle = now - session.last_used_at > state.config().auth.session_idle_timeout;
    if idle || now >= session.absolute_expires_at {
        revoke(state, &[id], "expired").await?;
        return Err(AuthError::SessionExpired);
    }
    Ok(session)
}

/// Revokes sessions in the store and in this node's cache.
pub async fn revoke(state: &AppState, ids: &[SessionId], reason: &str) -> Result<(), AuthError> {
    let now = state.clock().now();
    for id in ids {
        state.store().revoke_session(*id, reason, now).await?;
    }
    state.auth().sessions.revoke(ids);
    Ok(())
}

/// Revokes every session of an account (password reset, account compromise).
pub async fn revoke_all(state: &AppState, user: UserId, reason: &str) -> Result<(), AuthError> {
    let revoked = state
        .store()
        .revoke_user_sessions(user, None, reason, state.clock().now())
        .await?;
    state.auth().sessions.revoke(&revoked);
    Ok(())
}

pub async fn revoke_own_session(
    state: &AppState,
    user: UserId,
    target: SessionId,
) -> Result<(), AuthError> {
    match state.store().session(target).await? {
        Some(session) if session.user_id == user => {
            revoke(state, &[target], "revoked_by_user").await
        }
        _ => Err(AuthError::NoSuchSession),
    }
}

/// Changes the password (the current one is required) and revokes every other session.
pub async fn change_password(
    state: &AppState,
    user: UserId,
    current_session: SessionId,
    current: SecretString,
    new: SecretString,
) -> Result<(), AuthError> {
    let record = state
        .store()
        .user_by_id(user)
        .await?
        .ok_or(AuthError::InvalidAccessToken)?;
    let verification = state
        .auth()
        .passwords
        .verify(current, Some(record.password_hash.clone()))
        .await?;
    if verification == Verification::Invalid {
        return Err(AuthError::InvalidCredentials);
    }
    let context: Vec<&str> = std::iter::once(record.email.as_str())
        .chain(record.name.as_deref())
        .collect();
    policy::check(&new, &context)?;
    let hash = state
        .auth()
        .passwords
        .hash(new)
        .await?
        .map_err(|e| AuthError::Internal(e.to_string()))?;
    let now = state.clock().now();
    state.store().set_password_hash(user, &hash, now).await?;
    let revoked = state
        .store()
        .revoke_user_sessions(user, Some(current_session), "password_changed", now)
        .await?;
    state.auth().sessions.revoke(&revoked);
    Ok(())
}

/// Compares two secrets without leaking where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}
