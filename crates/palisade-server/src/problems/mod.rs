//! How each service's refusals become problem responses: one `From` per service error, so
//! handlers use `?`. The service says what went wrong; only here is it given a status.

mod admin;
mod data;
mod secrets;
mod webhooks;
mod workspaces;

use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use axum::http::{header, HeaderValue};
use palisade_service::auth::{AuthError, KeyRefusal};

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
            AuthError::IpBlocked { retry_after_secs } => ApiError::new(ProblemCode::IpBlocked)
                .with_detail(
                    "Too many failed sign-ins came from this address; sign-ins from it are \
                     paused. Try again later.",
                )
                .with_retry_after(retry_after_secs),
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
            AuthError::MfaAlreadyEnrolled => ApiError::new(ProblemCode::MfaAlreadyEnrolled)
                .with_detail("This account already has MFA; remove it first to enrol a new app."),
            AuthError::MfaNotEnrolled => ApiError::new(ProblemCode::MfaNotEnrolled)
                .with_detail("Start enrolment at POST /v1/me/mfa/totp first."),
            AuthError::InvalidMfaCode => unauthorized(
                ProblemCode::MfaInvalidCode,
                "The code is wrong or was already used. Wait for the next code and try again.",
                None,
            ),
            AuthError::InvalidMfaToken => unauthorized(
                ProblemCode::MfaInvalidToken,
                "The MFA token is invalid, used or expired; sign in again.",
                None,
            ),
            AuthError::StepUpRequired => step_up_required(),
            AuthError::MfaEnrollmentRequired => ApiError::new(ProblemCode::MfaEnrollmentRequired)
                .with_detail(
                    "This workspace requires MFA. Enrol at POST /v1/me/mfa/totp, then try again.",
                ),
            AuthError::AccountSuspended => ApiError::new(ProblemCode::AccountSuspended)
                .with_detail("This account is suspended. Contact the platform's operators."),
            AuthError::PlatformAdminRequired => ApiError::new(ProblemCode::PlatformAdminRequired)
                .with_detail("Platform administration is for platform admins."),
            AuthError::MfaRequired => ApiError::new(ProblemCode::MfaRequired)
                .with_detail("Platform administration needs a session signed in with MFA."),
            AuthError::LastOwner(_) => ApiError::new(ProblemCode::LastOwner).with_detail(message),
            AuthError::Store(err) => ApiError::from(err),
            AuthError::Internal(detail) => ApiError::internal(detail),
        }
    }
}

/// A sensitive action without a recent second factor.
pub fn step_up_required() -> ApiError {
    ApiError::new(ProblemCode::MfaStepUpRequired).with_detail(
        "This action needs a second factor proved in the last ten minutes: \
         POST /v1/me/mfa/step-up with a code, then try again.",
    )
}

/// The one answer for "not yours": existence is never revealed.
pub fn forbidden() -> ApiError {
    ApiError::new(ProblemCode::WorkspaceForbidden)
        .with_detail("You do not have access to this workspace.")
}

impl From<KeyRefusal> for ApiError {
    fn from(refusal: KeyRefusal) -> Self {
        match refusal {
            KeyRefusal::Invalid => ApiError::from(AuthError::InvalidApiKey),
            KeyRefusal::OtherWorkspace => forbidden(),
            KeyRefusal::Store(err) => ApiError::from(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_store::{Conflict, StoreError};

    #[test]
    fn a_conflict_other_than_e_mail_is_not_email_taken() {
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

    #[test]
    fn a_database_outage_while_checking_a_key_is_503_not_a_bad_key() {
        let mapped = ApiError::from(KeyRefusal::Store(palisade_store::testing::outage()));
        assert_eq!(mapped.code(), ProblemCode::DatabaseUnavailable);
    }
}
