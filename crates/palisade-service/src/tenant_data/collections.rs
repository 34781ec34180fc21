//! Collections of a workspace: named sets of JSON records, each optionally held to a JSON
//! Schema. Reading them needs `records:read`; changing them, `collections:manage`.

use super::schema::{self, SchemaCache};
use super::{documents, is_collection_name, DataError};
use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::deps::Deps;
use palisade_core::grant::{ManageCollections, ReadRecords};
use palisade_store::{CollectionRecord, Grant, WorkspaceScope};
use serde_json::Value;
use std::sync::Arc;

/// Cheap to clone: records share it to check documents against their schema.
#[derive(Debug, Clone)]
pub struct Collections {
    deps: Deps,
    schemas: Arc<SchemaCache>,
    audit: Audit,
}

fn draft(scope: &WorkspaceScope, action: &'static str, name: &str) -> Draft {
    Draft::success(
        &scope.workspace_id().to_string(),
        Actor::of(scope),
        action,
        Resource::new("collection", name),
    )
}

fn stored_schema(schema: &Value) -> Result<String, DataError> {
    schema::accept(schema).map_err(|invalid| DataError::InvalidSchema(invalid.0))
}

impl Collections {
    pub(crate) fn new(deps: Deps, audit: Audit) -> Self {
        Self {
            deps,
            schemas: Arc::default(),
            audit,
        }
    }

    pub async fn create(
        &self,
        grant: &Grant<ManageCollections>,
        name: String,
        schema: Option<&Value>,
        origin: &Origin,
    ) -> Result<CollectionRecord, DataError> {
        if !is_collection_name(&name) {
            return Err(DataError::InvalidCollectionName);
        }
        let json_schema = schema.map(stored_schema).transpose()?;
        let now = self.deps.now();
        let record = CollectionRecord {
            name,
            json_schema,
            created_at: now,
            updated_at: now,
        };
        let event = self.audit.entry(
            draft(grant.scope(), "collection.created", &record.name),
            origin,
        );
        self.deps
            .store
            .create_collection(grant, &record, &event)
            .await?;
        self.audit.appended(&event.log);
        Ok(record)
    }

    pub async fn list(
        &self,
        grant: &Grant<ReadRecords>,
    ) -> Result<Vec<CollectionRecord>, DataError> {
        Ok(self.deps.store.collections(grant.scope()).await?)
    }

    pub async fn get(
        &self,
        grant: &Grant<ReadRecords>,
        name: &str,
    ) -> Result<CollectionRecord, DataError> {
        self.find(grant.scope(), name).await
    }

    /// Sets (`Value::Null`: drops) the collection's schema. Existing records are not re-checked.
    pub async fn set_schema(
        &self,
        grant: &Grant<ManageCollections>,
        name: &str,
        schema: &Value,
        origin: &Origin,
    ) -> Result<CollectionRecord, DataError> {
        let json_schema = match schema {
            Value::Null => None,
            schema => Some(stored_schema(schema)?),
        };
        let changed = self
            .deps
            .store
            .set_collection_schema(
                grant,
                name,
                json_schema.as_deref(),
                self.deps.now(),
                &self
                    .audit
                    .entry(draft(grant.scope(), "collection.updated", name), origin),
            )
            .await?;
        self.audit
            .appended(&grant.scope().workspace_id().to_string());
        if !changed {
            return Err(DataError::CollectionNotFound);
        }
        self.find(grant.scope(), name).await
    }

    /// Deletes the collection and its records.
    pub async fn delete(
        &self,
        grant: &Grant<ManageCollections>,
        name: &str,
        origin: &Origin,
    ) -> Result<(), DataError> {
        let event = self
            .audit
            .entry(draft(grant.scope(), "collection.deleted", name), origin);
        let deleted = self
            .deps
            .store
            .delete_collection(grant, name, &event)
            .await?;
        self.audit.appended(&event.log);
        deleted.then_some(()).ok_or(DataError::CollectionNotFound)
    }

    pub(super) async fn find(
        &self,
        scope: &WorkspaceScope,
        name: &str,
    ) -> Result<CollectionRecord, DataError> {
        let found = self.deps.store.collection(scope, name).await?;
        found.ok_or(DataError::CollectionNotFound)
    }

    /// Checks `document` for `collection` and returns the JSON text to store.
    pub(super) async fn accept(
        &self,
        scope: &WorkspaceScope,
        collection: &str,
        document: &Value,
    ) -> Result<String, DataError> {
        let text = documents::text_of(document)?;
        let found = self.find(scope, collection).await?;
        if let Some(schema) = &found.json_schema {
            let problems = self
                .schemas
                .violations(schema, document)
                .map_err(|err| DataError::Internal(err.0))?;
            if !problems.is_empty() {
                return Err(DataError::SchemaViolation(problems));
            }
        }
        Ok(text)
    }
}
