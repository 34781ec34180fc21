use super::{cookies, fields};
use crate::error::ApiError;
use crate::extract::auth::{cookie, require_csrf, REFRESH_COOKIE};
use crate::extract::{Authenticated, Credential, Json, RequestOrigin};
use crate::state::AppState;
use axum::extract::{FromRequest, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use palisade_service::auth::{AuthError, FactorUsed, IssuedTokens, LoginOutcome};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignupRequest {
    #[schema(schema_with = fields::email)]
    pub email: String,
    #[schema(schema_with = fields::new_password)]
    pub password: SecretString,
    #[schema(schema_with = fields::optional_display_name)]
    pub name: Option<String>,
    #[schema(schema_with = fields::optional_access_code)]
    pub access_code: Option<SecretString>,
    #[schema(schema_with = fields::optional_invitation_token)]
    pub invitation_token: Option<SecretString>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Account {
    #[schema(example = "usr_01jd5v3k2m0000000000000000")]
    pub id: String,
    pub email: String,
    pub name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(schema_with = fields::email)]
    pub email: String,
    #[schema(schema_with = fields::current_password)]
    pub password: SecretString,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[schema(schema_with = fields::refresh_token)]
    pub refresh_token: SecretString,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TokenMode {
    /// Tokens in the response body, for API clients.
    #[default]
    Bearer,
    /// Tokens in `__Host-` cookies plus a CSRF token, for browser apps.
    Cookie,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ModeQuery {
    #[serde(default)]
    pub mode: TokenMode,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    #[schema(example = 900)]
    pub expires_in: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CookieSessionResponse {
    #[schema(example = "cookie")]
    pub token_type: String,
    pub expires_in: i64,
    /// Echo it in `X-CSRF-Token` on every state-changing request.
    pub csrf_token: String,
}

/// What sign-in and refresh answer: tokens in the body, or (cookie mode) the CSRF token.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Documents the two shapes `respond` writes; never built itself.
pub enum SessionResponse {
    Bearer(TokenResponse),
    Cookie(CookieSessionResponse),
}

/// A correct password for an account with MFA: no session yet. Send the token with a code
/// to `POST /v1/auth/mfa/verify` (same `mode`) within `expires_in` seconds.
#[derive(Serialize, ToSchema)]
pub struct MfaRequiredResponse {
    pub mfa_required: bool,
    #[schema(example = "palm_…")]
    pub mfa_token: String,
    #[schema(example = 300)]
    pub expires_in: i64,
}

/// What sign-in answers: a session, or the second factor still owed.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Documents the shapes `login` writes; never built itself.
pub enum LoginResponse {
    Bearer(TokenResponse),
    Cookie(CookieSessionResponse),
    MfaRequired(MfaRequiredResponse),
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MfaVerifyRequest {
    #[schema(schema_with = fields::mfa_token)]
    pub mfa_token: SecretString,
    #[schema(schema_with = fields::mfa_code)]
    pub code: SecretString,
}

fn carries_no_body(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).is_none()
        && headers
            .get(header::CONTENT_LENGTH)
            .is_none_or(|length| length.as_bytes() == b"0")
        && headers.get(header::TRANSFER_ENCODING).is_none()
}

fn respond(state: &AppState, mode: TokenMode, tokens: IssuedTokens) -> Response {
    match mode {
        TokenMode::Bearer => axum::Json(TokenResponse {
            access_token: tokens.access_token.clone(),
            refresh_token: tokens.refresh_token.expose().to_owned(),
            token_type: "Bearer".into(),
            expires_in: tokens.expires_in,
        })
        .into_response(),
        TokenMode::Cookie => {
            let mut headers = HeaderMap::new();
            let csrf_token = cookies::issue(state, &tokens, &mut headers);
            let body = CookieSessionResponse {
                token_type: "cookie".into(),
                expires_in: tokens.expires_in,
                csrf_token,
            };
            (headers, axum::Json(body)).into_response()
        }
    }
}

/// Create an account.
#[utoipa::path(post, path = "/v1/auth/signup", tag = "auth", request_body = SignupRequest,
    responses(
        (status = 201, body = Account)))]
pub async fn signup(
    State(state): State<AppState>,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<SignupRequest>,
) -> Result<Response, ApiError> {
    let user = state
        .platform()
        .auth
        .signup(
            &body.email,
            body.password,
            body.name,
            body.access_code,
            body.invitation_token,
            &origin,
        )
        .await?;
    let account = Account {
        id: user.id.to_string(),
        email: user.email,
        name: user.name,
        created_at: user.created_at,
    };
    Ok((StatusCode::CREATED, axum::Json(account)).into_response())
}

/// Sign in with e-mail and password. An account with MFA gets `{mfa_required, mfa_token}`
/// instead of a session.
#[utoipa::path(post, path = "/v1/auth/login", tag = "auth", request_body = LoginRequest, params(ModeQuery),
    responses(
        (status = 200, description = "Tokens (`mode=bearer`), cookies (`mode=cookie`), or the second factor owed", body = LoginResponse)))]
pub async fn login(
    State(state): State<AppState>,
    Query(query): Query<ModeQuery>,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<LoginRequest>,
) -> Result<Response, ApiError> {
    let outcome = state
        .platform()
        .auth
        .login(&body.email, body.password, &origin)
        .await?;
    Ok(match outcome {
        LoginOutcome::Signed(tokens) => respond(&state, query.mode, tokens),
        LoginOutcome::MfaRequired(challenge) => axum::Json(MfaRequiredResponse {
            mfa_required: true,
            mfa_token: challenge.mfa_token.expose().to_owned(),
            expires_in: challenge.expires_in,
        })
        .into_response(),
    })
}

/// Complete a sign-in with a TOTP code or a recovery code. A code works once; wrong codes
/// count towards the account's lock. Using a recovery code says how many remain in
/// `X-Recovery-Codes-Remaining`.
#[utoipa::path(post, path = "/v1/auth/mfa/verify", tag = "auth", request_body = MfaVerifyRequest, params(ModeQuery),
    responses(
        (status = 200, description = "Tokens (`mode=bearer`) or cookies (`mode=cookie`)", body = SessionResponse)))]
pub async fn mfa_verify(
    State(state): State<AppState>,
    Query(query): Query<ModeQuery>,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<MfaVerifyRequest>,
) -> Result<Response, ApiError> {
    let (tokens, used) = state
        .platform()
        .auth
        .verify_mfa(
            body.mfa_token.expose_secret(),
            body.code.expose_secret(),
            &origin,
        )
        .await?;
    let mut response = respond(&state, query.mode, tokens);
    if let FactorUsed::RecoveryCode { remaining } = used {
        response.headers_mut().insert(
            RECOVERY_CODES_REMAINING,
            axum::http::HeaderValue::from(remaining),
        );
    }
    Ok(response)
}

/// Set when a recovery code was used: how many are left.
pub const RECOVERY_CODES_REMAINING: &str = "x-recovery-codes-remaining";

/// Exchange a refresh token for a new pair; the old one is spent.
#[utoipa::path(post, path = "/v1/auth/refresh", tag = "auth", request_body(content = Option<RefreshRequest>, description = "Omitted in cookie mode"), params(ModeQuery),
    responses(
        (status = 200, description = "A new pair (`mode=bearer`) or new cookies (`mode=cookie`)", body = SessionResponse)))]
pub async fn refresh(
    State(state): State<AppState>,
    Query(query): Query<ModeQuery>,
    RequestOrigin(origin): RequestOrigin,
    request: Request,
) -> Result<Response, ApiError> {
    let presented = match query.mode {
        TokenMode::Cookie => {
            require_csrf(request.method(), request.headers())?;
            let token =
                cookie(request.headers(), REFRESH_COOKIE).ok_or(AuthError::InvalidRefreshToken)?;
            SecretString::from(token.to_owned())
        }
        // No body at all presents no token: a missing credential, like a wrong one.
        TokenMode::Bearer if carries_no_body(request.headers()) => {
            return Err(AuthError::InvalidRefreshToken.into());
        }
        TokenMode::Bearer => {
            Json::<Option<RefreshRequest>>::from_request(request, &state)
                .await?
                .0
                .ok_or(AuthError::InvalidRefreshToken)?
                .refresh_token
        }
    };
    let tokens = state.platform().auth.refresh(presented, &origin).await?;
    Ok(respond(&state, query.mode, tokens))
}

/// Sign out: revoke the current session.
#[utoipa::path(post, path = "/v1/auth/logout", tag = "auth",
    responses(
        (status = 204, description = "Signed out")))]
pub async fn logout(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
) -> Result<Response, ApiError> {
    state
        .platform()
        .auth
        .logout(&caller.caller(), &origin)
        .await?;
    let mut headers = HeaderMap::new();
    if caller.via == Credential::Cookie {
        cookies::clear(&mut headers);
    }
    Ok((StatusCode::NO_CONTENT, headers).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    #[schema(schema_with = fields::email)]
    pub email: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Accepted {
    #[schema(example = "accepted")]
    pub status: String,
}

/// Ask for a password reset mail. Any well-formed address gets 202 with the same body: whether
/// an account exists is never revealed.
#[utoipa::path(post, path = "/v1/auth/password-reset", tag = "auth", request_body = PasswordResetRequest,
    responses((status = 202, body = Accepted)))]
pub async fn request_password_reset(
    State(state): State<AppState>,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<PasswordResetRequest>,
) -> Result<(StatusCode, axum::Json<Accepted>), ApiError> {
    state.platform().auth.request_reset(&body.email, &origin)?;
    Ok((
        StatusCode::ACCEPTED,
        axum::Json(Accepted {
            status: "accepted".into(),
        }),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetConfirm {
    #[schema(schema_with = fields::reset_token)]
    pub token: SecretString,
    #[schema(schema_with = fields::new_password)]
    pub new_password: SecretString,
}

/// Set a new password with the token from the reset mail; every session is revoked.
#[utoipa::path(post, path = "/v1/auth/password-reset/confirm", tag = "auth", request_body = PasswordResetConfirm,
    responses(
        (status = 204, description = "Password changed; all sessions revoked")))]
pub async fn confirm_password_reset(
    State(state): State<AppState>,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<PasswordResetConfirm>,
) -> Result<StatusCode, ApiError> {
    let auth = &state.platform().auth;
    auth.confirm_reset(body.token, body.new_password, &origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

redacted_debug!(TokenResponse, CookieSessionResponse, MfaRequiredResponse);
