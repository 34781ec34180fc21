//! Reading a workspace's log: pages with filters, and its verdict.

use super::Audit;
use palisade_core::audit::{ChainedEvent, Verdict};
use palisade_core::grant::ReadAudit;
use palisade_store::{AuditQuery, Grant, StoreError};
use time::OffsetDateTime;

/// Which events to list; every field is optional.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub after_seq: Option<i64>,
    pub action: Option<String>,
    pub actor: Option<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    pub from: Option<OffsetDateTime>,
    pub to: Option<OffsetDateTime>,
}

pub(crate) fn micros(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1000).unwrap_or(i64::MAX)
}

impl Audit {
    /// Up to `page_size` events of the grant's workspace in sequence order, and the sequence
    /// number to continue after when there are more.
    pub async fn events(
        &self,
        grant: &Grant<ReadAudit>,
        filter: &EventFilter,
        page_size: u32,
    ) -> Result<(Vec<ChainedEvent>, Option<i64>), StoreError> {
        let log = grant.scope().workspace_id().to_string();
        self.log_events(&log, filter, page_size).await
    }

    /// As [`Audit::events`], for any log; callers hold the right to read it.
    pub(crate) async fn log_events(
        &self,
        log: &str,
        filter: &EventFilter,
        page_size: u32,
    ) -> Result<(Vec<ChainedEvent>, Option<i64>), StoreError> {
        self.flush().await?;
        let query = AuditQuery {
            after_seq: filter.after_seq,
            through_seq: None,
            limit: page_size + 1,
            action: filter.action.clone(),
            actor: filter.actor.clone(),
            resource_type: filter.resource_type.clone(),
            resource_id: filter.resource_id.clone(),
            from_micros: filter.from.map(micros),
            to_micros: filter.to.map(micros),
        };
        let mut events = self.deps().store.audit_events(log, &query).await?;
        let more = events.len() > page_size as usize;
        events.truncate(page_size as usize);
        let next = more.then(|| events.last().map(|e| e.seq)).flatten();
        Ok((events, next))
    }

    /// The verdict on the grant's workspace log.
    pub async fn verify_workspace(&self, grant: &Grant<ReadAudit>) -> Result<Verdict, StoreError> {
        self.verify(&grant.scope().workspace_id().to_string()).await
    }
}
