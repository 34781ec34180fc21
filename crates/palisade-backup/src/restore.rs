//! Restoring a backup into a data directory: verified first in full, then moved into place
//! and migrated when it came from an older Palisade.

use crate::verify::{verify, Report};
use crate::{BackupError, SQLITE_PART};
use palisade_store::Store;
use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;

/// Restores `file` into `data_dir`, which must be empty (or missing) unless `force`, which
/// replaces its database and keeps everything else (the master key file among it).
pub async fn restore_to_data_dir(
    file: &Path,
    identities: Vec<age::x25519::Identity>,
    data_dir: &Path,
    force: bool,
) -> Result<Report, BackupError> {
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
    let work = tempfile::Builder::new()
        .prefix(".palisade-restore-")
        .tempdir_in(data_dir)?;
    let (report, database) = verify(file, identities, work.path()).await?;
    let target = data_dir.join(SQLITE_PART);
    for suffix in ["", "-wal", "-shm"] {
        let old = data_dir.join(format!("{SQLITE_PART}{suffix}"));
        if old.exists() {
            fs::remove_file(old)?;
        }
    }
    fs::rename(&database, &target)?;
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600))?;
    let store = crate::package::open_sqlite(&target).await?;
    let migrated = store.migrate().await;
    Store::close(&store).await;
    migrated?;
    Ok(report)
}
