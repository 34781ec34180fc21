//! Whole-database copies for backups: a consistent snapshot taken while the server serves,
//! the database's own integrity check, and row counts to compare a copy with its source.

use crate::dialect::Dialect;
use crate::postgres::PostgresStore;
use crate::sqlite::SqliteStore;
use crate::StoreError;
use async_trait::async_trait;
use sqlx::Row;
use std::path::Path;

#[async_trait]
pub trait SnapshotStore: Send + Sync {
    /// Writes a consistent copy of the whole database to `path` (which must not exist) while
    /// the server goes on serving. SQLite: `VACUUM INTO`, one read transaction.
    async fn snapshot_into(&self, path: &Path) -> Result<(), StoreError>;

    /// The database's own integrity check: empty when it finds nothing wrong.
    async fn integrity_problems(&self) -> Result<Vec<String>, StoreError>;

    /// Every table and its number of rows, by name.
    async fn row_counts(&self) -> Result<Vec<(String, i64)>, StoreError>;

    /// The latest migration applied to this database.
    async fn schema_version(&self) -> Result<Option<i64>, StoreError>;

    /// PostgreSQL: writes every table's rows as JSON Lines (`<table>.jsonl`, one
    /// `row_to_json` object a line) into `dir`, all read in one repeatable-read transaction
    /// while the server serves; returns each table with its row count. SQLite is copied whole
    /// with [`SnapshotStore::snapshot_into`] instead.
    async fn export_rows(&self, dir: &Path) -> Result<Vec<(String, i64)>, StoreError>;

    /// PostgreSQL: loads rows written by [`SnapshotStore::export_rows`] (the tables named, from
    /// `dir`) into this migrated, empty database, parents before children, in one
    /// transaction. Columns added by later migrations take their defaults.
    async fn import_rows(&self, dir: &Path, tables: &[String]) -> Result<(), StoreError>;

    /// SQLite: the database and log files the WAL shipper reads. PostgreSQL archives its own
    /// write-ahead log.
    fn wal_source(&self) -> Option<crate::sqlite_wal::WalSource> {
        None
    }
}

/// The latest migration this build knows for `backend`: a copy at a later one came from a
/// newer Palisade.
pub fn latest_schema_version(backend: crate::Backend) -> Option<i64> {
    let migrator = match backend {
        crate::Backend::Sqlite => <SqliteStore as Dialect>::migrator(),
        crate::Backend::Postgres => <PostgresStore as Dialect>::migrator(),
    };
    migrator.iter().map(|m| m.version).max()
}

/// A table name as `sqlite_master` or `information_schema` gives it; anything else is refused
/// before it is spliced into a statement.
pub(crate) fn table_name(name: String) -> Result<String, StoreError> {
    if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        Ok(name)
    } else {
        Err(StoreError::Corrupt(format!(
            "unexpected table name {name:?}"
        )))
    }
}

#[async_trait]
impl SnapshotStore for SqliteStore {
    fn wal_source(&self) -> Option<crate::sqlite_wal::WalSource> {
        Some(SqliteStore::wal_source(self))
    }

    async fn snapshot_into(&self, path: &Path) -> Result<(), StoreError> {
        let target = path
            .to_str()
            .ok_or_else(|| StoreError::Misconfigured("the snapshot path is not UTF-8".into()))?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(self.read_pool())
            .await?;
        Ok(())
    }

    async fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query("PRAGMA integrity_check")
            .fetch_all(self.read_pool())
            .await?;
        let found: Vec<String> = rows
            .iter()
            .map(|row| row.try_get::<String, _>(0))
            .collect::<Result<_, _>>()?;
        Ok(found.into_iter().filter(|line| line != "ok").collect())
    }

    async fn row_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )
        .fetch_all(self.read_pool())
        .await?;
        let mut counts = Vec::with_capacity(names.len());
        for name in names {
            let name = table_name(name)?;
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{name}\""))
                .fetch_one(self.read_pool())
                .await?;
            counts.push((name, count));
        }
        Ok(counts)
    }

    async fn schema_version(&self) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(self.read_pool())
                .await?,
        )
    }

    async fn export_rows(&self, _dir: &Path) -> Result<Vec<(String, i64)>, StoreError> {
        Err(whole_file())
    }

    async fn import_rows(&self, _dir: &Path, _tables: &[String]) -> Result<(), StoreError> {
        Err(whole_file())
    }
}

fn whole_file() -> StoreError {
    StoreError::Misconfigured("a SQLite database is backed up and restored as a whole file".into())
}
