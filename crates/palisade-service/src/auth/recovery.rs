//! Password reset by e-mail, and sign-up access codes.

use super::flows::check_strength;
use super::{platform, Auth, AuthError};
use crate::audit::{system_entry, Actor, Audit, Origin, Resource};
use crate::deps::Deps;
use crate::mail::Mail;
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::{Clock, Email, SecureRng};
use palisade_crypto::{OpaqueToken, TokenDigest};
use palisade_store::{AccessCodeRecord, Store};
use secrecy::{ExposeSecret, SecretString};
use time::Duration;
use url::Url;

pub const RESET_TOKEN_PREFIX: &str = "palpr_";
pub const ACCESS_CODE_PREFIX: &str = "palac_";

/// What the background half of a reset request needs, owned so it outlives the request.
struct ResetMailer {
    deps: Deps,
    ttl: Duration,
    public_url: Url,
    mail: Mail,
    audit: Audit,
    origin: Origin,
}

impl ResetMailer {
    async fn send(&self, email: &Email) -> Result<(), AuthError> {
        let Some(user) = self.deps.store.user_by_email(email.as_str()).await? else {
            return Ok(());
        };
        let token = OpaqueToken::generate(RESET_TOKEN_PREFIX, self.deps.rng());
        let now = self.deps.now();
        let event = self.audit.entry(
            platform(
                Actor::Anonymous,
                "password_reset.requested",
                Resource::new("user", user.id),
            ),
            &self.origin,
        );
        self.deps
            .store
            .create_password_reset(
                token.digest().as_str(),
                user.id,
                now,
                now + self.ttl,
                &event,
            )
            .await?;
        self.audit.appended(PLATFORM_LOG);
        let link = self
            .public_url
            .join(&format!("/reset-password#token={}", token.expose()))
            .map_err(|e| AuthError::Internal(e.to_string()))?;
        let body = format!(
            "Someone asked to reset the password of your account {}.\n\n\
             To choose a new password, open this link within {} minutes:\n\n{link}\n\n\
             Or send this token to POST /v1/auth/password-reset/confirm:\n\n{}\n\n\
             If it was not you, ignore this message: your password stays as it is.\n",
            user.email,
            self.ttl.whole_minutes(),
            token.expose(),
        );
        self.mail
            .enqueue(&user.email, "Reset your password", &body)
            .await?;
        Ok(())
    }
}

impl Auth {
    /// Starts a reset. A malformed address is refused (that depends on its shape alone); a
    /// well-formed one always gets the same answer at once, and whether the account exists
    /// only decides, in the background, whether a mail is sent.
    pub fn request_reset(&self, email: &str, origin: &Origin) -> Result<(), AuthError> {
        let email = Email::parse(email).map_err(|_| AuthError::InvalidEmail)?;
        let mailer = ResetMailer {
            deps: self.deps.clone(),
            ttl: self.config.password_reset_ttl,
            public_url: self.public_url.clone(),
            mail: self.mail.clone(),
            audit: self.audit.clone(),
            origin: origin.clone(),
        };
        self.deps.tasks.spawn(async move {
            if let Err(err) = mailer.send(&email).await {
                tracing::error!(error = %err, "password reset mail could not be queued");
            }
        });
        Ok(())
    }

    /// Sets a new password with a reset token (once), then signs the account out everywhere.
    pub async fn confirm_reset(
        &self,
        token: SecretString,
        new_password: SecretString,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let digest = TokenDigest::of(token.expose_secret());
        let now = self.deps.clock().now();
        let refused = || {
            self.audit.record(
                platform(Actor::Anonymous, "password.reset", Resource::kind("user"))
                    .denied("invalid_reset_token"),
                origin,
            );
            AuthError::InvalidResetToken
        };
        let user_id = self
            .deps
            .store
            .password_reset_owner(digest.as_str(), now)
            .await?
            .ok_or_else(refused)?;
        let user = self
            .deps
            .store
            .user_by_id(user_id)
            .await?
            .ok_or(AuthError::InvalidResetToken)?;
        check_strength(&new_password, &user.email, user.name.as_deref())?;
        // Consumed only now, so a refused password does not burn the token.
        if self
            .deps
            .store
            .consume_password_reset(digest.as_str(), now)
            .await?
            .is_none()
        {
            return Err(refused());
        }
        let hash = self.new_password_hash(new_password).await?;
        let event = self.audit.entry(
            platform(
                Actor::User(user.id),
                "password.reset",
                Resource::new("user", user.id),
            ),
            origin,
        );
        self.deps
            .store
            .set_password_hash(user.id, &hash, now, &event)
            .await?;
        self.audit.appended(PLATFORM_LOG);
        self.revoke_all(user.id, None, "password_reset", origin)
            .await
    }
}

/// Creates an access code; the code is returned once and stored only as a digest.
/// Used by the operator command, which runs without a server.
pub async fn create_access_code(
    store: &dyn Store,
    clock: &dyn Clock,
    rng: &dyn SecureRng,
    max_uses: Option<i64>,
    expires_in: Option<Duration>,
) -> Result<OpaqueToken, AuthError> {
    let code = OpaqueToken::generate(ACCESS_CODE_PREFIX, rng);
    let now = clock.now();
    let id = palisade_core::id::new_ulid_text(clock, rng);
    let id = format!("acc_{id}");
    let event = system_entry(
        platform(
            Actor::System,
            "access_code.created",
            Resource::new("access_code", &id),
        ),
        clock,
        rng,
    );
    store
        .create_access_code(
            &AccessCodeRecord {
                id,
                digest: code.digest().as_str().to_owned(),
                max_uses,
                expires_at: expires_in.map(|d| now + d),
                created_at: now,
            },
            &event,
        )
        .await?;
    Ok(code)
}
