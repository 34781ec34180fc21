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
            | sqlx::Error::WorkerCrashed
            // The conversation with the database broke off (a connection cut while it was
            // being opened, say): the connection is gone, not the statement wrong.
            | sqlx::Error::Protocol(_) => StoreError::Unavailable(err),
            sqlx::Error::Database(ref db) if db.code().as_deref().is_some_and(lost_connection) => {
                StoreError::Unavailable(err)
            }
            other => StoreError::Query(other),
        }
    }
}

/// SQLSTATEs that say the database went away or will not take the connection now, rather
/// than that the statement was wrong: connection exceptions (class 08), an administrator or
/// crash shutdown (57P01, 57P02), a server starting or stopping (57P03), too many connections
/// (53300). A request that meets one is told to come back (503), not that it broke (500).
fn lost_connection(code: &str) -> bool {
    // 08P01 (protocol violation) is a malformed message from us: a bug, not an outage.
    (code.starts_with("08") && code != "08P01")
        || matches!(code, "57P01" | "57P02" | "57P03" | "53300")
        // A full disk (PostgreSQL's 53100, SQLite's SQLITE_FULL): the write was rolled back
        // and the database takes none until space is freed.
        || matches!(code, "53100" | "13")
}

/// Maps a unique-constraint violation to [`StoreError::Conflict`].
pub(crate) fn conflict_on_unique(err: sqlx::Error, what: Conflict) -> StoreError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(what),
        _ => StoreError::from(err),
    }
}

#[cfg(test)]
mod tests {
    use super::lost_connection;

    #[test]
    fn a_dropped_or_refused_connection_is_unavailability_not_a_bad_statement() {
        for code in [
            "57P01", "57P02", "57P03", "53300", "08006", "08001", "53100", "13",
        ] {
            assert!(lost_connection(code), "{code}");
        }
        for code in ["23505", "42P01", "22P02", "40001", "08P01"] {
            assert!(!lost_connection(code), "{code}");
        }
    }
}
