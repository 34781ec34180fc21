use crate::error::ApiError;
use crate::extract::{Authenticated, Json, RequestOrigin, Scoped};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::grant::{AdministerSettings, DeleteWorkspace, ManageMembers, ReadWorkspace};
use palisade_core::Role;
use palisade_store::WorkspaceRecord;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWorkspace {
    #[schema(schema_with = super::fields::slug)]
    pub slug: String,
    #[schema(schema_with = super::fields::display_name)]
    pub name: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWorkspace {
    #[serde(default)]
    #[schema(schema_with = super::fields::optional_display_name)]
    pub name: Option<String>,
    /// How many days audit events are kept, 90–3650 (default 365).
    #[serde(default, deserialize_with = "super::fields::optional_integral")]
    #[schema(minimum = 90, maximum = 3650)]
    pub audit_retention_days: Option<i64>,
    #[serde(default)]
    pub settings: Option<SettingsChange>,
}

/// Workspace-wide security settings.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsChange {
    /// Members must have MFA to reach the workspace (turning it on needs your own MFA).
    #[serde(default)]
    pub require_mfa: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Settings {
    pub require_mfa: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Workspace {
    #[schema(example = "ws_01jd5v3k2m0000000000000000")]
    pub id: String,
    pub slug: String,
    pub name: String,
    /// The caller's role.
    #[schema(example = "owner")]
    pub role: String,
    /// How many days its audit events are kept.
    #[schema(example = 365)]
    pub audit_retention_days: i64,
    pub settings: Settings,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

fn view(record: WorkspaceRecord, role: Role) -> Workspace {
    Workspace {
        id: record.id.to_string(),
        slug: record.slug,
        name: record.name,
        role: role.to_string(),
        audit_retention_days: record.audit_retention_days,
        settings: Settings {
            require_mfa: record.require_mfa,
        },
        created_at: record.created_at,
    }
}

/// Create a workspace; the caller becomes its owner.
#[utoipa::path(post, path = "/v1/workspaces", tag = "workspaces", request_body = CreateWorkspace,
    responses(
        (status = 201, body = Workspace)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<CreateWorkspace>,
) -> Result<(StatusCode, axum::Json<Workspace>), ApiError> {
    let workspaces = &state.platform().workspaces;
    let record = workspaces
        .create(&caller.caller(), body.slug, &body.name, &origin)
        .await?;
    Ok((StatusCode::CREATED, axum::Json(view(record, Role::Owner))))
}

/// The caller's workspaces, with their role in each.
#[utoipa::path(get, path = "/v1/workspaces", tag = "workspaces",
    responses((status = 200, body = [Workspace])))]
pub async fn list(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<axum::Json<Vec<Workspace>>, ApiError> {
    let memberships = state
        .platform()
        .workspaces
        .of_caller(&caller.caller())
        .await?;
    Ok(axum::Json(
        memberships
            .into_iter()
            .map(|(record, role)| view(record, role))
            .collect(),
    ))
}

/// One workspace.
#[utoipa::path(get, path = "/v1/workspaces/{ws}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = Workspace)))]
pub async fn get(
    State(state): State<AppState>,
    access: Scoped<ReadWorkspace>,
) -> Result<axum::Json<Workspace>, ApiError> {
    let record = state.platform().workspaces.get(&access.grant).await?;
    Ok(axum::Json(view(record, access.grant.scope().role())))
}

/// Rename a workspace, set its audit retention, and/or require MFA of every member
/// (`settings:admin`).
#[utoipa::path(patch, path = "/v1/workspaces/{ws}", tag = "workspaces", request_body = UpdateWorkspace,
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = Workspace)))]
pub async fn update(
    State(state): State<AppState>,
    access: Scoped<AdministerSettings>,
    Json(body): Json<UpdateWorkspace>,
) -> Result<axum::Json<Workspace>, ApiError> {
    let workspaces = &state.platform().workspaces;
    let record = workspaces
        .update(
            &access.grant,
            body.name.as_deref(),
            body.audit_retention_days,
            body.settings.and_then(|s| s.require_mfa),
            &access.origin,
        )
        .await?;
    Ok(axum::Json(view(record, access.grant.scope().role())))
}

/// Delete a workspace and everything in it (`workspace:delete`, owners only).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete(
    State(state): State<AppState>,
    access: Scoped<DeleteWorkspace>,
) -> Result<StatusCode, ApiError> {
    let workspaces = &state.platform().workspaces;
    workspaces.delete(&access.grant, &access.origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Member {
    pub user_id: String,
    pub email: String,
    pub name: Option<String>,
    #[schema(example = "admin")]
    pub role: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub joined_at: OffsetDateTime,
}

/// Members of the workspace.
#[utoipa::path(get, path = "/v1/workspaces/{ws}/members", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [Member])))]
pub async fn members(
    State(state): State<AppState>,
    access: Scoped<ReadWorkspace>,
) -> Result<axum::Json<Vec<Member>>, ApiError> {
    let members = state.platform().workspaces.members(&access.grant).await?;
    Ok(axum::Json(
        members
            .into_iter()
            .map(|m| Member {
                user_id: m.user_id.to_string(),
                email: m.email,
                name: m.name,
                role: m.role.to_string(),
                joined_at: m.joined_at,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeRole {
    #[schema(schema_with = super::fields::role)]
    pub role: String,
}

/// Change a member's role (`members:manage`; never above one's own; only owners touch `owner`).
#[utoipa::path(patch, path = "/v1/workspaces/{ws}/members/{user_id}", tag = "workspaces", request_body = ChangeRole,
    params(("ws" = String, Path, description = "Workspace slug"), ("user_id" = String, Path, description = "Member's user id")),
    responses(
        (status = 204, description = "Changed")))]
pub async fn change_role(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
    Path(path): Path<(String, String)>,
    Json(body): Json<ChangeRole>,
) -> Result<StatusCode, ApiError> {
    let workspaces = &state.platform().workspaces;
    workspaces
        .change_role(&access.grant, &path.1, &body.role, &access.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Remove a member (`members:manage`, within the same limits as role changes).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/members/{user_id}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug"), ("user_id" = String, Path, description = "Member's user id")),
    responses(
        (status = 204, description = "Removed")))]
pub async fn remove_member(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let workspaces = &state.platform().workspaces;
    workspaces
        .remove_member(&access.grant, &path.1, &access.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
