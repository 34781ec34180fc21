//! The WAL archive on disk: one directory per generation (named by the time it began), holding
//! `base.age`, a copy of the database file, and numbered segments `<seq>-<unix ms>.age`, each
//! the log frames committed since the one before. Every file is gzip inside age, sealed to the
//! backup recipients, written to a temporary name and linked into place whole; its header,
//! inside the encryption, repeats what its name says, so a renamed file is caught.

use super::wal_file::Frame;
use crate::verify::{open_sealed, stream_error};
use crate::BackupError;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

const BASE_MAGIC: &str = "palisade-wal-base 1";
const SEGMENT_MAGIC: &str = "palisade-wal-segment 1";
pub(crate) const BASE_FILE: &str = "base.age";
const HEADER_LIMIT: u64 = 64 * 1024;

/// What a sealed file says about itself, checked against its name when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Header {
    pub generation: String,
    /// 0 for the base.
    pub seq: u64,
    pub taken_at_ms: i64,
    pub page_size: u32,
    pub frames: u64,
}

/// `20261208T014500.123Z`: sorts by time, and is the time the generation's base was taken.
pub(crate) fn generation_name(at: OffsetDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

pub(crate) fn generation_began(name: &str) -> Option<OffsetDateTime> {
    let format = time::macros::format_description!(
        "[year][month][day]T[hour][minute][second].[subsecond digits:3]Z"
    );
    time::PrimitiveDateTime::parse(name, format)
        .ok()
        .map(|t| t.assume_utc())
}

pub(crate) fn unix_ms(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

pub(crate) fn from_unix_ms(ms: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
}

pub(crate) fn segment_file(seq: u64, taken_at_ms: i64) -> String {
    format!("{seq:08}-{taken_at_ms}.age")
}

/// A segment named in a generation's directory: its number and when it was shipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct SegmentName {
    pub seq: u64,
    pub taken_at_ms: i64,
}

fn parse_segment(name: &str) -> Option<SegmentName> {
    let (seq, ms) = name.strip_suffix(".age")?.split_once('-')?;
    Some(SegmentName {
        seq: seq.parse().ok()?,
        taken_at_ms: ms.parse().ok()?,
    })
}

/// The generations in `archive`, oldest first.
pub(crate) fn generations(archive: &Path) -> io::Result<Vec<(String, OffsetDateTime)>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(archive)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(began) = generation_began(&name) {
            found.push((name, began));
        }
    }
    found.sort();
    Ok(found)
}

/// A generation's segments, in order.
pub(crate) fn segments(generation: &Path) -> io::Result<Vec<SegmentName>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(generation)? {
        if let Some(segment) = parse_segment(&entry?.file_name().to_string_lossy()) {
            found.push(segment);
        }
    }
    found.sort();
    Ok(found)
}

pub(crate) fn base_path(generation: &Path) -> PathBuf {
    generation.join(BASE_FILE)
}

pub(crate) fn segment_path(generation: &Path, name: SegmentName) -> PathBuf {
    generation.join(segment_file(name.seq, name.taken_at_ms))
}

pub(crate) fn create_generation_dir(archive: &Path, name: &str) -> io::Result<PathBuf> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(archive)?;
    let dir = archive.join(name);
    fs::DirBuilder::new().mode(0o700).create(&dir)?;
    Ok(dir)
}

/// Seals `write`'s output (gzip inside age) into `target`, which must not exist yet.
fn seal(
    target: &Path,
    recipients: &[age::x25519::Recipient],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), BackupError> {
    crate::seal::seal_with(target, recipients, true, write)
}

fn write_header(out: &mut dyn Write, magic: &str, header: &Header) -> io::Result<()> {
    writeln!(out, "{magic}")?;
    serde_json::to_writer(&mut *out, header).map_err(io::Error::other)?;
    writeln!(out)
}

/// Seals a copy of the database file `database` as the generation's base.
pub(crate) fn write_base(
    generation_dir: &Path,
    header: &Header,
    database: &Path,
    recipients: &[age::x25519::Recipient],
) -> Result<(), BackupError> {
    seal(&base_path(generation_dir), recipients, |out| {
        write_header(out, BASE_MAGIC, header)?;
        io::copy(&mut File::open(database)?, out)?;
        Ok(())
    })
}

/// Seals `frames` as the segment `header.seq` of its generation.
pub(crate) fn write_segment(
    generation_dir: &Path,
    header: &Header,
    frames: &[Frame],
    recipients: &[age::x25519::Recipient],
) -> Result<(), BackupError> {
    let name = SegmentName {
        seq: header.seq,
        taken_at_ms: header.taken_at_ms,
    };
    seal(&segment_path(generation_dir, name), recipients, |out| {
        write_header(out, SEGMENT_MAGIC, header)?;
        for frame in frames {
            out.write_all(&frame.page.to_be_bytes())?;
            out.write_all(&frame.commit_pages.to_be_bytes())?;
            out.write_all(&frame.data)?;
        }
        Ok(())
    })
}

/// Opens a sealed file and reads its header, which must be `expected` but for what the name
/// does not tell (page size and frame count).
fn open(
    path: &Path,
    magic: &str,
    expected: &Header,
    identities: &[age::x25519::Identity],
) -> Result<(Header, impl Read), BackupError> {
    let mut content = BufReader::new(open_sealed(path, identities)?);
    let mut line = String::new();
    let mut head = (&mut content).take(HEADER_LIMIT);
    head.read_line(&mut line).map_err(stream_error)?;
    let name = path.display();
    if line.trim_end() != magic {
        return Err(BackupError::Damaged(format!(
            "{name} is not a {magic} file"
        )));
    }
    line.clear();
    head.read_line(&mut line).map_err(stream_error)?;
    let header: Header = serde_json::from_str(&line)
        .map_err(|err| BackupError::Damaged(format!("{name}: unreadable header: {err}")))?;
    if (&header.generation, header.seq, header.taken_at_ms)
        != (&expected.generation, expected.seq, expected.taken_at_ms)
    {
        return Err(BackupError::Damaged(format!(
            "{name} holds generation {} segment {} of {} ms: it was renamed or moved",
            header.generation, header.seq, header.taken_at_ms
        )));
    }
    Ok((header, content))
}

/// Writes the base of `generation` into `database` (a new file).
pub(crate) fn read_base(
    generation_dir: &Path,
    expected: &Header,
    identities: &[age::x25519::Identity],
    database: &mut File,
) -> Result<(), BackupError> {
    let (_, mut content) = open(&base_path(generation_dir), BASE_MAGIC, expected, identities)?;
    io::copy(&mut content, database).map_err(stream_error)?;
    Ok(())
}

/// Replays a segment's frames into `database` as they are read (a segment is never held
/// whole in memory); returns how many there were.
pub(crate) fn replay_segment(
    generation_dir: &Path,
    expected: &Header,
    identities: &[age::x25519::Identity],
    database: &mut File,
) -> Result<u64, BackupError> {
    let name = SegmentName {
        seq: expected.seq,
        taken_at_ms: expected.taken_at_ms,
    };
    let path = segment_path(generation_dir, name);
    let (header, mut content) = open(&path, SEGMENT_MAGIC, expected, identities)?;
    let page_size = header.page_size;
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(BackupError::Damaged(format!(
            "{}: bad page size",
            path.display()
        )));
    }
    let mut data = vec![0; page_size as usize];
    for _ in 0..header.frames {
        let mut numbers = [0u8; 8];
        content.read_exact(&mut numbers).map_err(stream_error)?;
        content.read_exact(&mut data).map_err(stream_error)?;
        let frame = Frame {
            page: u32::from_be_bytes([numbers[0], numbers[1], numbers[2], numbers[3]]),
            commit_pages: u32::from_be_bytes([numbers[4], numbers[5], numbers[6], numbers[7]]),
            data: std::mem::take(&mut data),
        };
        if frame.page == 0 {
            return Err(BackupError::Damaged(format!("{}: page 0", path.display())));
        }
        super::wal_file::apply(database, page_size, std::slice::from_ref(&frame))?;
        data = frame.data;
    }
    if content.read(&mut [0u8; 1]).map_err(stream_error)? != 0 {
        return Err(BackupError::Damaged(format!(
            "{}: more frames than its header counts",
            path.display()
        )));
    }
    Ok(header.frames)
}
