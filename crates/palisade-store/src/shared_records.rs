//! The collection and record queries, written once for both backends. Each backend's
//! [`Dialect`] says how a JSON value goes in and out of its `data` column (`TEXT` on SQLite,
//! `JSONB` on PostgreSQL) and supplies `field_filter`, `scoped_read` and `scoped_write`; the
//! latter open a transaction in which PostgreSQL's row-level security knows the workspace.

use crate::dialect::Dialect;

/// A value bound to a filter placeholder.
#[derive(Debug, Clone)]
pub(crate) enum FilterBind {
    Text(String),
    Integer(i64),
    Float(f64),
}

macro_rules! impl_record_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::records::RecordStore for $store {
            async fn create_collection(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageCollections>,
                collection: &$crate::records::CollectionRecord,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query(
                    "INSERT INTO collections (workspace_id, name, json_schema, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(scope.workspace_id().to_string())
                .bind(&collection.name)
                .bind(&collection.json_schema)
                .bind(collection.created_at)
                .bind(collection.updated_at)
                .execute(&mut *tx)
                .await
                .map_err(|err| $crate::error::conflict_on_unique(err, $crate::error::Conflict::CollectionName))?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn collections(
                &self,
                scope: &$crate::WorkspaceScope,
            ) -> Result<Vec<$crate::records::CollectionRecord>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::scoped_read(self, scope).await?;
                let rows = sqlx::query(
                    "SELECT name, json_schema, created_at, updated_at FROM collections \
                     WHERE workspace_id = $1 ORDER BY name",
                )
                .bind(scope.workspace_id().to_string())
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                rows.iter().map($crate::rows::collection).collect()
            }

            async fn collection(
                &self,
                scope: &$crate::WorkspaceScope,
                name: &str,
            ) -> Result<Option<$crate::records::CollectionRecord>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::scoped_read(self, scope).await?;
                let row = sqlx::query(
                    "SELECT name, json_schema, created_at, updated_at FROM collections \
                     WHERE workspace_id = $1 AND name = $2",
                )
                .bind(scope.workspace_id().to_string())
                .bind(name)
                .fetch_optional(&mut *tx)
                .await?;
                tx.commit().await?;
                row.as_ref().map($crate::rows::collection).transpose()
            }

            async fn set_collection_schema(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageCollections>,
                name: &str,
                json_schema: Option<&str>,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let done = sqlx::query(
                    "UPDATE collections SET json_schema = $1, updated_at = $2 WHERE workspace_id = $3 AND name = $4",
                )
                .bind(json_schema)
                .bind(now)
                .bind(scope.workspace_id().to_string())
                .bind(name)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 1 {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn delete_collection(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageCollections>,
                name: &str,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let done = sqlx::query("DELETE FROM collections WHERE workspace_id = $1 AND name = $2")
                    .bind(scope.workspace_id().to_string())
                    .bind(name)
                    .execute(&mut *tx)
                    .await?;
                if done.rows_affected() == 1 {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn insert_record(
                &self,
                grant: &$crate::Grant<palisade_core::grant::WriteRecords>,
                record: &$crate::records::RecordRow,
                message: &$crate::webhooks::OutboundMessage,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                // Built once per backend: this is the hot path.
                static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                let sql = SQL.get_or_init($crate::shared_records::insert_record_sql::<Self>);
                let inserted = sqlx::query(&sql)
                    .bind(&record.data)
                    .bind(record.id.to_string())
                    .bind(scope.workspace_id().to_string())
                    .bind(&record.collection)
                    .bind(record.version)
                    .bind(record.created_at)
                    .bind(record.updated_at)
                    .execute(&mut *tx)
                    .await;
                match inserted {
                    Ok(_) => {
                        Self::fan_out_in(&mut tx, &scope.workspace_id().to_string(), message).await?;
                        tx.commit().await?;
                        Ok(true)
                    }
                    Err(sqlx::Error::Database(db)) if db.is_foreign_key_violation() => Ok(false),
                    Err(err) => Err(err.into()),
                }
            }

            async fn record(
                &self,
                scope: &$crate::WorkspaceScope,
                collection: &str,
                id: palisade_core::RecordId,
            ) -> Result<Option<$crate::records::RecordRow>, $crate::StoreError> {
                // Built once per backend: this is the hot path.
                static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                let sql = SQL.get_or_init($crate::shared_records::record_sql::<Self>);
                let query = sqlx::query(sql)
                    .bind(scope.workspace_id().to_string())
                    .bind(collection)
                    .bind(id.to_string());
                let row = $crate::dialect::Dialect::scoped_fetch_optional(self, scope, query).await?;
                row.as_ref().map($crate::rows::record).transpose()
            }

            async fn list_records(
                &self,
                scope: &$crate::WorkspaceScope,
                collection: &str,
                query: &$crate::records::RecordQuery,
            ) -> Result<Vec<$crate::records::RecordRow>, $crate::StoreError> {
                let mut sql = $crate::shared_records::list_records_sql::<Self>();
                let mut binds = Vec::new();
                for (field, value) in &query.filters {
                    if !$crate::records::is_filterable_field(field) {
                        return Err($crate::StoreError::Corrupt(
                            "a filter names a field that is not a plain identifier".into(),
                        ));
                    }
                    sql.push_str(" AND ");
                    let first = 5 + binds.len();
                    sql.push_str(&<Self as $crate::dialect::Dialect>::field_filter(first, field, value, &mut binds));
                }
                sql.push_str(" ORDER BY id LIMIT $4");
                let after = query.after.map(|id| id.to_string()).unwrap_or_default();
                let mut statement = sqlx::query(&sql)
                    .bind(scope.workspace_id().to_string())
                    .bind(collection)
                    .bind(after)
                    .bind(i64::from(query.limit));
                for bind in binds {
                    statement = match bind {
                        $crate::shared_records::FilterBind::Text(text) => statement.bind(text),
                        $crate::shared_records::FilterBind::Integer(n) => statement.bind(n),
                        $crate::shared_records::FilterBind::Float(x) => statement.bind(x),
                    };
                }
                let mut tx = $crate::dialect::Dialect::scoped_read(self, scope).await?;
                let rows = statement.fetch_all(&mut *tx).await?;
                tx.commit().await?;
                rows.iter().map($crate::rows::record).collect()
            }

            async fn update_record(
                &self,
                grant: &$crate::Grant<palisade_core::grant::WriteRecords>,
                collection: &str,
                id: palisade_core::RecordId,
                update: &$crate::records::RecordUpdate<'_>,
            ) -> Result<$crate::records::WriteOutcome, $crate::StoreError> {
                let $crate::records::RecordUpdate { data, expected_version, now, message } = *update;
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                // Built once per backend: this is the hot path.
                static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                let sql = SQL.get_or_init($crate::shared_records::update_record_sql::<Self>);
                let row = sqlx::query(&sql)
                    .bind(data)
                    .bind(now)
                    .bind(scope.workspace_id().to_string())
                    .bind(collection)
                    .bind(id.to_string())
                    .bind(expected_version)
                    .fetch_optional(&mut *tx)
                    .await?;
                let outcome = match row {
                    Some(row) => {
                        Self::fan_out_in(&mut tx, &scope.workspace_id().to_string(), message).await?;
                        $crate::records::WriteOutcome::Written($crate::rows::record(&row)?)
                    }
                    None => Self::missing_or_stale(&mut tx, scope, collection, id).await?,
                };
                tx.commit().await?;
                Ok(outcome)
            }

            async fn delete_record(
                &self,
                grant: &$crate::Grant<palisade_core::grant::WriteRecords>,
                collection: &str,
                id: palisade_core::RecordId,
                expected_version: Option<i64>,
                message: &$crate::webhooks::OutboundMessage,
            ) -> Result<$crate::records::WriteOutcome, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let done = sqlx::query(
                    "DELETE FROM records WHERE workspace_id = $1 AND collection = $2 AND id = $3 \
                     AND version = COALESCE($4, version)",
                )
                .bind(scope.workspace_id().to_string())
                .bind(collection)
                .bind(id.to_string())
                .bind(expected_version)
                .execute(&mut *tx)
                .await?;
                let outcome = if done.rows_affected() == 1 {
                    Self::fan_out_in(&mut tx, &scope.workspace_id().to_string(), message).await?;
                    $crate::records::WriteOutcome::Deleted
                } else {
                    Self::missing_or_stale(&mut tx, scope, collection, id).await?
                };
                tx.commit().await?;
                Ok(outcome)
            }
        }

        impl $store {
            /// Why a conditional write matched nothing: the record is gone, or has moved on.
            async fn missing_or_stale<'c>(
                tx: &mut sqlx::Transaction<'c, <$store as $crate::dialect::Dialect>::Db>,
                scope: &$crate::WorkspaceScope,
                collection: &str,
                id: palisade_core::RecordId,
            ) -> Result<$crate::records::WriteOutcome, $crate::StoreError> {
                let exists = sqlx::query(
                    "SELECT 1 AS present FROM records WHERE workspace_id = $1 AND collection = $2 AND id = $3",
                )
                .bind(scope.workspace_id().to_string())
                .bind(collection)
                .bind(id.to_string())
                .fetch_optional(&mut **tx)
                .await?;
                Ok(if exists.is_some() {
                    $crate::records::WriteOutcome::Stale
                } else {
                    $crate::records::WriteOutcome::Missing
                })
            }
        }
    };
}

/// The columns of a record, its `data` read out as backend `D` reads it.
fn record_columns<D: Dialect>() -> String {
    format!(
        "id, collection, {}, version, created_at, updated_at",
        D::RECORD_DATA_OUT
    )
}

/// Inserts a record; `data` is `$1`, as backend `D` takes it in.
pub(crate) fn insert_record_sql<D: Dialect>() -> String {
    format!(
        "INSERT INTO records (data, id, workspace_id, collection, version, created_at, updated_at) \
         VALUES ({}, $2, $3, $4, $5, $6, $7)",
        D::RECORD_DATA_IN
    )
}

/// One record by workspace, collection and id.
pub(crate) fn record_sql<D: Dialect>() -> String {
    format!(
        "SELECT {} FROM records WHERE workspace_id = $1 AND collection = $2 AND id = $3",
        record_columns::<D>()
    )
}

/// A page of records after an id; the caller appends filters, `ORDER BY` and `LIMIT`.
pub(crate) fn list_records_sql<D: Dialect>() -> String {
    format!(
        "SELECT {} FROM records WHERE workspace_id = $1 AND collection = $2 AND id > $3",
        record_columns::<D>()
    )
}

/// Replaces a record's `data` (`$1`) if its version is still `$6`, returning the new row.
pub(crate) fn update_record_sql<D: Dialect>() -> String {
    format!(
        "UPDATE records SET data = {}, version = version + 1, updated_at = $2 \
         WHERE workspace_id = $3 AND collection = $4 AND id = $5 AND version = $6 \
         RETURNING {}",
        D::RECORD_DATA_IN,
        record_columns::<D>()
    )
}

pub(crate) use impl_record_store;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postgres::PostgresStore;
    use crate::sqlite::SqliteStore;

    /// The statements as they were spelled before `Dialect`: one `concat!` per backend.
    macro_rules! spelled_out {
        ($data_in:literal, $data_out:literal) => {
            [
                concat!(
                    "INSERT INTO records (data, id, workspace_id, collection, version, created_at, updated_at) \
                     VALUES (", $data_in, ", $2, $3, $4, $5, $6, $7)"
                ),
                concat!(
                    "SELECT id, collection, ", $data_out, ", version, created_at, updated_at FROM records \
                     WHERE workspace_id = $1 AND collection = $2 AND id = $3"
                ),
                concat!(
                    "SELECT id, collection, ", $data_out, ", version, created_at, updated_at FROM records \
                     WHERE workspace_id = $1 AND collection = $2 AND id > $3"
                ),
                concat!(
                    "UPDATE records SET data = ", $data_in, ", version = version + 1, updated_at = $2 \
                     WHERE workspace_id = $3 AND collection = $4 AND id = $5 AND version = $6 \
                     RETURNING id, collection, ", $data_out, ", version, created_at, updated_at"
                ),
            ]
        };
    }

    fn built<D: Dialect>() -> [String; 4] {
        [
            insert_record_sql::<D>(),
            record_sql::<D>(),
            list_records_sql::<D>(),
            update_record_sql::<D>(),
        ]
    }

    #[test]
    fn record_statements_read_as_they_did_on_sqlite() {
        assert_eq!(built::<SqliteStore>(), spelled_out!("$1", "data"));
    }

    #[test]
    fn record_statements_read_as_they_did_on_postgres() {
        assert_eq!(
            built::<PostgresStore>(),
            spelled_out!("$1::jsonb", "data::text AS data")
        );
    }
}
