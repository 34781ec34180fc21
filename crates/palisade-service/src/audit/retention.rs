//! Retention: events older than their workspace's retention are cut away, behind a signed
//! checkpoint at the cut, so the rest of the chain still verifies from there.

use super::Audit;
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
            let cutoff = self.deps().now() - Duration::days(days);
            let cutoff = i64::try_from(cutoff.unix_timestamp_nanos() / 1000).unwrap_or(0);
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
            let signed = self.sign(&log, event.seq, event.hash);
            removed += store.cut_audit_log(&signed).await?;
            tracing::info!(log = %log, through = seq, "audit retention cut");
        }
        Ok(removed)
    }
}
