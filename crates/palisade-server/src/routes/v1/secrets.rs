use crate::error::ApiError;
use crate::extract::{Json, Scoped};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::grant::ManageSecrets;
use palisade_store::SecretRecord;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutSecret {
    /// The value, 1 to 65536 bytes. Write-only: no response ever returns it.
    #[schema(value_type = String, min_length = 1, max_length = 65536, write_only)]
    pub value: SecretString,
    /// Kept as stored when left out. No control characters.
    #[schema(max_length = 500, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")]
    pub description: Option<String>,
}

impl std::fmt::Debug for PutSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PutSecret")
            .field("value", &"[REDACTED]")
            .field("description", &self.description)
            .finish()
    }
}

/// A secret's metadata; its value is never returned.
#[derive(Debug, Serialize, ToSchema)]
pub struct Secret {
    pub name: String,
    pub description: Option<String>,
    /// Counts value writes, from 1.
    pub version: i64,
    /// A keyed fingerprint of the value: tells two values apart, reveals nothing of them.
    pub fingerprint: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<OffsetDateTime>,
}

fn view(record: SecretRecord) -> Secret {
    Secret {
        name: record.name,
        description: record.description,
        version: record.version,
        fingerprint: record.fingerprint,
        created_at: record.created_at,
        updated_at: record.updated_at,
        last_used_at: record.last_used_at,
    }
}

/// Create a secret or replace its value (`secrets:manage`). 201 when created, 200 when replaced.
#[utoipa::path(put, path = "/v1/workspaces/{ws}/secrets/{name}", tag = "secrets", request_body = PutSecret,
    params(("ws" = String, Path, description = "Workspace slug"),
           ("name" = String, Path, description = "Secret name", pattern = "^[A-Za-z_][A-Za-z0-9_.-]{0,127}$")),
    responses((status = 201, body = Secret), (status = 200, body = Secret)))]
pub async fn put(
    State(state): State<AppState>,
    access: Scoped<ManageSecrets>,
    Path(path): Path<(String, String)>,
    Json(body): Json<PutSecret>,
) -> Result<(StatusCode, axum::Json<Secret>), ApiError> {
    let (record, created) = state
        .platform()
        .secrets
        .put(
            &access.grant,
            &path.1,
            &body.value,
            body.description,
            &access.origin,
        )
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, axum::Json(view(record))))
}

/// The workspace's secrets, metadata only (`secrets:manage`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/secrets", tag = "secrets",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [Secret])))]
pub async fn list(
    State(state): State<AppState>,
    access: Scoped<ManageSecrets>,
) -> Result<axum::Json<Vec<Secret>>, ApiError> {
    let secrets = state.platform().secrets.list(&access.grant).await?;
    Ok(axum::Json(secrets.into_iter().map(view).collect()))
}

/// One secret's metadata (`secrets:manage`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/secrets/{name}", tag = "secrets",
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Secret name")),
    responses((status = 200, body = Secret)))]
pub async fn get(
    State(state): State<AppState>,
    access: Scoped<ManageSecrets>,
    Path(path): Path<(String, String)>,
) -> Result<axum::Json<Secret>, ApiError> {
    let record = state.platform().secrets.get(&access.grant, &path.1).await?;
    Ok(axum::Json(view(record)))
}

/// Delete a secret (`secrets:manage`).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/secrets/{name}", tag = "secrets",
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Secret name")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete(
    State(state): State<AppState>,
    access: Scoped<ManageSecrets>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let secrets = &state.platform().secrets;
    secrets
        .delete(&access.grant, &path.1, &access.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::PutSecret;

    #[test]
    fn debug_of_a_secret_write_masks_its_value() {
        let body: PutSecret =
            serde_json::from_str(r#"{"value": "sk-value-in-a-body", "description": "d"}"#).unwrap();
        let shown = format!("{body:?}");
        assert!(
            shown.contains("[REDACTED]") && shown.contains("\"d\""),
            "{shown}"
        );
        assert!(!shown.contains("sk-value-in-a-body"));
    }
}
