//! Test databases: each test gets its own SQLite file or its own PostgreSQL schema, so tests
//! run in parallel without seeing each other's rows.
//!
//! PostgreSQL comes from `PALISADE_TEST_POSTGRES_URL` (default: the local `test` database).
//! When `CI=true` an unreachable PostgreSQL fails the test; elsewhere the test says clearly that
//! the PostgreSQL half did not run.

use crate::{ConnectOptions, Store, StoreError};
use secrecy::SecretString;
use sqlx::{Connection, PgConnection};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";
const SCHEMA_PREFIX: &str = "palisade_test_";
/// Schemas left behind by a test that panicked are swept once they are this old.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Where a test database lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

/// A fresh, migrated-on-demand database owned by one test.
#[derive(Debug)]
pub struct TestDatabase {
    url: String,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    Directory(#[allow(dead_code)] tempfile::TempDir),
    Schema { admin_url: String, schema: String },
}

impl TestDatabase {
    /// A new database of the given kind, or `None` when PostgreSQL is unreachable outside CI.
    pub async fn new(backend: TestBackend) -> Option<Self> {
        match backend {
            TestBackend::Sqlite => Some(Self::sqlite()),
            TestBackend::Postgres => Self::postgres().await,
        }
    }

    pub fn sqlite() -> Self {
        #[allow(clippy::expect_used)]
        let dir = tempfile::tempdir().expect("a temporary directory for the test database");
        let url = format!("sqlite://{}/palisade.db", dir.path().display());
        Self {
            url,
            cleanup: Cleanup::Directory(dir),
        }
    }

    pub async fn postgres() -> Option<Self> {
        let admin_url = postgres_url();
        let mut admin = match PgConnection::connect(&admin_url).await {
            Ok(conn) => conn,
            Err(err) => return postgres_unreachable(&err),
        };
        sweep_stale_schemas(&mut admin).await;
        let schema = format!("{SCHEMA_PREFIX}{}_{}", unix_secs(), random_suffix());
        #[allow(clippy::expect_used)]
        sqlx::query(&format!("CREATE SCHEMA \"{schema}\""))
            .execute(&mut admin)
            .await
            .expect("create a test schema");
        let separator = if admin_url.contains('?') { '&' } else { '?' };
        let url = format!("{admin_url}{separator}options=-c%20search_path%3D{schema}");
        Some(Self {
            url,
            cleanup: Cleanup::Schema { admin_url, schema },
        })
    }

    /// The connection URL of this test's database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Opens a store on this database (not yet migrated).
    pub async fn connect(&self) -> Arc<dyn Store> {
        let options = ConnectOptions::new(SecretString::from(self.url.clone()));
        #[allow(clippy::expect_used)]
        crate::connect(&options)
            .await
            .expect("connect to the test database")
    }

    /// Opens this PostgreSQL test database as the concrete backend, for tests of what only
    /// PostgreSQL has (row-level security).
    pub async fn connect_postgres(&self) -> crate::postgres::PostgresStore {
        let options = ConnectOptions::new(SecretString::from(self.url.clone()));
        #[allow(clippy::expect_used)]
        crate::postgres::PostgresStore::connect(&options)
            .await
            .expect("connect to the PostgreSQL test database")
    }

    /// Runs `sql` straight on the database, past the audit log's append-only triggers, as
    /// someone with the database's files or superuser rights could: for tests of tampering.
    pub async fn tamper(&self, sql: &str) {
        let statement = if self.url.starts_with("sqlite:") {
            format!(
                "DROP TRIGGER IF EXISTS audit_events_never_change; \
                 DROP TRIGGER IF EXISTS audit_events_removed_only_below_a_cut; {sql}"
            )
        } else {
            format!("SET session_replication_role = replica; {sql}")
        };
        #[allow(clippy::expect_used)]
        self.execute_as_owner(&statement)
            .await
            .expect("tamper with the test database");
    }

    /// Runs `sql` as the schema owner, triggers in force; the database's refusal, if any.
    pub async fn execute_as_owner(&self, sql: &str) -> Result<(), String> {
        let done = if self.url.starts_with("sqlite:") {
            let mut conn = sqlx::SqliteConnection::connect(&self.url)
                .await
                .map_err(|err| err.to_string())?;
            sqlx::raw_sql(sql).execute(&mut conn).await.map(|_| ())
        } else {
            let mut conn = PgConnection::connect(&self.url)
                .await
                .map_err(|err| err.to_string())?;
            sqlx::raw_sql(sql).execute(&mut conn).await.map(|_| ())
        };
        done.map_err(|err| err.to_string())
    }

    /// Drops the PostgreSQL schema (SQLite files go with the temporary directory).
    pub async fn cleanup(self) {
        if let Cleanup::Schema { admin_url, schema } = &self.cleanup {
            if let Ok(mut admin) = PgConnection::connect(admin_url).await {
                let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"))
                    .execute(&mut admin)
                    .await;
            }
        }
    }
}

pub fn postgres_url() -> String {
    std::env::var("PALISADE_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.into())
}

fn postgres_unreachable(err: &sqlx::Error) -> Option<TestDatabase> {
    let in_ci = std::env::var("CI")
        .map(|v| v == "true" || v == "1")
        .unwrap_or(false);
    assert!(
        !in_ci,
        "PostgreSQL at {} is unreachable and CI=true: the PostgreSQL tests must run ({err})",
        postgres_url()
    );
    eprintln!(
        "NOTE: PostgreSQL tests did NOT run: {} is unreachable ({err}). Set \
         PALISADE_TEST_POSTGRES_URL or start PostgreSQL; in CI this is a failure.",
        postgres_url()
    );
    None
}

async fn sweep_stale_schemas(admin: &mut PgConnection) {
    let names: Vec<String> =
        sqlx::query_scalar("SELECT nspname::text FROM pg_namespace WHERE nspname LIKE $1")
            .bind(format!("{SCHEMA_PREFIX}%"))
            .fetch_all(&mut *admin)
            .await
            .unwrap_or_default();
    let cutoff = unix_secs().saturating_sub(STALE_AFTER.as_secs());
    for name in names {
        let created = name
            .strip_prefix(SCHEMA_PREFIX)
            .and_then(|rest| rest.split('_').next())
            .and_then(|secs| secs.parse::<u64>().ok());
        if created.is_some_and(|secs| secs < cutoff) {
            let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS \"{name}\" CASCADE"))
                .execute(&mut *admin)
                .await;
        }
    }
}

/// Wall time for naming and sweeping test schemas across test processes: not product logic.
#[allow(clippy::disallowed_methods)]
fn unix_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn random_suffix() -> String {
    use palisade_core::SecureRng;
    let bytes = palisade_core::OsSecureRng.bytes::<6>();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The error a store gives while its database does not answer (the pool timed out), for
/// tests of how callers report an outage.
pub fn outage() -> StoreError {
    StoreError::unavailable()
}

/// The witness for `P` over a copy of `scope`, for tests that call the store directly. A
/// scope without the permission gets `None`, so a test cannot write past a role by accident.
pub fn try_grant<P: palisade_core::Permit>(
    scope: &crate::WorkspaceScope,
) -> Option<crate::Grant<P>> {
    palisade_core::Granted::check(scope.clone()).ok()
}

/// A message for a write to carry (nothing subscribes to it unless a test says so).
pub fn message(event_type: &str) -> crate::OutboundMessage {
    crate::OutboundMessage {
        id: "msg_01jtest000000000000000000".into(),
        event_type: event_type.into(),
        at_micros: 0,
        position: 0,
        payload: "{}".into(),
    }
}
