//! Records of a collection. Reads need `records:read`, writes `records:write`. Writes may
//! name the versions they expect (`If-Match`); without one a write still never loses a
//! concurrent one: it re-reads and retries.

use super::{documents, merge_patch, Collections, DataError};
use crate::deps::Deps;
use crate::webhooks::messages::{record_message, written, RecordChange};
use palisade_core::grant::{ReadRecords, WriteRecords};
use palisade_core::RecordId;
use palisade_store::{Grant, RecordQuery, RecordRow, RecordUpdate, WriteOutcome};
use serde_json::Value;

/// How often a write without a precondition re-reads after losing a race before giving up.
const WRITE_ATTEMPTS: usize = 10;

/// Which versions of a record a write may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionMatch {
    /// Any version, as long as the record exists.
    Any,
    /// Only one of these versions (none: nothing matches).
    OneOf(Vec<i64>),
}

impl VersionMatch {
    pub fn admits(&self, version: i64) -> bool {
        match self {
            VersionMatch::Any => true,
            VersionMatch::OneOf(versions) => versions.contains(&version),
        }
    }
}

/// A page of records, and the id to continue after when there are more.
#[derive(Debug)]
pub struct RecordPage {
    pub rows: Vec<RecordRow>,
    pub more_after: Option<RecordId>,
}

/// The records service. Each method asks for the grant of what it does, so code holding only
/// a read grant cannot write. This compiles:
///
/// ```no_run
/// # use palisade_core::grant::WriteRecords;
/// # use palisade_service::tenant_data::{DataError, Records};
/// # use palisade_store::Grant;
/// async fn delete(records: &Records, grant: &Grant<WriteRecords>) -> Result<(), DataError> {
///     records.delete(grant, "notes", "rec_01jd6q8m3k2x0v9yq5w7r4t1sa", None).await
/// }
/// ```
///
/// and the same call with a read grant does not:
///
/// ```compile_fail
/// # use palisade_core::grant::ReadRecords;
/// # use palisade_service::tenant_data::{DataError, Records};
/// # use palisade_store::Grant;
/// async fn delete(records: &Records, grant: &Grant<ReadRecords>) -> Result<(), DataError> {
///     records.delete(grant, "notes", "rec_01jd6q8m3k2x0v9yq5w7r4t1sa", None).await
/// }
/// ```
#[derive(Debug)]
pub struct Records {
    deps: Deps,
    collections: Collections,
}

fn record_id(raw: &str) -> Result<RecordId, DataError> {
    raw.parse().map_err(|_| DataError::RecordNotFound)
}

impl Records {
    pub(crate) fn new(deps: Deps, collections: Collections) -> Self {
        Self { deps, collections }
    }

    pub async fn create(
        &self,
        grant: &Grant<WriteRecords>,
        collection: String,
        document: &Value,
    ) -> Result<RecordRow, DataError> {
        let scope = grant.scope();
        let data = self
            .collections
            .accept(scope, &collection, document)
            .await?;
        let now = self.deps.now();
        let row = RecordRow {
            id: RecordId::generate(self.deps.clock(), self.deps.rng()),
            collection,
            data,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        let message = written(
            self.deps.clock(),
            self.deps.rng(),
            scope,
            RecordChange::Created,
            &row,
        );
        if !self.deps.store.insert_record(grant, &row, &message).await? {
            // The collection was deleted between the check and the insert.
            return Err(DataError::CollectionNotFound);
        }
        Ok(row)
    }

    /// Up to `page_size` records in id order after `query.after`, with its filters.
    pub async fn list(
        &self,
        grant: &Grant<ReadRecords>,
        collection: &str,
        query: RecordQuery,
        page_size: u32,
    ) -> Result<RecordPage, DataError> {
        let scope = grant.scope();
        // One more than the page, to learn whether another page follows.
        let query = RecordQuery {
            limit: page_size + 1,
            ..query
        };
        let mut rows = self
            .deps
            .store
            .list_records(scope, collection, &query)
            .await?;
        if rows.is_empty() && query.after.is_none() {
            // An empty first page of a collection that does not exist is a 404, not [].
            self.collections.find(scope, collection).await?;
        }
        let more = rows.len() > page_size as usize;
        rows.truncate(page_size as usize);
        let more_after = more.then(|| rows.last().map(|row| row.id)).flatten();
        Ok(RecordPage { rows, more_after })
    }

    pub async fn get(
        &self,
        grant: &Grant<ReadRecords>,
        collection: &str,
        id: &str,
    ) -> Result<RecordRow, DataError> {
        let id = record_id(id)?;
        let found = self
            .deps
            .store
            .record(grant.scope(), collection, id)
            .await?;
        found.ok_or(DataError::RecordNotFound)
    }

    /// Replaces the record's JSON object.
    pub async fn replace(
        &self,
        grant: &Grant<WriteRecords>,
        collection: &str,
        id: &str,
        expected: Option<VersionMatch>,
        document: Value,
    ) -> Result<RecordRow, DataError> {
        let id = record_id(id)?;
        documents::check_shape(&document)?;
        self.rewrite(grant, collection, id, expected, |_| document.clone())
            .await
    }

    /// Changes fields with a JSON Merge Patch (RFC 7396): `null` removes a field.
    pub async fn patch(
        &self,
        grant: &Grant<WriteRecords>,
        collection: &str,
        id: &str,
        expected: Option<VersionMatch>,
        changes: Value,
    ) -> Result<RecordRow, DataError> {
        let id = record_id(id)?;
        if !changes.is_object() {
            return Err(DataError::PatchNotObject);
        }
        documents::refuse_nul(&changes)?;
        self.rewrite(grant, collection, id, expected, |mut current| {
            merge_patch::apply(&mut current, &changes);
            current
        })
        .await
    }

    /// Reads the record, checks `expected`, writes `change(current)` at the version read; if
    /// another write got in between, fails under a precondition and otherwise tries again.
    async fn rewrite(
        &self,
        grant: &Grant<WriteRecords>,
        collection: &str,
        id: RecordId,
        expected: Option<VersionMatch>,
        change: impl Fn(Value) -> Value,
    ) -> Result<RecordRow, DataError> {
        let store = &self.deps.store;
        let scope = grant.scope();
        for _ in 0..WRITE_ATTEMPTS {
            let current = store.record(scope, collection, id).await?;
            let current = current.ok_or(DataError::RecordNotFound)?;
            if expected
                .as_ref()
                .is_some_and(|e| !e.admits(current.version))
            {
                return Err(DataError::PreconditionFailed);
            }
            let document: Value = serde_json::from_str(&current.data)
                .map_err(|err| DataError::Internal(err.to_string()))?;
            let data = self
                .collections
                .accept(scope, collection, &change(document))
                .await?;
            let now = self.deps.now();
            let message = record_message(
                self.deps.clock(),
                self.deps.rng(),
                scope,
                RecordChange::Updated,
                collection,
                &id.to_string(),
                Some((&data, current.version + 1)),
            );
            let outcome = store
                .update_record(
                    grant,
                    collection,
                    id,
                    &RecordUpdate {
                        data: &data,
                        expected_version: current.version,
                        now,
                        message: &message,
                    },
                )
                .await?;
            match outcome {
                WriteOutcome::Written(row) => return Ok(row),
                WriteOutcome::Missing => return Err(DataError::RecordNotFound),
                WriteOutcome::Stale if expected.is_some() => {
                    return Err(DataError::PreconditionFailed)
                }
                WriteOutcome::Stale => continue,
                WriteOutcome::Deleted => {
                    return Err(DataError::Internal("an update reported a delete".into()))
                }
            }
        }
        Err(DataError::WriteConflict)
    }

    /// Deletes the record; with `expected`, only at one of those versions.
    pub async fn delete(
        &self,
        grant: &Grant<WriteRecords>,
        collection: &str,
        id: &str,
        expected: Option<VersionMatch>,
    ) -> Result<(), DataError> {
        let id = record_id(id)?;
        let scope = grant.scope();
        let store = &self.deps.store;
        let version = match expected {
            None | Some(VersionMatch::Any) => None,
            Some(expected) => {
                let current = store.record(scope, collection, id).await?;
                let current = current.ok_or(DataError::RecordNotFound)?;
                if !expected.admits(current.version) {
                    return Err(DataError::PreconditionFailed);
                }
                Some(current.version)
            }
        };
        let message = record_message(
            self.deps.clock(),
            self.deps.rng(),
            scope,
            RecordChange::Deleted,
            collection,
            &id.to_string(),
            None,
        );
        match store
            .delete_record(grant, collection, id, version, &message)
            .await?
        {
            WriteOutcome::Deleted => Ok(()),
            WriteOutcome::Missing => Err(DataError::RecordNotFound),
            WriteOutcome::Stale => Err(DataError::PreconditionFailed),
            WriteOutcome::Written(_) => {
                Err(DataError::Internal("a delete reported a write".into()))
            }
        }
    }
}
