//! Continuous WAL shipping of a SQLite deployment (see `palisade_backup::pitr`): every
//! `backup.wal_every_seconds` the log gained since the last shipment is sealed into
//! `backup.dir/wal`. A new generation and the first failure after a success are audit events;
//! a failure stays visible (readiness, logs) until a shipment succeeds.

use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::deps::Deps;
use palisade_backup::pitr::{Shipped, WalShipper};
use palisade_backup::{BackupError, Remote};
use palisade_core::audit::{Outcome, PLATFORM_LOG};
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
    /// Archive files (relative to `backup.dir`) not yet copied to the object store, oldest
    /// first.
    unsent: tokio::sync::Mutex<std::collections::VecDeque<String>>,
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
            unsent: Default::default(),
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
        let shipped = self.shipper.lock().await.ship(self.deps.clock()).await;
        let shipped = match shipped {
            Ok(done) => self.copy(&done).await.map(|()| done),
            Err(err) => Err(err),
        };
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

    /// Copies what a shipment wrote (and what earlier copies missed) to the object store, in
    /// order, and deletes there the generations retention deleted here.
    async fn copy(&self, shipped: &Shipped) -> Result<(), BackupError> {
        let Some(remote) = &self.remote else {
            return Ok(());
        };
        let mut unsent = self.unsent.lock().await;
        unsent.extend(
            shipped
                .written
                .iter()
                .map(|name| format!("{WAL_DIR}/{name}")),
        );
        for generation in &shipped.pruned {
            for name in remote.list(&format!("{WAL_DIR}/{generation}")).await? {
                remote.delete(&name).await?;
            }
        }
        while let Some(name) = unsent.front() {
            let local = self.dir.join(name);
            // Retention may have deleted it here before it was copied: nothing to send then.
            if local.exists() {
                remote.upload(&local, name).await?;
            }
            unsent.pop_front();
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
                Ok(_) => self.every,
                Err(_) => (wait * 2).min(SLOWEST.max(self.every)),
            };
        }
    }
}
