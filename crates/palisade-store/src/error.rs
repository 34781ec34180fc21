use std::fmt;

/// Which uniqueness rule a write broke, so each caller answers its own conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    #[error("an account with this e-mail exists")]
    Email,
    #[error("this workspace slug is taken")]
    Slug,
    #[error("a collection of this name exists")]
    CollectionName,
    #[error("the secret was created or deleted by another write")]
    SecretChanged,
}

/// One error type for the storage layer. Messages never include connection strings.
#[derive(thiserror::Error)]
pub enum StoreError {
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    #[error("database query failed: {0}")]
    Query(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Conflict(Conflict),
    /// A value was encrypted under a data-key version that a rotation has since retired.
    #[error("the data key version is no longer active")]
    KeyRetired,
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    /// The connection settings cannot work: a bad URL, role name or role verifier.
    #[error("{0}")]
    Misconfigured(String),
    #[error("cannot prepare the database location {path}: {source}")]
    Directory {
        path: String,
        source: std::io::Error,
    },
}

impl fmt::Debug for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl StoreError {
    /// The database did not answer a moment ago, for a caller that shares another's failed
    /// attempt instead of queueing to make its own.
    pub fn unavailable() -> Self {
        StoreError::Unavailable(sqlx::Error::PoolTimedOut)
    }

    /// A query met a table that does not exist: the schema is not migrated (that far).
    pub fn is_missing_table(&self) -> bool {
        match self {
            StoreError::Query(sqlx::Error::Database(db)) => {
                db.code().as_deref() == Some("42P01") || db.message().contains("no such table")
            }
            _ => false,
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => StoreError::Unavailable(err),
            other => StoreError::Query(other),
        }
    }
}

/// Maps a unique-constraint violation to [`StoreError::Conflict`].
pub(crate) fn conflict_on_unique(err: sqlx::Error, what: Conflict) -> StoreError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(what),
        _ => StoreError::from(err),
    }
}
