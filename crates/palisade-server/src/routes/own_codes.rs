//! The problem codes each route's own logic adds to what its extractors refuse.

use crate::problem_code::ProblemCode;

// What each handler's service calls can answer, beyond what its extractors declare. Refresh
// reads its JSON body itself (cookie mode has none), so it lists the body's codes too.
pub(super) const HEALTH_READYZ: &[ProblemCode] = &[ProblemCode::DatabaseUnavailable];
pub(super) const AUTH_SIGNUP: &[ProblemCode] = &[
    ProblemCode::InvalidName,
    ProblemCode::EmailTaken,
    ProblemCode::WeakPassword,
    ProblemCode::InvalidEmail,
    ProblemCode::SignupInviteOnly,
    ProblemCode::InvalidAccessCode,
    ProblemCode::AuthBusy,
    ProblemCode::IpBlocked,
];
pub(super) const AUTH_LOGIN: &[ProblemCode] = &[
    ProblemCode::InvalidCredentials,
    ProblemCode::AccountSuspended,
    ProblemCode::AuthBusy,
    ProblemCode::IpBlocked,
];
pub(super) const AUTH_REFRESH: &[ProblemCode] = &[
    ProblemCode::InvalidRefreshToken,
    ProblemCode::RefreshTokenReused,
    ProblemCode::SessionExpired,
    ProblemCode::SessionRevoked,
    ProblemCode::CsrfTokenInvalid,
    ProblemCode::BadRequest,
    ProblemCode::MalformedJson,
    ProblemCode::PayloadTooLarge,
    ProblemCode::UnsupportedMediaType,
    ProblemCode::InvalidBody,
];
pub(super) const AUTH_CONFIRM_PASSWORD_RESET: &[ProblemCode] = &[
    ProblemCode::InvalidResetToken,
    ProblemCode::WeakPassword,
    ProblemCode::AuthBusy,
];
pub(super) const ME_REVOKE_SESSION: &[ProblemCode] = &[ProblemCode::NotFound];
pub(super) const ME_CHANGE_PASSWORD: &[ProblemCode] = &[
    ProblemCode::InvalidCredentials,
    ProblemCode::WeakPassword,
    ProblemCode::AuthBusy,
];
pub(super) const ME_DELETE: &[ProblemCode] = &[
    ProblemCode::InvalidCredentials,
    ProblemCode::MfaInvalidCode,
    ProblemCode::LastOwner,
    ProblemCode::AuthBusy,
];
pub(super) const WORKSPACES_CREATE: &[ProblemCode] = &[
    ProblemCode::SlugTaken,
    ProblemCode::InvalidSlug,
    ProblemCode::ReservedSlug,
    ProblemCode::InvalidName,
];
pub(super) const WORKSPACES_UPDATE: &[ProblemCode] = &[
    ProblemCode::InvalidName,
    ProblemCode::MfaEnrollmentRequired,
    ProblemCode::InvalidRetention,
    ProblemCode::NothingToChange,
];
pub(super) const WORKSPACES_CHANGE_ROLE: &[ProblemCode] = &[
    ProblemCode::NotFound,
    ProblemCode::LastOwner,
    ProblemCode::InvalidRole,
];
pub(super) const WORKSPACES_REMOVE_MEMBER: &[ProblemCode] =
    &[ProblemCode::NotFound, ProblemCode::LastOwner];
pub(super) const INVITATIONS_CREATE: &[ProblemCode] =
    &[ProblemCode::InvalidEmail, ProblemCode::InvalidRole];
pub(super) const INVITATIONS_REVOKE: &[ProblemCode] = &[ProblemCode::NotFound];
pub(super) const INVITATIONS_ACCEPT: &[ProblemCode] = &[ProblemCode::InvalidInvitation];
pub(super) const API_KEYS_CREATE: &[ProblemCode] = &[
    ProblemCode::MfaStepUpRequired,
    ProblemCode::ScopeNotHeld,
    ProblemCode::InvalidScope,
    ProblemCode::InvalidName,
    ProblemCode::InvalidExpiry,
];
pub(super) const API_KEYS_REVOKE: &[ProblemCode] = &[ProblemCode::NotFound];
pub(super) const AUDIT_EVENTS: &[ProblemCode] =
    &[ProblemCode::InvalidLimit, ProblemCode::InvalidCursor];
pub(super) const COLLECTIONS_CREATE: &[ProblemCode] = &[
    ProblemCode::CollectionExists,
    ProblemCode::InvalidCollectionName,
    ProblemCode::InvalidSchema,
];
pub(super) const COLLECTIONS_GET: &[ProblemCode] = &[ProblemCode::CollectionNotFound];
pub(super) const COLLECTIONS_UPDATE: &[ProblemCode] = &[
    ProblemCode::CollectionNotFound,
    ProblemCode::InvalidSchema,
    ProblemCode::NothingToChange,
];
pub(super) const COLLECTIONS_DELETE: &[ProblemCode] = &[ProblemCode::CollectionNotFound];
pub(super) const RECORDS_CREATE: &[ProblemCode] = &[
    ProblemCode::CollectionNotFound,
    ProblemCode::RecordNotObject,
    ProblemCode::UnsupportedCharacter,
    ProblemCode::RecordTooLarge,
    ProblemCode::SchemaViolation,
];
pub(super) const RECORDS_LIST: &[ProblemCode] = &[
    ProblemCode::CollectionNotFound,
    ProblemCode::InvalidLimit,
    ProblemCode::InvalidCursor,
    ProblemCode::InvalidFilter,
    ProblemCode::InvalidQuery,
];
pub(super) const RECORDS_GET: &[ProblemCode] =
    &[ProblemCode::RecordNotFound, ProblemCode::CollectionNotFound];
pub(super) const RECORDS_REPLACE: &[ProblemCode] = &[
    ProblemCode::RecordNotFound,
    ProblemCode::CollectionNotFound,
    ProblemCode::WriteConflict,
    ProblemCode::PreconditionFailed,
    ProblemCode::RecordNotObject,
    ProblemCode::UnsupportedCharacter,
    ProblemCode::RecordTooLarge,
    ProblemCode::SchemaViolation,
];
pub(super) const RECORDS_PATCH: &[ProblemCode] = &[
    ProblemCode::RecordNotFound,
    ProblemCode::CollectionNotFound,
    ProblemCode::WriteConflict,
    ProblemCode::PreconditionFailed,
    ProblemCode::RecordNotObject,
    ProblemCode::UnsupportedCharacter,
    ProblemCode::RecordTooLarge,
    ProblemCode::SchemaViolation,
];
pub(super) const RECORDS_DELETE: &[ProblemCode] = &[
    ProblemCode::RecordNotFound,
    ProblemCode::CollectionNotFound,
    ProblemCode::WriteConflict,
    ProblemCode::PreconditionFailed,
];
pub(super) const SECRETS_PUT: &[ProblemCode] = &[
    ProblemCode::InvalidSecretName,
    ProblemCode::InvalidSecretValue,
    ProblemCode::InvalidDescription,
    ProblemCode::WriteConflict,
];
pub(super) const SECRETS_ONE: &[ProblemCode] = &[ProblemCode::SecretNotFound];
pub(super) const WEBHOOKS_CREATE: &[ProblemCode] = &[
    ProblemCode::WebhookLimitReached,
    ProblemCode::PermissionDenied,
    ProblemCode::InvalidWebhookUrl,
    ProblemCode::InvalidWebhookEvents,
    ProblemCode::InvalidWebhookAuth,
    ProblemCode::InvalidDescription,
];
pub(super) const WEBHOOKS_ONE: &[ProblemCode] = &[ProblemCode::WebhookNotFound];
pub(super) const WEBHOOKS_UPDATE: &[ProblemCode] = &[
    ProblemCode::WebhookNotFound,
    ProblemCode::PermissionDenied,
    ProblemCode::InvalidWebhookUrl,
    ProblemCode::InvalidWebhookEvents,
    ProblemCode::InvalidWebhookAuth,
    ProblemCode::InvalidDescription,
    ProblemCode::NothingToChange,
];
pub(super) const WEBHOOKS_ROTATE: &[ProblemCode] = &[
    ProblemCode::WebhookNotFound,
    ProblemCode::WriteConflict,
    ProblemCode::PermissionDenied,
];
pub(super) const WEBHOOKS_DELIVERIES: &[ProblemCode] = &[
    ProblemCode::WebhookNotFound,
    ProblemCode::InvalidLimit,
    ProblemCode::InvalidQuery,
];
pub(super) const WEBHOOKS_REDELIVER: &[ProblemCode] = &[
    ProblemCode::WebhookNotFound,
    ProblemCode::WebhookMessageNotFound,
];
/// Deleting or exporting a workspace: a recent second factor when the account has one.
pub(super) const WORKSPACES_DELETE: &[ProblemCode] = &[ProblemCode::MfaStepUpRequired];
pub(super) const AUTH_MFA_VERIFY: &[ProblemCode] = &[
    ProblemCode::MfaInvalidCode,
    ProblemCode::AccountSuspended,
    ProblemCode::MfaInvalidToken,
    ProblemCode::MfaNotEnrolled,
    ProblemCode::AuthBusy,
    ProblemCode::IpBlocked,
];
pub(super) const MFA_ENROLL: &[ProblemCode] = &[ProblemCode::MfaAlreadyEnrolled];
pub(super) const MFA_CONFIRM: &[ProblemCode] = &[
    ProblemCode::MfaInvalidCode,
    ProblemCode::MfaAlreadyEnrolled,
    ProblemCode::MfaNotEnrolled,
];
pub(super) const MFA_REMOVE: &[ProblemCode] = &[
    ProblemCode::MfaInvalidCode,
    ProblemCode::MfaNotEnrolled,
    ProblemCode::InvalidCredentials,
    ProblemCode::MfaStepUpRequired,
    ProblemCode::AuthBusy,
];
pub(super) const MFA_STEP_UP: &[ProblemCode] =
    &[ProblemCode::MfaInvalidCode, ProblemCode::MfaNotEnrolled];
pub(super) const SUPPORT_GRANT: &[ProblemCode] = &[
    ProblemCode::MfaStepUpRequired,
    ProblemCode::InvalidSupportDuration,
    ProblemCode::InvalidReason,
];
pub(super) const SUPPORT_REVOKE: &[ProblemCode] = &[ProblemCode::SupportGrantNotFound];
pub(super) const ADMIN_LIST: &[ProblemCode] =
    &[ProblemCode::InvalidLimit, ProblemCode::InvalidCursor];
pub(super) const ADMIN_ACCOUNT: &[ProblemCode] =
    &[ProblemCode::AccountNotFound, ProblemCode::CannotSuspendSelf];
pub(super) const ADMIN_WORKSPACE: &[ProblemCode] = &[ProblemCode::WorkspaceNotFound];
pub(super) const ADMIN_LIFT_BLOCK: &[ProblemCode] =
    &[ProblemCode::IpBlockNotFound, ProblemCode::InvalidIpAddress];
