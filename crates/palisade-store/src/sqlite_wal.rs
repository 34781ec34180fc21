//! What continuous WAL shipping needs from a SQLite deployment: its files, a way to hold every
//! writer off while the write-ahead log is read, and checkpoints that only the shipper runs.
//!
//! With `ConnectOptions::manual_checkpoints`, no connection of ours checkpoints on its own
//! (`wal_autocheckpoint = 0`): a frame reaches the database file, and the log can start over,
//! only after the shipper has copied it. The shipper also keeps one connection open for the
//! life of the process, so closing the pools never checkpoints and deletes the log behind its
//! back.

use crate::sqlite::SqliteStore;
use crate::StoreError;
use sqlx::sqlite::SqliteConnection;
use sqlx::{Connection, Row, Sqlite, SqlitePool, Transaction};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::Mutex;

/// A SQLite deployment's database and write-ahead log, as the WAL shipper sees them.
#[derive(Debug, Clone)]
pub struct WalSource {
    writer: SqlitePool,
    checkpointer: Arc<Mutex<Option<SqliteConnection>>>,
    database: PathBuf,
}

/// What a checkpoint did, in WAL frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpointed {
    /// Frames in the log.
    pub in_log: i64,
    /// Frames now also in the database file: all of them when no reader held any back.
    pub copied: i64,
}

impl Checkpointed {
    /// The whole log is in the database file: the next writer may start the log over.
    pub fn complete(&self) -> bool {
        self.copied == self.in_log
    }
}

/// Every writer, in this process and in any other, waits until this is resumed (or dropped).
#[derive(Debug)]
pub struct PausedWrites {
    tx: Transaction<'static, Sqlite>,
    source: WalSource,
}

impl SqliteStore {
    pub fn wal_source(&self) -> WalSource {
        let writer = crate::dialect::Dialect::write_pool(self).clone();
        let database = writer.connect_options().get_filename().to_owned();
        WalSource {
            writer,
            checkpointer: Arc::default(),
            database,
        }
    }
}

impl WalSource {
    pub fn database(&self) -> &Path {
        &self.database
    }

    pub fn wal(&self) -> PathBuf {
        let mut name = self.database.as_os_str().to_owned();
        name.push("-wal");
        PathBuf::from(name)
    }

    /// Takes the database's write lock (after any write in progress commits) and holds it
    /// until [`PausedWrites::resume`]: nothing is appended to the log meanwhile.
    pub async fn pause_writes(&self) -> Result<PausedWrites, StoreError> {
        self.open_checkpointer().await?;
        let mut tx = self.writer.begin().await?;
        // A write to no row: it takes the lock a real one would, and logs nothing.
        sqlx::query("UPDATE instance SET id = id WHERE singleton = 0")
            .execute(&mut *tx)
            .await?;
        Ok(PausedWrites {
            tx,
            source: self.clone(),
        })
    }

    async fn open_checkpointer(&self) -> Result<(), StoreError> {
        let mut slot = self.checkpointer.lock().await;
        if slot.is_none() {
            let options = (*self.writer.connect_options()).clone();
            *slot = Some(SqliteConnection::connect_with(&options).await?);
        }
        Ok(())
    }
}

impl PausedWrites {
    /// Copies into the database file every logged frame no reader still needs (a PASSIVE
    /// checkpoint, on the shipper's own connection: it waits for no one).
    pub async fn checkpoint(&self) -> Result<Checkpointed, StoreError> {
        let mut slot = self.source.checkpointer.lock().await;
        let connection = slot.as_mut().ok_or_else(|| {
            StoreError::Misconfigured("the checkpoint connection is closed".into())
        })?;
        let row = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&mut *connection)
            .await?;
        Ok(Checkpointed {
            in_log: row.try_get(1)?,
            copied: row.try_get(2)?,
        })
    }

    /// After a complete checkpoint: commits a write that changes nothing, so the log starts
    /// over now, while the shipper watches, and not later at some writer's hands (readers can
    /// still keep it from starting over: then the write is appended instead). Writers are
    /// held off again when it returns.
    pub async fn restart_log(self) -> Result<PausedWrites, StoreError> {
        let PausedWrites { tx, source } = self;
        tx.rollback().await?;
        // Another writer may come first: a log that starts over for it loses nothing either,
        // since every frame was shipped and is now in the database file.
        let mut tx = source.writer.begin().await?;
        // The lock first, as everywhere: a transaction that read before another process
        // committed could not write at all (SQLITE_BUSY_SNAPSHOT).
        sqlx::query("UPDATE instance SET id = id WHERE singleton = 0")
            .execute(&mut *tx)
            .await?;
        // Rewriting the header's user version (which nothing else uses) with its own value
        // logs page 1 whatever the database holds.
        let version: i64 = sqlx::query_scalar("PRAGMA user_version")
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(&format!("PRAGMA user_version = {version}"))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        source.pause_writes().await
    }

    /// Lets writers go on.
    pub async fn resume(self) -> Result<(), StoreError> {
        Ok(self.tx.rollback().await?)
    }
}
