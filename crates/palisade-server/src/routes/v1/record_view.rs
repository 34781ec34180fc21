//! A record as the API shows it, with its `ETag` (and `Location` when just created).

use super::preconditions::etag;
use crate::error::ApiError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use palisade_store::{RecordRow, WorkspaceScope};
use serde::Serialize;
use serde_json::value::RawValue;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A record: your JSON object in `data`, with its id, version and timestamps around it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Record {
    #[schema(example = "rec_01jd6q8m3k2x0v9yq5w7r4t1sa")]
    pub id: String,
    pub collection: String,
    #[schema(value_type = super::json_types::RecordData)]
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
