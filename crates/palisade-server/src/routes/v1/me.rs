use crate::error::ApiError;
use crate::extract::{Authenticated, Json, RequestOrigin};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// The signed-in account and its second factor.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    #[schema(example = "usr_01jd5v3k2m0000000000000000")]
    pub id: String,
    pub email: String,
    pub name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub mfa: MfaView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MfaView {
    /// A confirmed TOTP enrolment.
    pub enabled: bool,
    pub recovery_codes_remaining: u32,
}

/// The signed-in account.
#[utoipa::path(get, path = "/v1/me", tag = "me",
    responses((status = 200, body = Me)))]
pub async fn me(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<axum::Json<Me>, ApiError> {
    let auth = &state.platform().auth;
    let user = auth.account(&caller.caller()).await?;
    let mfa = auth.mfa_status(&caller.caller()).await?;
    Ok(axum::Json(Me {
        id: user.id.to_string(),
        email: user.email,
        name: user.name,
        created_at: user.created_at,
        mfa: MfaView {
            enabled: mfa.enabled,
            recovery_codes_remaining: mfa.recovery_codes_remaining,
        },
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionView {
    pub id: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub last_used_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    /// Whether this is the session making the request.
    pub current: bool,
}

/// Active sessions of the signed-in account.
#[utoipa::path(get, path = "/v1/me/sessions", tag = "me",
    responses((status = 200, body = [SessionView])))]
pub async fn sessions(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<axum::Json<Vec<SessionView>>, ApiError> {
    let sessions = state.platform().auth.sessions_of(&caller.caller()).await?;
    let views = sessions
        .into_iter()
        .map(|s| SessionView {
            id: s.id.to_string(),
            created_at: s.created_at,
            last_used_at: s.last_used_at,
            expires_at: s.expires_at,
            user_agent: s.user_agent,
            ip: s.ip,
            current: s.current,
        })
        .collect();
    Ok(axum::Json(views))
}

/// Revoke one of the signed-in account's sessions.
#[utoipa::path(delete, path = "/v1/me/sessions/{id}", tag = "me",
    params(("id" = String, Path, description = "Session id (`ses_…`)")),
    responses(
        (status = 204, description = "Revoked")))]
pub async fn revoke_session(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let auth = &state.platform().auth;
    auth.revoke_own_session(&caller.caller(), &id, &origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    #[schema(schema_with = super::fields::current_password)]
    pub current_password: SecretString,
    #[schema(schema_with = super::fields::new_password)]
    pub new_password: SecretString,
}

/// Change the password; every other session is revoked.
#[utoipa::path(post, path = "/v1/me/password", tag = "me", request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Changed")))]
pub async fn change_password(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<ChangePasswordRequest>,
) -> Result<StatusCode, ApiError> {
    let auth = &state.platform().auth;
    auth.change_password(
        &caller.caller(),
        body.current_password,
        body.new_password,
        &origin,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
