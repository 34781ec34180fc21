//! Encrypted backups (see `palisade-backup`): made on demand by `palisade backup create`, or
//! on a schedule by every serving node that has recipients configured. Each is an audit event,
//! success or failure; a failed scheduled backup stays visible (readiness, logs) until one
//! succeeds. After each success, scheduled backups older than their retention are deleted.

use crate::audit::{system_entry, Actor, Audit, Draft, Origin, Resource};
use crate::deps::Deps;
use palisade_backup::{BackupError, Manifest, Progress};
use palisade_core::audit::{Outcome, PLATFORM_LOG};
use palisade_core::{Clock, SecureRng};
use palisade_store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use time::OffsetDateTime;

/// What scheduled backups need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupPlan {
    pub recipients: Vec<String>,
    pub dir: PathBuf,
    /// `None`: no scheduled backups.
    pub every_hours: Option<u32>,
    pub keep_days: i64,
    /// Where the plaintext copy is staged while it is packed: the data directory.
    pub work_dir: PathBuf,
    /// SQLite: seconds between shipments of the log; `None`: it is not shipped.
    pub wal_every_seconds: Option<u32>,
    /// The object store copies go to (`s3://…`, `file://…`); `None`: `dir` only.
    pub remote: Option<String>,
}

const PREFIX: &str = "palisade-";
const SUFFIX: &str = ".backup";

/// `palisade-20261207T120000Z.backup`: sortable, and its time is read back for retention.
pub fn file_name(at: OffsetDateTime) -> String {
    format!(
        "{PREFIX}{:04}{:02}{:02}T{:02}{:02}{:02}Z{SUFFIX}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

fn taken_at(name: &str) -> Option<OffsetDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let format = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    time::PrimitiveDateTime::parse(stamp, format)
        .ok()
        .map(|t| t.assume_utc())
}

fn draft(outcome: Outcome, file: &Path) -> Draft {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    let mut draft = Draft::success(
        PLATFORM_LOG,
        Actor::System,
        if outcome == Outcome::Success {
            "backup.created"
        } else {
            "backup.failed"
        },
        Resource::new("backup", name.unwrap_or_default()),
    );
    if outcome != Outcome::Success {
        draft.outcome = outcome;
        draft.reason = Some("backup_failed");
    }
    draft
}

async fn make(
    store: &dyn Store,
    recipients: &[String],
    out: &Path,
    work_in: &Path,
    now: OffsetDateTime,
    progress: Progress,
) -> Result<Manifest, BackupError> {
    let recipients = palisade_backup::parse_recipients(recipients)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    palisade_backup::create_with_progress(store, &recipients, out, work_in, now, progress).await
}

/// A backup made by an operator command, outside `serve`: its audit event goes straight to
/// the platform log.
pub async fn back_up_once(
    store: &Arc<dyn Store>,
    clock: &dyn Clock,
    rng: &dyn SecureRng,
    recipients: &[String],
    out: &Path,
    work_in: &Path,
    progress: Progress,
) -> Result<Manifest, BackupError> {
    let made = make(
        store.as_ref(),
        recipients,
        out,
        work_in,
        clock.now(),
        progress,
    )
    .await;
    let outcome = if made.is_ok() {
        Outcome::Success
    } else {
        Outcome::Failure
    };
    let recorded = store
        .append_audit(&[system_entry(draft(outcome, out), clock, rng)])
        .await;
    // The backup's own failure says more than its event's.
    let manifest = made?;
    recorded?;
    Ok(manifest)
}

/// Scheduled backups of a serving node.
#[derive(Debug, Clone)]
pub struct Backups {
    deps: Deps,
    plan: Arc<BackupPlan>,
    audit: Audit,
    last_failure: Arc<Mutex<Option<String>>>,
    wal: Option<Arc<crate::wal_shipping::WalShipping>>,
    remote: Option<palisade_backup::Remote>,
    /// Why `backup.url` cannot be used: shown until the server restarts with one that can.
    unusable_remote: Option<String>,
}

impl Backups {
    pub(crate) fn new(deps: Deps, plan: BackupPlan, audit: Audit) -> Self {
        let (remote, unusable) = match plan.remote.as_deref().map(palisade_backup::Remote::parse) {
            Some(Ok(remote)) => (Some(remote), None),
            Some(Err(err)) => {
                tracing::error!(error = %err, "backups cannot be copied to backup.url");
                (None, Some(err.to_string()))
            }
            None => (None, None),
        };
        let wal = crate::wal_shipping::WalShipping::new(
            deps.clone(),
            &plan,
            audit.clone(),
            remote.clone(),
        );
        Self {
            wal,
            remote,
            unusable_remote: unusable,
            deps,
            plan: Arc::new(plan),
            audit,
            last_failure: Arc::default(),
        }
    }

    /// Why the last scheduled backup (or shipment of the log) failed, until one succeeds.
    pub fn last_failure(&self) -> Option<String> {
        let scheduled = self
            .last_failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        self.unusable_remote
            .clone()
            .or(scheduled)
            .or_else(|| self.wal.as_ref().and_then(|wal| wal.last_failure()))
    }

    /// Ships the log now, when it is shipped at all (before the store closes, say).
    pub async fn ship_wal_now(&self) {
        if let Some(wal) = &self.wal {
            // A failure is logged and audited by the shipment itself.
            let _ = wal.ship_now().await;
        }
    }

    /// Makes a backup into the backup directory now, then deletes those past retention.
    pub async fn back_up_now(&self) -> Result<PathBuf, BackupError> {
        let now = self.deps.now();
        let out = self.plan.dir.join(file_name(now));
        let store = self.deps.store.as_ref();
        let quiet: Progress = Arc::new(|_, _| {});
        let work = &self.plan.work_dir;
        let made = make(store, &self.plan.recipients, &out, work, now, quiet).await;
        // A copy in the object store is part of the backup: without it, it failed.
        let made = match (made, &self.remote) {
            (Ok(manifest), Some(remote)) => {
                let name = file_name(now);
                remote.upload(&out, &name).await.map(|()| manifest)
            }
            (made, _) => made,
        };
        let outcome = if made.is_ok() {
            Outcome::Success
        } else {
            Outcome::Failure
        };
        self.audit.record(draft(outcome, &out), &Origin::system());
        *self
            .last_failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = made.as_ref().err().map(ToString::to_string);
        made?;
        self.prune(now).await?;
        Ok(out)
    }

    /// Deletes scheduled backups older than `keep_days`; returns how many.
    async fn prune(&self, now: OffsetDateTime) -> Result<u64, BackupError> {
        let cutoff = now - time::Duration::days(self.plan.keep_days);
        let mut removed = 0;
        for entry in std::fs::read_dir(&self.plan.dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if taken_at(&name).is_some_and(|at| at < cutoff) {
                std::fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
        if let Some(remote) = &self.remote {
            for name in remote.list_top().await? {
                if taken_at(&name).is_some_and(|at| at < cutoff) {
                    remote.delete(&name).await?;
                }
            }
        }
        Ok(removed)
    }

    /// When the next scheduled backup is due: `every_hours` after the newest one in the
    /// directory (so restarts do not put it off), or now when there is none.
    pub fn next_due(&self) -> Option<OffsetDateTime> {
        let hours = self.plan.every_hours?;
        let newest = std::fs::read_dir(&self.plan.dir)
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|e| taken_at(&e.file_name().to_string_lossy()))
            .max();
        Some(newest.map_or_else(
            || self.deps.now(),
            |at| at + time::Duration::hours(i64::from(hours)),
        ))
    }

    /// Backs up whenever one is due and ships the log every interval, for as long as the
    /// server runs (nothing without a plan).
    pub async fn run(&self) {
        let wal = async {
            if let Some(wal) = &self.wal {
                wal.run().await;
            }
        };
        tokio::join!(self.run_scheduled(), wal);
    }

    async fn run_scheduled(&self) {
        // A failure is tried again after this long, not at once.
        const RETRY: time::Duration = time::Duration::minutes(10);
        let mut failed = false;
        loop {
            // After a failure the next attempt comes soon, whatever the directory holds (a
            // backup written but not copied to the object store counts as failed).
            let wait = match (failed, self.next_due()) {
                (true, Some(_)) => RETRY,
                (false, Some(due)) => (due - self.deps.now()).max(time::Duration::minutes(1)),
                (_, None) => return,
            };
            tokio::time::sleep(wait.unsigned_abs()).await;
            match self.back_up_now().await {
                Ok(file) => {
                    failed = false;
                    tracing::info!(file = %file.display(), "backup written");
                }
                Err(err) => {
                    failed = true;
                    tracing::error!(error = %err, "scheduled backup failed");
                }
            }
        }
    }
}
