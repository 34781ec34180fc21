//! Records of a collection. Reads need `records:read`, writes `records:write`. Every read
//! carries an `ETag`; writes honour `If-Match` (412 when the record has moved on), and
//! without it a write still never loses a concurrent one: it re-reads and retries.

use super::collections::collection_not_found;
use crate::error::ApiError;
use crate::extract::scoped::{ReadRecords, WriteRecords};
use crate::extract::{Json, Scoped};
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use crate::tenant_data::documents::{self, precondition_failed, record_not_found, respond, Record};
use crate::tenant_data::preconditions::{etag, Condition};
use crate::tenant_data::{listing, merge_patch};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use palisade_core::RecordId;
use palisade_store::{RecordRow, WorkspaceScope, WriteOutcome};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

/// How often a write without `If-Match` re-reads after losing a race before giving up.
const WRITE_ATTEMPTS: usize = 10;

#[derive(Debug, Serialize, ToSchema)]
pub struct RecordPage {
    pub items: Vec<Record>,
    /// Pass as `cursor` for the next page; `null` on the last one.
    pub next_cursor: Option<String>,
}

fn record_id(raw: &str) -> Result<RecordId, ApiError> {
    raw.parse().map_err(|_| record_not_found())
}

/// Create a record; the body is the record's JSON object (`records:write`).
#[utoipa::path(post, path = "/v1/workspaces/{ws}/collections/{name}/records", tag = "records",
    request_body(content = super::json_types::RecordData, description = "The record: any JSON object up to 1 MiB"),
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Collection name")),
    responses(
        (status = 201, body = Record, headers(("ETag" = String), ("Location" = String)))))]
pub async fn create(
    State(state): State<AppState>,
    access: Scoped<WriteRecords>,
    Path(path): Path<(String, String)>,
    Json(document): Json<Value>,
) -> Result<Response, ApiError> {
    let scope = &access.scope;
    let data = documents::accept(&state, scope, &path.1, &document).await?;
    let now = state.clock().now();
    let row = RecordRow {
        id: RecordId::generate(state.clock(), state.rng()),
        collection: path.1,
        data,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let inserted = state.store().insert_record(scope, &row).await?;
    if !inserted {
        // The collection was deleted between the check and the insert.
        return Err(collection_not_found());
    }
    Ok(respond(row, StatusCode::CREATED, scope))
}

/// A page of records in id (creation) order, with equality filters (`records:read`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/collections/{name}/records", tag = "records",
    params(
        ("ws" = String, Path, description = "Workspace slug"),
        ("name" = String, Path, description = "Collection name"),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 200, description = "Page size, 1–200 (default 50)"),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
        ("filter[field]" = Option<String>, Query, description = "Only records whose top-level `field` equals the value: a JSON scalar (`42`, `true`, `null`, `\"42\"`) or else a plain string; up to 10")),
    responses(
        (status = 200, body = RecordPage)))]
pub async fn list(
    State(state): State<AppState>,
    access: Scoped<ReadRecords>,
    Path(path): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<axum::Json<RecordPage>, ApiError> {
    let (query, page_size) = listing::parse(raw.as_deref())?;
    let store = state.store();
    let mut rows = store.list_records(&access.scope, &path.1, &query).await?;
    if rows.is_empty() && query.after.is_none() {
        store
            .collection(&access.scope, &path.1)
            .await?
            .ok_or_else(collection_not_found)?;
    }
    let more = rows.len() > page_size as usize;
    rows.truncate(page_size as usize);
    let next_cursor = more
        .then(|| rows.last().map(|row| listing::encode_cursor(row.id)))
        .flatten();
    let items = rows
        .into_iter()
        .map(documents::view)
        .collect::<Result<_, _>>()?;
    Ok(axum::Json(RecordPage { items, next_cursor }))
}

/// One record, with its `ETag`; `If-None-Match` answers 304 when unchanged (`records:read`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/collections/{name}/records/{id}", tag = "records",
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Collection name"), ("id" = String, Path, description = "Record id (`rec_…`)")),
    responses(
        (status = 200, body = Record, headers(("ETag" = String))),
        (status = 304, description = "Unchanged since the `If-None-Match` ETag")))]
pub async fn get(
    State(state): State<AppState>,
    access: Scoped<ReadRecords>,
    Path(path): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = record_id(&path.2)?;
    let row = state
        .store()
        .record(&access.scope, &path.1, id)
        .await?
        .ok_or_else(record_not_found)?;
    if Condition::if_none_match(&headers).is_some_and(|c| c.admits_weakly(row.version)) {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag(row.version))],
        )
            .into_response());
    }
    Ok(respond(row, StatusCode::OK, &access.scope))
}

/// Replace the record's JSON object (`records:write`).
#[utoipa::path(put, path = "/v1/workspaces/{ws}/collections/{name}/records/{id}", tag = "records",
    request_body(content = super::json_types::RecordData, description = "The new record: a JSON object up to 1 MiB"),
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Collection name"), ("id" = String, Path, description = "Record id"), ("If-Match" = Option<String>, Header, description = "Write only if the record's ETag is this")),
    responses(
        (status = 200, body = Record, headers(("ETag" = String)))))]
pub async fn replace(
    State(state): State<AppState>,
    access: Scoped<WriteRecords>,
    Path(path): Path<(String, String, String)>,
    headers: HeaderMap,
    Json(document): Json<Value>,
) -> Result<Response, ApiError> {
    let id = record_id(&path.2)?;
    documents::check_shape(&document)?;
    rewrite(&state, &access.scope, &path.1, id, &headers, |_| {
        document.clone()
    })
    .await
}

/// Change fields with a JSON Merge Patch (RFC 7396): `null` removes a field (`records:write`).
#[utoipa::path(patch, path = "/v1/workspaces/{ws}/collections/{name}/records/{id}", tag = "records",
    request_body(content = super::json_types::RecordData, description = "A JSON Merge Patch", content_type = "application/merge-patch+json"),
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Collection name"), ("id" = String, Path, description = "Record id"), ("If-Match" = Option<String>, Header, description = "Write only if the record's ETag is this")),
    responses(
        (status = 200, body = Record, headers(("ETag" = String)))))]
pub async fn patch(
    State(state): State<AppState>,
    access: Scoped<WriteRecords>,
    Path(path): Path<(String, String, String)>,
    headers: HeaderMap,
    Json(changes): Json<Value>,
) -> Result<Response, ApiError> {
    let id = record_id(&path.2)?;
    if !changes.is_object() {
        return Err(ApiError::new(ProblemCode::RecordNotObject)
            .with_detail("A merge patch for a record is a JSON object."));
    }
    documents::refuse_nul(&changes)?;
    rewrite(
        &state,
        &access.scope,
        &path.1,
        id,
        &headers,
        |mut current| {
            merge_patch::apply(&mut current, &changes);
            current
        },
    )
    .await
}

/// Reads the record, checks `If-Match`, writes `change(current)` at the version read; if
/// another write got in between, reports 412 under `If-Match` and otherwise tries again.
async fn rewrite(
    state: &AppState,
    scope: &WorkspaceScope,
    collection: &str,
    id: RecordId,
    headers: &HeaderMap,
    change: impl Fn(Value) -> Value,
) -> Result<Response, ApiError> {
    let condition = Condition::if_match(headers);
    let store = state.store();
    for _ in 0..WRITE_ATTEMPTS {
        let current = store
            .record(scope, collection, id)
            .await?
            .ok_or_else(record_not_found)?;
        if condition
            .as_ref()
            .is_some_and(|c| !c.admits(current.version))
        {
            return Err(precondition_failed());
        }
        let document: Value = serde_json::from_str(&current.data).map_err(ApiError::internal)?;
        let data = documents::accept(state, scope, collection, &change(document)).await?;
        let outcome = store
            .update_record(
                scope,
                collection,
                id,
                &data,
                current.version,
                state.clock().now(),
            )
            .await?;
        match outcome {
            WriteOutcome::Written(row) => return Ok(respond(row, StatusCode::OK, scope)),
            WriteOutcome::Missing => return Err(record_not_found()),
            WriteOutcome::Stale if condition.is_some() => return Err(precondition_failed()),
            WriteOutcome::Stale => continue,
            WriteOutcome::Deleted => return Err(ApiError::internal("an update reported a delete")),
        }
    }
    Err(ApiError::new(ProblemCode::WriteConflict)
        .with_detail("The record kept changing under this write; try again."))
}

/// Delete the record; with `If-Match`, only at that version (`records:write`).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/collections/{name}/records/{id}", tag = "records",
    params(("ws" = String, Path, description = "Workspace slug"), ("name" = String, Path, description = "Collection name"), ("id" = String, Path, description = "Record id"), ("If-Match" = Option<String>, Header, description = "Delete only if the record's ETag is this")),
    responses(
        (status = 204, description = "Deleted")))]
pub async fn delete(
    State(state): State<AppState>,
    access: Scoped<WriteRecords>,
    Path(path): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let id = record_id(&path.2)?;
    let scope = &access.scope;
    let store = state.store();
    let expected = match Condition::if_match(&headers) {
        None | Some(Condition::Any) => None,
        Some(condition) => {
            let current = store
                .record(scope, &path.1, id)
                .await?
                .ok_or_else(record_not_found)?;
            if !condition.admits(current.version) {
                return Err(precondition_failed());
            }
            Some(current.version)
        }
    };
    let outcome = store.delete_record(scope, &path.1, id, expected).await?;
    match outcome {
        WriteOutcome::Deleted => Ok(StatusCode::NO_CONTENT),
        WriteOutcome::Missing => Err(record_not_found()),
        WriteOutcome::Stale => Err(precondition_failed()),
        WriteOutcome::Written(_) => Err(ApiError::internal("a delete reported a write")),
    }
}
