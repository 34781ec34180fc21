//! Retention: events older than their workspace's retention are cut away, behind a signed
//! checkpoint at the cut, so the rest of the chain still verifies from there.

use super::reading::micros;
use super::{Actor, Audit, Draft, Origin, Resource};
use palisade_core::audit::PLATFORM_LOG;
use palisade_store::{AuditQuery, StoreError};
use time::Duration;

/// How long the platform log keeps events.
pub const PLATFORM_RETENTION_DAYS: i64 = 365;

impl Audit {
    /// Cuts every log at its retention; returns how many events were removed.
    pub async fn apply_retention(&self) -> Result<u64, StoreError> {
        self.flush().await?;
        let store = &self.deps().store;
        let mut logs = store.audit_retention().await?;
        logs.push((PLATFORM_LOG.to_owned(), PLATFORM_RETENTION_DAYS));
        let mut removed = 0;
        for (log, days) in logs {
            let cutoff = micros(self.deps().now() - Duration::days(days));
            let Some(seq) = store.last_audit_seq_before(&log, cutoff).await? else {
                continue;
            };
            let at = AuditQuery {
                after_seq: Some(seq - 1),
                through_seq: Some(seq),
                limit: 1,
                ..AuditQuery::default()
            };
            let Some(event) = store.audit_events(&log, &at).await?.into_iter().next() else {
                continue;
            };
            let cut = self.sign_cut(&log, event.seq, event.hash);
            let recorded = self.entry(
                Draft::success(
                    &log,
                    Actor::System,
                    "audit.retention_cut",
                    Resource::new("audit_log", &log),
                )
                .because("retention"),
                &Origin::system(),
            );
            // One log failing (or already cut by another node) does not stop the others.
            match store.cut_audit_log(&cut, &recorded).await {
                Ok(deleted) => {
                    removed += deleted;
                    self.appended(&log);
                    tracing::info!(log = %log, through = seq, deleted, "audit retention cut");
                }
                Err(err) => tracing::warn!(log = %log, error = %err, "audit retention cut failed"),
            }
        }
        Ok(removed)
    }
}
