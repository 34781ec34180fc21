//! The embedded default. WAL lets readers run beside the writer; all writes go through a
//! one-connection pool so SQLite never has two writers racing for the lock.

use crate::dialect::{Dialect, Query, Tx};
use crate::shared_records::FilterBind;
use crate::{ConnectOptions, StoreError};
use secrecy::ExposeSecret;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Row, Sqlite, SqlitePool};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
    /// Shared by clones: they are one store.
    access: std::sync::Arc<crate::workspaces::AccessEpoch>,
}

impl SqliteStore {
    pub async fn connect(options: &ConnectOptions) -> Result<Self, StoreError> {
        let url = options.url.expose_secret();
        if url.contains(":memory:") || url.contains("mode=memory") {
            return Err(StoreError::Misconfigured(
                "in-memory SQLite is not supported: readers and the writer must share a file"
                    .into(),
            ));
        }
        let base = SqliteConnectOptions::from_str(url)
            .map_err(|_| StoreError::Misconfigured("the SQLite URL is malformed".into()))?
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        let base = if options.manual_checkpoints {
            base.pragma("wal_autocheckpoint", "0")
        } else {
            base
        };
        ensure_private_file(base.get_filename())?;

        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(options.acquire_timeout)
            // A write that failed half-way (a full disk, say) can leave SQLite inside a
            // transaction the driver believes ended: later writes would then be acknowledged
            // into a transaction that never commits. A connection that cannot begin a new
            // transaction is closed instead of reused.
            .after_release(|connection, _| {
                Box::pin(async move {
                    if sqlx::query("BEGIN")
                        .execute(&mut *connection)
                        .await
                        .is_err()
                    {
                        return Ok(false);
                    }
                    Ok(sqlx::query("ROLLBACK")
                        .execute(&mut *connection)
                        .await
                        .is_ok())
                })
            })
            .connect_with(base.clone().create_if_missing(true))
            .await
            .map_err(StoreError::Unavailable)?;
        let reader = SqlitePoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout)
            .connect_lazy_with(base.read_only(true));
        Ok(Self {
            writer,
            reader,
            access: Default::default(),
        })
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

impl Dialect for SqliteStore {
    type Db = Sqlite;
    const BACKEND: crate::Backend = crate::Backend::Sqlite;
    const RECORD_DATA_IN: &'static str = "$1";
    const RECORD_DATA_OUT: &'static str = "data";
    const FOR_SHARE: &'static str = "";
    const FOR_UPDATE: &'static str = "";
    const DUE_WEBHOOK_JOBS: &'static str = crate::shared_webhooks::DUE_JOBS_SQL;

    fn migrator() -> &'static Migrator {
        &MIGRATOR
    }

    fn write_pool(&self) -> &SqlitePool {
        &self.writer
    }

    fn read_pool(&self) -> &SqlitePool {
        &self.reader
    }

    async fn begin_owner_read(&self) -> Result<Tx<Self>, StoreError> {
        Ok(self.reader.begin().await?)
    }

    fn migration_pool(&self) -> &SqlitePool {
        &self.writer
    }

    async fn close_pools(&self) {
        self.writer.close().await;
        self.reader.close().await;
    }

    async fn set_app_role_password(
        &self,
        _password: secrecy::SecretString,
        _verifier: secrecy::SecretString,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    async fn after_migrations(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// SQLite has no row-level security: the scope's filter in every query is the wall.
    async fn scoped_write(&self, _scope: &crate::WorkspaceScope) -> Result<Tx<Self>, StoreError> {
        Ok(self.writer.begin().await?)
    }

    async fn scoped_read(&self, _scope: &crate::WorkspaceScope) -> Result<Tx<Self>, StoreError> {
        Ok(self.reader.begin().await?)
    }

    fn access_epoch(&self) -> &crate::workspaces::AccessEpoch {
        &self.access
    }

    async fn scoped_fetch_optional<'q>(
        &self,
        _scope: &crate::WorkspaceScope,
        query: Query<'q, Sqlite>,
    ) -> Result<Option<SqliteRow>, StoreError> {
        Ok(query.fetch_optional(&self.reader).await?)
    }

    async fn lookup_fetch_optional<'q>(
        &self,
        query: Query<'q, Sqlite>,
    ) -> Result<Option<SqliteRow>, StoreError> {
        Ok(query.fetch_optional(&self.reader).await?)
    }

    async fn in_workspace(&self, _id: &str) -> Result<Tx<Self>, StoreError> {
        Ok(self.writer.begin().await?)
    }

    async fn enter_workspace(_tx: &mut Tx<Self>, _id: &str) -> Result<(), StoreError> {
        Ok(())
    }

    async fn lookup(&self, write: bool) -> Result<Tx<Self>, StoreError> {
        let pool = if write { &self.writer } else { &self.reader };
        Ok(pool.begin().await?)
    }

    async fn lock_audit_log(tx: &mut Tx<Self>, _log: &str) -> Result<(), StoreError> {
        // In this process the single writer serialises appends already. Another process (an
        // operator command beside a serving node) is held off by taking the write lock before
        // the head is read: a transaction that had read first could not start writing once
        // the other committed (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
        sqlx::query("UPDATE instance SET id = id WHERE singleton = 0")
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    async fn begin_retention(&self, _log: &str) -> Result<Tx<Self>, StoreError> {
        Ok(self.writer.begin().await?)
    }

    async fn begin_idempotency_sweep(
        &self,
        _before: time::OffsetDateTime,
    ) -> Result<Tx<Self>, StoreError> {
        Ok(self.writer.begin().await?)
    }

    async fn begin_invitation_sweep(
        &self,
        _before: time::OffsetDateTime,
    ) -> Result<Tx<Self>, StoreError> {
        Ok(self.writer.begin().await?)
    }

    /// `json_type`/`json_extract` compare typed values, so `1` matches `1.0` but not `"1"`.
    fn field_filter(
        first: usize,
        field: &str,
        value: &crate::FieldValue,
        binds: &mut Vec<FilterBind>,
    ) -> String {
        use crate::FieldValue;
        let path = format!("${first}");
        binds.push(FilterBind::Text(format!("$.\"{field}\"")));
        let (types, compared) = match value {
            FieldValue::Null => ("'null'", None),
            FieldValue::Bool(true) => ("'true'", None),
            FieldValue::Bool(false) => ("'false'", None),
            FieldValue::Integer(n) => ("'integer', 'real'", Some(FilterBind::Integer(*n))),
            FieldValue::Float(x) => ("'integer', 'real'", Some(FilterBind::Float(*x))),
            FieldValue::Text(t) => ("'text'", Some(FilterBind::Text(t.clone()))),
        };
        let mut clause = format!("json_type(data, {path}) IN ({types})");
        if let Some(compared) = compared {
            binds.push(compared);
            clause.push_str(&format!(" AND json_extract(data, {path}) = ${}", first + 1));
        }
        clause
    }
}

crate::shared_core::impl_shared_store!(SqliteStore);
