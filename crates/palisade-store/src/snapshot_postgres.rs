//! Backups of a PostgreSQL database: every table's rows as JSON Lines, read in one
//! repeatable-read transaction as the schema owner, and loaded back into an empty, migrated
//! database (see [`SnapshotStore`]).

use crate::dialect::Dialect;
use crate::postgres::PostgresStore;
use crate::snapshot::{table_name, SnapshotStore};
use crate::StoreError;
use async_trait::async_trait;
use futures_util::TryStreamExt;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

/// Rows loaded per statement.
const BATCH: usize = 500;

/// Tables a migrated database already fills: the migrations it ran, and the access
/// generation (which a restore moves to a fresh value instead).
const NOT_RESTORED: [&str; 2] = ["_sqlx_migrations", "access_generation"];

impl PostgresStore {
    async fn tables(&self) -> Result<Vec<String>, StoreError> {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
        )
        .fetch_all(self.migration_pool())
        .await?;
        names.into_iter().map(table_name).collect()
    }

    /// `tables` with every table after the tables its foreign keys point at.
    async fn parents_first(&self, tables: &[String]) -> Result<Vec<String>, StoreError> {
        let edges: Vec<(String, String)> = sqlx::query_as(
            "SELECT child.relname::text, parent.relname::text FROM pg_constraint c \
             JOIN pg_class child ON child.oid = c.conrelid \
             JOIN pg_class parent ON parent.oid = c.confrelid \
             WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace",
        )
        .fetch_all(self.migration_pool())
        .await?;
        let mut parents: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (child, parent) in &edges {
            if child != parent {
                parents.entry(child).or_default().insert(parent);
            }
        }
        let mut ordered: Vec<String> = Vec::with_capacity(tables.len());
        let mut left: Vec<&String> = tables.iter().collect();
        while !left.is_empty() {
            let before = left.len();
            left.retain(|table| {
                let ready = parents.get(table.as_str()).is_none_or(|ps| {
                    ps.iter()
                        .all(|p| ordered.iter().any(|o| o == p) || !tables.iter().any(|t| t == p))
                });
                if ready {
                    ordered.push((*table).clone());
                }
                !ready
            });
            if left.len() == before {
                return Err(StoreError::Corrupt("foreign keys form a cycle".into()));
            }
        }
        Ok(ordered)
    }
}

#[async_trait]
impl SnapshotStore for PostgresStore {
    async fn snapshot_into(&self, _path: &Path) -> Result<(), StoreError> {
        Err(StoreError::Misconfigured(
            "a PostgreSQL database is backed up as rows (export_rows), not as a file".into(),
        ))
    }

    async fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        Ok(Vec::new())
    }

    async fn row_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let tables = self.tables().await?;
        let mut tx = self.begin_owner_read().await?;
        let mut counts = Vec::with_capacity(tables.len());
        for name in tables {
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{name}\""))
                .fetch_one(&mut *tx)
                .await?;
            counts.push((name, count));
        }
        tx.commit().await?;
        Ok(counts)
    }

    async fn schema_version(&self) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(self.migration_pool())
                .await?,
        )
    }

    async fn export_rows(&self, dir: &Path) -> Result<Vec<(String, i64)>, StoreError> {
        let tables = self.tables().await?;
        // A forced table the owner cannot read whole would come out short, yet verify: refuse.
        let unreadable: Vec<String> = sqlx::query_scalar(
            "SELECT c.relname::text FROM pg_class c WHERE c.relforcerowsecurity \
             AND c.relnamespace = current_schema()::regnamespace AND NOT EXISTS \
             (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'owner_read')",
        )
        .fetch_all(self.migration_pool())
        .await?;
        if !unreadable.is_empty() {
            return Err(StoreError::Misconfigured(format!(
                "the schema owner cannot read every row of {}: run `palisade migrate`",
                unreadable.join(", ")
            )));
        }
        let mut tx = self.migration_pool().begin().await?;
        // One snapshot for every table: a change committed mid-way is wholly in or out. (The
        // level is set before anything else runs in the transaction.)
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *tx)
            .await?;
        sqlx::query("SELECT set_config('palisade.owner_read', 'on', true)")
            .execute(&mut *tx)
            .await?;
        let mut counts = Vec::with_capacity(tables.len());
        for table in tables {
            let file = std::fs::File::create(dir.join(format!("{table}.jsonl")))
                .map_err(|e| StoreError::Misconfigured(e.to_string()))?;
            let mut out = BufWriter::new(file);
            let sql = format!("SELECT row_to_json(t)::text FROM \"{table}\" t");
            let mut rows = sqlx::query_scalar::<_, String>(&sql).fetch(&mut *tx);
            let mut count = 0i64;
            while let Some(line) = rows.try_next().await? {
                writeln!(out, "{line}").map_err(|e| StoreError::Misconfigured(e.to_string()))?;
                count += 1;
            }
            drop(rows);
            out.flush()
                .map_err(|e| StoreError::Misconfigured(e.to_string()))?;
            counts.push((table, count));
        }
        tx.commit().await?;
        Ok(counts)
    }

    async fn import_rows(&self, dir: &Path, tables: &[String]) -> Result<(), StoreError> {
        let known = self.tables().await?;
        if let Some(unknown) = tables.iter().find(|t| !known.contains(t)) {
            return Err(StoreError::Corrupt(format!(
                "the backup holds an unknown table {unknown}"
            )));
        }
        let ordered = self.parents_first(tables).await?;
        let forced: Vec<String> = sqlx::query_scalar(
            "SELECT relname::text FROM pg_class WHERE relforcerowsecurity \
             AND relnamespace = current_schema()::regnamespace",
        )
        .fetch_all(self.migration_pool())
        .await?;
        let mut tx = self.migration_pool().begin().await?;
        // The owner writes every workspace's rows: row security is not forced on it meanwhile
        // (inside this transaction only; it is forced again before the commit).
        for table in &forced {
            sqlx::query(&format!(
                "ALTER TABLE \"{table}\" NO FORCE ROW LEVEL SECURITY"
            ))
            .execute(&mut *tx)
            .await?;
        }
        for table in ordered
            .iter()
            .filter(|t| !NOT_RESTORED.contains(&t.as_str()))
        {
            let file = std::fs::File::open(dir.join(format!("{table}.jsonl")))
                .map_err(|e| StoreError::Corrupt(format!("{table}: {e}")))?;
            let mut lines = BufReader::new(file).lines();
            let mut batch: Vec<String> = Vec::with_capacity(BATCH);
            let mut columns: Option<String> = None;
            loop {
                let line = lines
                    .next()
                    .transpose()
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                if let Some(line) = &line {
                    if columns.is_none() {
                        columns = Some(column_list(line)?);
                    }
                    batch.push(line.clone());
                }
                let full = batch.len() == BATCH;
                if (full || line.is_none()) && !batch.is_empty() {
                    let columns = columns.as_deref().unwrap_or_default();
                    let sql = format!(
                        "INSERT INTO \"{table}\" ({columns}) SELECT {columns} \
                         FROM json_populate_recordset(NULL::\"{table}\", $1::json)"
                    );
                    let array = format!("[{}]", batch.join(","));
                    sqlx::query(&sql).bind(array).execute(&mut *tx).await?;
                    batch.clear();
                }
                if line.is_none() {
                    break;
                }
            }
        }
        // A fresh access generation, never the backup's: no node may keep trusting what it
        // cached from the database as it was before the restore.
        sqlx::query("UPDATE access_generation SET value = (random() * 9007199254740991)::BIGINT")
            .execute(&mut *tx)
            .await?;
        for table in &forced {
            sqlx::query(&format!("ALTER TABLE \"{table}\" FORCE ROW LEVEL SECURITY"))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The quoted column names of an exported row, checked to be plain identifiers.
fn column_list(line: &str) -> Result<String, StoreError> {
    let row: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(line).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    row.keys()
        .map(|k| table_name(k.clone()).map(|k| format!("\"{k}\"")))
        .collect::<Result<Vec<_>, _>>()
        .map(|names| names.join(", "))
}
