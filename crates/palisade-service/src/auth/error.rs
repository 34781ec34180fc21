use crate::auth::passwords::Saturated;
use palisade_crypto::policy::PolicyViolation;
use palisade_store::{Conflict, StoreError};

/// Why an identity operation failed; each maps to one stable problem code.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("password hashing is saturated")]
    Busy,
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    /// Too many failed sign-ins across accounts came from this address.
    #[error("sign-ins from this address are blocked for {retry_after_secs} s")]
    IpBlocked { retry_after_secs: u64 },
    #[error("the refresh token is not valid")]
    InvalidRefreshToken,
    #[error("a spent refresh token was presented again")]
    RefreshTokenReused,
    #[error("the session has expired")]
    SessionExpired,
    #[error("the session was revoked")]
    SessionRevoked,
    #[error("no credentials")]
    Unauthenticated,
    #[error("the access token is not valid")]
    InvalidAccessToken,
    #[error("the API key is not valid")]
    InvalidApiKey,
    #[error("the CSRF token is missing or wrong")]
    Csrf,
    #[error("{0}")]
    WeakPassword(#[from] PolicyViolation),
    #[error("not a valid e-mail address")]
    InvalidEmail,
    #[error("a name is 1–100 characters, no control characters, not only white space")]
    InvalidName,
    #[error("an account with this e-mail exists")]
    EmailTaken,
    #[error("no such session")]
    NoSuchSession,
    #[error("the reset token is invalid, used or expired")]
    InvalidResetToken,
    #[error("sign-up needs an invitation")]
    SignupInviteOnly,
    #[error("sign-up needs a valid access code")]
    InvalidAccessCode,
    #[error("this account already has MFA")]
    MfaAlreadyEnrolled,
    #[error("this account has no MFA enrolment to use")]
    MfaNotEnrolled,
    #[error("the code is wrong, used or expired")]
    InvalidMfaCode,
    #[error("the MFA token is invalid, used or expired; sign in again")]
    InvalidMfaToken,
    #[error("this action needs a second factor proved in the last ten minutes")]
    StepUpRequired,
    #[error("this workspace requires MFA: enrol at /v1/me/mfa/totp first")]
    MfaEnrollmentRequired,
    #[error("this account is suspended")]
    AccountSuspended,
    #[error("platform administration needs a platform admin")]
    PlatformAdminRequired,
    #[error("platform administration needs a session signed in with MFA")]
    MfaRequired,
    /// The account is the only owner of these workspaces (slugs).
    #[error("this account is the only owner of {}: make another member an owner, or delete the workspace, first", .0.join(", "))]
    LastOwner(Vec<String>),
    #[error(transparent)]
    Store(StoreError),
    #[error("{0}")]
    Internal(String),
}

impl From<Saturated> for AuthError {
    fn from(_: Saturated) -> Self {
        AuthError::Busy
    }
}

impl From<super::step_up::StepUpError> for AuthError {
    fn from(err: super::step_up::StepUpError) -> Self {
        match err {
            super::step_up::StepUpError::Required => AuthError::StepUpRequired,
            super::step_up::StepUpError::Store(err) => AuthError::Store(err),
        }
    }
}

impl From<StoreError> for AuthError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Conflict(Conflict::Email) => AuthError::EmailTaken,
            other => AuthError::Store(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_e_mail_conflict_means_the_e_mail_is_taken() {
        assert!(matches!(
            AuthError::from(StoreError::Conflict(Conflict::Email)),
            AuthError::EmailTaken
        ));
        for other in [Conflict::Slug, Conflict::CollectionName] {
            assert!(
                matches!(
                    AuthError::from(StoreError::Conflict(other)),
                    AuthError::Store(_)
                ),
                "{other:?}"
            );
        }
    }
}
