use crate::auth::passwords::Saturated;
use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use axum::http::{header, HeaderValue};
use palisade_crypto::policy::PolicyViolation;
use palisade_store::{Conflict, StoreError};

/// Why an identity operation failed; each maps to one stable problem code.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("password hashing is saturated")]
    Busy,
    #[error("wrong e-mail or password")]
    InvalidCredentials,
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

impl From<StoreError> for AuthError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Conflict(Conflict::Email) => AuthError::EmailTaken,
            other => AuthError::Store(other),
        }
    }
}

fn unauthorized(code: ProblemCode, detail: &str, bearer_error: Option<&str>) -> ApiError {
    let challenge = match bearer_error {
        Some(error) => format!("Bearer error=\"{error}\""),
        None => "Bearer".to_owned(),
    };
    ApiError::new(code).with_detail(detail).with_header(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_str(&challenge).unwrap_or(HeaderValue::from_static("Bearer")),
    )
}

impl From<AuthError> for ApiError {
    fn from(err: AuthError) -> Self {
        let message = err.to_string();
        match err {
            AuthError::Busy => ApiError::new(ProblemCode::AuthBusy)
                .with_detail("Try again in a moment.")
                .with_retry_after(1),
            AuthError::InvalidCredentials => unauthorized(
                ProblemCode::InvalidCredentials,
                "The e-mail or password is wrong.",
                None,
            ),
            AuthError::InvalidRefreshToken => {
                unauthorized(ProblemCode::InvalidRefreshToken, "Sign in again.", None)
            }
            AuthError::RefreshTokenReused => unauthorized(
                ProblemCode::RefreshTokenReused,
                "This refresh token was already used; the session has been revoked. Sign in again.",
                None,
            ),
            AuthError::SessionExpired => unauthorized(
                ProblemCode::SessionExpired,
                "Sign in again.",
                Some("invalid_token"),
            ),
            AuthError::SessionRevoked => unauthorized(
                ProblemCode::SessionRevoked,
                "Sign in again.",
                Some("invalid_token"),
            ),
            AuthError::Unauthenticated => {
                unauthorized(ProblemCode::Unauthenticated, "Send a bearer token.", None)
            }
            AuthError::InvalidApiKey => unauthorized(
                ProblemCode::InvalidApiKey,
                "The API key is malformed, unknown, revoked or expired.",
                Some("invalid_token"),
            ),
            AuthError::InvalidAccessToken => unauthorized(
                ProblemCode::InvalidToken,
                "The access token is not valid.",
                Some("invalid_token"),
            ),
            AuthError::Csrf => ApiError::new(ProblemCode::CsrfTokenInvalid).with_detail(
                "Cookie-authenticated writes need the X-CSRF-Token header from sign-in.",
            ),
            AuthError::WeakPassword(_) => {
                ApiError::new(ProblemCode::WeakPassword).with_detail(message)
            }
            AuthError::InvalidEmail => {
                ApiError::new(ProblemCode::InvalidEmail).with_detail(message)
            }
            AuthError::InvalidName => ApiError::new(ProblemCode::InvalidName).with_detail(message),
            AuthError::EmailTaken => ApiError::new(ProblemCode::EmailTaken).with_detail(message),
            AuthError::NoSuchSession => ApiError::not_found().with_detail("No such session."),
            AuthError::InvalidResetToken => {
                ApiError::new(ProblemCode::InvalidResetToken).with_detail(message)
            }
            AuthError::SignupInviteOnly => {
                ApiError::new(ProblemCode::SignupInviteOnly).with_detail(message)
            }
            AuthError::InvalidAccessCode => {
                ApiError::new(ProblemCode::InvalidAccessCode).with_detail(message)
            }
            AuthError::Store(err) => ApiError::from(err),
            AuthError::Internal(detail) => ApiError::internal(detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem_code::ProblemCode;

    #[test]
    fn only_an_e_mail_conflict_means_the_e_mail_is_taken() {
        assert!(matches!(
            AuthError::from(StoreError::Conflict(Conflict::Email)),
            AuthError::EmailTaken
        ));
        for other in [Conflict::Slug, Conflict::CollectionName] {
            let mapped = ApiError::from(AuthError::from(StoreError::Conflict(other)));
            assert_ne!(mapped.code(), ProblemCode::EmailTaken, "{other:?}");
        }
    }

    #[test]
    fn a_database_outage_during_sign_in_is_503_not_500() {
        let mapped = ApiError::from(AuthError::from(palisade_store::testing::outage()));
        assert_eq!(mapped.code(), ProblemCode::DatabaseUnavailable);
    }
}
