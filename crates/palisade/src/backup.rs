//! `palisade backup …`: encrypted backups, their verification and restore.

use clap::Subcommand;
use palisade_backup::{BackupError, Report};
use palisade_server::config::Config;
use secrecy::ExposeSecret;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Print a new age identity, once: keep it away from the server (it alone opens the
    /// backups); put its public key in backup.recipients.
    Keygen,
    /// Back the database up now, while the server serves, encrypted to backup.recipients.
    Create {
        /// The file to write (default: backup.dir/palisade-<UTC time>.backup).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Decrypt a backup and check it in full (manifest, SHA-256 of every part, the
    /// database's integrity check, row counts, every audit chain); needs no data directory.
    Verify {
        file: PathBuf,
        /// The age identity file (AGE-SECRET-KEY-1…).
        #[arg(long, value_name = "KEY_FILE")]
        identity: PathBuf,
    },
    /// Download every backup and WAL archive file below an object-store URL (backup.url:
    /// s3://bucket/prefix, file:///path) into DIR, to verify or restore from there.
    Pull {
        url: String,
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
    },
    /// Encrypt a file (or standard input) to age recipients, never replacing OUT: for
    /// PostgreSQL's archive_command and base backups (docs/backups.md). Standard age, so
    /// `age -d` opens it too.
    Seal {
        /// An age public key; repeat for several (default: backup.recipients).
        #[arg(long = "recipient", value_name = "AGE1…")]
        recipients: Vec<String>,
        /// The file to seal (default: standard input).
        #[arg(long = "in", value_name = "FILE")]
        input: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Decrypt a sealed file to OUT (default: standard output): for PostgreSQL's
    /// restore_command. Exits non-zero when the file is missing or does not open.
    Open {
        file: PathBuf,
        /// The age identity file (AGE-SECRET-KEY-1…).
        #[arg(long, value_name = "KEY_FILE")]
        identity: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Restore a backup into an empty data directory, after verifying it in full; a backup
    /// from an older Palisade is migrated. Given a WAL archive directory (backup.dir/wal) and
    /// --at, rebuilds a SQLite database as it stood at that time.
    Restore {
        /// A backup file, or the WAL archive directory for a point-in-time recovery.
        file: PathBuf,
        /// With a WAL archive: the time to recover to (RFC 3339, e.g.
        /// 2026-12-08T10:15:00Z), or `latest`.
        #[arg(long, value_name = "TIME", requires = "to")]
        at: Option<String>,
        /// The age identity file (AGE-SECRET-KEY-1…).
        #[arg(long, value_name = "KEY_FILE")]
        identity: PathBuf,
        /// The data directory to restore a SQLite backup into.
        #[arg(
            long,
            value_name = "DATA_DIR",
            required_unless_present = "database_url"
        )]
        to: Option<PathBuf>,
        /// The PostgreSQL database (its schema owner) to restore a PostgreSQL backup into; it
        /// must hold no data. Prefer the environment variable: a command line is visible to
        /// every user of the machine.
        #[arg(
            long,
            value_name = "URL",
            conflicts_with = "to",
            env = "PALISADE_RESTORE_DATABASE_URL",
            hide_env_values = true
        )]
        database_url: Option<String>,
        /// Replace the database of a directory that is not empty (other files stay).
        #[arg(long, requires = "to")]
        force: bool,
    },
}

fn identities(path: &Path) -> Result<Vec<age::x25519::Identity>, BackupError> {
    let file = std::fs::File::open(path)?;
    palisade_backup::read_identities(std::io::BufReader::new(file))
}

fn summary(report: &Report) -> String {
    let m = &report.manifest;
    let rows: i64 = m.rows.iter().map(|(_, n)| n).sum();
    format!(
        "backup of {} by Palisade {} (schema {}): {} tables, {rows} rows; database integrity ok; \
         {} audit logs, {} events verify",
        m.created_at,
        m.palisade_version,
        m.schema_version.unwrap_or_default(),
        m.rows.len(),
        report.audit_logs,
        report.audit_events
    )
}

/// A progress bar on stderr (stdout stays for the result), redrawn every MiB packed.
fn bar() -> palisade_backup::Progress {
    std::sync::Arc::new(|done: u64, total: u64| {
        const WIDTH: u64 = 30;
        const MIB: u64 = 1024 * 1024;
        let filled = (done * WIDTH)
            .checked_div(total)
            .unwrap_or(WIDTH)
            .min(WIDTH) as usize;
        let bar = format!(
            "{}{}",
            "#".repeat(filled),
            "-".repeat(WIDTH as usize - filled)
        );
        eprint!(
            "\rpacking [{bar}] {} / {} MiB",
            done / MIB,
            total.div_ceil(MIB)
        );
        if done >= total {
            eprintln!();
        }
        let _ = std::io::Write::flush(&mut std::io::stderr());
    })
}

pub async fn run(command: BackupCommand, config: &Config) -> ExitCode {
    match command {
        BackupCommand::Keygen => {
            let identity = palisade_backup::generate_identity();
            println!("# public key: {}", identity.recipient);
            println!("{}", identity.secret.expose_secret());
            eprintln!(
                "Keep this identity away from the server: it alone opens the backups. Set \
                 backup.recipients = [\"{}\"].",
                identity.recipient
            );
            ExitCode::SUCCESS
        }
        BackupCommand::Create { out } => {
            match palisade_server::admin::back_up(config, out, bar()).await {
                Ok((file, manifest)) => {
                    let rows: i64 = manifest.rows.iter().map(|(_, n)| n).sum();
                    println!(
                        "backed up {} tables, {rows} rows into {} (encrypted to {} recipients)",
                        manifest.rows.len(),
                        file.display(),
                        config.backup.recipients.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => crate::fail(&err.to_string()),
            }
        }
        BackupCommand::Verify { file, identity } => {
            let verified = async {
                let work = tempfile::tempdir()?;
                palisade_backup::verify(&file, identities(&identity)?, work.path()).await
            };
            match verified.await {
                Ok((report, _)) => {
                    println!("{}", summary(&report));
                    ExitCode::SUCCESS
                }
                Err(err) => crate::fail(&err.to_string()),
            }
        }
        BackupCommand::Pull { url, to } => {
            let pulled = async {
                palisade_backup::Remote::parse(&url)?
                    .download_all(&to)
                    .await
            };
            match pulled.await {
                Ok(files) => {
                    println!("{files} files from {url} into {}", to.display());
                    ExitCode::SUCCESS
                }
                Err(err) => crate::fail(&err.to_string()),
            }
        }
        BackupCommand::Seal {
            recipients,
            input,
            out,
        } => {
            let recipients = if recipients.is_empty() {
                &config.backup.recipients
            } else {
                &recipients
            };
            let sealed = (|| {
                let recipients = palisade_backup::parse_recipients(recipients)?;
                match input {
                    Some(path) => palisade_backup::seal_file(
                        &recipients,
                        &mut std::fs::File::open(path)?,
                        &out,
                    ),
                    None => {
                        palisade_backup::seal_file(&recipients, &mut std::io::stdin().lock(), &out)
                    }
                }
            })();
            match sealed {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => crate::fail(&err.to_string()),
            }
        }
        BackupCommand::Open {
            file,
            identity,
            out,
        } => {
            let opened = (|| {
                let identities = identities(&identity)?;
                match out {
                    Some(path) => {
                        // Into a private file beside the target, renamed over it only once
                        // whole: a failure leaves the target as it was.
                        let dir = path
                            .parent()
                            .filter(|d| !d.as_os_str().is_empty())
                            .unwrap_or(Path::new("."));
                        let mut temp = tempfile::Builder::new()
                            .prefix(".palisade-open-")
                            .tempfile_in(dir)?;
                        palisade_backup::open_file(&file, &identities, temp.as_file_mut())?;
                        temp.as_file().sync_all()?;
                        temp.persist(&path)
                            .map_err(|err| BackupError::Io(err.error))?;
                        Ok(())
                    }
                    None => palisade_backup::open_file(
                        &file,
                        &identities,
                        &mut std::io::stdout().lock(),
                    )
                    .map(|_| ()),
                }
            })();
            match opened {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => crate::fail(&err.to_string()),
            }
        }
        BackupCommand::Restore {
            file,
            at,
            identity,
            to,
            force,
            ..
        } if file.is_dir() || at.is_some() => {
            let (Some(to), Some(at)) = (to, at) else {
                return crate::fail(
                    "a WAL archive is restored with --at TIME (or --at latest) and --to DATA_DIR",
                );
            };
            recover(&file, &at, &identity, &to, force).await
        }
        BackupCommand::Restore {
            file,
            identity,
            to,
            database_url,
            force,
            ..
        } => {
            let restored = async {
                let identities = identities(&identity)?;
                match (&to, database_url) {
                    (Some(dir), _) => {
                        palisade_backup::restore_to_data_dir(&file, identities, dir, force).await
                    }
                    (None, Some(url)) => {
                        let url = secrecy::SecretString::from(url);
                        palisade_backup::restore_to_database(&file, identities, url).await
                    }
                    (None, None) => Err(BackupError::Damaged("name --to or --database-url".into())),
                }
            };
            match restored.await {
                Ok(report) => {
                    println!("{}", summary(&report));
                    let target =
                        to.map_or_else(|| "the database".to_owned(), |d| d.display().to_string());
                    println!(
                        "restored into {target}. Secrets stay encrypted under the source's \
                         master key: give the restored deployment that master.key (or \
                         master_key) before serving."
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => crate::fail(&err.to_string()),
            }
        }
    }
}

async fn recover(archive: &Path, at: &str, identity: &Path, to: &Path, force: bool) -> ExitCode {
    let at = if at == "latest" {
        None
    } else {
        match time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339) {
            Ok(at) => Some(at),
            Err(_) => {
                return crate::fail(
                    "--at takes an RFC 3339 time (2026-12-08T10:15:00Z) or `latest`",
                )
            }
        }
    };
    let recovered = async {
        palisade_backup::restore_at_to_data_dir(archive, identities(identity)?, at, to, force).await
    };
    match recovered.await {
        Ok(done) => {
            let point = &done.point;
            println!(
                "recovered generation {} to {} ({} segments replayed); database integrity ok; \
                 {} audit logs, {} events verify",
                point.generation,
                point.recovered_to,
                point.segments,
                done.audit_logs,
                done.audit_events
            );
            println!(
                "restored into {}. Secrets stay encrypted under the source's master key: give \
                 the restored deployment that master.key (or master_key) before serving.",
                to.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => crate::fail(&err.to_string()),
    }
}
