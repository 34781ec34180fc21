//! Making a backup: snapshot, count, hash, then tar → gzip → age into a file only the
//! identity's holder can open.

use crate::manifest::{Manifest, Part, FORMAT, FORMAT_VERSION};
use crate::{BackupError, ROWS_DIR, SQLITE_PART};
use palisade_store::{Backend, SnapshotStore, Store};
use sha2::{Digest, Sha256};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use time::OffsetDateTime;

/// Backs `store` up into `out`, encrypted to every recipient; returns its manifest. The
/// plaintext copy is staged in a private directory under `work_in` (the data directory, which
/// holds the database already), never beside `out`, which may be synced elsewhere; the
/// encrypted file is written beside `out` under a temporary name and linked into place, so a
/// file at `out` is always whole, and an existing one is never replaced.
pub async fn create(
    store: &dyn Store,
    recipients: &[age::x25519::Recipient],
    out: &Path,
    work_in: &Path,
    now: OffsetDateTime,
) -> Result<Manifest, BackupError> {
    create_with_progress(store, recipients, out, work_in, now, Arc::new(|_, _| {})).await
}

/// Told the bytes packed so far and the total, after each MiB of a long backup.
pub type Progress = Arc<dyn Fn(u64, u64) + Send + Sync>;

/// [`create`], reporting as the parts are packed.
pub async fn create_with_progress(
    store: &dyn Store,
    recipients: &[age::x25519::Recipient],
    out: &Path,
    work_in: &Path,
    now: OffsetDateTime,
    progress: Progress,
) -> Result<Manifest, BackupError> {
    if recipients.is_empty() {
        return Err(BackupError::NoRecipients);
    }
    if out.exists() {
        return Err(BackupError::Io(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists; a backup never replaces a file", out.display()),
        )));
    }
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let work = tempfile::Builder::new()
        .prefix(".palisade-backup-")
        .tempdir_in(work_in)?;
    let (backend, files, schema_version, rows) = match store.backend() {
        Backend::Sqlite => {
            let snapshot = work.path().join(SQLITE_PART);
            store.snapshot_into(&snapshot).await?;
            let (schema_version, rows) = describe(&snapshot).await?;
            (
                "sqlite",
                vec![(snapshot, SQLITE_PART.to_owned())],
                schema_version,
                rows,
            )
        }
        Backend::Postgres => {
            let rows_dir = work.path().join(ROWS_DIR);
            std::fs::create_dir(&rows_dir)?;
            let schema_version = store.schema_version().await?;
            let rows = store.export_rows(&rows_dir).await?;
            let files = rows
                .iter()
                .map(|(table, _)| {
                    let name = format!("{ROWS_DIR}/{table}.jsonl");
                    (work.path().join(&name), name)
                })
                .collect();
            ("postgres", files, schema_version, rows)
        }
    };
    let parts = files
        .iter()
        .map(|(path, name)| hash_part(path, name))
        .collect::<Result<Vec<_>, _>>()?;
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        palisade_version: env!("CARGO_PKG_VERSION").into(),
        backend: backend.into(),
        schema_version,
        created_at: now,
        parts,
        rows,
    };
    // Encrypted from its first byte: safe beside `out`, and removed if anything fails.
    let partial = tempfile::Builder::new()
        .prefix(".palisade-backup-")
        .suffix(".partial")
        .tempfile_in(dir)?
        .into_temp_path();
    let written = manifest.clone();
    let recipients = recipients.to_vec();
    let target = partial.to_path_buf();
    tokio::task::spawn_blocking(move || {
        write_archive(&target, &written, &files, &recipients, &*progress)
    })
    .await
    .map_err(|err| BackupError::Io(io::Error::other(err)))??;
    // A link, unlike a rename, fails rather than replace a file that appeared meanwhile.
    fs::hard_link(&partial, out)?;
    partial.close()?;
    File::open(dir)?.sync_all()?;
    Ok(manifest)
}

/// The snapshot's schema version and row counts, read from the copy itself.
pub(crate) async fn describe(
    path: &Path,
) -> Result<(Option<i64>, Vec<(String, i64)>), BackupError> {
    let store = open_sqlite(path).await?;
    let version = store.schema_version().await;
    let rows = store.row_counts().await;
    palisade_store::Store::close(&store).await;
    Ok((version?, rows?))
}

pub(crate) async fn open_sqlite(
    path: &Path,
) -> Result<palisade_store::sqlite::SqliteStore, BackupError> {
    let url = format!("sqlite://{}", path.display());
    let options = palisade_store::ConnectOptions::new(secrecy::SecretString::from(url));
    Ok(palisade_store::sqlite::SqliteStore::connect(&options).await?)
}

pub(crate) fn hash_part(path: &Path, name: &str) -> Result<Part, BackupError> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        bytes += n as u64;
    }
    Ok(Part {
        path: name.into(),
        bytes,
        sha256: palisade_core::audit::to_hex(&hasher.finalize()),
    })
}

fn write_archive(
    out: &PathBuf,
    manifest: &Manifest,
    files: &[(PathBuf, String)],
    recipients: &[age::x25519::Recipient],
    progress: &(dyn Fn(u64, u64) + Send + Sync),
) -> Result<(), BackupError> {
    // The temporary file exists already (0600, made by `tempfile`): write it from the start.
    let file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(out)?;
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|err| BackupError::Io(io::Error::other(err.to_string())))?;
    let encrypted = encryptor.wrap_output(BufWriter::new(file))?;
    let gzip = flate2::write::GzEncoder::new(encrypted, flate2::Compression::default());
    let mut tar = tar::Builder::new(gzip);
    let text = serde_json::to_vec_pretty(manifest).map_err(io::Error::other)?;
    let mut header = tar::Header::new_ustar();
    header.set_size(text.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(u64::try_from(manifest.created_at.unix_timestamp()).unwrap_or(0));
    header.set_entry_type(tar::EntryType::Regular);
    tar.append_data(&mut header, "manifest.json", text.as_slice())?;
    let total: u64 = manifest.parts.iter().map(|p| p.bytes).sum();
    let mut done = 0;
    for (path, name) in files {
        let file = File::open(path)?;
        let mut header = tar::Header::new_gnu();
        header.set_metadata(&file.metadata()?);
        let mut counted = Counted {
            inner: file,
            done: &mut done,
            total,
            progress,
        };
        tar.append_data(&mut header, name, &mut counted)?;
    }
    progress(total, total);
    let gzip = tar.into_inner()?;
    let encrypted = gzip.finish()?;
    let mut buffered = encrypted.finish()?;
    buffered.flush()?;
    let file = buffered.into_inner().map_err(|err| err.into_error())?;
    file.sync_all()?;
    Ok(())
}

/// A part being read into the archive, reporting every MiB.
struct Counted<'a> {
    inner: File,
    done: &'a mut u64,
    total: u64,
    progress: &'a (dyn Fn(u64, u64) + Send + Sync),
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        const STEP: u64 = 1024 * 1024;
        let n = self.inner.read(buf)?;
        let before = *self.done / STEP;
        *self.done += n as u64;
        if *self.done / STEP != before {
            (self.progress)(*self.done, self.total);
        }
        Ok(n)
    }
}
