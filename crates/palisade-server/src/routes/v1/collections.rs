//! Collections of a workspace: named sets of JSON records, each optionally held to a JSON
//! Schema. Reading them needs `records:read`; changing them, `collections:manage`.

use crate::error::ApiError;
use crate::extract::{Json, Scoped};
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::grant::{ManageCollections, ReadRecords};
use palisade_store::CollectionRecord;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCollection {
    #[schema(schema_with = super::fields::collection_name)]
    pub name: String,
    /// A JSON Schema (2020-12 unless `$schema` names another draft) every record must meet.
    #[serde(default)]
    #[schema(value_type = Option<super::json_types::JsonObject>)]
    pub schema: Option<Value>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCollection {
    /// The new schema, or `null` to drop it. Existing records are not re-validated.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<super::json_types::JsonObject>, required = true)]
    pub schema: Option<Value>,
}

/// Tells `"schema": null` (drop it) apart from a missing `schema` (nothing to change).
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Collection {
    pub name: String,
    #[schema(value_type = Option<super::json_types::JsonObject>)]
    pub schema: Option<Value>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

fn view(record: CollectionRecord) -> Collection {
    Collection {
        schema: record
            .json_schema
            .and_then(|text| serde_json::from_str(&text).ok()),
        name: record.name,
        created_at: record.created_at,
        updated_at: record.updated_at,
    }
}

/// Create a collection (`collections:manage`).
#[utoipa::path(post, path = "/v1/workspaces/{ws}/collections", tag = "collections", request_body = CreateCollection,
    params(("ws" = String, Path, description = "Workspace slug")),
    responses(
        (status = 201, body = Collection)))]
pub async fn create(
    State(state): State<AppState>,
    access: Scoped<ManageCollections>,
    Json(body): Json<CreateCollection>,
) -> Result<(StatusCode, axum::Json<Collection>), ApiError> {
    let collections = &state.platform().collections;
    let record = collections
        .create(
            &access.grant,
            body.name,
            body.schema.as_ref(),
            &access.origin,
        )
        .await?;
    Ok((StatusCode::CREATED, axum::Json(view(record))))
}

/// The workspace's collections (`records:read`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/collections", tag = "collections",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [Collection])))]
pub async fn list(
    State(state): State<AppState>,
    access: Scoped<ReadRecords>,
) -> Result<axum::Json<Vec<Collection>>, ApiError> {
    let collections = state.platform().collections.list(&access.grant).await?;
    Ok(axum::Json(collections.into_iter().map(view).collect()))
}

/// One collection and its schema (`records:read`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/collections/{name}", tag = "collections",
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Collection name")),
    responses((status = 200, body = Collection)))]
pub async fn get(
    State(state): State<AppState>,
    access: Scoped<ReadRecords>,
    Path(path): Path<(String, String)>,
) -> Result<axum::Json<Collection>, ApiError> {
    let found = state.platform().collections.get(&access.grant, &path.1);
    Ok(axum::Json(view(found.await?)))
}

/// Set or drop the collection's schema (`collections:manage`).
#[utoipa::path(patch, path = "/v1/workspaces/{ws}/collections/{name}", tag = "collections", request_body = UpdateCollection,
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Collection name")),
    responses(
        (status = 200, body = Collection)))]
pub async fn update(
    State(state): State<AppState>,
    access: Scoped<ManageCollections>,
    Path(path): Path<(String, String)>,
    Json(body): Json<UpdateCollection>,
) -> Result<axum::Json<Collection>, ApiError> {
    let Some(schema) = body.schema else {
        return Err(ApiError::new(ProblemCode::NothingToChange)
            .with_detail("Send `schema`: a JSON Schema, or null to drop it."));
    };
    let collections = &state.platform().collections;
    let updated = collections
        .set_schema(&access.grant, &path.1, &schema, &access.origin)
        .await?;
    Ok(axum::Json(view(updated)))
}

/// Delete the collection and every record in it (`collections:manage`).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/collections/{name}", tag = "collections",
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Collection name")),
    responses((status = 204, description = "Deleted with its records")))]
pub async fn delete(
    State(state): State<AppState>,
    access: Scoped<ManageCollections>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let collections = &state.platform().collections;
    collections
        .delete(&access.grant, &path.1, &access.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
