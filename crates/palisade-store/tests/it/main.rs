//! The store conformance suite: every behaviour is written once in `suite` and run against
//! SQLite and PostgreSQL by `conformance!`.

mod sqlite_specific;
mod suite;

use palisade_store::testing::{TestBackend, TestDatabase};

/// Runs `body` against a fresh database of `backend`; reports (or, in CI, fails) when
/// PostgreSQL is unreachable.
pub async fn with_database<F, Fut>(backend: TestBackend, body: F)
where
    F: FnOnce(TestDatabase) -> Fut,
    Fut: std::future::Future<Output = TestDatabase>,
{
    let Some(db) = TestDatabase::new(backend).await else {
        return;
    };
    body(db).await.cleanup().await;
}

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    crate::with_database(palisade_store::testing::TestBackend::Sqlite, |db| async move {
                        crate::suite::$name(&db).await;
                        db
                    }).await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    crate::with_database(palisade_store::testing::TestBackend::Postgres, |db| async move {
                        crate::suite::$name(&db).await;
                        db
                    }).await;
                }
            )*
        }
    };
}

conformance!(
    migrations_apply_once_and_are_idempotent,
    both_backends_know_the_same_migration_versions,
    ping_succeeds_on_an_open_store,
    closed_store_reports_unavailable,
    first_registered_instance_is_kept,
    concurrent_first_registrations_agree_on_one_instance,
    instance_survives_reconnecting,
);
