//! SQLite on a full disk: the data directory is a small tmpfs; writes go on until it is full.
//! Every answer is a success or 503 `database_unavailable` (never a 500), reads go on, nothing
//! acknowledged is lost, and the database passes its integrity check afterwards. (Before the
//! writer pool closed a connection left inside a failed transaction, writes after the first
//! SQLITE_FULL were acknowledged and lost.)

use crate::backup::{busy, Api};
use crate::process::Serving;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted for the test, unmounted however it ends.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn mount_small_disk(at: &Path) -> Option<Mounted> {
    std::fs::create_dir(at).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs"])
        .arg(at)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "a tmpfs could not be mounted (the test needs root) and CI=true"
        );
        eprintln!("no tmpfs could be mounted: the full-disk test did not run");
        return None;
    }
    Some(Mounted(at.to_owned()))
}

#[tokio::test]
async fn a_full_disk_refuses_writes_with_503_and_corrupts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = mount_small_disk(&dir.path().join("palisade-data")) else {
        return;
    };
    let server = Serving::start(busy(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let api = Api::with_notes(&server.url).await;
    let filler = "x".repeat(48 * 1024);
    let mut acknowledged = Vec::new();
    let mut refused = 0;
    for n in 0..400 {
        let response = api
            .post(
                "/v1/workspaces/acme/collections/notes/records",
                json!({"n": n, "filler": filler}),
            )
            .await;
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or_default();
        match status {
            201 => acknowledged.push(body["id"].as_str().unwrap().to_owned()),
            503 => {
                assert_eq!(body["code"], "database_unavailable", "{body}");
                refused += 1;
                if refused == 5 {
                    break;
                }
            }
            other => panic!("a write on a full disk was answered {other}: {body}"),
        }
    }
    assert!(refused > 0, "the disk never filled");
    assert!(!acknowledged.is_empty());
    let held = api.record_ids().await;
    for id in &acknowledged {
        assert!(held.contains(id), "acknowledged record {id} is lost");
    }
    assert!(server.terminate().await.success());
    let url = format!("sqlite://{}?mode=ro", disk.0.join("palisade.db").display());
    let mut db = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(verdict, "ok");
}
