//! The embedded default. WAL lets readers run beside the writer; all writes go through a
//! one-connection pool so SQLite never has two writers racing for the lock.

use crate::{parse_instance, Backend, ConnectOptions, Instance, Store, StoreError};
use async_trait::async_trait;
use palisade_core::InstanceId;
use secrecy::ExposeSecret;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;
use time::OffsetDateTime;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
}

impl SqliteStore {
    pub async fn connect(options: &ConnectOptions) -> Result<Self, StoreError> {
        let url = options.url.expose_secret();
        if url.contains(":memory:") || url.contains("mode=memory") {
            return Err(StoreError::UnsupportedUrl(
                "in-memory SQLite is not supported: readers and the writer must share a file"
                    .into(),
            ));
        }
        let base = SqliteConnectOptions::from_str(url)
            .map_err(|_| StoreError::UnsupportedUrl("the SQLite URL is malformed".into()))?
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        ensure_private_file(base.get_filename())?;

        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(options.acquire_timeout)
            .connect_with(base.clone().create_if_missing(true))
            .await
            .map_err(StoreError::Unavailable)?;
        let reader = SqlitePoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout)
            .connect_lazy_with(base.read_only(true));
        Ok(Self { writer, reader })
    }

    /// The value of a PRAGMA on the writer connection (where it matters), for diagnostics.
    pub async fn pragma(&self, name: &str) -> Result<String, StoreError> {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(StoreError::Corrupt(
                "pragma names are lower-case words".into(),
            ));
        }
        let row = sqlx::query(&format!("PRAGMA {name}"))
            .fetch_one(&self.writer)
            .await?;
        match row.try_get::<String, _>(0) {
            Ok(text) => Ok(text),
            Err(_) => Ok(row.try_get::<i64, _>(0)?.to_string()),
        }
    }

    /// Size of the write pool: one, so writes are serialised in Palisade, not by SQLITE_BUSY.
    pub fn writer_connections(&self) -> u32 {
        self.writer.options().get_max_connections()
    }
}

/// Creates the database file (owner-only, 0600) and its directory (0700) before SQLite
/// opens it: SQLite gives the `-wal` and `-shm` files the database file's mode.
fn ensure_private_file(file: &Path) -> Result<(), StoreError> {
    let fail = |path: &Path| {
        let path = path.display().to_string();
        move |source| StoreError::Directory { path, source }
    };
    if let Some(parent) = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.exists())
    {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .map_err(fail(parent))?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)
    {
        Ok(_) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(err) => Err(fail(file)(err)),
    }
}

impl SqliteStore {
    fn write_pool(&self) -> &SqlitePool {
        &self.writer
    }

    fn read_pool(&self) -> &SqlitePool {
        &self.reader
    }
}

crate::shared_accounts::impl_account_store!(SqliteStore);
crate::shared_recovery::impl_recovery_store!(SqliteStore);

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    async fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        let before = self.applied_migrations().await.unwrap_or_default();
        MIGRATOR.run(&self.writer).await?;
        let after = self.applied_migrations().await?;
        Ok(after.into_iter().filter(|v| !before.contains(v)).collect())
    }

    async fn applied_migrations(&self) -> Result<Vec<i64>, StoreError> {
        let rows =
            sqlx::query("SELECT version FROM _sqlx_migrations WHERE success = 1 ORDER BY version")
                .fetch_all(&self.writer)
                .await?;
        rows.iter()
            .map(|r| r.try_get::<i64, _>(0).map_err(StoreError::from))
            .collect()
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1")
            .execute(&self.reader)
            .await
            .map_err(StoreError::Unavailable)?;
        Ok(())
    }

    async fn register_instance(
        &self,
        candidate: InstanceId,
        now: OffsetDateTime,
    ) -> Result<Instance, StoreError> {
        sqlx::query(
            "INSERT INTO instance (singleton, id, created_at) VALUES (1, ?, ?) \
             ON CONFLICT (singleton) DO NOTHING",
        )
        .bind(candidate.to_string())
        .bind(now)
        .execute(&self.writer)
        .await?;
        let row = sqlx::query("SELECT id, created_at FROM instance WHERE singleton = 1")
            .fetch_one(&self.writer)
            .await?;
        parse_instance(row.try_get("id")?, row.try_get("created_at")?)
    }

    async fn close(&self) {
        self.writer.close().await;
        self.reader.close().await;
    }
}
