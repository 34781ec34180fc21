//! Reading SQLite's write-ahead log file (<https://www.sqlite.org/fileformat.html#the_write_ahead_log>)
//! the way SQLite's own recovery does: a 32-byte header, then frames of a 24-byte header and
//! one page each. A frame counts only while its salts match the header's and the running
//! checksum over it holds; of those, only frames up to the last commit frame are committed.

use std::io;
use std::path::Path;

const HEADER: usize = 32;
const FRAME_HEADER: usize = 24;
const MAGIC_LITTLE_ENDIAN: u32 = 0x377f_0682;
const MAGIC_BIG_ENDIAN: u32 = 0x377f_0683;
/// The only WAL format there is; SQLite ignores a log of any other.
const FORMAT_VERSION: u32 = 3_007_000;

/// The log's header: which pass over the file this is, and how its frames are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WalHeader {
    pub page_size: u32,
    /// Goes up by one each time the log starts over.
    pub checkpoint_seq: u32,
    /// New each time the log starts over: frames left from an earlier pass do not match.
    pub salt: (u32, u32),
}

/// One page image and, on the last frame of a transaction, the database's size after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Frame {
    pub page: u32,
    /// Pages in the database after the transaction this frame commits; 0 when it commits none.
    pub commit_pages: u32,
    pub data: Vec<u8>,
}

/// Every committed frame of the log's current pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WalContents {
    pub header: WalHeader,
    pub frames: Vec<Frame>,
}

fn be(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// SQLite's WAL checksum: a Fibonacci-weighted sum over 32-bit words taken in pairs, in the
/// byte order the magic number names.
fn checksum(mut sum: (u32, u32), bytes: &[u8], big_endian: bool) -> (u32, u32) {
    let word = |w: &[u8]| {
        let w = [w[0], w[1], w[2], w[3]];
        if big_endian {
            u32::from_be_bytes(w)
        } else {
            u32::from_le_bytes(w)
        }
    };
    for pair in bytes.chunks_exact(8) {
        sum.0 = sum.0.wrapping_add(word(&pair[..4])).wrapping_add(sum.1);
        sum.1 = sum.1.wrapping_add(word(&pair[4..])).wrapping_add(sum.0);
    }
    sum
}

/// The committed frames in `bytes`, or `None` when it holds no valid log (missing, empty,
/// or a header that does not check out: SQLite would ignore such a log too).
pub(crate) fn parse(bytes: &[u8]) -> Option<WalContents> {
    let head = bytes.get(..HEADER)?;
    let big_endian = match be(head, 0) {
        MAGIC_BIG_ENDIAN => true,
        MAGIC_LITTLE_ENDIAN => false,
        _ => return None,
    };
    if be(head, 4) != FORMAT_VERSION {
        return None;
    }
    let page_size = be(head, 8);
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return None;
    }
    let mut sum = checksum((0, 0), &head[..24], big_endian);
    if sum != (be(head, 24), be(head, 28)) {
        return None;
    }
    let header = WalHeader {
        page_size,
        checkpoint_seq: be(head, 12),
        salt: (be(head, 16), be(head, 20)),
    };
    let frame_len = FRAME_HEADER + page_size as usize;
    let mut frames = Vec::new();
    let mut committed = 0;
    for frame in bytes[HEADER..].chunks_exact(frame_len) {
        let (head, data) = frame.split_at(FRAME_HEADER);
        if (be(head, 8), be(head, 12)) != header.salt {
            break;
        }
        sum = checksum(sum, &head[..8], big_endian);
        sum = checksum(sum, data, big_endian);
        if sum != (be(head, 16), be(head, 20)) {
            break;
        }
        let page = be(head, 0);
        if page == 0 {
            break;
        }
        frames.push(Frame {
            page,
            commit_pages: be(head, 4),
            data: data.to_vec(),
        });
        if be(head, 4) != 0 {
            committed = frames.len();
        }
    }
    frames.truncate(committed);
    Some(WalContents { header, frames })
}

/// Reads the log at `path`: `None` when there is none or it holds no valid header.
pub(crate) fn read(path: &Path) -> io::Result<Option<WalContents>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(&bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

/// Writes frames into a database file, as a checkpoint would: each page in its place, and the
/// file cut to the size each commit gives.
pub(crate) fn apply(
    database: &mut std::fs::File,
    page_size: u32,
    frames: &[Frame],
) -> io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    for frame in frames {
        let at = u64::from(frame.page - 1) * u64::from(page_size);
        database.seek(SeekFrom::Start(at))?;
        database.write_all(&frame.data)?;
        if frame.commit_pages != 0 {
            database.set_len(u64::from(frame.commit_pages) * u64::from(page_size))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_of(page_size: u32, frames: &[(u32, u32, u8)], big_endian: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        let magic = if big_endian {
            MAGIC_BIG_ENDIAN
        } else {
            MAGIC_LITTLE_ENDIAN
        };
        for word in [magic, 3_007_000, page_size, 7, 11, 13] {
            bytes.extend(word.to_be_bytes());
        }
        let mut sum = checksum((0, 0), &bytes, big_endian);
        bytes.extend(sum.0.to_be_bytes());
        bytes.extend(sum.1.to_be_bytes());
        for &(page, commit, fill) in frames {
            let mut head = Vec::new();
            for word in [page, commit, 11, 13] {
                head.extend(word.to_be_bytes());
            }
            let data = vec![fill; page_size as usize];
            sum = checksum(sum, &head[..8], big_endian);
            sum = checksum(sum, &data, big_endian);
            head.extend(sum.0.to_be_bytes());
            head.extend(sum.1.to_be_bytes());
            bytes.extend(head);
            bytes.extend(data);
        }
        bytes
    }

    #[test]
    fn frames_after_the_last_commit_are_not_committed() {
        let log = log_of(512, &[(1, 0, 1), (2, 2, 2), (3, 0, 3)], false);
        let contents = parse(&log).unwrap();
        assert_eq!(contents.header.salt, (11, 13));
        assert_eq!(contents.header.checkpoint_seq, 7);
        let pages: Vec<u32> = contents.frames.iter().map(|f| f.page).collect();
        assert_eq!(pages, [1, 2]);
    }

    #[test]
    fn a_frame_whose_checksum_fails_ends_the_log() {
        let mut log = log_of(512, &[(1, 1, 1), (2, 2, 2), (3, 3, 3)], true);
        let second_frame_data = HEADER + (FRAME_HEADER + 512) + FRAME_HEADER;
        log[second_frame_data + 100] ^= 1;
        let pages: Vec<u32> = parse(&log).unwrap().frames.iter().map(|f| f.page).collect();
        assert_eq!(pages, [1]);
    }

    #[test]
    fn frames_left_from_an_earlier_pass_are_ignored() {
        let mut log = log_of(512, &[(1, 1, 1), (2, 2, 2)], false);
        let second_frame_salt = HEADER + (FRAME_HEADER + 512) + 8;
        log[second_frame_salt] ^= 0xff;
        assert_eq!(parse(&log).unwrap().frames.len(), 1);
    }

    #[test]
    fn a_header_whose_checksum_fails_is_no_log() {
        let mut log = log_of(512, &[(1, 1, 1)], false);
        log[12] ^= 1;
        assert_eq!(parse(&log), None);
        assert_eq!(parse(&log[..20]), None);
    }
}
