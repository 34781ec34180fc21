//! Point-in-time recovery from a WAL archive: the newest finished generation that began at or
//! before the chosen time, its base copied out, then its segments replayed in order up to the
//! last one shipped at or before that time.

use super::archive::{self, Header};
use crate::BackupError;
use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use time::OffsetDateTime;

/// Where a recovery landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryPoint {
    pub generation: String,
    pub segments: u64,
    /// The database holds every transaction committed before this moment (when the last
    /// segment replayed was shipped), and none committed after the time asked for.
    pub recovered_to: OffsetDateTime,
}

/// Rebuilds the database as it stood at `at` (the newest point when `None`) into `database`,
/// a file that must not exist.
pub fn rebuild(
    archive_dir: &Path,
    identities: &[age::x25519::Identity],
    at: Option<OffsetDateTime>,
    database: &Path,
) -> Result<RecoveryPoint, BackupError> {
    let generations = archive::generations(archive_dir)?;
    let (name, began) = generations
        .iter()
        .rev()
        .filter(|(_, began)| at.is_none_or(|at| *began <= at))
        .find(|(name, _)| archive::base_path(&archive_dir.join(name)).exists())
        .ok_or_else(|| {
            let earliest = generations.first().map_or_else(
                || "it holds none".to_owned(),
                |(name, _)| format!("the earliest began {name}"),
            );
            BackupError::NoRecoveryPoint(format!(
                "no generation in {} began at or before that time; {earliest}",
                archive_dir.display()
            ))
        })?;
    let dir = archive_dir.join(name);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(database)?;
    let base = Header {
        generation: name.clone(),
        seq: 0,
        taken_at_ms: archive::unix_ms(*began),
        page_size: 0,
        frames: 0,
    };
    archive::read_base(&dir, &base, identities, &mut file)?;
    let mut point = RecoveryPoint {
        generation: name.clone(),
        segments: 0,
        recovered_to: *began,
    };
    let mut previous_ms = base.taken_at_ms;
    for (expected_seq, segment) in (1..).zip(archive::segments(&dir)?) {
        if segment.seq != expected_seq {
            return Err(BackupError::Damaged(format!(
                "segment {expected_seq} of generation {name} is missing"
            )));
        }
        if segment.taken_at_ms < previous_ms {
            return Err(BackupError::Damaged(format!(
                "segment {expected_seq} of generation {name} is older than the one before it"
            )));
        }
        previous_ms = segment.taken_at_ms;
        let shipped = archive::from_unix_ms(segment.taken_at_ms)
            .ok_or_else(|| BackupError::Damaged(format!("segment {expected_seq}: bad time")))?;
        if at.is_some_and(|at| shipped > at) {
            break;
        }
        let header = Header {
            generation: name.clone(),
            seq: segment.seq,
            taken_at_ms: segment.taken_at_ms,
            page_size: 0,
            frames: 0,
        };
        archive::replay_segment(&dir, &header, identities, &mut file)?;
        point.segments += 1;
        point.recovered_to = shipped;
    }
    file.sync_all()?;
    Ok(point)
}
