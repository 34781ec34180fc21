//! Point-in-time recovery from the WAL archive of a live SQLite database: a recovery holds
//! exactly what was committed before the time asked for, follows the log across checkpoints,
//! starts a new generation when a checkpoint escaped the shipper, and refuses a damaged,
//! incomplete or foreign archive.

use super::{dump, event, identities, keys, Keys};
use palisade_backup::pitr::WalShipper;
use palisade_backup::{restore_at_to_data_dir, BackupError, Recovered, SQLITE_PART};
use palisade_core::{ManualClock, SeededRng, SystemClock};
use palisade_store::sqlite::SqliteStore;
use palisade_store::{AccountStore, AuditStore, ConnectOptions, Store, UserRecord};
use secrecy::SecretString;
use std::path::{Path, PathBuf};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

struct Live {
    store: SqliteStore,
    shipper: WalShipper,
    archive: PathBuf,
    database: PathBuf,
    keys: Keys,
}

const START: OffsetDateTime = datetime!(2026-12-08 10:00 UTC);

fn at(time: OffsetDateTime) -> ManualClock {
    ManualClock::starting_at(time)
}

fn minute(n: i64) -> OffsetDateTime {
    START + Duration::minutes(n)
}

async fn live(dir: &Path) -> Live {
    live_checkpointing_after(dir, palisade_backup::pitr::CHECKPOINT_FRAMES).await
}

async fn live_checkpointing_after(dir: &Path, frames: usize) -> Live {
    let database = dir.join("live.db");
    let url = SecretString::from(format!("sqlite://{}", database.display()));
    let mut options = ConnectOptions::new(url);
    options.manual_checkpoints = true;
    let store = SqliteStore::connect(&options).await.unwrap();
    store.migrate().await.unwrap();
    let keys = keys();
    let archive = dir.join("wal");
    let recipients: Vec<String> = keys.recipients.iter().map(ToString::to_string).collect();
    let shipper = WalShipper::new(
        store.wal_source(),
        archive.clone(),
        dir.to_owned(),
        &recipients,
        30,
    )
    .unwrap()
    .checkpoint_after(frames);
    Live {
        store,
        shipper,
        archive,
        database,
        keys,
    }
}

async fn add_user(store: &SqliteStore, n: u64) {
    let user = UserRecord {
        id: palisade_core::UserId::generate(&SystemClock, &SeededRng::new(1_000 + n)),
        email: format!("user{n}@example.com"),
        name: None,
        password_hash: "$argon2id$stored".into(),
        created_at: START,
        updated_at: START,
    };
    store.create_user(&user, &event(10_000 + n)).await.unwrap();
}

async fn emails(database: &Path) -> Vec<String> {
    dump(database)
        .await
        .into_iter()
        .filter(|row| row.starts_with("users: "))
        .filter_map(|row| row.split('\'').nth(3).map(str::to_owned))
        .collect()
}

async fn recover(
    live: &Live,
    at: Option<OffsetDateTime>,
) -> Result<(Recovered, PathBuf), BackupError> {
    let target = tempfile::tempdir().unwrap().keep();
    let ids = identities(&live.keys.secret);
    let recovered = restore_at_to_data_dir(&live.archive, ids, at, &target, false).await?;
    Ok((recovered, target.join(SQLITE_PART)))
}

#[tokio::test]
async fn a_recovery_holds_exactly_what_was_committed_before_the_time_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut live = live(dir.path()).await;
    live.shipper.ship(&at(minute(0))).await.unwrap();
    for n in 1..=3 {
        add_user(&live.store, n).await;
        live.shipper.ship(&at(minute(n as i64))).await.unwrap();
    }
    let (at_two, database) = recover(&live, Some(minute(2) + Duration::seconds(30)))
        .await
        .unwrap();
    assert_eq!(at_two.point.recovered_to, minute(2));
    // The migration's frames at minute 0, then one user at each minute.
    assert_eq!(at_two.point.segments, 3);
    assert_eq!(
        emails(&database).await,
        ["user1@example.com", "user2@example.com"]
    );
    let (_, database) = recover(&live, Some(minute(0))).await.unwrap();
    assert!(emails(&database).await.is_empty());
}

#[tokio::test]
async fn the_newest_recovery_point_equals_the_live_database_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut live = live(dir.path()).await;
    live.shipper.ship(&at(minute(0))).await.unwrap();
    add_user(&live.store, 1).await;
    live.shipper.ship(&at(minute(1))).await.unwrap();
    let (recovered, database) = recover(&live, None).await.unwrap();
    assert!(recovered.audit_events > 0, "{recovered:?}");
    assert_eq!(dump(&database).await, dump(&live.database).await);
}

fn checkpoint_sequence(wal: &Path) -> u32 {
    let bytes = std::fs::read(wal).unwrap();
    u32::from_be_bytes([bytes[12], bytes[13], bytes[14], bytes[15]])
}

#[tokio::test]
async fn the_archive_follows_the_log_when_it_starts_over_after_a_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let mut live = live_checkpointing_after(dir.path(), 1).await;
    let wal = live.store.wal_source().wal();
    let first = live.shipper.ship(&at(minute(0))).await.unwrap();
    assert_eq!(first.began, Some("start"));
    add_user(&live.store, 0).await;
    let passes_before = checkpoint_sequence(&wal);
    for n in 1..=12 {
        add_user(&live.store, n).await;
        let batch: Vec<_> = (0..20).map(|i| event(n * 100 + i)).collect();
        live.store.append_audit(&batch).await.unwrap();
        let shipped = live.shipper.ship(&at(minute(n as i64))).await.unwrap();
        assert_eq!(shipped.began, None, "visit {n} began a new generation");
        assert_eq!(shipped.generation, first.generation);
    }
    assert!(
        checkpoint_sequence(&wal) > passes_before + 5,
        "the log should have started over at almost every visit"
    );
    let (_, database) = recover(&live, None).await.unwrap();
    assert_eq!(dump(&database).await, dump(&live.database).await);
}

#[tokio::test]
async fn a_checkpoint_the_shipper_did_not_run_starts_a_new_generation_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut live = live(dir.path()).await;
    live.shipper.ship(&at(minute(0))).await.unwrap();
    add_user(&live.store, 1).await;
    live.shipper.ship(&at(minute(1))).await.unwrap();
    add_user(&live.store, 2).await;
    // Enough to fill pages that no later write touches again.
    let batch: Vec<_> = (0..200).map(|i| event(500 + i)).collect();
    live.store.append_audit(&batch).await.unwrap();
    // Another program checkpoints and empties the log behind the shipper's back.
    let foreign = sqlx::SqlitePool::connect(&format!("sqlite://{}", live.database.display()))
        .await
        .unwrap();
    let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
        .fetch_one(&foreign)
        .await
        .unwrap();
    assert_eq!(busy, 0, "the other program's checkpoint must have run");
    foreign.close().await;
    add_user(&live.store, 3).await;
    let shipped = live.shipper.ship(&at(minute(2))).await.unwrap();
    let (_, database) = recover(&live, None).await.unwrap();
    assert_eq!(dump(&database).await, dump(&live.database).await);
    assert_eq!(shipped.began, Some("log started over unseen"));
}

/// An archive with a base and three segments, one user each.
async fn three_segments(dir: &Path) -> (Live, PathBuf) {
    let mut live = live(dir).await;
    let generation = live.shipper.ship(&at(minute(0))).await.unwrap().generation;
    for n in 1..=3 {
        add_user(&live.store, n).await;
        live.shipper.ship(&at(minute(n as i64))).await.unwrap();
    }
    let generation = live.archive.join(generation);
    (live, generation)
}

fn segment(generation: &Path, seq: u64) -> PathBuf {
    std::fs::read_dir(generation)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{seq:08}-"))
        })
        .unwrap()
}

#[tokio::test]
async fn a_flipped_byte_in_a_segment_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (live, generation) = three_segments(dir.path()).await;
    let file = segment(&generation, 2);
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() - 40;
    bytes[middle] ^= 1;
    std::fs::write(&file, bytes).unwrap();
    let err = recover(&live, None).await.unwrap_err();
    assert!(matches!(err, BackupError::Damaged(_)), "{err:?}");
}

#[tokio::test]
async fn a_missing_segment_is_refused_rather_than_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let (live, generation) = three_segments(dir.path()).await;
    std::fs::remove_file(segment(&generation, 2)).unwrap();
    let err = recover(&live, None).await.unwrap_err();
    assert!(err.to_string().contains("segment 2"), "{err}");
}

#[tokio::test]
async fn a_segment_renamed_to_another_time_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (live, generation) = three_segments(dir.path()).await;
    let file = segment(&generation, 3);
    let earlier = archive_ms(minute(3)) - 1;
    std::fs::rename(&file, generation.join(format!("{:08}-{earlier}.age", 3))).unwrap();
    let err = recover(&live, None).await.unwrap_err();
    assert!(err.to_string().contains("renamed"), "{err}");
}

fn archive_ms(at: OffsetDateTime) -> i64 {
    (at.unix_timestamp_nanos() / 1_000_000) as i64
}

#[tokio::test]
async fn another_identity_cannot_recover_from_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let (live, _) = three_segments(dir.path()).await;
    let target = tempfile::tempdir().unwrap();
    let stranger = identities(&keys().secret);
    let err = restore_at_to_data_dir(&live.archive, stranger, None, target.path(), true)
        .await
        .unwrap_err();
    assert!(matches!(err, BackupError::WrongIdentity), "{err:?}");
}

#[tokio::test]
async fn a_time_before_the_first_generation_has_no_recovery_point() {
    let dir = tempfile::tempdir().unwrap();
    let (live, _) = three_segments(dir.path()).await;
    let err = recover(&live, Some(minute(-1))).await.unwrap_err();
    assert!(matches!(err, BackupError::NoRecoveryPoint(_)), "{err:?}");
}

#[tokio::test]
async fn a_log_longer_than_sqlites_own_checkpoint_threshold_is_still_shipped_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut live = live(dir.path()).await;
    let first = live.shipper.ship(&at(minute(0))).await.unwrap();
    // Every commit logs the pages it touched again: 300 of them are well past 1,000 frames.
    for batch in 0..300u64 {
        let events: Vec<_> = (0..10).map(|i| event(batch * 100 + i)).collect();
        live.store.append_audit(&events).await.unwrap();
    }
    let shipped = live.shipper.ship(&at(minute(1))).await.unwrap();
    assert!(shipped.frames > 1_000, "{shipped:?}");
    assert_eq!(
        shipped.began, None,
        "SQLite checkpointed behind the shipper"
    );
    assert_eq!(shipped.generation, first.generation);
    let (_, database) = recover(&live, None).await.unwrap();
    assert_eq!(dump(&database).await, dump(&live.database).await);
}

#[tokio::test]
async fn a_plaintext_copy_left_by_a_killed_shipper_is_removed_when_the_next_one_starts() {
    let dir = tempfile::tempdir().unwrap();
    let left = dir.path().join(".palisade-wal-base-left-behind");
    std::fs::write(&left, "a copy of the database").unwrap();
    let _live = live(dir.path()).await;
    assert!(!left.exists());
}
