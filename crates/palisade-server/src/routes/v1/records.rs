//! Records of a collection. Reads need `records:read`, writes `records:write`. Every read
//! carries an `ETag`; writes honour `If-Match` (412 when the record has moved on), and
//! without it a write still never loses a concurrent one: it re-reads and retries.

use super::preconditions::{etag, Condition};
use super::record_query;
use super::record_view::{self, respond, Record};
use crate::error::ApiError;
use crate::extract::{Json, Scoped};
use crate::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use palisade_core::grant::{ReadRecords, WriteRecords};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct RecordPage {
    pub items: Vec<Record>,
    /// Pass as `cursor` for the next page; `null` on the last one.
    pub next_cursor: Option<String>,
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
    let records = &state.platform().records;
    let row = records.create(&access.grant, path.1, &document).await?;
    Ok(respond(row, StatusCode::CREATED, access.grant.scope()))
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
    let (query, page_size) = record_query::parse(raw.as_deref())?;
    let records = &state.platform().records;
    let page = records
        .list(&access.grant, &path.1, query, page_size)
        .await?;
    let items = page
        .rows
        .into_iter()
        .map(record_view::view)
        .collect::<Result<_, _>>()?;
    let next_cursor = page.more_after.map(record_query::encode_cursor);
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
    let records = &state.platform().records;
    let row = records.get(&access.grant, &path.1, &path.2).await?;
    if Condition::if_none_match(&headers).is_some_and(|c| c.admits_weakly(row.version)) {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag(row.version))],
        )
            .into_response());
    }
    Ok(respond(row, StatusCode::OK, access.grant.scope()))
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
    let expected = Condition::if_match(&headers).map(|c| c.versions());
    let records = &state.platform().records;
    let row = records
        .replace(&access.grant, &path.1, &path.2, expected, document)
        .await?;
    Ok(respond(row, StatusCode::OK, access.grant.scope()))
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
    let expected = Condition::if_match(&headers).map(|c| c.versions());
    let records = &state.platform().records;
    let row = records
        .patch(&access.grant, &path.1, &path.2, expected, changes)
        .await?;
    Ok(respond(row, StatusCode::OK, access.grant.scope()))
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
    let expected = Condition::if_match(&headers).map(|c| c.versions());
    let records = &state.platform().records;
    records
        .delete(&access.grant, &path.1, &path.2, expected)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
