//! Turning what a client sent into a record's stored JSON: an object, at most 1 MiB, that
//! meets its collection's schema. Also the record as the API shows it.

use super::preconditions::etag;
use super::MAX_RECORD_BYTES;
use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use crate::routes::v1::collections::collection_not_found;
use crate::state::AppState;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use palisade_store::{RecordRow, WorkspaceScope};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A record: your JSON object in `data`, with its id, version and timestamps around it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Record {
    #[schema(example = "rec_01jd6q8m3k2x0v9yq5w7r4t1sa")]
    pub id: String,
    pub collection: String,
    #[schema(value_type = crate::routes::v1::json_types::RecordData)]
    pub data: Box<RawValue>,
    /// Starts at 1 and grows by one with every write; the `ETag` is `"v<version>"`.
    pub version: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

pub fn view(row: RecordRow) -> Result<Record, ApiError> {
    // Stored data is JSON we wrote; served as it is, without a parse-and-print round trip.
    let data = RawValue::from_string(row.data).map_err(ApiError::internal)?;
    Ok(Record {
        id: row.id.to_string(),
        collection: row.collection,
        data,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

/// The record as a response, with its `ETag` (and `Location` when it was just created).
pub fn respond(row: RecordRow, status: StatusCode, scope: &WorkspaceScope) -> Response {
    let tag = etag(row.version);
    let location = format!(
        "/v1/workspaces/{}/collections/{}/records/{}",
        scope.slug(),
        row.collection,
        row.id
    );
    let record = match view(row) {
        Ok(record) => record,
        Err(err) => return err.into_response(),
    };
    let mut response = (status, axum::Json(record)).into_response();
    response.headers_mut().insert(header::ETAG, tag);
    if status == StatusCode::CREATED {
        if let Ok(location) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, location);
        }
    }
    response
}

pub fn record_not_found() -> ApiError {
    ApiError::new(ProblemCode::RecordNotFound).with_detail("No such record in this collection.")
}

pub fn precondition_failed() -> ApiError {
    ApiError::new(ProblemCode::PreconditionFailed)
        .with_detail("The record has changed: its ETag no longer matches If-Match. Read it again.")
}

/// Refuses U+0000 anywhere in `value`: PostgreSQL cannot store it in text or JSONB, so it is
/// refused on every backend alike.
pub fn refuse_nul(value: &Value) -> Result<(), ApiError> {
    if holds_nul(value) {
        return Err(ApiError::new(ProblemCode::UnsupportedCharacter)
            .with_detail("Strings and keys in a record may not contain U+0000."));
    }
    Ok(())
}

/// The checks that need nothing but the document itself: an object, no U+0000, not too large.
/// Writes run them before any precondition (RFC 9110 §13.2.1: normal request checks first).
pub fn check_shape(document: &Value) -> Result<(), ApiError> {
    if !document.is_object() {
        return Err(
            ApiError::new(ProblemCode::RecordNotObject).with_detail("A record is a JSON object.")
        );
    }
    refuse_nul(document)
}

/// Checks `document` for `collection` and returns the JSON text to store.
pub async fn accept(
    state: &AppState,
    scope: &WorkspaceScope,
    collection: &str,
    document: &Value,
) -> Result<String, ApiError> {
    check_shape(document)?;
    let text = document.to_string();
    if text.len() > MAX_RECORD_BYTES {
        return Err(
            ApiError::new(ProblemCode::RecordTooLarge).with_detail(format!(
                "A record may be at most {MAX_RECORD_BYTES} bytes of JSON."
            )),
        );
    }
    let found = state
        .store()
        .collection(scope, collection)
        .await?
        .ok_or_else(collection_not_found)?;
    if let Some(schema) = &found.json_schema {
        let problems = state
            .schemas()
            .violations(schema, document)
            .map_err(|err| ApiError::internal(err.0))?;
        if !problems.is_empty() {
            return Err(ApiError::new(ProblemCode::SchemaViolation)
                .with_detail("See `errors` for each failing place.")
                .with_errors(problems));
        }
    }
    Ok(text)
}

fn holds_nul(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains('\0'),
        Value::Array(items) => items.iter().any(holds_nul),
        Value::Object(fields) => fields
            .iter()
            .any(|(key, value)| key.contains('\0') || holds_nul(value)),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}
