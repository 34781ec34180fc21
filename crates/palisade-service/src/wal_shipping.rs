//! Continuous WAL shipping of a SQLite deployment (see `palisade_backup::pitr`): every
//! `backup.wal_every_seconds` the log gained since the last shipment is sealed into
//! `backup.dir/wal`. A new generation and the first failure after a success are audit events;
//! a failure stays visible (readiness, logs) until a shipment succeeds.

use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::deps::Deps;
use palisade_backup::pitr::{Shipped, WalShipper};
use palisade_backup::BackupError;
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
}

impl WalShipping {
    /// `None` when the log is not shipped: no interval, or a store that has no such log.
    pub(crate) fn new(
        deps: Deps,
        plan: &crate::backups::BackupPlan,
        audit: Audit,
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
        }))
    }

    /// Why the last shipment failed, until one succeeds.
    pub fn last_failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Ships what the log gained since the last shipment.
    pub async fn ship_now(&self) -> Result<Shipped, BackupError> {
        let shipped = self.shipper.lock().await.ship(self.deps.clock()).await;
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

    /// Ships every interval for as long as the server runs.
    pub async fn run(&self) {
        loop {
            tokio::time::sleep(self.every).await;
            // Failures are logged, audited and shown by readiness; the next visit retries.
            let _ = self.ship_now().await;
        }
    }
}
