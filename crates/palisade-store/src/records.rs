//! Tenant data: collections of JSON records. Every method takes a [`WorkspaceScope`]; on
//! PostgreSQL each call also runs in a transaction with `palisade.workspace_id` set, so
//! row-level security holds even if a query forgot its `workspace_id` filter.

use crate::{StoreError, WorkspaceScope};
use async_trait::async_trait;
use palisade_core::RecordId;
use time::OffsetDateTime;

/// A collection as stored; `json_schema` is the JSON text of its schema, if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionRecord {
    pub name: String,
    pub json_schema: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// A record as stored; `data` is the JSON text of an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRow {
    pub id: RecordId,
    pub collection: String,
    pub data: String,
    pub version: i64,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// A scalar a top-level field must equal for a record to be listed.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    Text(String),
}

impl FieldValue {
    /// The value as JSON text, for backends that compare JSON documents.
    pub(crate) fn to_json(&self) -> String {
        match self {
            FieldValue::Null => "null".into(),
            FieldValue::Bool(b) => b.to_string(),
            FieldValue::Integer(n) => n.to_string(),
            FieldValue::Float(x) => serde_json::Number::from_f64(*x)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "null".into()),
            FieldValue::Text(s) => serde_json::Value::String(s.clone()).to_string(),
        }
    }
}

/// A top-level field name usable in a filter: letters, digits and `_`, not starting with a
/// digit, at most 64 characters. Anything else cannot reach the JSON path expression.
pub fn is_filterable_field(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_')
        && name.len() <= 64
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// One page of a collection, in id order.
#[derive(Debug, Clone, Default)]
pub struct RecordQuery {
    /// Only records with an id after this one.
    pub after: Option<RecordId>,
    pub limit: u32,
    /// Field name (see [`is_filterable_field`]) and the value it must equal.
    pub filters: Vec<(String, FieldValue)>,
}

/// A record's new data, the version it must be at, when, and the message the change sends.
#[derive(Debug, Clone, Copy)]
pub struct RecordUpdate<'a> {
    pub data: &'a str,
    pub expected_version: i64,
    pub now: OffsetDateTime,
    pub message: &'a crate::webhooks::OutboundMessage,
}

/// What a conditional write found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome {
    Written(RecordRow),
    Deleted,
    Missing,
    /// The record exists at another version than the one expected.
    Stale,
}

#[async_trait]
pub trait RecordStore: Send + Sync {
    /// [`StoreError::Conflict`] if the workspace already has a collection of that name.
    async fn create_collection(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageCollections>,
        collection: &CollectionRecord,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    async fn collections(
        &self,
        scope: &WorkspaceScope,
    ) -> Result<Vec<CollectionRecord>, StoreError>;
    async fn collection(
        &self,
        scope: &WorkspaceScope,
        name: &str,
    ) -> Result<Option<CollectionRecord>, StoreError>;
    /// Sets or clears the schema; `false` if there is no such collection.
    async fn set_collection_schema(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageCollections>,
        name: &str,
        json_schema: Option<&str>,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;
    /// Deletes the collection and every record in it; `false` if there is none.
    async fn delete_collection(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageCollections>,
        name: &str,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;

    /// `false` when the collection does not exist (nothing is written). Each write queues
    /// `message` for subscribed webhooks in its transaction when it happens.
    async fn insert_record(
        &self,
        grant: &crate::Grant<palisade_core::grant::WriteRecords>,
        record: &RecordRow,
        message: &crate::webhooks::OutboundMessage,
    ) -> Result<bool, StoreError>;
    async fn record(
        &self,
        scope: &WorkspaceScope,
        collection: &str,
        id: RecordId,
    ) -> Result<Option<RecordRow>, StoreError>;
    /// Up to `query.limit` records in id order.
    async fn list_records(
        &self,
        scope: &WorkspaceScope,
        collection: &str,
        query: &RecordQuery,
    ) -> Result<Vec<RecordRow>, StoreError>;
    /// Replaces the record's data if it is at `expected_version`, bumping the version.
    async fn update_record(
        &self,
        grant: &crate::Grant<palisade_core::grant::WriteRecords>,
        collection: &str,
        id: RecordId,
        update: &RecordUpdate<'_>,
    ) -> Result<WriteOutcome, StoreError>;
    /// Deletes the record, if it is at `expected_version` when one is given.
    async fn delete_record(
        &self,
        grant: &crate::Grant<palisade_core::grant::WriteRecords>,
        collection: &str,
        id: RecordId,
        expected_version: Option<i64>,
        message: &crate::webhooks::OutboundMessage,
    ) -> Result<WriteOutcome, StoreError>;
}
