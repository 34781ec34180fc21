//! Scheduled backups of a serving node: written to the backup directory, recorded in the
//! audit log, old ones pruned; a failure shows in readiness until a backup succeeds.

use crate::accounts::auth_options;
use crate::audit::{log_events, recorded};
use crate::helpers::{spawn_app_with, TestApp};
use palisade_core::audit::PLATFORM_LOG;
use serde_json::Value;
use std::path::Path;

async fn app_backing_up_to(dir: &Path) -> TestApp {
    app_with_backups(dir, None).await
}

async fn app_copying_to(dir: &Path, copies: &Path) -> TestApp {
    app_with_backups(dir, Some(copies)).await
}

async fn app_with_backups(dir: &Path, copies: Option<&Path>) -> TestApp {
    let identity = palisade_backup::generate_identity();
    let mut settings = figment::value::Dict::from_iter([
        ("recipients".to_owned(), vec![identity.recipient].into()),
        ("dir".to_owned(), dir.display().to_string().into()),
        ("keep_days".to_owned(), 30.into()),
    ]);
    if let Some(copies) = copies {
        let url = format!("file://{}", copies.display());
        settings.insert("url".to_owned(), url.into());
    }
    spawn_app_with(auth_options().set("backup", settings))
        .await
        .unwrap()
}

async fn readiness(app: &TestApp) -> Value {
    app.get("/readyz").await.json().await.unwrap()
}

#[tokio::test]
async fn a_scheduled_backup_is_written_recorded_and_old_ones_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_backing_up_to(dir.path()).await;
    let stale = dir.path().join("palisade-20200101T000000Z.backup");
    std::fs::write(&stale, "an old backup").unwrap();
    let unrelated = dir.path().join("notes.txt");
    std::fs::write(&unrelated, "not a backup").unwrap();
    let file = app.state.platform().backups.back_up_now().await.unwrap();
    assert!(file.starts_with(dir.path()));
    assert!(std::fs::read(&file)
        .unwrap()
        .starts_with(b"age-encryption.org/v1\n"));
    assert!(!stale.exists(), "a backup past keep_days is pruned");
    assert!(unrelated.exists(), "only backups are pruned");
    let events = log_events(&app, PLATFORM_LOG).await;
    assert!(recorded(&events, "backup.created", "success", None));
    assert_eq!(readiness(&app).await["status"], "ready");
    app.cleanup().await;
}

#[tokio::test]
async fn a_failed_backup_is_recorded_and_shows_in_readiness_until_one_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("not-a-directory");
    std::fs::write(&blocked, "a file where the backup directory should be").unwrap();
    let app = app_backing_up_to(&blocked).await;
    assert!(app.state.platform().backups.back_up_now().await.is_err());
    let events = log_events(&app, PLATFORM_LOG).await;
    assert!(recorded(
        &events,
        "backup.failed",
        "failure",
        Some("backup_failed")
    ));
    let ready = readiness(&app).await;
    assert_eq!(ready["status"], "degraded");
    assert_eq!(ready["degraded"], serde_json::json!(["backup"]));
    std::fs::remove_file(&blocked).unwrap();
    app.state.platform().backups.back_up_now().await.unwrap();
    assert_eq!(readiness(&app).await["status"], "ready");
    app.cleanup().await;
}

#[tokio::test]
async fn a_new_wal_generation_is_recorded_and_a_failed_shipment_shows_in_readiness() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_backing_up_to(dir.path()).await;
    let backups = &app.state.platform().backups;
    backups.ship_wal_now().await;
    assert!(
        dir.path().join("wal").is_dir(),
        "the log is shipped into backup.dir/wal"
    );
    let events = log_events(&app, PLATFORM_LOG).await;
    assert!(recorded(
        &events,
        "backup.wal_generation_started",
        "success",
        None
    ));
    assert_eq!(readiness(&app).await["status"], "ready");
    // The archive's place becomes a file: the next shipment cannot start its generation.
    std::fs::remove_dir_all(dir.path().join("wal")).unwrap();
    std::fs::write(dir.path().join("wal"), "in the way").unwrap();
    backups.ship_wal_now().await;
    backups.ship_wal_now().await;
    let ready = readiness(&app).await;
    assert_eq!(ready["degraded"], serde_json::json!(["backup"]));
    let events = log_events(&app, PLATFORM_LOG).await;
    let failures = events
        .iter()
        .filter(|e| e.entry.action == "backup.failed")
        .count();
    assert_eq!(
        failures, 1,
        "a failing shipment is recorded once, not every visit"
    );
    std::fs::remove_file(dir.path().join("wal")).unwrap();
    backups.ship_wal_now().await;
    assert_eq!(readiness(&app).await["status"], "ready");
    app.cleanup().await;
}

/// Every file below `dir`, relative to it.
fn files_below(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                found.push(relative.display().to_string());
            }
        }
    }
    found.sort();
    found
}

#[tokio::test]
async fn scheduled_backups_are_copied_to_the_object_store_and_old_copies_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let copies = tempfile::tempdir().unwrap();
    let stale = copies.path().join("palisade-20200101T000000Z.backup");
    std::fs::write(&stale, "an old copy").unwrap();
    let app = app_copying_to(dir.path(), copies.path()).await;
    let file = app.state.platform().backups.back_up_now().await.unwrap();
    assert_eq!(
        std::fs::read(copies.path().join(file.file_name().unwrap())).unwrap(),
        std::fs::read(&file).unwrap()
    );
    assert!(
        !stale.exists(),
        "a copy past keep_days is pruned in the store too"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_backup_the_object_store_refused_is_a_failed_backup() {
    let dir = tempfile::tempdir().unwrap();
    let copies = tempfile::tempdir().unwrap();
    let store = copies.path().join("store");
    let app = app_copying_to(dir.path(), &store).await;
    // The store's place becomes a file: no upload can land.
    std::fs::remove_dir_all(&store).unwrap();
    std::fs::write(&store, "in the way").unwrap();
    assert!(app.state.platform().backups.back_up_now().await.is_err());
    let events = log_events(&app, PLATFORM_LOG).await;
    assert!(recorded(
        &events,
        "backup.failed",
        "failure",
        Some("backup_failed")
    ));
    assert_eq!(
        readiness(&app).await["degraded"],
        serde_json::json!(["backup"])
    );
    app.cleanup().await;
}

#[tokio::test]
async fn after_a_failed_copy_the_object_store_is_brought_level_with_the_wal_archive() {
    let dir = tempfile::tempdir().unwrap();
    let copies = tempfile::tempdir().unwrap();
    let store = copies.path().join("store");
    let app = app_copying_to(dir.path(), &store).await;
    let backups = &app.state.platform().backups;
    backups.ship_wal_now().await;
    assert_eq!(files_below(&store), files_below(dir.path()));
    // The store loses everything and refuses one copy meanwhile.
    std::fs::remove_dir_all(&store).unwrap();
    std::fs::write(&store, "in the way").unwrap();
    app.state.platform().audit.flush().await.unwrap();
    backups.ship_wal_now().await;
    assert_eq!(
        readiness(&app).await["degraded"],
        serde_json::json!(["backup"])
    );
    std::fs::remove_file(&store).unwrap();
    std::fs::create_dir(&store).unwrap();
    backups.ship_wal_now().await;
    assert_eq!(files_below(&store), files_below(dir.path()));
    assert_eq!(readiness(&app).await["status"], "ready");
    app.cleanup().await;
}
