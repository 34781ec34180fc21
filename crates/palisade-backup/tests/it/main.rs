//! Backups end to end on a real SQLite database: what is restored equals what was copied,
//! row by row, and every kind of bad file is refused with its own error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use palisade_backup::{
    create, generate_identity, parse_recipients, read_identities, restore_to_data_dir, verify,
    BackupError, Manifest, FORMAT_VERSION, SQLITE_PART,
};
use palisade_core::audit::{AuditEntry, Outcome, PLATFORM_LOG};
use palisade_core::{AuditEventId, SeededRng, SystemClock};
use palisade_store::sqlite::SqliteStore;
use palisade_store::{AccountStore, AuditStore, ConnectOptions, Store, UserRecord};
use secrecy::{ExposeSecret, SecretString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use time::macros::datetime;

mod pitr;
mod remote;
mod seal;

struct Keys {
    secret: String,
    recipients: Vec<age::x25519::Recipient>,
}

fn keys() -> Keys {
    let identity = generate_identity();
    Keys {
        secret: identity.secret.expose_secret().to_owned(),
        recipients: parse_recipients(&[identity.recipient]).unwrap(),
    }
}

fn identities(secret: &str) -> Vec<age::x25519::Identity> {
    read_identities(format!("# created: now\n{secret}\n").as_bytes()).unwrap()
}

async fn open(path: &Path) -> SqliteStore {
    let url = SecretString::from(format!("sqlite://{}", path.display()));
    SqliteStore::connect(&ConnectOptions::new(url))
        .await
        .unwrap()
}

fn event(n: u64) -> AuditEntry {
    AuditEntry {
        id: AuditEventId::generate(&SystemClock, &SeededRng::new(n)),
        log: PLATFORM_LOG.into(),
        at_micros: 1,
        actor: "system".into(),
        action: format!("test.event_{n}"),
        resource_type: "test".into(),
        resource_id: None,
        outcome: Outcome::Success,
        reason: None,
        request_id: None,
        ip: None,
        user_agent: None,
    }
}

/// A migrated database with accounts and a chain of audit events.
async fn source(dir: &Path) -> SqliteStore {
    let store = open(&dir.join("source.db")).await;
    store.migrate().await.unwrap();
    for (n, email) in ["ada@example.com", "bob@example.com"].iter().enumerate() {
        let user = UserRecord {
            id: palisade_core::UserId::generate(&SystemClock, &SeededRng::new(n as u64 + 1)),
            email: (*email).into(),
            name: None,
            password_hash: "$argon2id$stored".into(),
            created_at: datetime!(2026-12-01 12:00 UTC),
            updated_at: datetime!(2026-12-01 12:00 UTC),
        };
        store
            .create_user(&user, &event(100 + n as u64))
            .await
            .unwrap();
    }
    let batch: Vec<_> = (0..50).map(event).collect();
    store.append_audit(&batch).await.unwrap();
    store
}

async fn backup_of(dir: &Path, keys: &Keys) -> (PathBuf, Manifest) {
    let store = source(dir).await;
    let out = dir.join("palisade.backup");
    let manifest = create(
        &store,
        &keys.recipients,
        &out,
        dir,
        datetime!(2026-12-07 12:00 UTC),
    )
    .await
    .unwrap();
    store.close().await;
    (out, manifest)
}

/// Every row of every table, each as its columns' SQL literals, in a stable order.
async fn dump(path: &Path) -> Vec<String> {
    let store = open(path).await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut rows = Vec::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(&pool)
                .await
                .unwrap();
        let row = columns
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || ',' || ");
        let mut found: Vec<String> = sqlx::query_scalar(&format!("SELECT {row} FROM \"{table}\""))
            .fetch_all(&pool)
            .await
            .unwrap();
        found.sort();
        rows.extend(found.into_iter().map(|r| format!("{table}: {r}")));
    }
    pool.close().await;
    store.close().await;
    rows
}

#[tokio::test]
async fn a_restored_backup_holds_every_row_of_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let (file, manifest) = backup_of(dir.path(), &keys).await;
    assert_eq!(manifest.parts[0].path, SQLITE_PART);
    let target = dir.path().join("restored");
    let report = restore_to_data_dir(&file, identities(&keys.secret), &target, false)
        .await
        .unwrap();
    assert_eq!(report.audit_logs, 1);
    assert_eq!(report.audit_events, 52);
    let before = dump(&dir.path().join("source.db")).await;
    let after = dump(&target.join(SQLITE_PART)).await;
    assert!(before.len() > 50);
    assert_eq!(before, after);
}

#[tokio::test]
async fn the_file_is_age_and_holds_nothing_readable_without_the_identity() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = backup_of(dir.path(), &keys()).await;
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    for clear in [
        &b"ada@example.com"[..],
        b"SQLite format 3",
        b"manifest.json",
    ] {
        assert!(!bytes.windows(clear.len()).any(|w| w == clear));
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

async fn refusal(file: &Path, secret: &str) -> BackupError {
    let work = tempfile::tempdir().unwrap();
    verify(file, identities(secret), work.path())
        .await
        .unwrap_err()
}

#[tokio::test]
async fn another_identity_cannot_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = backup_of(dir.path(), &keys()).await;
    let stranger = keys();
    assert!(matches!(
        refusal(&file, &stranger.secret).await,
        BackupError::WrongIdentity
    ));
}

#[tokio::test]
async fn a_flipped_byte_is_refused_as_damage() {
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let (file, _) = backup_of(dir.path(), &keys).await;
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&file, bytes).unwrap();
    let err = refusal(&file, &keys.secret).await;
    assert!(matches!(err, BackupError::Damaged(_)), "{err}");
}

#[tokio::test]
async fn a_cut_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let (file, _) = backup_of(dir.path(), &keys).await;
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() - 100]).unwrap();
    let err = refusal(&file, &keys.secret).await;
    assert!(
        matches!(err, BackupError::Truncated(_) | BackupError::Damaged(_)),
        "{err}"
    );
}

/// Rewrites the backup's manifest with `change`, as a later Palisade might have written it.
fn rewritten(file: &Path, keys: &Keys, change: impl Fn(&mut Manifest)) {
    let identity = identities(&keys.secret);
    let input = std::fs::File::open(file).unwrap();
    let decryptor = age::Decryptor::new(input).unwrap();
    let mut plain = Vec::new();
    decryptor
        .decrypt(identity.iter().map(|i| i as &dyn age::Identity))
        .unwrap()
        .read_to_end(&mut plain)
        .unwrap();
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(plain.as_slice()));
    let mut members = Vec::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let path = entry.path().unwrap().to_string_lossy().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if path == "manifest.json" {
            let mut manifest: Manifest = serde_json::from_slice(&data).unwrap();
            change(&mut manifest);
            data = serde_json::to_vec(&manifest).unwrap();
        }
        members.push((path, data));
    }
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::fast(),
    ));
    for (path, data) in &members {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o600);
        tar.append_data(&mut header, path, data.as_slice()).unwrap();
    }
    let packed = tar.into_inner().unwrap().finish().unwrap();
    let encryptor =
        age::Encryptor::with_recipients(keys.recipients.iter().map(|r| r as &dyn age::Recipient))
            .unwrap();
    let mut out = encryptor
        .wrap_output(std::fs::File::create(file).unwrap())
        .unwrap();
    out.write_all(&packed).unwrap();
    out.finish().unwrap();
}

#[tokio::test]
async fn a_backup_from_a_newer_format_or_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let (file, _) = backup_of(dir.path(), &keys).await;
    rewritten(&file, &keys, |m| m.format_version = FORMAT_VERSION + 1);
    assert!(matches!(
        refusal(&file, &keys.secret).await,
        BackupError::Newer(_)
    ));
    rewritten(&file, &keys, |m| {
        m.format_version = FORMAT_VERSION;
        m.schema_version = Some(99_991_231_000_000);
    });
    assert!(matches!(
        refusal(&file, &keys.secret).await,
        BackupError::Newer(_)
    ));
}

#[tokio::test]
async fn a_part_that_differs_from_its_manifest_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let (file, _) = backup_of(dir.path(), &keys).await;
    rewritten(&file, &keys, |m| m.parts[0].sha256 = "0".repeat(64));
    assert!(matches!(
        refusal(&file, &keys.secret).await,
        BackupError::Damaged(_)
    ));
}

#[tokio::test]
async fn a_restore_refuses_a_directory_that_holds_anything_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let (file, _) = backup_of(dir.path(), &keys).await;
    let target = dir.path().join("busy");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("master.key"), "kept").unwrap();
    let err = restore_to_data_dir(&file, identities(&keys.secret), &target, false)
        .await
        .unwrap_err();
    assert!(matches!(err, BackupError::TargetNotEmpty(_)));
    assert!(!target.join(SQLITE_PART).exists());
    restore_to_data_dir(&file, identities(&keys.secret), &target, true)
        .await
        .unwrap();
    assert!(target.join(SQLITE_PART).exists());
    assert_eq!(
        std::fs::read_to_string(target.join("master.key")).unwrap(),
        "kept"
    );
}

#[tokio::test]
async fn a_tampered_audit_chain_inside_the_backup_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let store = source(dir.path()).await;
    // Edit an event behind the store's back (as the owner could), then back it up.
    let pool = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        dir.path().join("source.db").display()
    ))
    .await
    .unwrap();
    sqlx::query("DROP TRIGGER IF EXISTS audit_events_append_only_update")
        .execute(&pool)
        .await
        .unwrap();
    let triggers: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for trigger in triggers {
        sqlx::query(&format!("DROP TRIGGER \"{trigger}\""))
            .execute(&pool)
            .await
            .unwrap();
    }
    sqlx::query("UPDATE audit_events SET action = 'test.rewritten' WHERE seq = 7")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let out = dir.path().join("tampered.backup");
    create(
        &store,
        &keys.recipients,
        &out,
        dir.path(),
        datetime!(2026-12-07 12:00 UTC),
    )
    .await
    .unwrap();
    store.close().await;
    match refusal(&out, &keys.secret).await {
        BackupError::AuditChain { seq, problem, .. } => assert_eq!((seq, problem), (7, "tampered")),
        other => panic!("{other}"),
    }
}

/// Every row of every table of a PostgreSQL test database, as JSON, in a stable order.
async fn pg_dump(url: &str) -> Vec<String> {
    let pool = sqlx::PgPool::connect(url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = \
         current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_sqlx_migrations', 'access_generation') \
         ORDER BY 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut rows = Vec::new();
    for table in tables {
        let mut found: Vec<String> =
            sqlx::query_scalar(&format!("SELECT row_to_json(t)::text FROM \"{table}\" t"))
                .fetch_all(&pool)
                .await
                .unwrap();
        found.sort();
        rows.extend(found.into_iter().map(|r| format!("{table}: {r}")));
    }
    pool.close().await;
    rows
}

#[tokio::test]
async fn a_postgres_backup_restores_every_row_into_an_empty_database() {
    use palisade_store::testing::{TestBackend, TestDatabase};
    let Some(source_db) = TestDatabase::new(TestBackend::Postgres).await else {
        return;
    };
    let Some(target_db) = TestDatabase::new(TestBackend::Postgres).await else {
        return;
    };
    let store = source_db.connect().await;
    store.migrate().await.unwrap();
    let ada = UserRecord {
        id: palisade_core::UserId::generate(&SystemClock, &SeededRng::new(1)),
        email: "ada@example.com".into(),
        name: Some("Ada".into()),
        password_hash: "$argon2id$stored".into(),
        created_at: datetime!(2026-12-01 12:00 UTC),
        updated_at: datetime!(2026-12-01 12:00 UTC),
    };
    store.create_user(&ada, &event(1)).await.unwrap();
    let acme = acme_record();
    let mut in_acme = event(2);
    in_acme.log = acme.id.to_string();
    store
        .create_workspace(&acme, ada.id, &in_acme)
        .await
        .unwrap();
    let mail = palisade_store::MailRecord {
        id: palisade_core::MailId::generate(&SystemClock, &SeededRng::new(3)),
        recipient: "ada@example.com".into(),
        subject: "Welcome".into(),
        sealed_body: Some(vec![0, 1, 2, 254, 255]),
        created_at: datetime!(2026-12-01 12:00 UTC),
        attempts: 0,
        next_attempt_at: datetime!(2026-12-01 12:00 UTC),
        sent_at: None,
    };
    store.enqueue_mail(&mail).await.unwrap();
    let batch: Vec<_> = (10..40).map(event).collect();
    store.append_audit(&batch).await.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let file = dir.path().join("pg.backup");
    let manifest = create(
        store.as_ref(),
        &keys.recipients,
        &file,
        dir.path(),
        datetime!(2026-12-07 12:00 UTC),
    )
    .await
    .unwrap();
    assert_eq!(manifest.backend, "postgres");
    store.close().await;
    let report = palisade_backup::restore_to_database(
        &file,
        identities(&keys.secret),
        SecretString::from(target_db.url().to_owned()),
    )
    .await
    .unwrap();
    assert_eq!((report.audit_logs, report.audit_events), (2, 32));
    let before = pg_dump(source_db.url()).await;
    let after = pg_dump(target_db.url()).await;
    assert!(before.iter().any(|r| r.starts_with("memberships: ")));
    assert!(before == after, "the restore differs from its source");
    let generation = |url: String| async move {
        let pool = sqlx::PgPool::connect(&url).await.unwrap();
        let value: i64 = sqlx::query_scalar("SELECT value FROM access_generation")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        value
    };
    assert_ne!(
        generation(source_db.url().to_owned()).await,
        generation(target_db.url().to_owned()).await,
        "a restored database starts a fresh access generation"
    );
    // A second restore finds the data there and refuses.
    let again = palisade_backup::restore_to_database(
        &file,
        identities(&keys.secret),
        SecretString::from(target_db.url().to_owned()),
    )
    .await
    .unwrap_err();
    assert!(matches!(again, BackupError::TargetNotEmpty(_)), "{again}");
    source_db.cleanup().await;
    target_db.cleanup().await;
}

#[tokio::test]
async fn a_backup_never_replaces_a_file_and_stages_no_plaintext_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let keys = keys();
    let store = source(dir.path()).await;
    let out_dir = dir.path().join("offsite");
    std::fs::create_dir(&out_dir).unwrap();
    let taken = out_dir.join("taken.backup");
    std::fs::write(&taken, "someone else's file").unwrap();
    let at = datetime!(2026-12-07 12:00 UTC);
    assert!(create(&store, &keys.recipients, &taken, work.path(), at)
        .await
        .is_err());
    assert_eq!(
        std::fs::read_to_string(&taken).unwrap(),
        "someone else's file"
    );
    let out = out_dir.join("fresh.backup");
    create(&store, &keys.recipients, &out, work.path(), at)
        .await
        .unwrap();
    store.close().await;
    let mut beside: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, ["fresh.backup", "taken.backup"]);
    assert_eq!(
        std::fs::read_dir(work.path()).unwrap().count(),
        0,
        "the staging is gone"
    );
}

/// A schema owned by a role that is neither superuser nor BYPASSRLS, as in production, and
/// its URL; row security is forced on the tenant tables, and applies to such an owner.
async fn schema_of_a_plain_owner() -> Option<(String, String)> {
    use palisade_store::testing::{postgres_url, TestBackend, TestDatabase};
    use sqlx::Connection;
    // Makes sure PostgreSQL is there (or, in CI, fails) the way every other test does.
    TestDatabase::new(TestBackend::Postgres)
        .await?
        .cleanup()
        .await;
    let admin_url = postgres_url();
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap();
    let owner = "palisade_backup_owner_test";
    sqlx::raw_sql(&format!(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{owner}') THEN \
         CREATE ROLE {owner} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE; END IF; END $$"
    ))
    .execute(&mut admin)
    .await
    .unwrap();
    let schema = format!("bk_owner_{}", std::process::id());
    sqlx::raw_sql(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema} AUTHORIZATION {owner}"
    ))
    .execute(&mut admin)
    .await
    .unwrap();
    let (scheme, rest) = admin_url.split_once("://").unwrap();
    let host = rest.split_once('@').map_or(rest, |(_, host)| host);
    let separator = if host.contains('?') { '&' } else { '?' };
    let url = format!("{scheme}://{owner}@{host}{separator}options=-c%20search_path%3D{schema}");
    Some((schema, url))
}

#[tokio::test]
async fn a_postgres_backup_by_an_owner_that_is_not_a_superuser_holds_every_workspace() {
    let Some((schema, url)) = schema_of_a_plain_owner().await else {
        return;
    };
    let mut options = ConnectOptions::new(SecretString::from(url.clone()));
    options.app_role = "palisade_app_backup_owner_test".into();
    let store = palisade_store::connect(&options).await.unwrap();
    store.migrate().await.unwrap();
    let ada = palisade_core::UserId::generate(&SystemClock, &SeededRng::new(1));
    let user = UserRecord {
        id: ada,
        email: "ada@example.com".into(),
        name: None,
        password_hash: "$argon2id$stored".into(),
        created_at: datetime!(2026-12-01 12:00 UTC),
        updated_at: datetime!(2026-12-01 12:00 UTC),
    };
    store.create_user(&user, &event(1)).await.unwrap();
    let acme = acme_record();
    let mut in_acme = event(2);
    in_acme.log = acme.id.to_string();
    in_acme.actor = format!("user:{ada}");
    store.create_workspace(&acme, ada, &in_acme).await.unwrap();
    // An account's own events come from every log, not only the platform's.
    let mine = store
        .events_by_actor(&format!("user:{ada}"), None, 10)
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].entry.log, acme.id.to_string());

    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let file = dir.path().join("plain-owner.backup");
    let at = datetime!(2026-12-07 12:00 UTC);
    let manifest = create(store.as_ref(), &keys.recipients, &file, dir.path(), at)
        .await
        .unwrap();
    store.close().await;
    let rows = |table: &str| {
        manifest
            .rows
            .iter()
            .find(|(t, _)| t == table)
            .map(|(_, n)| *n)
    };
    assert_eq!(
        rows("memberships"),
        Some(1),
        "the workspace's members are in the backup"
    );
    assert_eq!(rows("audit_events"), Some(2), "so are both logs' events");
    let work = tempfile::tempdir().unwrap();
    let (report, _) = verify(&file, identities(&keys.secret), work.path())
        .await
        .unwrap();
    assert_eq!(report.audit_logs, 2);
    let admin = palisade_store::testing::postgres_url();
    let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
        .await
        .unwrap();
    sqlx::raw_sql(&format!("DROP SCHEMA {schema} CASCADE"))
        .execute(&mut admin)
        .await
        .unwrap();
}

/// `acme`, as the PostgreSQL tests create it.
fn acme_record() -> palisade_store::WorkspaceRecord {
    palisade_store::WorkspaceRecord {
        id: palisade_core::WorkspaceId::generate(&SystemClock, &SeededRng::new(2)),
        slug: "acme".into(),
        name: "Acme".into(),
        audit_retention_days: 365,
        require_mfa: false,
        suspended_at: None,
        created_at: datetime!(2026-12-01 12:00 UTC),
        updated_at: datetime!(2026-12-01 12:00 UTC),
    }
}

#[tokio::test]
async fn progress_is_reported_up_to_the_size_of_the_parts() {
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let store = source(dir.path()).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    let progress: palisade_backup::Progress =
        Arc::new(move |done, total| record.lock().unwrap().push((done, total)));
    let out = dir.path().join("progress.backup");
    let at = datetime!(2026-12-07 12:00 UTC);
    let manifest = palisade_backup::create_with_progress(
        &store,
        &keys.recipients,
        &out,
        dir.path(),
        at,
        progress,
    )
    .await
    .unwrap();
    store.close().await;
    let total: u64 = manifest.parts.iter().map(|p| p.bytes).sum();
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.last(), Some(&(total, total)));
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "it only moves forward"
    );
}
