use crate::error::ApiError;
use crate::extract::{Json, Scoped};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::grant::ManageKeys;
use palisade_store::ApiKeyRecord;
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    #[schema(schema_with = super::fields::display_name)]
    pub name: String,
    #[schema(schema_with = super::fields::scopes)]
    pub scopes: Vec<String>,
    /// When the key stops working; must be in the future. Without it the key does not expire.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub expires_at: Option<OffsetDateTime>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    pub scopes: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub expires_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<OffsetDateTime>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKey,
    /// The full key. Shown this once; only a verifier is stored.
    pub secret: String,
}

fn view(record: ApiKeyRecord) -> ApiKey {
    ApiKey {
        id: record.id,
        name: record.name,
        scopes: record
            .scopes
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect(),
        created_at: record.created_at,
        expires_at: record.expires_at,
        last_used_at: record.last_used_at,
    }
}

/// Create an API key (`keys:manage`); its scopes are a subset of the creator's permissions.
#[utoipa::path(post, path = "/v1/workspaces/{ws}/api-keys", tag = "api-keys", request_body = CreateApiKey,
    params(("ws" = String, Path, description = "Workspace slug")),
    responses(
        (status = 201, body = CreatedApiKey)))]
pub async fn create(
    State(state): State<AppState>,
    access: Scoped<ManageKeys>,
    Json(body): Json<CreateApiKey>,
) -> Result<(StatusCode, axum::Json<CreatedApiKey>), ApiError> {
    let keys = &state.platform().api_keys;
    let created = keys
        .create(
            &access.grant,
            &body.name,
            &body.scopes,
            body.expires_at,
            &access.origin,
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(CreatedApiKey {
            key: view(created.record),
            secret: created.secret.expose_secret().to_owned(),
        }),
    ))
}

/// The workspace's keys, without secrets (`keys:manage`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/api-keys", tag = "api-keys",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [ApiKey])))]
pub async fn list(
    State(state): State<AppState>,
    access: Scoped<ManageKeys>,
) -> Result<axum::Json<Vec<ApiKey>>, ApiError> {
    let keys = state.platform().api_keys.list(&access.grant).await?;
    Ok(axum::Json(keys.into_iter().map(view).collect()))
}

/// Revoke a key; the next request with it is refused (`keys:manage`).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/api-keys/{id}", tag = "api-keys",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Key id")),
    responses((status = 204, description = "Revoked")))]
pub async fn revoke(
    State(state): State<AppState>,
    access: Scoped<ManageKeys>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let keys = &state.platform().api_keys;
    keys.revoke(&access.grant, &path.1, &access.origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

redacted_debug!(CreatedApiKey);
