//! Reading a backup back: decrypt, check every part against the manifest, open the snapshot,
//! run the database's integrity check, compare row counts and verify every audit chain.
//! Needs only the file and the identity, not the data directory or the master key.

use crate::manifest::{Manifest, FORMAT, FORMAT_VERSION};
use crate::package::{hash_part, open_sqlite};
use crate::{BackupError, ROWS_DIR, SQLITE_PART};
use palisade_core::audit::{ChainVerifier, PLATFORM_LOG};
use palisade_store::{latest_schema_version, AuditQuery, Backend, Store};
use std::fs::{File, OpenOptions};
use std::io::{self, BufReader, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The largest manifest read: far above any real one.
const MANIFEST_LIMIT: u64 = 16 * 1024 * 1024;
const EVENTS_PER_PAGE: u32 = 1_000;

/// What a sound backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub manifest: Manifest,
    /// Audit logs verified, and events checked across them.
    pub audit_logs: u64,
    pub audit_events: u64,
}

/// Verifies `file` with `identities`, leaving what was checked in `work`: the database
/// (`palisade.db`) of a SQLite backup, the rows (`rows/`) of a PostgreSQL one.
pub async fn verify(
    file: &Path,
    identities: Vec<age::x25519::Identity>,
    work: &Path,
) -> Result<(Report, PathBuf), BackupError> {
    let source = file.to_owned();
    let into = work.to_owned();
    let manifest = tokio::task::spawn_blocking(move || unpack(&source, &identities, &into))
        .await
        .map_err(|err| BackupError::Io(io::Error::other(err)))??;
    let (audit_logs, audit_events, checked) = if manifest.backend == "postgres" {
        let rows = work.join(ROWS_DIR);
        let (logs, events) = crate::rows::check(&rows, &manifest)?;
        (logs, events, rows)
    } else {
        let database = work.join(SQLITE_PART);
        let store = open_sqlite(&database).await?;
        let checked = check_database(&store, Some(&manifest.rows)).await;
        Store::close(&store).await;
        let (logs, events) = checked?;
        (logs, events, database)
    };
    let report = Report {
        manifest,
        audit_logs,
        audit_events,
    };
    Ok((report, checked))
}

/// Runs the integrity check, compares row counts (when known) and verifies every audit chain;
/// returns the logs and events verified.
pub(crate) async fn check_database(
    store: &dyn Store,
    expected_rows: Option<&[(String, i64)]>,
) -> Result<(u64, u64), BackupError> {
    let problems = store.integrity_problems().await?;
    if !problems.is_empty() {
        return Err(BackupError::Integrity(problems.join("; ")));
    }
    if let Some(rows) = expected_rows {
        if store.row_counts().await? != rows {
            return Err(BackupError::Damaged(
                "its tables do not hold the rows its manifest counts".into(),
            ));
        }
    }
    let mut logs = vec![PLATFORM_LOG.to_owned()];
    logs.extend(
        store
            .audit_retention()
            .await?
            .into_iter()
            .map(|(log, _)| log),
    );
    let mut events = 0;
    for log in &logs {
        let cut = store.audit_cut(log).await?;
        let mut verifier = ChainVerifier::new(log, cut.as_ref().map(|c| &c.checkpoint));
        let mut after = None;
        loop {
            let query = AuditQuery {
                after_seq: after,
                limit: EVENTS_PER_PAGE,
                ..AuditQuery::default()
            };
            let page = store.audit_events(log, &query).await?;
            for event in &page {
                verifier.push(event);
            }
            match page.last() {
                Some(last) if page.len() == EVENTS_PER_PAGE as usize => after = Some(last.seq),
                _ => break,
            }
        }
        let verdict = verifier.finish();
        if let Some((seq, why)) = verdict.first_bad {
            return Err(BackupError::AuditChain {
                log: log.clone(),
                seq,
                problem: why.as_str(),
            });
        }
        events += verdict.events_checked;
    }
    Ok((logs.len() as u64, events))
}

/// The decrypted, decompressed content of an age file written by this crate.
pub(crate) fn open_sealed(
    file: &Path,
    identities: &[age::x25519::Identity],
) -> Result<impl Read, BackupError> {
    let plaintext = decrypt(BufReader::new(File::open(file)?), identities)?;
    Ok(flate2::read::GzDecoder::new(plaintext))
}

/// The decrypted content of an age file.
pub(crate) fn decrypt<R: io::BufRead>(
    input: R,
    identities: &[age::x25519::Identity],
) -> Result<impl Read, BackupError> {
    let decryptor = age::Decryptor::new_buffered(input).map_err(|err| match err {
        age::DecryptError::Io(err) => stream_error(err),
        other => BackupError::Damaged(format!("not an age file: {other}")),
    })?;
    let plaintext = decryptor
        .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
        .map_err(|err| match err {
            age::DecryptError::NoMatchingKeys => BackupError::WrongIdentity,
            age::DecryptError::Io(err) => stream_error(err),
            other => BackupError::Damaged(other.to_string()),
        })?;
    Ok(plaintext)
}

pub(crate) fn stream_error(err: io::Error) -> BackupError {
    match err.kind() {
        io::ErrorKind::UnexpectedEof => BackupError::Truncated(err.to_string()),
        _ => BackupError::Damaged(err.to_string()),
    }
}

fn unpack(
    file: &Path,
    identities: &[age::x25519::Identity],
    work: &Path,
) -> Result<Manifest, BackupError> {
    let mut archive = tar::Archive::new(open_sealed(file, identities)?);
    let mut manifest: Option<Manifest> = None;
    let mut found = Vec::new();
    for entry in archive.entries().map_err(stream_error)? {
        let mut entry = entry.map_err(stream_error)?;
        let path = entry
            .path()
            .map_err(stream_error)?
            .to_string_lossy()
            .into_owned();
        match &manifest {
            None if path == "manifest.json" => {
                let mut text = Vec::new();
                entry
                    .by_ref()
                    .take(MANIFEST_LIMIT)
                    .read_to_end(&mut text)
                    .map_err(stream_error)?;
                manifest = Some(accept_manifest(&text)?);
            }
            None => {
                return Err(BackupError::Damaged(
                    "it does not begin with its manifest".into(),
                ))
            }
            Some(m) => {
                // Only the parts the manifest names, each once, by a name of the expected
                // shape: never a path of the archive's choosing.
                if !part_name_allowed(&m.backend, &path)
                    || !m.parts.iter().any(|p| p.path == path)
                    || found.contains(&path)
                {
                    return Err(BackupError::Damaged(format!("unexpected member {path:?}")));
                }
                let target = work.join(&path);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                let mut out = OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&target)?;
                io::copy(&mut entry, &mut out).map_err(stream_error)?;
                out.sync_all()?;
                found.push(path);
            }
        }
    }
    // Read to the very end: the gzip trailer's CRC and age's last chunk, which is how a cut
    // file is told from a whole one.
    io::copy(&mut archive.into_inner(), &mut io::sink()).map_err(stream_error)?;
    let manifest = manifest.ok_or_else(|| BackupError::Damaged("it holds no manifest".into()))?;
    for part in &manifest.parts {
        if !found.contains(&part.path) {
            return Err(BackupError::Truncated(format!("{} is missing", part.path)));
        }
        let actual = hash_part(&work.join(&part.path), &part.path)?;
        if &actual != part {
            return Err(BackupError::Damaged(format!(
                "{} does not match its SHA-256 in the manifest",
                part.path
            )));
        }
    }
    Ok(manifest)
}

/// `palisade.db` in a SQLite backup; `rows/<table>.jsonl` in a PostgreSQL one.
fn part_name_allowed(backend: &str, path: &str) -> bool {
    match backend {
        "sqlite" => path == SQLITE_PART,
        "postgres" => path
            .strip_prefix(ROWS_DIR)
            .and_then(|p| p.strip_prefix('/'))
            .and_then(|p| p.strip_suffix(".jsonl"))
            .is_some_and(|t| {
                !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            }),
        _ => false,
    }
}

fn accept_manifest(text: &[u8]) -> Result<Manifest, BackupError> {
    let manifest: Manifest = serde_json::from_slice(text)
        .map_err(|err| BackupError::Damaged(format!("its manifest is unreadable: {err}")))?;
    if manifest.format != FORMAT {
        return Err(BackupError::Damaged(format!(
            "not a Palisade backup ({})",
            manifest.format
        )));
    }
    if manifest.format_version > FORMAT_VERSION {
        return Err(BackupError::Newer(format!(
            "backup format {}, this build reads up to {FORMAT_VERSION}",
            manifest.format_version
        )));
    }
    let backend = match manifest.backend.as_str() {
        "sqlite" => Backend::Sqlite,
        "postgres" => Backend::Postgres,
        other => return Err(BackupError::Damaged(format!("unknown backend {other:?}"))),
    };
    let latest = latest_schema_version(backend);
    if manifest.schema_version > latest {
        return Err(BackupError::Newer(format!(
            "schema {}, this build knows up to {}",
            manifest.schema_version.unwrap_or_default(),
            latest.unwrap_or_default()
        )));
    }
    Ok(manifest)
}
