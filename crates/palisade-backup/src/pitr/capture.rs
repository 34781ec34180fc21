//! What a shipment reads while writers wait: where the log stood, what it holds now, and
//! the copy of the database file a new generation starts from.

use super::archive::{self, Header};
use super::wal_file::{self, WalContents};
use crate::BackupError;
use std::io;
use std::path::{Path, PathBuf};

/// Where the log stood when the shipper last left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    /// The pass over the log file (its salts), `None` when there was no log.
    pub pass: Option<(u32, u32)>,
    /// Committed frames of that pass already shipped.
    pub frames: usize,
}

/// The first frame of `now` still to ship, or `None` when frames may have escaped the shipper
/// since `before`, and a new generation must start.
pub(crate) fn resume_at(before: &Position, now: Option<&WalContents>) -> Option<usize> {
    match (before.pass, now) {
        (None, None) => Some(0),
        (None, Some(_)) => Some(0),
        (Some(_), None) => None,
        (Some(salt), Some(now)) if now.header.salt == salt => {
            (now.frames.len() >= before.frames).then_some(before.frames)
        }
        (Some(_), Some(_)) => None,
    }
}

/// What was read while writers waited.
pub(crate) struct Captured {
    pub log: Option<WalContents>,
    /// The first frame not shipped yet.
    pub from: usize,
    /// A copy of the database file, when a new generation starts.
    pub base: Option<tempfile::TempPath>,
    /// The fresh frames were sealed already, before a checkpoint let them into the database
    /// file.
    pub sealed: bool,
}

/// Where the next segment of a continuing generation goes.
pub(crate) struct Slot {
    pub dir: PathBuf,
    pub header: Header,
}

pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, BackupError> + Send + 'static,
) -> Result<T, BackupError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| BackupError::Io(io::Error::other(err)))?
}

/// Seals the fresh frames of `read` into `slot` now; hands `read` back marked so.
pub(crate) fn seal_fresh(
    mut read: Captured,
    mut slot: Slot,
    recipients: &[age::x25519::Recipient],
) -> Result<Captured, BackupError> {
    if let Some(log) = &read.log {
        let fresh = &log.frames[read.from..];
        slot.header.page_size = log.header.page_size;
        slot.header.frames = fresh.len() as u64;
        archive::write_segment(&slot.dir, &slot.header, fresh, recipients)?;
        read.sealed = true;
    }
    Ok(read)
}

const BASE_COPY_PREFIX: &str = ".palisade-wal-base-";

/// Plaintext copies a killed process left behind are deleted before anything else happens.
pub(crate) fn remove_stale_copies(work: &Path) -> io::Result<()> {
    let entries = match std::fs::read_dir(work) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    for entry in entries {
        let entry = entry?;
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(BASE_COPY_PREFIX)
        {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Reads the log while writers wait; copies the database file too when a generation starts.
pub(crate) fn capture(
    wal: &Path,
    database: &Path,
    work: &Path,
    position: Option<Position>,
) -> Result<Captured, BackupError> {
    let log = wal_file::read(wal)?;
    if let Some(from) = position.and_then(|p| resume_at(&p, log.as_ref())) {
        return Ok(Captured {
            log,
            from,
            base: None,
            sealed: false,
        });
    }
    // Pages a concurrent checkpoint may be writing are all in the log read above, and are
    // written over this copy when it is replayed.
    let staged = tempfile::Builder::new()
        .prefix(BASE_COPY_PREFIX)
        .tempfile_in(work)?
        .into_temp_path();
    std::fs::copy(database, &staged)?;
    Ok(Captured {
        log,
        from: 0,
        base: Some(staged),
        sealed: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pitr::wal_file::{Frame, WalHeader};

    fn log(salt: (u32, u32), frames: usize) -> WalContents {
        let frame = Frame {
            page: 1,
            commit_pages: 1,
            data: vec![0; 512],
        };
        WalContents {
            header: WalHeader {
                page_size: 512,
                checkpoint_seq: 0,
                salt,
            },
            frames: vec![frame; frames],
        }
    }

    fn at(salt: (u32, u32), frames: usize) -> Position {
        Position {
            pass: Some(salt),
            frames,
        }
    }

    #[test]
    fn the_same_pass_resumes_after_the_frames_shipped() {
        assert_eq!(resume_at(&at((1, 2), 3), Some(&log((1, 2), 5))), Some(3));
    }

    #[test]
    fn a_log_that_started_over_between_visits_needs_a_new_generation() {
        assert_eq!(resume_at(&at((1, 2), 3), Some(&log((2, 9), 5))), None);
    }

    #[test]
    fn a_pass_that_lost_frames_needs_a_new_generation() {
        assert_eq!(resume_at(&at((1, 2), 3), Some(&log((1, 2), 2))), None);
    }

    #[test]
    fn a_log_that_vanished_needs_a_new_generation() {
        assert_eq!(resume_at(&at((1, 2), 3), None), None);
    }
}
