//! The shipper: every few seconds it holds writers off, reads what the log gained since its
//! last visit and, once the log is long, checkpoints it and makes it start over; then it lets
//! writers go on and seals the frames into the archive. The log only ever starts over inside
//! a visit, so a log found to have started over between visits means frames may have escaped
//! (another program checkpointed it): the shipper then starts a new generation, with a fresh
//! copy of the database file, as it does at start-up, after any failure, and once a day so a
//! recovery never replays more than a day.

use super::archive::{self, Header};
use super::capture::{
    blocking, capture, remove_stale_copies, seal_fresh, Captured, Position, Slot,
};
use super::wal_file;
use crate::BackupError;
use palisade_core::Clock;
use palisade_store::sqlite_wal::{PausedWrites, WalSource};
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;
use time::OffsetDateTime;

/// How long a generation lasts before the next one starts with a fresh copy.
pub const GENERATION_HOURS: i64 = 24;
/// The log is checkpointed once it holds this many frames (SQLite's own default).
pub const CHECKPOINT_FRAMES: usize = 1_000;

#[derive(Debug)]
struct Generation {
    name: String,
    dir: PathBuf,
    began: OffsetDateTime,
    next_seq: u64,
    position: Position,
}

/// What one visit shipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shipped {
    pub generation: String,
    /// Why a new generation began on this visit, if one did.
    pub began: Option<&'static str>,
    pub frames: usize,
    /// Files written into the archive, relative to it (`<generation>/<file>`), in order.
    pub written: Vec<String>,
    /// Generations deleted by retention.
    pub pruned: Vec<String>,
}

/// Ships a SQLite deployment's log into a WAL archive directory.
#[derive(Debug)]
pub struct WalShipper {
    source: WalSource,
    archive: PathBuf,
    work_dir: PathBuf,
    recipients: Vec<age::x25519::Recipient>,
    keep_days: i64,
    checkpoint_frames: usize,
    current: Option<Generation>,
    last_shipped: OffsetDateTime,
}

impl WalShipper {
    pub fn new(
        source: WalSource,
        archive: PathBuf,
        work_dir: PathBuf,
        recipients: &[String],
        keep_days: i64,
    ) -> Result<Self, BackupError> {
        remove_stale_copies(&work_dir)?;
        Ok(Self {
            source,
            archive,
            work_dir,
            recipients: crate::parse_recipients(recipients)?,
            keep_days,
            checkpoint_frames: CHECKPOINT_FRAMES,
            current: None,
            last_shipped: OffsetDateTime::UNIX_EPOCH,
        })
    }

    /// Checkpoints once the log holds `frames` frames instead of [`CHECKPOINT_FRAMES`].
    pub fn checkpoint_after(mut self, frames: usize) -> Self {
        self.checkpoint_frames = frames.max(1);
        self
    }

    /// Ships what the log gained; on any failure the next visit starts a new generation.
    /// The time a shipment is stamped with is read once writers wait, so nothing it holds
    /// was committed after it.
    pub async fn ship(&mut self, clock: &dyn Clock) -> Result<Shipped, BackupError> {
        let shipped = self.visit(clock).await;
        if shipped.is_err() {
            self.current = None;
        }
        shipped
    }

    async fn visit(&mut self, clock: &dyn Clock) -> Result<Shipped, BackupError> {
        let rollover = self
            .current
            .as_ref()
            .is_some_and(|g| clock.now() - g.began >= time::Duration::hours(GENERATION_HOURS));
        let position = self
            .current
            .as_ref()
            .filter(|_| !rollover)
            .map(|g| g.position);
        if position.is_none() {
            // A new generation copies the database while writers wait: find out first whether
            // the archive takes files at all, rather than hold writers off for nothing.
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&self.archive)?;
            tempfile::tempfile_in(&self.archive)?;
        }
        let paused = self.source.pause_writes().await?;
        // Never earlier than the shipment before, even if the wall clock steps back.
        let now = clock
            .now()
            .max(self.last_shipped + time::Duration::milliseconds(1));
        let slot = self
            .current
            .as_ref()
            .filter(|_| position.is_some())
            .map(|g| Slot {
                dir: g.dir.clone(),
                header: Header {
                    generation: g.name.clone(),
                    seq: g.next_seq,
                    taken_at_ms: archive::unix_ms(now),
                    page_size: 0,
                    frames: 0,
                },
            });
        let (captured, after, paused) = self.while_paused(paused, position, slot).await;
        if let Some(paused) = paused {
            paused.resume().await?;
        }
        let (captured, after) = (captured?, after?);
        let why = captured
            .base
            .as_ref()
            .map(|_| match (&self.current, rollover) {
                (None, _) => "start",
                (Some(_), true) => "rollover",
                (Some(_), false) => "log started over unseen",
            });
        if captured.base.is_some() {
            self.current = Some(self.new_generation(now)?);
        }
        let generation = self
            .current
            .as_mut()
            .ok_or_else(|| BackupError::Io(io::Error::other("no generation to ship into")))?;
        let frames = captured.log.as_ref().map_or(&[][..], |c| &c.frames[..]);
        let fresh = &frames[captured.from..];
        let mut written = Vec::new();
        let generation_name = generation.name.clone();
        let segment_name = |seq| {
            let file = archive::segment_file(seq, archive::unix_ms(now));
            format!("{generation_name}/{file}")
        };
        if captured.sealed {
            written.push(segment_name(generation.next_seq));
            generation.next_seq += 1;
        } else if let Some(log) = captured.log.as_ref().filter(|_| !fresh.is_empty()) {
            let header = Header {
                generation: generation.name.clone(),
                seq: generation.next_seq,
                taken_at_ms: archive::unix_ms(now),
                page_size: log.header.page_size,
                frames: fresh.len() as u64,
            };
            archive::write_segment(&generation.dir, &header, fresh, &self.recipients)?;
            written.push(segment_name(generation.next_seq));
            generation.next_seq += 1;
        }
        // The base goes in last: a generation without one is unfinished, and never restored.
        if let Some(staged) = captured.base {
            let header = Header {
                generation: generation.name.clone(),
                seq: 0,
                taken_at_ms: archive::unix_ms(generation.began),
                page_size: 0,
                frames: 0,
            };
            archive::write_base(&generation.dir, &header, &staged, &self.recipients)?;
            staged.close()?;
            written.push(format!("{}/{}", generation.name, archive::BASE_FILE));
        }
        generation.position = after;
        let mut shipped = Shipped {
            generation: generation.name.clone(),
            began: why,
            frames: fresh.len(),
            written,
            pruned: Vec::new(),
        };
        self.last_shipped = now;
        if why.is_some() {
            shipped.pruned = self.prune(now)?;
        }
        Ok(shipped)
    }

    /// Reads the log (and copies the database file for a new generation), checkpoints a long
    /// log, and says where the log stands for the next visit; writers wait throughout.
    async fn while_paused(
        &self,
        paused: PausedWrites,
        position: Option<Position>,
        slot: Option<Slot>,
    ) -> (
        Result<Captured, BackupError>,
        Result<Position, BackupError>,
        Option<PausedWrites>,
    ) {
        let (wal, database, work) = (
            self.source.wal(),
            self.source.database().to_owned(),
            self.work_dir.clone(),
        );
        let captured = blocking(move || capture(&wal, &database, &work, position)).await;
        let (frames, salt) = match &captured {
            Ok(read) => (
                read.log.as_ref().map_or(0, |c| c.frames.len()),
                read.log.as_ref().map(|c| c.header.salt),
            ),
            Err(_) => {
                let unread = Err(BackupError::Io(io::Error::other("the log was not read")));
                return (captured, unread, Some(paused));
            }
        };
        let unchanged = Position { pass: salt, frames };
        let without_log =
            matches!(&captured, Ok(read) if read.base.is_some() && read.log.is_none());
        if without_log {
            // A generation must know its log's salts, or it could not tell a log that started
            // over from one that merely began: start one now, after the copy.
            return self.start_log(captured, unchanged, paused).await;
        }
        if frames < self.checkpoint_frames {
            return (captured, Ok(unchanged), Some(paused));
        }
        // Frames are sealed before a checkpoint lets them into the database file, so a crash
        // or a full disk in between cannot lose them from the archive.
        let captured = match (captured, slot) {
            (Ok(read), Some(slot)) if read.base.is_none() && read.from < frames => {
                let recipients = self.recipients.clone();
                match blocking(move || seal_fresh(read, slot, &recipients)).await {
                    Ok(read) => Ok(read),
                    Err(err) => return (Err(err), Ok(unchanged), Some(paused)),
                }
            }
            (other, _) => other,
        };
        let done = match paused.checkpoint().await {
            Ok(done) => done,
            Err(err) => return (captured, Err(err.into()), Some(paused)),
        };
        // SQLite's own count must agree with what was read: if not, frames were missed.
        if usize::try_from(done.in_log).unwrap_or(0) != frames {
            let err = BackupError::Damaged(format!(
                "the log holds {} committed frames but {frames} were read",
                done.in_log
            ));
            return (captured, Err(err), Some(paused));
        }
        if !done.complete() {
            return (captured, Ok(unchanged), Some(paused));
        }
        self.start_log(captured, unchanged, paused).await
    }

    /// Makes the log start over now (see [`PausedWrites::restart_log`]) and says where it
    /// then stands.
    async fn start_log(
        &self,
        captured: Result<Captured, BackupError>,
        unchanged: Position,
        paused: PausedWrites,
    ) -> (
        Result<Captured, BackupError>,
        Result<Position, BackupError>,
        Option<PausedWrites>,
    ) {
        let paused = match paused.restart_log().await {
            Ok(paused) => paused,
            Err(err) => return (captured, Err(err.into()), None),
        };
        let wal = self.source.wal();
        let after = blocking(move || Ok(wal_file::read(&wal)?))
            .await
            .and_then(|log| {
                match log.map(|l| l.header.salt) {
                    None => Err(BackupError::Damaged("the log did not start".into())),
                    // Readers kept the log from starting over: the write was appended.
                    pass if pass == unchanged.pass => Ok(unchanged),
                    pass => Ok(Position { pass, frames: 0 }),
                }
            });
        (captured, after, Some(paused))
    }

    fn new_generation(&self, now: OffsetDateTime) -> Result<Generation, BackupError> {
        let name = archive::generation_name(now);
        let dir = archive::create_generation_dir(&self.archive, &name)?;
        Ok(Generation {
            name,
            dir,
            began: now,
            next_seq: 1,
            position: Position {
                pass: None,
                frames: 0,
            },
        })
    }

    /// Deletes generations whose every point lies before the retention period: those followed
    /// by a generation that began before it.
    fn prune(&self, now: OffsetDateTime) -> Result<Vec<String>, BackupError> {
        let cutoff = now - time::Duration::days(self.keep_days);
        let mut generations = archive::generations(&self.archive)?;
        // Only a finished generation (one with its base) can stand in for those before it.
        generations.retain(|(name, _)| archive::base_path(&self.archive.join(name)).exists());
        let mut pruned = Vec::new();
        for pair in generations.windows(2) {
            if pair[1].1 < cutoff {
                std::fs::remove_dir_all(self.archive.join(&pair[0].0))?;
                pruned.push(pair[0].0.clone());
            }
        }
        Ok(pruned)
    }
}
