//! Continuous WAL shipping of a SQLite deployment (see `palisade_backup::pitr`): every
//! `backup.wal_every_seconds` the log gained since the last shipment is sealed into
//! `backup.dir/wal`. A new generation and the first failure after a success are audit events;
//! a failure stays visible (readiness, logs) until a shipment succeeds.

use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::deps::Deps;
use palisade_backup::pitr::{Shipped, WalShipper};
use palisade_backup::{BackupError, Remote};
use palisade_core::audit::{Outcome, PLATFORM_LOG};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// The archive's directory inside the backup directory.
pub const WAL_DIR: &str = "wal";

#[derive(Debug)]
pub struct WalShipping {
    deps: Deps,
    audit: Audit,
    every: Duration,
    shipper: tokio::sync::Mutex<WalShipper>,
    failure: Mutex<Option<String>>,
    /// The object store holds exactly the local archive, as of the last shipment: when not
    /// (at start, after any failure) the next copy compares the two listings in full.
    in_sync: AtomicBool,
    remote: Option<Remote>,
    dir: std::path::PathBuf,
}

impl WalShipping {
    /// `None` when the log is not shipped: no interval, or a store that has no such log.
    pub(crate) fn new(
        deps: Deps,
        plan: &crate::backups::BackupPlan,
        audit: Audit,
        remote: Option<Remote>,
    ) -> Option<Arc<Self>> {
        let every = plan.wal_every_seconds?;
        let source = deps.store.wal_source()?;
        let shipper = WalShipper::new(
            source,
            plan.dir.join(WAL_DIR),
            plan.work_dir.clone(),
            &plan.recipients,
            plan.keep_days,
        );
        let shipper = match shipper {
            Ok(shipper) => shipper,
            Err(err) => {
                tracing::error!(error = %err, "the log cannot be shipped");
                return None;
            }
        };
        Some(Arc::new(Self {
            deps,
            audit,
            every: Duration::from_secs(u64::from(every)),
            shipper: tokio::sync::Mutex::new(shipper),
            failure: Mutex::default(),
            in_sync: AtomicBool::new(false),
            remote,
            dir: plan.dir.clone(),
        }))
    }

    /// Why the last shipment failed, until one succeeds.
    pub fn last_failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Ships what the log gained since the last shipment (and copies it to the object store).
    pub async fn ship_now(&self) -> Result<Shipped, BackupError> {
        // Held while copying too, so copies go out in the order the files were written.
        let mut shipper = self.shipper.lock().await;
        let shipped = match shipper.ship(self.deps.clock()).await {
            Ok(done) => self.copy(&done).await.map(|()| done),
            Err(err) => Err(err),
        };
        if shipped.is_err() {
            self.in_sync.store(false, Ordering::Relaxed);
        }
        drop(shipper);
        let previous = {
            let mut failure = self.failure.lock().unwrap_or_else(PoisonError::into_inner);
            std::mem::replace(
                &mut *failure,
                shipped.as_ref().err().map(ToString::to_string),
            )
        };
        match &shipped {
            Ok(done) => {
                if let Some(why) = done.began {
                    tracing::info!(generation = %done.generation, why, "WAL generation started");
                    let resource = Resource::new("wal_generation", done.generation.clone());
                    let draft = Draft::success(
                        PLATFORM_LOG,
                        Actor::System,
                        "backup.wal_generation_started",
                        resource,
                    );
                    self.audit.record(draft, &Origin::system());
                }
                if previous.is_some() {
                    tracing::info!("WAL shipping works again");
                }
            }
            Err(err) => {
                tracing::error!(error = %err, "WAL shipment failed");
                if previous.is_none() {
                    let mut draft = Draft::success(
                        PLATFORM_LOG,
                        Actor::System,
                        "backup.failed",
                        Resource::new("wal", WAL_DIR),
                    );
                    draft.outcome = Outcome::Failure;
                    draft.reason = Some("wal_shipment_failed");
                    self.audit.record(draft, &Origin::system());
                }
            }
        }
        shipped
    }

    /// Copies what a shipment wrote to the object store and deletes there the generations
    /// retention deleted here; when the two may differ, compares them in full instead.
    async fn copy(&self, shipped: &Shipped) -> Result<(), BackupError> {
        let Some(remote) = &self.remote else {
            return Ok(());
        };
        if !self.in_sync.load(Ordering::Relaxed) {
            self.reconcile(remote).await?;
            self.in_sync.store(true, Ordering::Relaxed);
            return Ok(());
        }
        for name in &shipped.written {
            let name = format!("{WAL_DIR}/{name}");
            remote.upload(&self.dir.join(&name), &name).await?;
        }
        for generation in &shipped.pruned {
            for name in remote.list(&format!("{WAL_DIR}/{generation}")).await? {
                remote.delete(&name).await?;
            }
        }
        Ok(())
    }

    /// Uploads every local archive file the store lacks (each generation's segments in order,
    /// its base last) and deletes there every generation no longer kept here.
    async fn reconcile(&self, remote: &Remote) -> Result<(), BackupError> {
        let there: std::collections::BTreeSet<String> =
            remote.list(WAL_DIR).await?.into_iter().collect();
        let here = local_archive(&self.dir.join(WAL_DIR))?;
        for name in &here {
            if !there.contains(name) {
                remote.upload(&self.dir.join(name), name).await?;
            }
        }
        let kept: std::collections::BTreeSet<&str> = here
            .iter()
            .filter_map(|name| name.split('/').nth(1))
            .collect();
        for name in &there {
            if name.split('/').nth(1).is_none_or(|g| !kept.contains(g)) {
                remote.delete(name).await?;
            }
        }
        Ok(())
    }

    /// Ships every interval for as long as the server runs; after failures, less often (up to
    /// every five minutes), since each retry copies the database while writers wait.
    pub async fn run(&self) {
        const SLOWEST: Duration = Duration::from_secs(300);
        let mut wait = self.every;
        loop {
            tokio::time::sleep(wait).await;
            // Failures are logged, audited and shown by readiness.
            wait = match self.ship_now().await {
                // The local archive is current; only the copy waits for the store.
                Ok(_) | Err(BackupError::Remote(_)) => self.every,
                Err(_) => (wait * 2).min(SLOWEST.max(self.every)),
            };
        }
    }
}

/// The archive's files, as `wal/<generation>/<file>`: generations oldest first, each one's
/// segments in order and its base last (a generation is finished once its base is there).
fn local_archive(archive: &std::path::Path) -> std::io::Result<Vec<String>> {
    let mut generations: Vec<_> = match std::fs::read_dir(archive) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err),
    };
    generations.sort();
    let mut names = Vec::new();
    for generation in generations {
        let mut files: Vec<String> = std::fs::read_dir(archive.join(&generation))?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".age") && !f.starts_with('.'))
            .collect();
        // Segment names are zero-padded numbers: they sort before `base.age`.
        files.sort();
        names.extend(
            files
                .into_iter()
                .map(|f| format!("{WAL_DIR}/{generation}/{f}")),
        );
    }
    Ok(names)
}
