use palisade_core::{InstanceId, ManualClock, SeededRng};
use palisade_store::testing::TestDatabase;
use palisade_store::StoreError;
use std::sync::Arc;
use time::macros::datetime;

fn new_instance_id(seed: u64) -> InstanceId {
    let clock = ManualClock::starting_at(datetime!(2026-11-23 12:00 UTC));
    InstanceId::generate(&clock, &SeededRng::new(seed))
}

/// The migration versions shipped in this build, read from the migration folders.
fn shipped_versions(backend: &str) -> Vec<i64> {
    let dir = format!("{}/migrations/{backend}", env!("CARGO_MANIFEST_DIR"));
    let mut versions: Vec<i64> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.split('_').next()?.parse().ok())
        .collect();
    versions.sort_unstable();
    versions
}

pub async fn migrations_apply_once_and_are_idempotent(db: &TestDatabase) {
    let store = db.connect().await;
    let first = store.migrate().await.unwrap();
    assert_eq!(first, shipped_versions(&store.backend().to_string()));
    let second = store.migrate().await.unwrap();
    assert!(second.is_empty(), "a second migrate applied {second:?}");
    assert_eq!(store.applied_migrations().await.unwrap(), first);
}

pub async fn both_backends_know_the_same_migration_versions(db: &TestDatabase) {
    let store = db.connect().await;
    store.migrate().await.unwrap();
    // Each backend has its own SQL, but the same steps: a step missing on one is a bug.
    assert_eq!(shipped_versions("sqlite"), shipped_versions("postgres"));
    assert_eq!(
        store.applied_migrations().await.unwrap(),
        shipped_versions("sqlite")
    );
}

pub async fn ping_succeeds_on_an_open_store(db: &TestDatabase) {
    let store = db.connect().await;
    store.ping().await.unwrap();
}

pub async fn closed_store_reports_unavailable(db: &TestDatabase) {
    let store = db.connect().await;
    store.close().await;
    let err = store.ping().await.unwrap_err();
    assert!(matches!(err, StoreError::Unavailable(_)), "{err}");
}

pub async fn first_registered_instance_is_kept(db: &TestDatabase) {
    let store = db.connect().await;
    store.migrate().await.unwrap();
    let first = new_instance_id(1);
    let created_at = datetime!(2026-11-23 12:00 UTC);
    let stored = store.register_instance(first, created_at).await.unwrap();
    assert_eq!(stored.id, first);
    assert_eq!(stored.created_at, created_at);

    let again = store
        .register_instance(new_instance_id(2), datetime!(2027-01-01 00:00 UTC))
        .await
        .unwrap();
    assert_eq!(again, stored);
}

pub async fn concurrent_first_registrations_agree_on_one_instance(db: &TestDatabase) {
    let store = db.connect().await;
    store.migrate().await.unwrap();
    let tasks: Vec<_> = (0..16)
        .map(|seed| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                store
                    .register_instance(new_instance_id(seed), datetime!(2026-11-23 12:00 UTC))
                    .await
            })
        })
        .collect();
    let mut ids = Vec::new();
    for task in tasks {
        ids.push(task.await.unwrap().unwrap().id);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "registrations disagreed: {ids:?}");
}

pub async fn instance_survives_reconnecting(db: &TestDatabase) {
    let store = db.connect().await;
    store.migrate().await.unwrap();
    let id = new_instance_id(5);
    store
        .register_instance(id, datetime!(2026-11-23 12:00 UTC))
        .await
        .unwrap();
    store.close().await;

    let reopened = db.connect().await;
    let stored = reopened
        .register_instance(new_instance_id(6), datetime!(2026-11-24 12:00 UTC))
        .await
        .unwrap();
    assert_eq!(stored.id, id);
}
