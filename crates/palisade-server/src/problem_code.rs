//! Every stable problem `code` the server can answer, with its status and title, in one enum.
//! The README's error table and the OpenAPI document are checked against [`ProblemCode::ALL`],
//! so a new code cannot ship undocumented.

use axum::http::StatusCode;

macro_rules! problem_codes {
    ($($variant:ident = $code:literal, $status:ident, $title:literal;)*) => {
        /// A stable, machine-readable reason for an error response. Clients may branch on it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ProblemCode {
            $($variant),*
        }

        impl ProblemCode {
            /// Every code, in declaration order (grouped by status).
            pub const ALL: &'static [ProblemCode] = &[$(ProblemCode::$variant),*];

            /// The `code` member of the problem document.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProblemCode::$variant => $code),*
                }
            }

            pub fn status(self) -> StatusCode {
                match self {
                    $(ProblemCode::$variant => StatusCode::$status),*
                }
            }

            /// The problem's short, human-readable summary (RFC 9457 `title`).
            pub fn title(self) -> &'static str {
                match self {
                    $(ProblemCode::$variant => $title),*
                }
            }
        }
    };
}

problem_codes! {
    BadRequest = "bad_request", BAD_REQUEST, "Bad request";
    InvalidRequestTarget = "invalid_request_target", BAD_REQUEST, "Bad request";
    MalformedJson = "malformed_json", BAD_REQUEST, "Malformed JSON";
    InvalidQuery = "invalid_query", BAD_REQUEST, "Invalid query";
    InvalidLimit = "invalid_limit", BAD_REQUEST, "Invalid query";
    InvalidCursor = "invalid_cursor", BAD_REQUEST, "Invalid query";
    InvalidFilter = "invalid_filter", BAD_REQUEST, "Invalid query";
    InvalidIdempotencyKey = "invalid_idempotency_key", BAD_REQUEST, "Invalid idempotency key";

    Unauthenticated = "unauthenticated", UNAUTHORIZED, "Authentication required";
    InvalidToken = "invalid_token", UNAUTHORIZED, "Invalid access token";
    InvalidApiKey = "invalid_api_key", UNAUTHORIZED, "Invalid API key";
    InvalidCredentials = "invalid_credentials", UNAUTHORIZED, "Invalid credentials";
    InvalidRefreshToken = "invalid_refresh_token", UNAUTHORIZED, "Invalid refresh token";
    RefreshTokenReused = "refresh_token_reused", UNAUTHORIZED, "Refresh token reused";
    SessionExpired = "session_expired", UNAUTHORIZED, "Session expired";
    SessionRevoked = "session_revoked", UNAUTHORIZED, "Session revoked";
    MfaInvalidCode = "mfa.invalid_code", UNAUTHORIZED, "Invalid MFA code";
    MfaInvalidToken = "mfa.invalid_token", UNAUTHORIZED, "Invalid MFA token";

    Forbidden = "forbidden", FORBIDDEN, "Forbidden";
    WorkspaceForbidden = "workspace_forbidden", FORBIDDEN, "Forbidden";
    PermissionDenied = "permission_denied", FORBIDDEN, "Permission denied";
    ScopeNotHeld = "scope_not_held", FORBIDDEN, "Permission denied";
    CsrfTokenInvalid = "csrf_token_invalid", FORBIDDEN, "CSRF check failed";
    SignupInviteOnly = "signup_invite_only", FORBIDDEN, "Sign-up is by invitation";
    InvalidAccessCode = "invalid_access_code", FORBIDDEN, "Access code required";
    InvalidResetToken = "invalid_reset_token", FORBIDDEN, "Invalid reset token";
    InvalidInvitation = "invalid_invitation", FORBIDDEN, "Invalid invitation";
    MfaStepUpRequired = "mfa.step_up_required", FORBIDDEN, "Recent MFA required";
    MfaEnrollmentRequired = "mfa.enrollment_required", FORBIDDEN, "MFA enrolment required";
    MfaRequired = "mfa.required", FORBIDDEN, "MFA required";
    AccountSuspended = "account_suspended", FORBIDDEN, "Account suspended";
    PlatformAdminRequired = "platform_admin_required", FORBIDDEN, "Platform admin required";

    NotFound = "not_found", NOT_FOUND, "Not found";
    CollectionNotFound = "collection_not_found", NOT_FOUND, "Not found";
    RecordNotFound = "record_not_found", NOT_FOUND, "Not found";
    SecretNotFound = "secret_not_found", NOT_FOUND, "Not found";
    AccountNotFound = "account_not_found", NOT_FOUND, "Not found";
    WorkspaceNotFound = "workspace_not_found", NOT_FOUND, "Not found";
    IpBlockNotFound = "ip_block_not_found", NOT_FOUND, "Not found";
    SupportGrantNotFound = "support_grant_not_found", NOT_FOUND, "Not found";
    WebhookNotFound = "webhook_not_found", NOT_FOUND, "Not found";
    WebhookMessageNotFound = "webhook_message_not_found", NOT_FOUND, "Not found";

    MethodNotAllowed = "method_not_allowed", METHOD_NOT_ALLOWED, "Method not allowed";
    RequestTimeout = "request_timeout", REQUEST_TIMEOUT, "Request timeout";

    Conflict = "conflict", CONFLICT, "Conflict";
    EmailTaken = "email_taken", CONFLICT, "E-mail already registered";
    SlugTaken = "slug_taken", CONFLICT, "Slug taken";
    LastOwner = "last_owner", CONFLICT, "Last owner";
    CollectionExists = "collection_exists", CONFLICT, "Conflict";
    WriteConflict = "write_conflict", CONFLICT, "Conflict";
    IdempotencyKeyInUse = "idempotency_key_in_use", CONFLICT, "Idempotency key in use";
    MfaAlreadyEnrolled = "mfa.already_enrolled", CONFLICT, "MFA already enrolled";
    MfaNotEnrolled = "mfa.not_enrolled", CONFLICT, "MFA not enrolled";
    CannotSuspendSelf = "cannot_suspend_self", CONFLICT, "Conflict";
    WebhookLimitReached = "webhook_limit_reached", CONFLICT, "Webhook limit reached";

    PreconditionFailed = "precondition_failed", PRECONDITION_FAILED, "Precondition failed";
    PayloadTooLarge = "payload_too_large", PAYLOAD_TOO_LARGE, "Payload too large";
    UnsupportedMediaType = "unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "Unsupported media type";

    InvalidRequest = "invalid_request", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidBody = "invalid_body", UNPROCESSABLE_ENTITY, "Invalid request body";
    WeakPassword = "weak_password", UNPROCESSABLE_ENTITY, "Password not accepted";
    InvalidEmail = "invalid_email", UNPROCESSABLE_ENTITY, "Invalid e-mail address";
    InvalidSlug = "invalid_slug", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidRetention = "invalid_retention", UNPROCESSABLE_ENTITY, "Invalid request";
    ReservedSlug = "reserved_slug", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidName = "invalid_name", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidRole = "invalid_role", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidScope = "invalid_scope", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidExpiry = "invalid_expiry", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidCollectionName = "invalid_collection_name", UNPROCESSABLE_ENTITY, "Invalid collection name";
    InvalidSchema = "invalid_schema", UNPROCESSABLE_ENTITY, "Invalid JSON Schema";
    InvalidSecretName = "invalid_secret_name", UNPROCESSABLE_ENTITY, "Invalid secret name";
    InvalidSecretValue = "invalid_secret_value", UNPROCESSABLE_ENTITY, "Invalid secret value";
    InvalidDescription = "invalid_description", UNPROCESSABLE_ENTITY, "Invalid request";
    NothingToChange = "nothing_to_change", UNPROCESSABLE_ENTITY, "Invalid request";
    RecordNotObject = "record_not_object", UNPROCESSABLE_ENTITY, "Invalid record";
    UnsupportedCharacter = "unsupported_character", UNPROCESSABLE_ENTITY, "Invalid record";
    RecordTooLarge = "record_too_large", UNPROCESSABLE_ENTITY, "Invalid record";
    IdempotencyKeyReused = "idempotency_key_reused", UNPROCESSABLE_ENTITY, "Idempotency key reused";
    InvalidSupportDuration = "invalid_support_duration", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidReason = "invalid_reason", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidIpAddress = "invalid_ip_address", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidWebhookUrl = "invalid_webhook_url", UNPROCESSABLE_ENTITY, "Webhook URL refused";
    InvalidWebhookEvents = "invalid_webhook_events", UNPROCESSABLE_ENTITY, "Invalid request";
    InvalidWebhookAuth = "invalid_webhook_auth", UNPROCESSABLE_ENTITY, "Invalid request";
    SchemaViolation = "schema_violation", UNPROCESSABLE_ENTITY, "Record does not match the collection schema";

    RateLimited = "rate_limited", TOO_MANY_REQUESTS, "Too many requests";
    IpBlocked = "ip_blocked", TOO_MANY_REQUESTS, "Too many failed sign-ins";
    InternalError = "internal_error", INTERNAL_SERVER_ERROR, "Internal server error";
    Unavailable = "unavailable", SERVICE_UNAVAILABLE, "Service unavailable";
    DatabaseUnavailable = "database_unavailable", SERVICE_UNAVAILABLE, "Database unavailable";
    AuthBusy = "auth_busy", SERVICE_UNAVAILABLE, "Too many sign-ins at once";
}

impl ProblemCode {
    /// The generic code for an error status produced outside our handlers (axum's own
    /// rejections, fallbacks, limits).
    pub fn for_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 => Self::BadRequest,
            401 => Self::Unauthenticated,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            405 => Self::MethodNotAllowed,
            408 => Self::RequestTimeout,
            409 => Self::Conflict,
            412 => Self::PreconditionFailed,
            413 => Self::PayloadTooLarge,
            415 => Self::UnsupportedMediaType,
            422 => Self::InvalidRequest,
            429 => Self::RateLimited,
            503 => Self::Unavailable,
            s if s >= 500 => Self::InternalError,
            _ => Self::BadRequest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ProblemCode;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_lower_snake_case_errors_optionally_namespaced() {
        let mut seen = HashSet::new();
        for code in ProblemCode::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} is listed twice");
            // `mfa.step_up_required`: a dotted namespace, each part lower snake case.
            assert!(
                text.split('.').all(|part| !part.is_empty()
                    && part.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
                "{text} is not lower snake case"
            );
            let status = code.status();
            assert!(
                status.is_client_error() || status.is_server_error(),
                "{text}"
            );
        }
    }

    #[test]
    fn every_generic_status_maps_to_a_code_of_that_status() {
        for status in [
            400, 401, 403, 404, 405, 408, 409, 412, 413, 415, 422, 429, 500, 503,
        ] {
            let status = axum::http::StatusCode::from_u16(status).unwrap();
            assert_eq!(ProblemCode::for_status(status).status(), status);
        }
    }
}
