//! Restoring a backup into a data directory: verified first in full, then moved into place
//! and migrated when it came from an older Palisade.

use crate::pitr::{self, RecoveryPoint};
use crate::verify::{check_database, verify, Report};
use crate::{BackupError, SQLITE_PART};
use palisade_store::Store;
use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;
use time::OffsetDateTime;

/// Restores `file` into `data_dir`, which must be empty (or missing) unless `force`, which
/// replaces its database and keeps everything else (the master key file among it).
pub async fn restore_to_data_dir(
    file: &Path,
    identities: Vec<age::x25519::Identity>,
    data_dir: &Path,
    force: bool,
) -> Result<Report, BackupError> {
    let work = prepare(data_dir, force)?;
    let (report, database) = verify(file, identities, work.path()).await?;
    if report.manifest.backend != "sqlite" {
        return Err(BackupError::Damaged(
            "this is a backup of a PostgreSQL deployment: restore it with --database-url".into(),
        ));
    }
    install(&database, data_dir, work.path()).await?;
    Ok(report)
}

/// What a point-in-time recovery restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub point: RecoveryPoint,
    pub audit_logs: u64,
    pub audit_events: u64,
}

/// Rebuilds the database from the WAL archive `archive` as it stood at `at` (the newest point
/// when `None`), checks it in full (integrity, every audit chain), and restores it into
/// `data_dir` as [`restore_to_data_dir`] does.
pub async fn restore_at_to_data_dir(
    archive: &Path,
    identities: Vec<age::x25519::Identity>,
    at: Option<OffsetDateTime>,
    data_dir: &Path,
    force: bool,
) -> Result<Recovered, BackupError> {
    let work = prepare(data_dir, force)?;
    let database = work.path().join(SQLITE_PART);
    let (from, into) = (archive.to_owned(), database.clone());
    let point = tokio::task::spawn_blocking(move || pitr::rebuild(&from, &identities, at, &into))
        .await
        .map_err(|err| BackupError::Io(std::io::Error::other(err)))??;
    let store = crate::package::open_sqlite(&database).await?;
    let checked = check_database(&store, None).await;
    Store::close(&store).await;
    let (audit_logs, audit_events) = checked?;
    install(&database, data_dir, work.path()).await?;
    Ok(Recovered {
        point,
        audit_logs,
        audit_events,
    })
}

/// Checks the target directory and makes the working directory inside it.
fn prepare(data_dir: &Path, force: bool) -> Result<tempfile::TempDir, BackupError> {
    if data_dir.exists() {
        let occupied = fs::read_dir(data_dir)?.next().is_some();
        if occupied && !force {
            return Err(BackupError::TargetNotEmpty(data_dir.display().to_string()));
        }
    } else {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(data_dir)?;
    }
    Ok(tempfile::Builder::new()
        .prefix(".palisade-restore-")
        .tempdir_in(data_dir)?)
}

/// Moves the checked `database` into `data_dir` and migrates it.
async fn install(database: &Path, data_dir: &Path, work: &Path) -> Result<(), BackupError> {
    let target = data_dir.join(SQLITE_PART);
    // The database being replaced is moved aside, not deleted, until the restored one has
    // migrated: a restore that fails leaves it where it was.
    let mut set_aside = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let old = data_dir.join(format!("{SQLITE_PART}{suffix}"));
        if old.exists() {
            let aside = work.join(format!("previous{suffix}"));
            fs::rename(&old, &aside)?;
            set_aside.push((aside, old));
        }
    }
    let restored = async {
        fs::rename(database, &target)?;
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600))?;
        let store = crate::package::open_sqlite(&target).await?;
        let migrated = store.migrate().await;
        Store::close(&store).await;
        migrated?;
        Ok::<(), BackupError>(())
    }
    .await;
    if restored.is_err() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(data_dir.join(format!("{SQLITE_PART}{suffix}")));
        }
        for (aside, old) in &set_aside {
            fs::rename(aside, old)?;
        }
    }
    restored
}

/// Tables a freshly migrated database already holds rows in.
const SEEDED: [&str; 2] = ["_sqlx_migrations", "access_generation"];

/// Restores a PostgreSQL backup into the database at `url` (as its schema owner), which must
/// hold no data: it is migrated to this build's schema first, then every row is loaded in
/// one transaction.
pub async fn restore_to_database(
    file: &Path,
    identities: Vec<age::x25519::Identity>,
    url: secrecy::SecretString,
) -> Result<Report, BackupError> {
    let work = tempfile::tempdir()?;
    let (report, rows) = verify(file, identities, work.path()).await?;
    if report.manifest.backend != "postgres" {
        return Err(BackupError::Damaged(
            "this is a backup of a SQLite deployment: restore it with --to DATA_DIR".into(),
        ));
    }
    let store = palisade_store::connect(&palisade_store::ConnectOptions::new(url)).await?;
    let restored = async {
        store.migrate().await?;
        let occupied = store
            .row_counts()
            .await?
            .into_iter()
            .any(|(table, n)| n > 0 && !SEEDED.contains(&table.as_str()));
        if occupied {
            return Err(BackupError::TargetNotEmpty("the target database".into()));
        }
        let tables: Vec<String> = report
            .manifest
            .rows
            .iter()
            .map(|(t, _)| t.clone())
            .collect();
        store.import_rows(&rows, &tables).await?;
        Ok(())
    }
    .await;
    store.close().await;
    restored.map(|()| report)
}
