//! Any file sealed to the backup recipients as a standard age file (nothing inside but the
//! bytes, so `age -d` opens it too), and opened again: PostgreSQL's `archive_command` and
//! `restore_command`, and its base backups, go through these (docs/backups.md), so a stolen
//! database server cannot read its own archive either.

use crate::verify::stream_error;
use crate::BackupError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Writes what `write` produces, encrypted to `recipients` (and gzip-compressed first when
/// `gzip`), into `target`: 0600, under a temporary name, linked into place when whole. Fails
/// rather than replace an existing file.
pub(crate) fn seal_with(
    target: &Path,
    recipients: &[age::x25519::Recipient],
    gzip: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), BackupError> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let partial = tempfile::Builder::new()
        .prefix(".partial-")
        .tempfile_in(dir)?
        .into_temp_path();
    let file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(&partial)?;
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|err| BackupError::Io(io::Error::other(err.to_string())))?;
    let mut encrypted = encryptor.wrap_output(BufWriter::new(file))?;
    if gzip {
        let mut compressed =
            flate2::write::GzEncoder::new(&mut encrypted, flate2::Compression::fast());
        write(&mut compressed)?;
        compressed.finish()?;
    } else {
        write(&mut encrypted)?;
    }
    let mut buffered = encrypted.finish()?;
    buffered.flush()?;
    buffered
        .into_inner()
        .map_err(|err| err.into_error())?
        .sync_all()?;
    fs::hard_link(&partial, target)?;
    partial.close()?;
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// Seals `input` into `out` for `recipients`; refuses to replace an existing `out`.
pub fn seal_file(
    recipients: &[age::x25519::Recipient],
    input: &mut dyn Read,
    out: &Path,
) -> Result<(), BackupError> {
    seal_with(out, recipients, false, |sealed| {
        io::copy(input, sealed)?;
        Ok(())
    })
}

/// Opens a file sealed by [`seal_file`] (or by `age -r`) into `output`; returns its size.
pub fn open_file(
    file: &Path,
    identities: &[age::x25519::Identity],
    output: &mut dyn Write,
) -> Result<u64, BackupError> {
    let mut plaintext = crate::verify::decrypt(BufReader::new(File::open(file)?), identities)?;
    let copied = io::copy(&mut plaintext, output).map_err(stream_error)?;
    output.flush()?;
    Ok(copied)
}
