//! `/v1/workspaces/{ws}/support-access`: an owner lets platform admins read the workspace for
//! a while (`support:grant`).

use crate::error::ApiError;
use crate::extract::{Json, Scoped};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::grant::GrantSupport;
use palisade_store::SupportGrantRecord;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantSupportRequest {
    /// How long admins may read, 1–72 hours.
    #[schema(minimum = 1, maximum = 72)]
    pub duration_hours: i64,
    /// Why (shown to admins and kept in the audit log), 1–500 characters.
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SupportGrant {
    #[schema(example = "sup_01jd5v3k2m0000000000000000")]
    pub id: String,
    pub granted_by: String,
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub revoked_at: Option<OffsetDateTime>,
}

fn view(record: SupportGrantRecord) -> SupportGrant {
    SupportGrant {
        id: record.id,
        granted_by: record.granted_by.to_string(),
        reason: record.reason,
        created_at: record.created_at,
        expires_at: record.expires_at,
        revoked_at: record.revoked_at,
    }
}

/// Grant platform admins read-only access for up to 72 hours (owners; needs a recent second
/// factor when the owner has MFA). Every admin request is audited in this workspace's log.
#[utoipa::path(post, path = "/v1/workspaces/{ws}/support-access", tag = "workspaces", request_body = GrantSupportRequest,
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 201, body = SupportGrant)))]
pub async fn grant(
    State(state): State<AppState>,
    access: Scoped<GrantSupport>,
    Json(body): Json<GrantSupportRequest>,
) -> Result<(StatusCode, axum::Json<SupportGrant>), ApiError> {
    let record = state
        .platform()
        .workspaces
        .grant_support(
            &access.grant,
            body.duration_hours,
            &body.reason,
            &access.origin,
        )
        .await?;
    Ok((StatusCode::CREATED, axum::Json(view(record))))
}

/// The workspace's support grants, newest first.
#[utoipa::path(get, path = "/v1/workspaces/{ws}/support-access", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [SupportGrant])))]
pub async fn list(
    State(state): State<AppState>,
    access: Scoped<GrantSupport>,
) -> Result<axum::Json<Vec<SupportGrant>>, ApiError> {
    let grants = state
        .platform()
        .workspaces
        .support_grants(&access.grant)
        .await?;
    Ok(axum::Json(grants.into_iter().map(view).collect()))
}

/// End a grant early.
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/support-access/{id}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug"),
           ("id" = String, Path, description = "Grant id (`sup_…`)")),
    responses((status = 204, description = "Revoked")))]
pub async fn revoke(
    State(state): State<AppState>,
    access: Scoped<GrantSupport>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let (_, id) = path;
    state
        .platform()
        .workspaces
        .revoke_support(&access.grant, &id, &access.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
