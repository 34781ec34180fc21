use crate::error::ApiError;
use crate::extract::{Authenticated, Json, RequestOrigin, Scoped};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::grant::ManageMembers;
use palisade_store::InvitationRecord;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInvitation {
    #[schema(schema_with = super::fields::email)]
    pub email: String,
    #[schema(schema_with = super::fields::role)]
    pub role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    pub id: String,
    pub email: String,
    pub role: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
}

fn view(record: InvitationRecord) -> Invitation {
    Invitation {
        id: record.id,
        email: record.email,
        role: record.role.to_string(),
        expires_at: record.expires_at,
    }
}

/// Invite someone by e-mail (`members:manage`; never to a role above one's own).
#[utoipa::path(post, path = "/v1/workspaces/{ws}/invitations", tag = "workspaces", request_body = CreateInvitation,
    params(("ws" = String, Path, description = "Workspace slug")),
    responses(
        (status = 201, body = Invitation)))]
pub async fn create(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
    Json(body): Json<CreateInvitation>,
) -> Result<(StatusCode, axum::Json<Invitation>), ApiError> {
    let invitations = &state.platform().invitations;
    let record = invitations
        .create(&access.grant, &body.email, &body.role, &access.origin)
        .await?;
    Ok((StatusCode::CREATED, axum::Json(view(record))))
}

/// Pending invitations (`members:manage`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/invitations", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [Invitation])))]
pub async fn list(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
) -> Result<axum::Json<Vec<Invitation>>, ApiError> {
    let open = state.platform().invitations.open(&access.grant).await?;
    Ok(axum::Json(open.into_iter().map(view).collect()))
}

/// Revoke a pending invitation (`members:manage`).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/invitations/{id}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Invitation id")),
    responses((status = 204, description = "Revoked")))]
pub async fn revoke(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let invitations = &state.platform().invitations;
    invitations
        .revoke(&access.grant, &path.1, &access.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitation {
    #[schema(schema_with = super::fields::invitation_token)]
    pub token: SecretString,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Joined {
    pub workspace: String,
    pub role: String,
}

/// Accept an invitation addressed to the signed-in account's e-mail.
#[utoipa::path(post, path = "/v1/invitations/accept", tag = "workspaces", request_body = AcceptInvitation,
    responses(
        (status = 200, body = Joined)))]
pub async fn accept(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<AcceptInvitation>,
) -> Result<axum::Json<Joined>, ApiError> {
    let invitations = &state.platform().invitations;
    let (workspace, role) = invitations
        .accept(&caller.caller(), &body.token, &origin)
        .await?;
    Ok(axum::Json(Joined {
        workspace,
        role: role.to_string(),
    }))
}
