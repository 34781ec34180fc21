//! Settings only SQLite has: the embedded default must run in WAL mode with foreign keys
//! enforced, a busy timeout, and a single writer connection.

use palisade_store::sqlite::SqliteStore;
use palisade_store::testing::TestDatabase;
use palisade_store::{ConnectOptions, Store, StoreError};
use secrecy::SecretString;
use std::os::unix::fs::PermissionsExt;

async fn open(db: &TestDatabase) -> SqliteStore {
    SqliteStore::connect(&ConnectOptions::new(SecretString::from(
        db.url().to_owned(),
    )))
    .await
    .unwrap()
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode() {
    let db = TestDatabase::sqlite();
    assert_eq!(open(&db).await.pragma("journal_mode").await.unwrap(), "wal");
}

#[tokio::test]
async fn sqlite_enforces_foreign_keys() {
    let db = TestDatabase::sqlite();
    assert_eq!(open(&db).await.pragma("foreign_keys").await.unwrap(), "1");
}

#[tokio::test]
async fn sqlite_waits_for_a_busy_database_instead_of_failing() {
    let db = TestDatabase::sqlite();
    assert_eq!(
        open(&db).await.pragma("busy_timeout").await.unwrap(),
        "5000"
    );
}

#[tokio::test]
async fn sqlite_has_exactly_one_writer_connection() {
    let db = TestDatabase::sqlite();
    assert_eq!(open(&db).await.writer_connections(), 1);
}

#[tokio::test]
async fn sqlite_creates_a_missing_database_directory_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("fresh").join("data");
    let url = format!("sqlite://{}/palisade.db", nested.display());
    SqliteStore::connect(&ConnectOptions::new(SecretString::from(url)))
        .await
        .unwrap();
    let mode = std::fs::metadata(&nested).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[tokio::test]
async fn sqlite_database_and_journal_files_are_owner_only() {
    let db = TestDatabase::sqlite();
    let store = open(&db).await;
    store.migrate().await.unwrap();
    let file = db.url().trim_start_matches("sqlite://").to_owned();
    for path in [file.clone(), format!("{file}-wal"), format!("{file}-shm")] {
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{path}");
    }
}

#[tokio::test]
async fn in_memory_sqlite_is_refused_with_a_reason() {
    let err = SqliteStore::connect(&ConnectOptions::new(SecretString::from(
        "sqlite::memory:".to_owned(),
    )))
    .await
    .unwrap_err();
    assert!(matches!(err, StoreError::Misconfigured(_)), "{err}");
}

#[tokio::test]
async fn unknown_database_schemes_are_refused() {
    let err = palisade_store::backend_of("mysql://root@localhost/db").unwrap_err();
    assert!(err.to_string().contains("sqlite:// or postgres://"));
}
