//! `[backup]`: who can open the backups, where scheduled ones go, how long they are kept.

use super::raw::one_or_many;
use super::ConfigError;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Validated `[backup]` settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupConfig {
    /// Age public keys (`age1…`) every backup is encrypted to; the server never holds a key
    /// that can open them.
    pub recipients: Vec<String>,
    /// Where scheduled backups are written.
    pub dir: PathBuf,
    /// Hours between scheduled backups; `None` when there are none (no recipient, or 0).
    pub every_hours: Option<u32>,
    /// Scheduled backups older than this many days are deleted after each success.
    pub keep_days: i64,
    /// SQLite: seconds between shipments of the write-ahead log to `dir/wal` (the recovery
    /// point); `None` when the log is not shipped (no recipient, 0, or PostgreSQL).
    pub wal_every_seconds: Option<u32>,
    /// An object store every scheduled backup and WAL archive file is copied to
    /// (`s3://bucket/prefix`, `file:///path`); `None`: `dir` only.
    pub url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBackup {
    #[serde(default, deserialize_with = "one_or_many")]
    recipients: Vec<String>,
    dir: Option<PathBuf>,
    schedule: Option<Schedule>,
    keep_days: Option<i64>,
    wal_every_seconds: Option<u32>,
    url: Option<String>,
}

/// `backup.schedule`: a word, hours as a number, or hours as `6h`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Schedule {
    Hours(u32),
    Named(String),
}

impl Schedule {
    /// Hours between backups (`Some(None)`: none scheduled); `None` when it means nothing.
    fn hours(&self) -> Option<Option<u32>> {
        let hours = match self {
            Schedule::Hours(0) => return Some(None),
            Schedule::Hours(hours) => *hours,
            Schedule::Named(name) => match name.trim() {
                "off" | "never" => return Some(None),
                "hourly" => 1,
                "daily" => 24,
                "weekly" => 24 * 7,
                other => other.strip_suffix('h').unwrap_or(other).parse().ok()?,
            },
        };
        (1..=24 * 31).contains(&hours).then_some(Some(hours))
    }
}

impl RawBackup {
    pub(super) fn validate(
        self,
        data_dir: &Path,
        backend: palisade_store::Backend,
    ) -> Result<BackupConfig, ConfigError> {
        palisade_backup::parse_recipients(&self.recipients).or_else(|err| match err {
            palisade_backup::BackupError::NoRecipients => Ok(Vec::new()),
            other => Err(ConfigError::new("backup.recipients", other.to_string())),
        })?;
        let every_hours = match self.schedule {
            None => Some(24),
            Some(schedule) => schedule.hours().ok_or_else(|| {
                ConfigError::new(
                    "backup.schedule",
                    "must be hourly, daily, weekly, off, or a number of hours from 1 to 744 \
                     (`6h` or 6)",
                )
            })?,
        };
        let keep_days = self.keep_days.unwrap_or(30);
        if !(1..=3650).contains(&keep_days) {
            return Err(ConfigError::new(
                "backup.keep_days",
                "must be a whole number of days from 1 to 3650",
            ));
        }
        let wal_every_seconds = match (self.wal_every_seconds, backend) {
            (Some(0), _) => None,
            (Some(_), palisade_store::Backend::Postgres) => {
                return Err(ConfigError::new(
                    "backup.wal_every_seconds",
                    "ships SQLite's log; PostgreSQL archives its own (docs/backups.md)",
                ))
            }
            (Some(seconds), _) if seconds <= 3_600 => Some(seconds),
            (Some(_), _) => {
                return Err(ConfigError::new(
                    "backup.wal_every_seconds",
                    "must be from 0 (the log is not shipped) to 3600",
                ))
            }
            (None, palisade_store::Backend::Sqlite) => Some(10),
            (None, palisade_store::Backend::Postgres) => None,
        };
        if let Some(url) = &self.url {
            check_store_url(url)?;
        }
        Ok(BackupConfig {
            url: self.url,
            wal_every_seconds: wal_every_seconds.filter(|_| !self.recipients.is_empty()),
            every_hours: every_hours.filter(|_| !self.recipients.is_empty()),
            recipients: self.recipients,
            dir: self.dir.unwrap_or_else(|| data_dir.join("backups")),
            keep_days,
        })
    }

    pub(super) fn describe(config: &BackupConfig) -> [(&'static str, String); 6] {
        let recipients = if config.recipients.is_empty() {
            "(none: no backups)".to_owned()
        } else {
            config.recipients.join(", ")
        };
        let every = config
            .every_hours
            .map_or_else(|| "off".to_owned(), |h| format!("{h}h"));
        [
            ("backup.recipients", recipients),
            ("backup.dir", config.dir.display().to_string()),
            ("backup.schedule", every),
            ("backup.keep_days", config.keep_days.to_string()),
            (
                "backup.url",
                config
                    .url
                    .clone()
                    .unwrap_or_else(|| "(none: backup.dir only)".to_owned()),
            ),
            (
                "backup.wal_every_seconds",
                config
                    .wal_every_seconds
                    .map_or_else(|| "(off)".to_owned(), |s| s.to_string()),
            ),
        ]
    }
}

/// `s3://bucket[/prefix]` or `file:///absolute/path`; anything else is refused at start-up.
fn check_store_url(raw: &str) -> Result<(), ConfigError> {
    let refuse = |why: &str| Err(ConfigError::new("backup.url", why.to_owned()));
    let Ok(url) = url::Url::parse(raw) else {
        return refuse("must be s3://bucket/prefix or file:///absolute/path");
    };
    if !url.username().is_empty() || url.password().is_some() || url.query().is_some() {
        // Keys in the URL would be shown wherever the configuration is (config check, logs).
        return refuse("takes no keys or options: set AWS_ACCESS_KEY_ID and the like instead");
    }
    match url.scheme() {
        "s3" if url.host_str().is_some_and(|b| !b.is_empty()) => Ok(()),
        "s3" => refuse("an s3:// URL names its bucket: s3://bucket/prefix"),
        "file" if url.to_file_path().is_ok() => Ok(()),
        "file" => refuse("a file:// URL names an absolute path"),
        _ => refuse("must be s3://bucket/prefix or file:///absolute/path"),
    }
}
