use crate::error::ApiError;
use crate::extract::scoped::ManageKeys;
use crate::extract::{Json, Scoped};
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::{DisplayName, Permission};
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

#[derive(Debug, Serialize, ToSchema)]
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

fn unprocessable(code: ProblemCode, detail: String) -> ApiError {
    ApiError::new(code).with_detail(detail)
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
    let name = DisplayName::parse(&body.name)
        .map_err(|_| {
            unprocessable(
                ProblemCode::InvalidName,
                "A name is 1–100 characters, no control characters, not only white space.".into(),
            )
        })?
        .into_string();
    let mut scopes = Vec::new();
    for raw in &body.scopes {
        let permission: Permission = raw.parse().map_err(|_| {
            unprocessable(
                ProblemCode::InvalidScope,
                format!("`{raw}` is not a permission."),
            )
        })?;
        if !access.scope.allows(permission) {
            return Err(
                ApiError::new(ProblemCode::ScopeNotHeld).with_detail(format!(
                    "A key cannot hold {permission}, which its creator lacks."
                )),
            );
        }
        if !scopes.contains(&permission) {
            scopes.push(permission);
        }
    }
    if scopes.is_empty() {
        return Err(unprocessable(
            ProblemCode::InvalidScope,
            "A key needs at least one scope.".into(),
        ));
    }
    let now = state.clock().now();
    if body.expires_at.is_some_and(|at| at <= now) {
        return Err(unprocessable(
            ProblemCode::InvalidExpiry,
            "expires_at must be in the future.".into(),
        ));
    }
    let key_id = palisade_core::id::new_ulid_text(state.clock(), state.rng());
    let generated = state.auth().api_keys.hasher.generate(&key_id, state.rng());
    let record = ApiKeyRecord {
        id: key_id,
        name,
        scopes,
        verifier: generated.verifier.clone(),
        created_by: access.scope.actor(),
        created_at: now,
        expires_at: body.expires_at,
        last_used_at: None,
    };
    state.store().create_api_key(&access.scope, &record).await?;
    let secret = generated.full.expose_secret().to_owned();
    Ok((
        StatusCode::CREATED,
        axum::Json(CreatedApiKey {
            key: view(record),
            secret,
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
    let keys = state.store().api_keys(&access.scope).await?;
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
    let revoked = state
        .store()
        .revoke_api_key(&access.scope, &path.1, state.clock().now())
        .await?;
    if !revoked {
        return Err(ApiError::not_found().with_detail("No such key."));
    }
    state.auth().api_keys.forget(&[path.1]);
    Ok(StatusCode::NO_CONTENT)
}
