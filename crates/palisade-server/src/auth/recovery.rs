//! Password reset by e-mail, and sign-up access codes.

use super::flows::revoke_all;
use super::AuthError;
use crate::state::AppState;
use palisade_core::Email;
use palisade_crypto::{policy, OpaqueToken, TokenDigest};
use palisade_store::AccessCodeRecord;
use secrecy::{ExposeSecret, SecretString};
use time::Duration;

pub const RESET_TOKEN_PREFIX: &str = "palpr_";
pub const ACCESS_CODE_PREFIX: &str = "palac_";

/// Starts a reset. A malformed address is refused (that depends on its shape alone); a
/// well-formed one always gets the same answer at once, and whether the account exists only
/// decides, in the background, whether a mail is sent.
pub fn request_reset(state: &AppState, email: &str) -> Result<(), AuthError> {
    let email = Email::parse(email).map_err(|_| AuthError::InvalidEmail)?;
    let task_state = state.clone();
    state.background().spawn(async move {
        if let Err(err) = send_reset_mail(&task_state, &email).await {
            tracing::error!(error = %err, "password reset mail could not be queued");
        }
    });
    Ok(())
}

async fn send_reset_mail(state: &AppState, email: &Email) -> Result<(), AuthError> {
    let Some(user) = state.store().user_by_email(email.as_str()).await? else {
        return Ok(());
    };
    let token = OpaqueToken::generate(RESET_TOKEN_PREFIX, state.rng());
    let now = state.clock().now();
    let ttl = state.config().auth.password_reset_ttl;
    state
        .store()
        .create_password_reset(token.digest().as_str(), user.id, now, now + ttl)
        .await?;
    let link = state
        .config()
        .public_url
        .join(&format!("/reset-password#token={}", token.expose()))
        .map_err(|e| AuthError::Internal(e.to_string()))?;
    let body = format!(
        "Someone asked to reset the password of your account {}.\n\n\
         To choose a new password, open this link within {} minutes:\n\n{link}\n\n\
         Or send this token to POST /v1/auth/password-reset/confirm:\n\n{}\n\n\
         If it was not you, ignore this message: your password stays as it is.\n",
        user.email,
        ttl.whole_minutes(),
        token.expose(),
    );
    crate::mail::enqueue(state, &user.email, "Reset your password", &body).await?;
    Ok(())
}

/// Sets a new password with a reset token (once), then signs the account out everywhere.
pub async fn confirm_reset(
    state: &AppState,
    token: SecretString,
    new_password: SecretString,
) -> Result<(), AuthError> {
    let digest = TokenDigest::of(token.expose_secret());
    let now = state.clock().now();
    let user_id = state
        .store()
        .password_reset_owner(digest.as_str(), now)
        .await?
        .ok_or(AuthError::InvalidResetToken)?;
    let user = state
        .store()
        .user_by_id(user_id)
        .await?
        .ok_or(AuthError::InvalidResetToken)?;
    let context: Vec<&str> = std::iter::once(user.email.as_str())
        .chain(user.name.as_deref())
        .collect();
    policy::check(&new_password, &context)?;
    // Consumed only now, so a refused password does not burn the token.
    if state
        .store()
        .consume_password_reset(digest.as_str(), now)
        .await?
        .is_none()
    {
        return Err(AuthError::InvalidResetToken);
    }
    let hash = state
        .auth()
        .passwords
        .hash(new_password)
        .await?
        .map_err(|e| AuthError::Internal(e.to_string()))?;
    state.store().set_password_hash(user.id, &hash, now).await?;
    revoke_all(state, user.id, "password_reset").await
}

/// Creates an access code; the code is returned once and stored only as a digest.
pub async fn create_access_code(
    state_store: &dyn palisade_store::Store,
    clock: &dyn palisade_core::Clock,
    rng: &dyn palisade_core::SecureRng,
    max_uses: Option<i64>,
    expires_in: Option<Duration>,
) -> Result<OpaqueToken, AuthError> {
    let code = OpaqueToken::generate(ACCESS_CODE_PREFIX, rng);
    let now = clock.now();
    let id = palisade_core::id::new_ulid_text(clock, rng);
    state_store
        .create_access_code(&AccessCodeRecord {
            id: format!("acc_{id}"),
            digest: code.digest().as_str().to_owned(),
            max_uses,
            expires_at: expires_in.map(|d| now + d),
            created_at: now,
        })
        .await?;
    Ok(code)
}
