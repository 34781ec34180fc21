//! Point-in-time recovery through the binary: a serving node ships its log every second; it
//! is killed outright, and the WAL archive alone (with the backup identity and the master
//! key) brings back a server holding every write shipped before the crash.

use crate::backup::{backup_keys, busy, Api};
use crate::process::{palisade, run, Serving};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The wall clock the server reads too.
fn unix_ms() -> i64 {
    use palisade_core::Clock;
    (palisade_core::SystemClock.now().unix_timestamp_nanos() / 1_000_000) as i64
}

/// The time of the newest segment in the archive, if any.
fn newest_segment_ms(archive: &Path) -> Option<i64> {
    let generations = std::fs::read_dir(archive).ok()?;
    generations
        .filter_map(Result::ok)
        .filter_map(|g| std::fs::read_dir(g.path()).ok())
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|f| {
            let name = f.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".age")?.split_once('-')?.1.parse().ok()
        })
        .max()
}

async fn shipped_after(archive: &Path, ms: i64) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while newest_segment_ms(archive).is_none_or(|newest| newest <= ms) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no segment shipped within a minute"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn private_copy(from: &Path, to: &Path) {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if let Some(dir) = to.parent().filter(|d| !d.exists()) {
        std::fs::DirBuilder::new().mode(0o700).create(dir).unwrap();
    }
    std::fs::copy(from, to).unwrap();
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[tokio::test]
async fn a_crashed_server_recovers_from_its_wal_archive_every_write_shipped_before_the_crash() {
    let dir = tempfile::tempdir().unwrap();
    let identity = dir.path().join("backup-identity.txt");
    let recipient = backup_keys(dir.path(), &identity).await;

    let mut serve = busy(dir.path());
    serve
        .env("PALISADE_BACKUP__RECIPIENTS", &recipient)
        .env("PALISADE_BACKUP__WAL_EVERY_SECONDS", "1");
    let server = Serving::start(serve)
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let api = Api::with_notes(&server.url).await;
    for n in 0..10 {
        let response = api
            .post(
                "/v1/workspaces/acme/collections/notes/records",
                json!({"n": n}),
            )
            .await;
        assert_eq!(response.status(), 201);
    }
    let acknowledged = api.record_ids().await;
    let archive: PathBuf = dir.path().join("palisade-data/backups/wal");
    shipped_after(&archive, unix_ms()).await;
    server.kill().await;

    let elsewhere = tempfile::tempdir().unwrap();
    let restored = elsewhere.path().join("palisade-data");
    let mut restore = palisade(elsewhere.path());
    restore
        .args(["backup", "restore"])
        .arg(&archive)
        .args(["--at", "latest", "--identity"])
        .arg(&identity)
        .arg("--to")
        .arg(&restored);
    let done = run(restore).await;
    assert!(done.status.success(), "{}", done.stderr);
    assert!(done.stdout.contains("audit logs"), "{}", done.stdout);
    private_copy(
        &dir.path().join("palisade-data/master.key"),
        &restored.join("master.key"),
    );

    let server = Serving::start(busy(elsewhere.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let api = Api::sign_in(&server.url, false).await;
    assert_eq!(api.record_ids().await, acknowledged);
    assert!(server.terminate().await.success());
}
